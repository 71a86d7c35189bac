// The reading-order flow of lines and tables -> RawBlocks. A PDF keeps neither paragraphs nor styles (and
// pdf-parse's page text keeps neither blank lines between paragraphs nor indentation), so all of this is read
// from the text itself, measuring lines in characters against the document's usual full line:
// - A paragraph ends at a blank line; after a short line (under 70% of a full line) when the next line starts
//   with a capital, a digit or a bullet; and at a line ending in . : ; ? ! followed by such a line — unless that
//   line is full (the next word could not have fitted on it), when it is more likely a sentence that happened to
//   end at the margin inside a paragraph. At a page break a paragraph runs on only when its sentence clearly
//   does (no full stop, and the next page starts in lower case or the line ends in a comma or hyphen).
//   Contents-page entries ("Section A: ... 3") are a paragraph each.
// - A line starting with a bullet or a number ("1.", "1)", "a)", "(i)", "2.1.") starts a list item; the lines
//   after it are joined to it by the same rules as paragraphs.
// - A standalone short line is a heading when it reads like one: "Section A: ...", "Part F – ...",
//   "1. ... (Section A)", "Appendix ..." (level 1); or, when it also starts a block and the next line does not
//   run on in lower case, an ALL CAPS or Title Case line, or a sentence-case line of up to 8 words followed by
//   a full line, a list or a table (level 2). Lines ending in . , ; : and "Label: value" lines never are.
import type { RawBlock } from "../raw.ts";
import { endsTerminal, tidySpace } from "./flow.ts";
import type { FlowItem, FlowLine } from "./flow.ts";
import { endsWithHyphen, joinHyphenated } from "./hyphenation.ts";
import type { Vocabulary } from "./hyphenation.ts";
import { firstRowIsHeader } from "./page-tables.ts";

/** A line shorter than this share of the usual full line ends its paragraph. */
const SHORT_LINE_SHARE = 0.7;
/** A line that ends a sentence with room left for the next word (at this share of the usual width) ends its paragraph. */
const FITTED_LINE_SHARE = 0.95;
const HEADING_MAX_WORDS = 12;
const SECTION_HEADING_MAX_WORDS = 16;
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

const SECTION_HEADING = [
  // "Section A: Views, interests and aspirations", "Part F – The support I will get", "SECTION H1"
  /^(?:[Ss]ection|[Pp]art|SECTION|PART)\s+(?:[A-K]|H\s?[12])(?:\s*$|\s*[:.)\-–—]|\s+\p{Lu})/u,
  // "1. Views, interests and aspirations (Section A)"
  /\((?:[Ss]ection|[Pp]art|SECTION|PART)\s+(?:[A-K]|H\s?[12])\)$/u,
  /^(?:Appendix|Annex|Schedule|APPENDIX|ANNEX|SCHEDULE)\b/u,
];

const MINOR_WORDS = new Set([
  "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
  "about", "under", "over", "per", "via", "nor", "vs", "&", "–", "-", "—",
]);

