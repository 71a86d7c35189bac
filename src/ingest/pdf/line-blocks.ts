// The reading-order flow of lines and tables -> RawBlocks. A PDF keeps neither paragraphs nor styles (and
// pdf-parse's page text keeps neither blank lines between paragraphs nor indentation), so all of this is read
// from the text itself, measuring lines in characters against the document's usual full line:
// - A paragraph ends at a blank line; after a short line (under 70% of a full line) when the next line starts
//   with a capital, a digit or a bullet; and at a line ending in . : ; ? ! followed by such a line. It runs on
//   over a hyphen at the line end followed by lower case, and over a bracket left open. At a page break it runs
//   on only when its sentence clearly does (no full stop, and the next page starts in lower case or the line
//   ends in a comma or hyphen). Contents-page entries ("Section A: ... 3") are a paragraph each.
// - A line starting with a bullet or a number ("1.", "1)", "a)", "(i)", "2.1.") starts a list item; the lines
//   after it are joined to it by the same rules as paragraphs.
// - A standalone short line is a heading when it reads like one: "Section A: ...", "Part F – ...",
//   "1. ... (Section A)", "Appendix ..." (level 1); or, when it also starts a block and the next line does not
//   run on in lower case, an ALL CAPS or Title Case line, or a sentence-case line of up to 8 words followed by
//   a full line, a list or a table (level 2). Lines ending in . , ; : and "Label: value" lines never are.
import type { RawBlock } from "../raw.ts";
import { endsTerminal, tidySpace } from "./flow.ts";
import type { FlowItem, FlowLine } from "./flow.ts";
import { endsWithHyphen, Hyphenation } from "./hyphenation.ts";
import { firstRowIsHeader } from "./page-tables.ts";

/** A line shorter than this share of the usual full line ends its paragraph. */
const SHORT_LINE_SHARE = 0.7;
const HEADING_MAX_WORDS = 12;
/** "8. Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970 (Section H1)" */
const SECTION_HEADING_MAX_WORDS = 22;
const SENTENCE_CASE_HEADING_MAX_WORDS = 8;

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
const SECTION_IN_BRACKETS = /\((?:[Ss]ection|[Pp]art|SECTION|PART)\s+(?:[A-K]|H\s?[12])\)$/u;
const SECTION_HEADING = [
  // "Section A: Views, interests and aspirations", "Part F – The support I will get", "SECTION H1"
  /^(?:[Ss]ection|[Pp]art|SECTION|PART)\s+(?:[A-K]|H\s?[12])(?:\s*$|\s*[:.\-–—]|\s+\p{Lu})/u,
  SECTION_IN_BRACKETS,
  // "H1: Social care provision under section 2 of the CSDPA 1970" under a combined Section H
  /^H[12]\s*[:.\-–—]\s+\p{Lu}/u,
  /^(?:Appendix|Annex|Schedule|APPENDIX|ANNEX|SCHEDULE)\b/u,
];

const MINOR_WORDS = new Set([
  "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
  "about", "under", "over", "per", "via", "nor", "vs", "&", "–", "-", "—",
]);

