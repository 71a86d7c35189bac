// Reading one line of text as a plan section heading, in any of the templates local authorities use:
//   "Section A: Views, interests and aspirations"   "Section F – Special educational provision"
//   "Part A – All about me"                          "Part F: The support I will get"
//   "1. Views, interests and aspirations (Section A)"
//   "A. Views, interests and aspirations"            "H1: Social care provision under section 2 ..."
//   "Special Educational Needs", "Outcomes"          (meaning alone: the rule set's alias phrases)
// The phrases are data (rules/default.json `sections.aliases`), so an LA can add its own without code.
import type { SectionId } from "../model/document.ts";
import { TextMemo } from "../text/text-memo.ts";
import { countWords } from "../text/words.ts";
import { namesAdvice, sectionsByMeaning, titleCore } from "./section-meaning.ts";

/** A plan section, or "H": a combined social care heading that is split into H1/H2 by what it contains. */
export type SectionKey = SectionId | "H";

/** The shape of a rule set's `sections.aliases`: section key -> lower-case heading phrases. */
export type SectionAliases = Partial<Record<SectionKey, readonly string[]>>;

export interface HeadingMatch {
  id: SectionKey;
  /** Every section the heading names, `id` first: several for a combined part ("Sections C and G", "Health: needs and provision"). */
  ids: SectionKey[];
  /** What named the section: its letter, a rule-set alias, or the meaning of the heading's words. */
  by: "letter" | "alias" | "meaning";
  /** True when the heading names its letter ("Section A", "Part F", "(Section B)", "H1:"). */
  explicit: boolean;
  /** True when the line ends in a page number or dot leaders: a contents entry, not the section itself. */
  contentsEntry: boolean;
}

/** Where the text comes from: the stricter the context, the less it takes to be a heading. */
export type HeadingContext =
  /** A heading-styled paragraph (DOCX) or a line the PDF reader judged a heading. */
  | "heading"
  /** A plain paragraph or list item: only short ones can be headings. */
  | "paragraph"
  /** The first cell of a table row. A bare letter ("A", "Section A") is a label there. */
  | "table-label";

/** A styled heading may be a statutory long title (H1's runs to nearly 30 words). */
const MAX_WORDS: Record<HeadingContext, number> = { heading: 30, paragraph: 20, "table-label": 20 };
const MAX_HEADING_CHARACTERS = 250;
/** Words in an unknown title after a letter, outside a styled heading. */
const PLAIN_TITLE_MAX_WORDS = 8;
/** Words allowed after an alias phrase in a heading by meaning ("Outcomes for Ava" is still E). */
const MEANING_TAIL_WORDS: Record<HeadingContext, number> = { heading: 8, paragraph: 4, "table-label": 6 };

const LETTER = String.raw`(H\s?[12]|[A-K])`;
/** Leading numbering: "1.", "2)", "3.1", "2a.", "iv.", "Part 1:", "Section 3" (a number, not a letter). */
const NUMBERING = /^(?:(?:part|section|chapter)\s+(?:\d{1,2}[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten)\s*[:.\-–—)]?|\d{1,2}[a-z]?(?:\.\d{1,2})*[.)]?|[ivx]{1,4}[.)])\s+/i;
/** Numbering that only a heading carries: "Part 1 —", "Section 3:" (a list item's "1." may be a field). */
const PART_NUMBERING = /^(?:part|section|chapter)\s+(?:\d{1,2}[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten)\s*[:.\-–—)]?\s/i;
/** Several letters in one heading: "Sections C and G", "(Sections D, H1 and H2)", "Parts B, E and F". */
const LETTER_LIST = new RegExp(String.raw`\b(?:sections?|parts?)\s+((?:H\s?[12]|[A-K])(?:\s*(?:,|and|&|\/|\+)\s*(?:H\s?[12]|[A-K]))+)(?![\p{L}\p{N}])`, "iu");
/** "(B) Special educational needs" after a number: "Section 3 (B)". */
const BRACKETED_FIRST = new RegExp(String.raw`^[(\[]\s*${LETTER}\s*[)\]]\s*(.*)$`, "u");
const SEPARATOR = String.raw`[:.\-–—)]`;
/** "Section A: title", "Part F – title", "SECTION B title", "Section C" (not "Section B)", the end of a bracket). */
const SECTION_WORD_FIRST = new RegExp(String.raw`^(?:section|part)\s+${LETTER}(?![\p{L}\p{N}])(?!\s*\)\s*$)\s*(${SEPARATOR}?)\s*(.*)$`, "iu");
/** "Views, interests and aspirations (Section A)". */
const LETTER_IN_BRACKETS = new RegExp(String.raw`^(.+?)\s*[(\[]\s*(?:(?:section|part)\s+)?${LETTER}\s*[)\]]$`, "iu");
/** "A. Views, interests and aspirations", "H1 – Social care provision ...": the title must be a known phrase. */
const LETTER_FIRST = new RegExp(String.raw`^${LETTER}(?:\s*${SEPARATOR}\s*|\s+)(\S.*)$`, "u");
/** A table label cell holding only the letter: "A", "Section A", "Part F". */
const BARE_LETTER = new RegExp(String.raw`^(?:(?:section|part)\s+)?${LETTER}$`, "iu");
/** A contents entry's page number: "... aspirations ........ 3", "... aspirations 3". */
const PAGE_NUMBER = /(?:\s*(?:\.{2,}|…+|_{2,})\s*|\s+)(\d{1,3})$/;

