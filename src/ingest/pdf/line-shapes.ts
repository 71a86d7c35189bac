// What a single line of PDF text looks like: a list item, a section heading, a contents-page entry, a field,
// a sentence. Read by the block assembler (line-blocks.ts); nothing here knows about neighbouring lines.
import { tidySpace } from "./flow.ts";

export const HEADING_MAX_WORDS = 12;
/** "8. Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970 (Section H1)" */
const SECTION_HEADING_MAX_WORDS = 22;
export const SENTENCE_CASE_HEADING_MAX_WORDS = 8;

export interface ListMarker {
  ordered: boolean;
  /** 0 = top level. */
  level: number;
  /** The item's text without its bullet or number. */
  text: string;
}

/** Bullet glyphs, including the private-use characters of the Symbol and Wingdings fonts Word bullets use. */
const GLYPH_BULLET = /^[•●◦▪■□○◆◇➢➤►▶✓✔·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8]\s*(\S.*)$/u;
/** Dashes and asterisks are bullets only when a space follows ("- item", not "-5"). */
const DASH_BULLET = /^[-–—*]\s+(\S.*)$/;
const ROMAN_ITEM = /^\(?(i{1,3}|iv|vi{0,3}|ix|x)\)\s+(\S.*)$/;
const LETTER_ITEM = /^(?:\(([a-z])\)|([a-z])[.)])\s+(\S.*)$/;
/** "1.", "1)", "2.1." — a number without a stop after it ("2.5 hours weekly") is a quantity, not an item. */
const NUMBER_ITEM = /^(\d{1,2}(?:\.\d{1,2})*)[.)]\s+(\S.*)$/;

const SUB_BULLETS = new Set(["◦", "○"]);
const SUB_SUB_BULLETS = new Set(["▪", "■", "\uf0a7"]);

export function listMarker(line: string): ListMarker | null {
  const glyph = GLYPH_BULLET.exec(line);
  if (glyph) {
    const bullet = line[0]!;
    return { ordered: false, level: SUB_BULLETS.has(bullet) ? 1 : SUB_SUB_BULLETS.has(bullet) ? 2 : 0, text: glyph[1]! };
  }
  const dash = DASH_BULLET.exec(line);
  if (dash) return { ordered: false, level: 0, text: dash[1]! };
  const roman = ROMAN_ITEM.exec(line);
  if (roman) return { ordered: true, level: 2, text: roman[2]! };
  const letter = LETTER_ITEM.exec(line);
  if (letter) return { ordered: true, level: 1, text: letter[3]! };
  const number = NUMBER_ITEM.exec(line);
  if (number) return { ordered: true, level: number[1]!.split(".").length - 1, text: number[2]! };
  return null;
}

/** "1. Views, interests and aspirations (Section A)": the section named at the end. */
export const SECTION_IN_BRACKETS = /\((?:[Ss]ection|[Pp]art|SECTION|PART)\s+(?:[A-K]|H\s?[12])\)$/u;
const SECTION_HEADING = [
  // "Section A: Views, interests and aspirations", "Part F – The support I will get", "SECTION H1"
  /^(?:[Ss]ection|[Pp]art|SECTION|PART)\s+(?:[A-K]|H\s?[12])(?:\s*$|\s*[:.\-–—]|\s+\p{Lu})/u,
  SECTION_IN_BRACKETS,
  // "H1: Social care provision under section 2 of the CSDPA 1970" under a combined Section H
  /^H[12]\s*[:.\-–—]\s+\p{Lu}/u,
  /^(?:Appendix|Annex|Schedule|APPENDIX|ANNEX|SCHEDULE)\b/u,
];

export const MINOR_WORDS = new Set([
  "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
  "about", "under", "over", "per", "via", "nor", "vs", "&", "–", "-", "—",
]);