const wordsOf = (text: string): string[] => text.split(" ").filter(Boolean);
const isAllCaps = (text: string): boolean => (text.match(/\p{L}/gu) ?? []).length >= 3 && !/\p{Ll}/u.test(text);
const isTitleCase = (text: string): boolean =>
  wordsOf(text).every((word) => MINOR_WORDS.has(word.toLowerCase()) || /^[\p{Lu}\p{N}("'‘“&]/u.test(word));
const mostlyLetters = (text: string): boolean => {
  const visible = text.replace(/\s/g, "");
  return (visible.match(/\p{L}/gu) ?? []).length >= visible.length / 2;
};
const startsLowerCase = (text: string): boolean => /^\p{Ll}/u.test(text);
/** Starts the way a new paragraph or item starts. */
const startsNewUnit = (text: string): boolean => /^[\p{Lu}\p{N}"“'‘(]/u.test(text) || listMarker(text) !== null;

/** A page number at the end of a contents-page entry: after dot leaders, or after a space (but not "Year 6"). */
const LEADER_PAGE_NUMBER = /(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d{1,3}$/;
const SPACED_PAGE_NUMBER = /(?<!\b(?:year|stage|step|phase|level|part|section|appendix|annex|schedule|outcome|group|class|room|area|h))\s+\d{1,3}$/i;

/**
 * "Section A: Views, interests and aspirations ..... 3" on a contents page names a section without being it, so
 * it is kept as a paragraph, not a heading (sections.ts must not start section A there).
 */
export function isContentsEntry(text: string): boolean {
  if (LEADER_PAGE_NUMBER.test(text)) return true;
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
  kind: "paragraph" | "list-item";
  ordered: boolean;
  level: number;
  text: string;
  lastLine: string;
  page: number;
  lastPage: number;
}

class BlockAssembler {
  private readonly blocks: RawBlock[] = [];
  private open: OpenBlock | null = null;

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly lineWidth: number,
  ) {}

  /** Unknown (false) when the document has too few lines to know its usual line width. */
  private isShort(line: string): boolean {
    return Number.isFinite(this.lineWidth) && line.length < this.lineWidth * SHORT_LINE_SHARE;
  }

  /**
   * How `text` on `page` relates to the open block:
   * - "continue": it carries on the open block;
   * - "break": it starts a new block;
   * - "sentence-end": the open paragraph's last line ends a sentence and `text` starts a new one, but that line is
   *   full (the next word would not have fitted on it), so this is most likely a sentence that happened to end
   *   at a line end inside a paragraph. It continues the paragraph unless `text` is a heading or list item.
   */
  private boundary(text: string, page: number): "continue" | "break" | "sentence-end" {
    const open = this.open;
    if (open === null) return "break";
    const last = open.lastLine;
    const terminal = endsTerminal(last);
    if (page !== open.lastPage) return !terminal && (startsLowerCase(text) || /[,\-–]$/.test(last)) ? "continue" : "break";
    if (endsWithHyphen(last) && startsLowerCase(text)) return "continue";
    // Each contents-page entry is a line of its own.
    if (isContentsEntry(last) || isContentsEntry(text)) return "break";
    if (this.isShort(last) && startsNewUnit(text)) return "break";
    if (terminal && startsNewUnit(text)) {
      const nextWord = text.split(" ")[0] ?? "";
      const wouldHaveFitted = last.length + 1 + nextWord.length <= this.lineWidth * FITTED_LINE_SHARE;
      return open.kind === "paragraph" && !wouldHaveFitted ? "sentence-end" : "break";
    }
    return "continue";
  }

  private headingLevel(text: string, startsBlock: boolean, next: FlowItem | undefined): number | null {
    const words = wordsOf(text).length;
    const nextRunsOn = next?.kind === "line" && startsLowerCase(tidySpace(next.text));
    if (!mostlyLetters(text) || isContentsEntry(text)) return null;
    // A section heading is distinctive enough to stand even after a line with no full stop, unless the text
    // around it reads as one sentence ("... as set out in" / "Section F: the provision ... and" / "we ...").
    if (isSectionHeading(text) && (startsBlock || !nextRunsOn)) return 1;
    if (!startsBlock || nextRunsOn) return null;
    if (words > HEADING_MAX_WORDS || /[.,;:]$/.test(text) || /:\s/.test(text) || !/^\p{Lu}/u.test(text)) return null;
    if (listMarker(text) !== null) return null;
    if (isAllCaps(text) || isTitleCase(text)) return 2;
    if (words <= SENTENCE_CASE_HEADING_MAX_WORDS && this.startsBody(next)) return 2;
    return null;
  }

  /** The next item opens body text: a table, a list item, a section heading, or a full-width line of a paragraph. */
  private startsBody(next: FlowItem | undefined): boolean {
    if (next === undefined) return false;
    if (next.kind === "table") return true;
    const text = tidySpace(next.text);
    return listMarker(text) !== null || isSectionHeading(text) || (startsNewUnit(text) && !this.isShort(text));
  }

  private flush(): void {
    const open = this.open;
    if (open === null) return;
    const location = { page: open.page };
    this.blocks.push(
      open.kind === "list-item"
        ? { kind: "list-item", level: open.level, ordered: open.ordered, text: open.text, location }
        : { kind: "paragraph", text: open.text, location },
    );
    this.open = null;
  }

  private append(text: string, page: number): void {
    const open = this.open!;
    open.text = endsWithHyphen(open.text) ? joinHyphenated(open.text, text, this.vocabulary) : `${open.text} ${text}`;
    open.lastLine = text;
    open.lastPage = page;
  }

  private line(item: FlowLine, next: FlowItem | undefined): void {
    const text = tidySpace(item.text);
    if (text === "") return this.flush();
    const boundary = this.boundary(text, item.page);
    const level = this.headingLevel(text, boundary !== "continue", next);
    if (level !== null) {
      this.flush();
      this.blocks.push({ kind: "heading", level, text, location: { page: item.page } });
      return;
    }
    const marker = listMarker(text);
    // A dash at the start of a wrapped line inside a running sentence is punctuation, not a bullet.
    const dashInSentence = marker !== null && /^[-–—]/.test(text) && boundary === "continue" && startsLowerCase(marker.text);
    if (marker !== null && !dashInSentence) {
      this.flush();
      this.open = { kind: "list-item", ordered: marker.ordered, level: marker.level, text: marker.text, lastLine: text, page: item.page, lastPage: item.page };
      return;
    }
    if (boundary !== "break") return this.append(text, item.page);
    this.flush();
    this.open = { kind: "paragraph", ordered: false, level: 0, text, lastLine: text, page: item.page, lastPage: item.page };
  }

  private table(rows: string[][], page: number): void {
    this.flush();
    const widths = columnWidths(rows);
    const cells = rows.map((row) => row.map((cell, column) => cellText(cell, widths[column] ?? Infinity, this.vocabulary))).filter((row) => row.some((cell) => cell !== ""));
    const hasHeader = firstRowIsHeader(cells);
    this.blocks.push({ kind: "table", header: hasHeader ? cells[0]! : [], rows: hasHeader ? cells.slice(1) : cells, location: { page } });
  }

  build(flow: readonly FlowItem[]): RawBlock[] {
    flow.forEach((item, i) => {
      if (item.kind === "table") this.table(item.rows, item.page);
      else this.line(item, flow[i + 1]);
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
export function cellText(cell: string, lineWidth: number, vocabulary: Vocabulary): string {
  const lines: FlowLine[] = cell.split("\n").map((text) => ({ kind: "line", text, page: 0 }));
  return new BlockAssembler(vocabulary, lineWidth)
    .build(lines)
    .map((block) => (block.kind === "table" ? "" : block.text))
    .filter((text) => text !== "")
    .join("\n");
}

export function blocksFromFlow(flow: readonly FlowItem[], vocabulary: Vocabulary): RawBlock[] {
  const lines = flow.flatMap((item) => (item.kind === "line" ? [item.text] : []));
  return new BlockAssembler(vocabulary, typicalLineWidth(lines)).build(flow);
}
