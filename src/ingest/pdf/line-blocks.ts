// The reading-order flow of lines and tables -> RawBlocks. A PDF keeps neither paragraphs nor styles (and
// pdf-parse's page text keeps neither blank lines between paragraphs nor indentation), so all of this is read
// from the text itself, measuring lines in characters against the document's usual full line:
// - A paragraph ends at a blank line; after a short line (under 70% of a full line) when the next line starts
//   with a capital, a digit or a bullet; and at a line ending in . : ; ? ! followed by such a line (so a
//   sentence that happens to end at the margin splits its paragraph: measured on the samples, guessing from how
//   full the line is did worse). It runs on over a hyphen at the line end followed by lower case, and over a
//   bracket left open. At a page break it runs on only when its sentence clearly does (no full stop, and the
//   next page starts in lower case or the line ends in a comma or hyphen). Contents-page entries
//   ("Section A: ... 3"), title-block fields ("Name: ...") and "Dear ...," are paragraphs of their own.
// - A line starting with a bullet or a number ("1.", "1)", "a)", "(i)", "2.1.") starts a list item; the lines
//   after it are joined to it by the same rules as paragraphs.
// - A line that starts a block is a heading when it reads like one: "Section A: ...", "Part F – ...",
//   "1. ... (Section A)", "H1: ...", "Appendix ..." (level 1, also over two lines); or a short capitalised line
//   (ALL CAPS, Title Case, or sentence case up to 8 words; no . , ; : at its end, no "Label: value") that is
//   followed by body text — a full line, a sentence, a list or a table, perhaps after one more such line
//   (level 2). Names and addresses look like headings too, but are followed by more address, not body text.
//   A heading left on a word that cannot end it ("... section 2 of the") carries on over the next line.
// Inside table cells (narrow columns) a short line ends a paragraph only when a full line follows it.
import type { RawBlock } from "../raw.ts";
import { endsTerminal, tidySpace } from "./flow.ts";
import type { FlowItem, FlowLine } from "./flow.ts";
import { endsWithHyphen, Hyphenation } from "./hyphenation.ts";
import {
  count,
  FIELD_LINE,
  headingRunsOn,
  HEADING_MAX_WORDS,
  isAllCaps,
  isContentsEntry,
  isSectionHeading,
  isSentence,
  isTitleCase,
  LEADER_PAGE_NUMBER,
  listMarker,
  looksLikeHeadingLine,
  MINOR_WORDS,
  mostlyLetters,
  SALUTATION,
  SECTION_IN_BRACKETS,
  SENTENCE_CASE_HEADING_MAX_WORDS,
  startsLowerCase,
  startsNewUnit,
  typicalLineWidth,
  wordCountOf,
} from "./line-shapes.ts";
import type { ListMarker } from "./line-shapes.ts";
import { firstRowIsHeader } from "../table-header.ts";
import { sectionsByMeaning } from "../section-meaning.ts";

/** "2. My needs and the help I get": a numbered line that names a plan section, so it is a heading, not a list item's start. */
function isNumberedSectionLine(printed: string): boolean {
  const numbered = /^\d{1,2}[a-z]?[.)]\s+(\S.*)$/.exec(printed.trim());
  return numbered !== null && !endsTerminal(numbered[1]!) && sectionsByMeaning(numbered[1]!).length > 0;
}

// The text reader and section tables read list markers the same way; they import them from here.
export { listMarker } from "./line-shapes.ts";
export type { ListMarker } from "./line-shapes.ts";

/** A line shorter than this share of the usual full line ends its paragraph. */
const SHORT_LINE_SHARE = 0.7;

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
  /** Each flow item's text with its spacing tidied ("" for a table): a line is looked at again as the next line. */
  private readonly texts: string[];

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
  ) {
    this.texts = flow.map((item) => (item.kind === "line" ? tidySpace(item.text) : ""));
  }

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
    // A numbered heading line and the first line of its text: "2. Sam's needs and the help he will get" / "Sam has ...".
    if (open.kind === "list-item" && open.lineCount === 1 && !terminal && /^\p{Lu}/u.test(text) && isNumberedSectionLine(open.printed)) return true;
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
    const nextRunsOn = next?.kind === "line" && startsLowerCase(this.texts[index + 1]!);
    // A heading is mostly letters: checked after the cheaper tests, which most lines fail.
    if (isContentsEntry(text)) return null;
    // A section heading is distinctive enough to stand even after a line with no full stop, unless the text
    // around it reads as one sentence ("... as set out in" / "Section F: the provision ... and" / "we ...").
    if (isSectionHeading(text) && (startsBlock || !nextRunsOn)) return mostlyLetters(text) ? 1 : null;
    if (!startsBlock || nextRunsOn || !looksLikeHeadingLine(text) || !mostlyLetters(text)) return null;
    // Names and addresses are shaped like headings too, but are followed by more address or a "Dear ...,".
    // A heading is followed by body text, or (a title's first line) by another heading-like line.
    if (this.bodyFollows(index + 1, 1)) return isAllCaps(text) || isTitleCase(text) || wordCountOf(text) <= SENTENCE_CASE_HEADING_MAX_WORDS ? 2 : null;
    const nextText = next?.kind === "line" ? this.texts[index + 1]! : "";
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
    const text = this.texts[index]!;
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
    const text = this.texts[index]!;
    if (text === "") return this.flush();
    const marker = listMarker(text);
    if (this.open?.kind === "heading") {
      const runsOn = item.page === this.open.lastPage && headingRunsOn(this.open.text, text) && wordCountOf(text) <= HEADING_MAX_WORDS;
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