export const wordsOf = (text: string): string[] => text.split(" ").filter(Boolean);
/** `wordsOf(text).length`, without making the words: asked of every line, several times. */
export function wordCountOf(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const isSpace = text.charCodeAt(i) === 0x20;
    if (!isSpace && !inWord) words++;
    inWord = !isSpace;
  }
  return words;
}
export const isAllCaps = (text: string): boolean => (text.match(/\p{L}/gu) ?? []).length >= 3 && !/\p{Ll}/u.test(text);
export const isTitleCase = (text: string): boolean =>
  wordsOf(text).every((word) => MINOR_WORDS.has(word.toLowerCase()) || /^[("'‘“]*[\p{Lu}\p{N}&]/u.test(word));
/** "Child's name: Amara Okafor", "Date of plan: 4 June 2024": a title-block field. */
export const FIELD_LINE = /^\p{Lu}[\p{L}'’]*(?: [\p{L}'’]+){0,4}:\s+\S/u;
export const SALUTATION = /^(?:Dear|Yours)\b.*,$/;
/** Short, capitalised, not a sentence or a "Label: value" field. */
export const looksLikeHeadingLine = (text: string): boolean =>
  wordCountOf(text) <= HEADING_MAX_WORDS &&
  /^\p{Lu}/u.test(text) &&
  (text.match(/\p{L}/gu) ?? []).length >= 3 &&
  !/[.,;:]$/.test(text) &&
  !/:\s/.test(text) &&
  count(text, "(") <= count(text, ")") &&
  listMarker(text) === null;
/** At least half the visible characters (UTF-16 units) are letters (counted as characters). Runs on every line. */
export const mostlyLetters = (text: string): boolean => {
  const visible = text.replace(/\s/g, "");
  const letters = visible.replace(/\P{L}/gu, "");
  // A letter outside the Basic Multilingual Plane is two units but one letter.
  const astral = /[\ud800-\udbff]/.test(letters) ? (letters.match(/[\ud800-\udbff]/g) ?? []).length : 0;
  return letters.length - astral >= visible.length / 2;
};
export const startsLowerCase = (text: string): boolean => /^\p{Ll}/u.test(text);
export const count = (text: string, character: string): number => text.split(character).length - 1;
/**
 * A heading that stops on a word that cannot end it ("Section H1: Social care provision under section 2 of the")
 * carries on over the next line ("Chronically Sick and Disabled Persons Act 1970").
 */
export const headingRunsOn = (heading: string, next: string): boolean => {
  const lastWord = heading.split(" ").pop()!;
  // "... Disabled Persons Act" / "1970": a year left on a line of its own.
  if (/^(?:19|20)\d\d$/.test(next) && /\p{L}$/u.test(heading)) return true;
  return (MINOR_WORDS.has(lastWord) && lastWord === lastWord.toLowerCase()) || /[,&\-–—]$/.test(heading) || count(heading, "(") > count(heading, ")");
};
/** A whole sentence: a one-line paragraph. */
export const isSentence = (text: string): boolean => /^[\p{Lu}"“'‘]/u.test(text) && /[.!?]["'”’)]*$/.test(text);
/** Starts the way a new paragraph or item starts. */
export const startsNewUnit = (text: string): boolean => /^[\p{Lu}\p{N}"“'‘]/u.test(text) || listMarker(text) !== null;

/** A page number at the end of a contents-page entry: after dot leaders, or after a space (but not "Year 6"). */
export const LEADER_PAGE_NUMBER = /\s*(?:\.{4,}|…{2,}|(?:\. ){3,}\.?)\s*(\d{1,3})$/;
const SPACED_PAGE_NUMBER = /(?<!\b(?:year|stage|step|phase|level|part|section|appendix|annex|schedule|outcome|group|class|room|area|h))\s+\d{1,3}$/i;

/**
 * "Section A: Views, interests and aspirations ..... 3" on a contents page names a section without being it, so
 * it is kept as a paragraph, not a heading (sections.ts must not start section A there).
 */
export function isContentsEntry(text: string): boolean {
  // Cheap tests first: this runs on every line, and on whole paragraphs.
  if (!/\d$/.test(text)) return false;
  if (LEADER_PAGE_NUMBER.test(text.slice(-120))) return true;
  if (text.length > 200) return false;
  const title = text.replace(SPACED_PAGE_NUMBER, "");
  return title !== text && wordCountOf(title) >= 3 && isSectionHeading(title);
}

export function isSectionHeading(text: string): boolean {
  return wordCountOf(text) <= SECTION_HEADING_MAX_WORDS && !/[.,;]$/.test(text) && SECTION_HEADING.some((pattern) => pattern.test(text));
}

/** The usual length of a full line of body text, in characters (Infinity when there is too little text to tell). */
export function typicalLineWidth(lines: readonly string[]): number {
  const lengths = lines.map(tidySpace).filter((line) => wordCountOf(line) >= 5).map((line) => line.length).sort((a, b) => b - a);
  if (lengths.length < 5) return Infinity;
  return lengths[Math.floor(lengths.length * 0.1)]!;
}