/** Lower case, letters and digits only, "&" as "and", "the" dropped: how headings and aliases are compared. */
export function normalizePhrase(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((word) => word !== "" && word !== "the")
    .join(" ");
}

function keyOfLetter(letter: string): SectionKey {
  return letter.replace(/\s+/g, "").toUpperCase() as SectionKey;
}

/** True when the letter was written in capitals ("Section A", not "section a" inside a sentence). */
function isCapitalLetter(letter: string): boolean {
  return letter === letter.toUpperCase();
}

interface AliasPhrase {
  phrase: string;
  id: SectionKey;
  words: number;
  commas: number;
}

/** Indexes already built, by the rule set's aliases (the same object for every document a rule set reads). */
const indexes = new WeakMap<SectionAliases, AliasIndex>();
/** Characters of lines remembered per index: a document's lines are read as headings in several passes, and plans share headings. */
const LINE_CHARACTERS = 500_000;

/** The alias phrases by their first word, longest first, so "health needs related to sen" wins over "health needs". */
export class AliasIndex {
  private readonly byFirstWord = new Map<string, AliasPhrase[]>();
  private readonly starts = new TextMemo<{ id: SectionKey; tailWords: number } | null>(LINE_CHARACTERS);
  /** matchSectionHeading's answers, by context and line. */
  readonly headings = new TextMemo<HeadingMatch | null>(LINE_CHARACTERS);