const wordsOf = (text: string): string[] => text.split(" ").filter(Boolean);
const isAllCaps = (text: string): boolean => (text.match(/\p{L}/gu) ?? []).length >= 3 && !/\p{Ll}/u.test(text);
const isTitleCase = (text: string): boolean =>
  wordsOf(text).every((word) => MINOR_WORDS.has(word.toLowerCase()) || /^[("'‘“]*[\p{Lu}\p{N}&]/u.test(word));
/** "Child's name: Amara Okafor", "Date of plan: 4 June 2024": a title-block field. */
const FIELD_LINE = /^\p{Lu}[\p{L}'’]*(?: [\p{L}'’]+){0,4}:\s+\S/u;
const SALUTATION = /^(?:Dear|Yours)\b.*,$/;
/** Short, capitalised, not a sentence or a "Label: value" field. */
const looksLikeHeadingLine = (text: string): boolean =>
  wordsOf(text).length <= HEADING_MAX_WORDS &&
  /^\p{Lu}/u.test(text) &&
  (text.match(/\p{L}/gu) ?? []).length >= 3 &&
  !/[.,;:]$/.test(text) &&
  !/:\s/.test(text) &&
  count(text, "(") <= count(text, ")") &&
  listMarker(text) === null;
const mostlyLetters = (text: string): boolean => {
  const visible = text.replace(/\s/g, "");
  return (visible.match(/\p{L}/gu) ?? []).length >= visible.length / 2;
};
const startsLowerCase = (text: string): boolean => /^\p{Ll}/u.test(text);
const count = (text: string, character: string): number => text.split(character).length - 1;
/**
 * A heading that stops on a word that cannot end it ("Section H1: Social care provision under section 2 of the")
 * carries on over the next line ("Chronically Sick and Disabled Persons Act 1970").
 */
const headingRunsOn = (heading: string, next: string): boolean => {
  const lastWord = heading.split(" ").pop()!;
  // "... Disabled Persons Act" / "1970": a year left on a line of its own.
  if (/^(?:19|20)\d\d$/.test(next) && /\p{L}$/u.test(heading)) return true;
  return (MINOR_WORDS.has(lastWord) && lastWord === lastWord.toLowerCase()) || /[,&\-–—]$/.test(heading) || count(heading, "(") > count(heading, ")");
};
/** A whole sentence: a one-line paragraph. */
const isSentence = (text: string): boolean => /^[\p{Lu}"“'‘]/u.test(text) && /[.!?]["'”’)]*$/.test(text);
/** Starts the way a new paragraph or item starts. */
const startsNewUnit = (text: string): boolean => /^[\p{Lu}\p{N}"“'‘]/u.test(text) || listMarker(text) !== null;

/** A page number at the end of a contents-page entry: after dot leaders, or after a space (but not "Year 6"). */
const LEADER_PAGE_NUMBER = /\s*(?:\.{4,}|…{2,}|(?:\. ){3,}\.?)\s*(\d{1,3})$/;
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
  return title !== text && wordsOf(title).length >= 3 && isSectionHeading(title);
}

export function isSectionHeading(text: string): boolean {
  return wordsOf(text).length <= SECTION_HEADING_MAX_WORDS && !/[.,;]$/.test(text) && SECTION_HEADING.some((pattern) => pattern.test(text));
}

/** The usual length of a full line of body text, in characters (Infinity when there is too little text to tell). */
export function typicalLineWidth(lines: readonly string[]): number {
  const lengths = lines.map(tidySpace).filter((line) => wordsOf(line).length >= 5).map((line) => line.length).sort((a, b) => b - a);
  if (lengths.length < 5) return Infinity;
  return lengths[Math.floor(lengths.length * 0.1)]!;
}

interface OpenBlock {
  kind: "paragraph" | "list-item" | "heading";
  ordered: boolean;
  level: number;
  text: string;
  /** The lines as printed, bullet or number included, joined with spaces. */
  printed: string;
  lineCount: number;
  lastLine: string;
  page: number;
  lastPage: number;
}

class BlockAssembler {
  private readonly blocks: RawBlock[] = [];
  private open: OpenBlock | null = null;
  /** The last block was a contents-page entry: the next line may be an entry wrapped over two lines. */
  private afterContentsEntry = false;

  /**
   * @param flow the lines and tables to build blocks from
   * @param lineWidth the usual full line, in characters
   * @param narrow the lines wrap in a narrow table column, where a name or a long word often leaves a short line
   *   ("Sarah and David" / "Okafor"): there a short line ends a paragraph only when a full line follows it.
   */
  constructor(
    private readonly flow: readonly FlowItem[],
    private readonly hyphenation: Hyphenation,
    private readonly lineWidth: number,
    private readonly narrow = false,
  ) {}

  /** Unknown (false) when the document has too few lines to know its usual line width. */
  private isShort(line: string): boolean {
    return Number.isFinite(this.lineWidth) && line.length < this.lineWidth * SHORT_LINE_SHARE;
  }

  /** `text` is short and is the last line of its block (nothing, or a new unit, follows it). */
  private isShortLine(text: string, next: FlowItem | undefined): boolean {
    return this.isShort(text) || next === undefined || next.kind === "table";
  }

  /**
   * Whether `text` on `page` starts a new block rather than carrying on the open one. A sentence that happens to
   * end at the margin inside a paragraph is read as a paragraph end: measured on the sample plans, guessing from
   * how full the line is got more paragraphs wrong than it put right.
   */
  private startsBlock(text: string, page: number, next: FlowItem | undefined): boolean {
    const open = this.open;
    if (open === null) return true;
    const last = open.lastLine;
    const terminal = endsTerminal(last);
    if (page !== open.lastPage) return terminal || !(startsLowerCase(text) || /[,\-–]$/.test(last));
    if (endsWithHyphen(last) && startsLowerCase(text)) return false;
    // "Need (see" / "Section B)": a bracket left open runs on to the next line.
    if (count(last, "(") > count(last, ")")) return false;
    // Each contents-page entry, "Label: value" field and "Dear ...," is a paragraph of its own.
    if (isContentsEntry(last) || SALUTATION.test(text) || SALUTATION.test(last)) return true;
    // A contents entry starts a paragraph, unless it ends one wrapped from the line before, between entries.
    if (isContentsEntry(text) && !(this.afterContentsEntry && open.lineCount === 1)) return true;
    // A title block's fields, one per line: after a title line or another field (not inside a sentence that
    // happens to wrap before "Code of Practice: 0 to 25 years").
    const lastRunsOn = /[,(\-–]$/.test(last) || MINOR_WORDS.has(last.split(" ").pop()!);
    if ((FIELD_LINE.test(text) && (FIELD_LINE.test(last) || looksLikeHeadingLine(last))) || (FIELD_LINE.test(last) && !lastRunsOn && startsNewUnit(text))) return true;
    if (this.isShort(last) && startsNewUnit(text) && (!this.narrow || terminal || !this.isShortLine(text, next))) return true;
    return terminal && startsNewUnit(text);
  }

  private headingLevel(text: string, startsBlock: boolean, index: number): number | null {
    const next = this.flow[index + 1];
    const nextRunsOn = next?.kind === "line" && startsLowerCase(tidySpace(next.text));
    if (!mostlyLetters(text) || isContentsEntry(text)) return null;
    // A section heading is distinctive enough to stand even after a line with no full stop, unless the text
    // around it reads as one sentence ("... as set out in" / "Section F: the provision ... and" / "we ...").
    if (isSectionHeading(text) && (startsBlock || !nextRunsOn)) return 1;
    if (!startsBlock || nextRunsOn || !looksLikeHeadingLine(text)) return null;
    // Names and addresses are shaped like headings too, but are followed by more address or a "Dear ...,".
    // A heading is followed by body text, or (a title's first line) by another heading-like line.
    if (this.bodyFollows(index + 1, 1)) return isAllCaps(text) || isTitleCase(text) || wordsOf(text).length <= SENTENCE_CASE_HEADING_MAX_WORDS ? 2 : null;
    const nextText = next?.kind === "line" ? tidySpace(next.text) : "";
    return !this.narrow && (isAllCaps(text) || isTitleCase(text)) && (looksLikeHeadingLine(nextText) || FIELD_LINE.test(nextText)) ? 2 : null;
  }

  /**
   * The item at `index` opens body text: a table, a list item, a section heading or a full line of a paragraph,
   * possibly after up to `subheadings` heading-like lines ("Assessment" / "Cognitive abilities" / paragraph).
   */
  private bodyFollows(index: number, subheadings: number): boolean {
    const item = this.flow[index];
    if (item === undefined) return false;
    if (item.kind === "table") return true;
    const text = tidySpace(item.text);
    if (text === "") return this.bodyFollows(index + 1, subheadings);
    if (listMarker(text) !== null || isSectionHeading(text) || isSentence(text) || (startsNewUnit(text) && !this.isShort(text))) return true;
    return subheadings > 0 && looksLikeHeadingLine(text) && this.bodyFollows(index + 1, subheadings - 1);
  }

  private flush(): void {
    const open = this.open;
    if (open === null) return;
    const location = { page: open.page };
    // A contents-page entry is kept as printed ("1. Views ... (Section A) 3"), numbered or not, without dot leaders.
    this.afterContentsEntry = open.kind !== "heading" && isContentsEntry(open.printed);
    if (this.afterContentsEntry) {
      this.blocks.push({ kind: "paragraph", text: open.printed.replace(LEADER_PAGE_NUMBER, " $1"), location });
      this.open = null;
      return;
    }
    this.blocks.push(
      open.kind === "list-item"
        ? { kind: "list-item", level: open.level, ordered: open.ordered, text: open.text, location }
        : open.kind === "heading"
          ? { kind: "heading", level: open.level, text: open.text, location }
          : { kind: "paragraph", text: open.text, location },
    );
    this.open = null;
  }

  private openBlock(kind: OpenBlock["kind"], text: string, page: number, marker?: ListMarker, level = 0): void {
    this.flush();
    this.open = { kind, ordered: marker?.ordered ?? false, level: marker?.level ?? level, text: marker?.text ?? text, printed: text, lineCount: 1, lastLine: text, page, lastPage: page };
  }

  private append(text: string, page: number): void {
    const open = this.open!;
    open.text = endsWithHyphen(open.text) ? this.hyphenation.join(open.text, text) : this.hyphenation.joinWrapped(open.text, text);
    open.printed += ` ${text}`;
    open.lineCount++;
    open.lastLine = text;
    open.lastPage = page;
  }

  private line(item: FlowLine, index: number): void {
    const next = this.flow[index + 1];
    const text = tidySpace(item.text);
    if (text === "") return this.flush();
    const marker = listMarker(text);
    if (this.open?.kind === "heading") {
      const runsOn = item.page === this.open.lastPage && headingRunsOn(this.open.text, text) && wordsOf(text).length <= HEADING_MAX_WORDS;
      if (runsOn && marker === null && !isSectionHeading(text)) return this.append(text, item.page);
      this.flush();
    }
    // "8. Social care provision under section 2 of the Chronically Sick and" / "Disabled Persons Act 1970
    // (Section H1)": a heading wrapped over two lines whose first line read as a list item or paragraph.
    const open = this.open;
    if (open !== null && open.kind !== "heading" && open.lineCount === 1 && open.lastPage === item.page && !endsTerminal(open.printed) && SECTION_IN_BRACKETS.test(text)) {
      const heading = `${open.printed} ${text}`;
      if (isSectionHeading(heading) && !isContentsEntry(heading)) {
        this.open = null;
        return this.openBlock("heading", heading, open.page, undefined, 1);
      }
    }
    const startsBlock = this.startsBlock(text, item.page, next);
    const level = this.headingLevel(text, startsBlock, index);
    if (level !== null) return this.openBlock("heading", text, item.page, undefined, level);
    // A dash at the start of a wrapped line inside a running sentence is punctuation, not a bullet.
    const dashInSentence = marker !== null && /^[-–—]/.test(text) && !startsBlock && startsLowerCase(marker.text);
    if (marker !== null && !dashInSentence) return this.openBlock("list-item", text, item.page, marker);
    if (!startsBlock) return this.append(text, item.page);
    this.openBlock("paragraph", text, item.page);
  }

  private table(rows: string[][], page: number): void {
    this.flush();
    const widths = columnWidths(rows);
    const cells = rows.map((row) => row.map((cell, column) => cellText(cell, widths[column] ?? Infinity, this.hyphenation))).filter((row) => row.some((cell) => cell !== ""));
    const hasHeader = firstRowIsHeader(cells);
    this.blocks.push({ kind: "table", header: hasHeader ? cells[0]! : [], rows: hasHeader ? cells.slice(1) : cells, location: { page } });
  }

  build(): RawBlock[] {
    this.flow.forEach((item, index) => {
      if (item.kind === "table") this.table(item.rows, item.page);
      else this.line(item, index);
    });
    this.flush();
    return this.blocks;
  }
}

/** The longest line in each column: the width a cell's lines wrap at. */
function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      for (const line of cell.split("\n")) widths[column] = Math.max(widths[column] ?? 0, tidySpace(line).length);
    });
  }
  return widths;
}

/**
 * A table cell's text: its wrapped lines joined into paragraphs, list items and headings by the same rules as
 * the page's text (at the column's own line width), one per line, without bullets or numbers — as the DOCX
 * reader gives a cell's paragraphs.
 */
export function cellText(cell: string, lineWidth: number, hyphenation: Hyphenation): string {
  const lines: FlowLine[] = cell.split("\n").map((text) => ({ kind: "line", text, page: 0 }));
  return new BlockAssembler(lines, hyphenation, lineWidth, true)
    .build()
    .map((block) => (block.kind === "table" ? "" : block.text))
    .filter((text) => text !== "")
    .join("\n");
}

export function blocksFromFlow(flow: readonly FlowItem[]): RawBlock[] {
  const lines = flow.flatMap((item) => (item.kind === "line" ? [item.text] : []));
  const cells = flow.flatMap((item) => (item.kind === "table" ? item.rows.flat().map((cell) => cell.split("\n")) : []));
  return new BlockAssembler(flow, new Hyphenation([lines, ...cells]), typicalLineWidth(lines)).build();
}