  constructor(aliases: SectionAliases) {
    for (const [id, list] of Object.entries(aliases) as [SectionKey, readonly string[] | undefined][]) {
      for (const alias of list ?? []) {
        const phrase = normalizePhrase(alias);
        if (phrase === "") continue;
        const firstWord = phrase.split(" ", 1)[0]!;
        const bucket = this.byFirstWord.get(firstWord) ?? [];
        bucket.push({ phrase, id, words: phrase.split(" ").length, commas: commaCount(alias) });
        this.byFirstWord.set(firstWord, bucket);
      }
    }
    for (const bucket of this.byFirstWord.values()) bucket.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** The index for a rule set's aliases, built once. */
  static of(aliases: SectionAliases): AliasIndex {
    let index = indexes.get(aliases);
    if (!index) indexes.set(aliases, (index = new AliasIndex(aliases)));
    return index;
  }

  /**
   * The section whose alias the text starts with (longest alias wins), and how many words follow it. Words after
   * the alias are a title's qualifier ("Outcomes for Ava"), so a short alias allows only a few, and none after a
   * comma the alias does not have ("SEN Assessment Team, Civic Centre" is an address, not section B).
   */
  matchStart(text: string): { id: SectionKey; tailWords: number } | null {
    return this.starts.get(text, () => this.findStart(text));
  }

  private findStart(text: string): { id: SectionKey; tailWords: number } | null {
    const normalized = normalizePhrase(text);
    for (const { phrase, id, words, commas } of this.byFirstWord.get(normalized.split(" ", 1)[0]!) ?? []) {
      if (normalized === phrase) return { id, tailWords: 0 };
      if (!normalized.startsWith(`${phrase} `)) continue;
      const tailWords = normalized.slice(phrase.length + 1).split(" ").length;
      if (tailWords > 2 * words + 1 || commaCount(text) > commas) continue;
      return { id, tailWords };
    }
    return null;
  }

  /** The section the whole text names (an alias plus at most `maxTail` more words). */
  match(text: string, maxTail = 0): SectionKey | null {
    const found = this.matchStart(text);
    return found && found.tailWords <= maxTail ? found.id : null;
  }
}


const commaCount = (text: string): number => (text.match(/,/g) ?? []).length;

/** A title after the letter: empty, a known phrase, or something that reads like a title rather than a sentence. */
function isTitleLike(title: string, hasSeparator: boolean, context: HeadingContext, aliases: AliasIndex): boolean {
  if (title === "") return true;
  if (aliases.matchStart(title)) return true;
  // "Section F of this plan sets out ..." is a sentence that mentions a section, not a heading.
  if (!hasSeparator && !/^[\p{Lu}\p{N}"“‘'(]/u.test(title)) return false;
  // Outside a styled heading, a long title that names no section is a sentence ("Section F: please change ...").
  if (context !== "heading" && (/[.;,]$/.test(title) || countWords(title) > PLAIN_TITLE_MAX_WORDS)) return false;
  return true;
}

/** Whether a title agrees with the letter written before or after it ("A) My views ..."): by alias or by meaning. */
function titleAgrees(id: SectionKey, title: string, aliases: AliasIndex): boolean {
  const byAlias = aliases.matchStart(title)?.id;
  if (byAlias !== undefined) return true;
  const meant = sectionsByMeaning(title);
  const family = (key: SectionKey): string => (key === "H1" || key === "H2" ? "H" : key);
  return meant.some((key) => family(key) === family(id));
}

/** The letters a "Sections C and G" list names, in the order written. */
function letterList(text: string): SectionKey[] | null {
  const list = LETTER_LIST.exec(text);
  if (!list) return null;
  const letters = list[1]!.match(/H\s?[12]|[A-K]/g) ?? [];
  if (letters.length < 2 || letters.some((letter) => !isCapitalLetter(letter))) return null;
  return [...new Set(letters.map(keyOfLetter))];
}

/** The letter-bearing forms: "Section A: ...", "... (Section A)", "A. <known title>", "Sections C and G", and a bare "A" in a table. */
function matchExplicit(text: string, context: HeadingContext, aliases: AliasIndex): SectionKey[] | null {
  const unnumbered = text.replace(NUMBERING, "");
  // "Health: needs and provision (Sections C and G)": a combined part names its letters as a list.
  const listed = letterList(unnumbered);
  if (listed && (/^(?:sections?|parts?)\s/i.test(unnumbered) || /[(\[]\s*(?:sections?|parts?)\s[^)\]]*[)\]]$/i.test(unnumbered))) return listed;
  const sectionFirst = SECTION_WORD_FIRST.exec(unnumbered);
  if (sectionFirst && isCapitalLetter(sectionFirst[1]!) && isTitleLike(sectionFirst[3]!, sectionFirst[2] !== "", context, aliases)) {
    return [refineH(keyOfLetter(sectionFirst[1]!), sectionFirst[3]!, aliases)];
  }
  const bracketed = LETTER_IN_BRACKETS.exec(unnumbered);
  if (bracketed && isCapitalLetter(bracketed[2]!)) {
    const hasSectionWord = /[(\[]\s*(?:section|part)\s/i.test(unnumbered);
    // "(A)" alone is only a heading when the title before it agrees with the letter.
    if (hasSectionWord || titleAgrees(keyOfLetter(bracketed[2]!), bracketed[1]!, aliases)) return [refineH(keyOfLetter(bracketed[2]!), bracketed[1]!, aliases)];
  }
  const bracketFirst = BRACKETED_FIRST.exec(unnumbered);
  if (bracketFirst && (bracketFirst[2] === "" || titleAgrees(keyOfLetter(bracketFirst[1]!), bracketFirst[2]!, aliases))) {
    return [refineH(keyOfLetter(bracketFirst[1]!), bracketFirst[2]!, aliases)];
  }
  // "A) My views ...", "H1. Social care provision": the title must agree with the letter ("A. Smith" is a name).
  const letterFirst = LETTER_FIRST.exec(text);
  if (letterFirst && titleAgrees(keyOfLetter(letterFirst[1]!), letterFirst[2]!, aliases)) return [refineH(keyOfLetter(letterFirst[1]!), letterFirst[2]!, aliases)];
  if (context === "table-label") {
    const bare = BARE_LETTER.exec(text);
    if (bare && isCapitalLetter(bare[1]!)) return [keyOfLetter(bare[1]!)];
  }
  return null;
}

/** "Section H: Social care provision under section 2 of the CSDPA" is H1 even though its letter is plain H. */
function refineH(id: SectionKey, title: string, aliases: AliasIndex): SectionKey {
  if (id !== "H") return id;
  const byTitle = aliases.matchStart(title)?.id;
  return byTitle === "H1" || byTitle === "H2" ? byTitle : "H";
}

/** The title part of a heading line: without numbering, "Section A:" or "A." before it, or "(Section A)" after it. */
export function headingTitle(text: string): string {
  const line = text.replace(/\s+/g, " ").trim().replace(NUMBERING, "");
  const sectionFirst = SECTION_WORD_FIRST.exec(line);
  if (sectionFirst) return sectionFirst[3]!;
  const bracketed = LETTER_IN_BRACKETS.exec(line);
  if (bracketed) return bracketed[1]!;
  return LETTER_FIRST.exec(line)?.[2] ?? line;
}

/**
 * Reads `text` (one heading, line breaks already folded) as a section heading, or returns null.
 * Headings by meaning alone are returned with `explicit: false`; the caller decides whether the
 * document's template uses them.
 */
export function matchSectionHeading(text: string, context: HeadingContext, aliases: AliasIndex): HeadingMatch | null {
  // Headings are short: most blocks are ruled out by their length before any pattern is tried.
  if (text.length > MAX_HEADING_CHARACTERS) return null;
  const match = aliases.headings.get(`${context}\u0000${text}`, () => readHeading(text, context, aliases));
  // A copy: callers may change what they are given.
  return match && { ...match, ids: [...match.ids] };
}

function readHeading(text: string, context: HeadingContext, aliases: AliasIndex): HeadingMatch | null {
  let line = text.replace(/\s+/g, " ").trim();
  if (line === "" || countWords(line) > MAX_WORDS[context]) return null;
  let contentsEntry = false;
  const page = PAGE_NUMBER.exec(line);
  if (page && !/\b(?:section|part)\s+H\s?$/i.test(line.slice(0, page.index))) {
    const withoutPage = line.slice(0, page.index).trim();
    if (withoutPage !== "" && (matchExplicit(withoutPage, context, aliases) || matchMeaning(withoutPage, context, aliases))) {
      line = withoutPage;
      contentsEntry = true;
    }
  }
  const explicit = matchExplicit(line, context, aliases);
  if (explicit) return { id: explicit[0]!, ids: explicit, by: "letter", explicit: true, contentsEntry };
  const meaning = matchMeaning(line, context, aliases);
  return meaning ? { id: meaning.ids[0]!, ids: meaning.ids, by: meaning.by, explicit: false, contentsEntry } : null;
}

/** Words of a heading by meaning alone; a longer line is a sentence that uses a section's words. */
const MEANING_MAX_WORDS: Record<HeadingContext, number> = { heading: 16, paragraph: 16, "table-label": 12 };

/** A heading by meaning: a rule-set alias first (an LA's own wording), then the statutory meaning of its words. */
function matchMeaning(line: string, context: HeadingContext, aliases: AliasIndex): { ids: SectionKey[]; by: "alias" | "meaning" } | null {
  // A plain paragraph ending like a sentence or a field label ("Outcomes:") is text, not a heading.
  if (context === "paragraph" && (/[.;,:]$/.test(line) || !/^[\p{Lu}\p{N}"“‘']/u.test(line))) return null;
  const title = line.replace(NUMBERING, "");
  // A statutory long title is read without who it is about and why ("... of the child or young person").
  const core = titleCore(title);
  const byAlias = aliases.match(title, MEANING_TAIL_WORDS[context]) ?? aliases.match(core.text, MEANING_TAIL_WORDS[context]);
  const meant = core.words > MEANING_MAX_WORDS[context] || /[.;!?]$/.test(title) ? [] : sectionsByMeaning(title);
  // "Health needs and health provision" starts with an alias but names two sections: a combined part.
  if (byAlias && byAlias !== "K" && namesAdvice(title)) return null;
  if (byAlias && !(meant.length > 1 && meant.includes(byAlias))) return { ids: [byAlias], by: "alias" };
  // "School: Oakfield Primary" is a labelled fact, not a heading; a styled heading may still use a colon.
  // After "Part 1 —" or "Section 2:" the line is a heading whatever punctuation its title uses.
  if (context !== "heading" && /\S:\s+\S/.test(title) && !PART_NUMBERING.test(line)) return null;
  return meant.length > 0 ? { ids: meant, by: "meaning" } : null;
}

/**
 * A line inside a combined "Section H" that starts its H1 or H2 part while carrying its own text:
 * "H1: Ava receives ...", "Social care provision under section 2 of the CSDPA 1970: ...".
 */
export function inlineSubsectionMarker(text: string, aliases: AliasIndex): "H1" | "H2" | null {
  const line = text.replace(/\s+/g, " ").trim();
  const lettered = /^(?:(?:section|part)\s+)?H\s?([12])\s*[:.\-–—)]\s*\S/i.exec(line);
  if (lettered) return lettered[1] === "1" ? "H1" : "H2";
  const colon = /^([^:.–—]{3,160})\s*[:.–—]\s*\S/.exec(line);
  if (colon) {
    const id = aliases.match(colon[1]!, 2);
    if (id === "H1" || id === "H2") return id;
  }
  return null;
}
