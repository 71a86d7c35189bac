// Review annotations on a PDF page. Sticky notes (Text, FreeText, Caret): a draft's Word comments become these
// when it is saved as PDF with its comments, and a reader adds them in a PDF viewer; each is a comment anchored to the
// text it sits on. Text markup (Highlight, Underline, Squiggly, StrikeOut) marks a passage: with a note it is a
// comment on that passage; a bare strike-out asks for the passage to be deleted.
import { offsetAt, wordsBetween, type PlacedRun } from "./placed-runs.ts";
import type { HorizontalRule } from "./text-marks.ts";

/** The part of a pdf.js annotation this reader uses. */
export interface AnnotationLike {
  subtype?: string;
  id?: string;
  rect?: number[] | null;
  titleObj?: { str?: string };
  contentsObj?: { str?: string };
  modificationDate?: string | null;
  creationDate?: string | null;
  /** Text markup: the marked areas, 8 numbers (4 corners) per area. */
  quadPoints?: ArrayLike<number> | null;
}

export interface PageNote {
  id: string;
  author: string;
  /** ISO date-time, when the PDF gives a real one. */
  date?: string;
  text: string;
  /** The page text the note is anchored to: the marked passage, or from the start of its sentence up to the note. */
  anchorText: string;
  /** A strike-out with no note: a request to delete the anchored text. */
  deletion?: boolean;
}

/** Annotation types that carry a reviewer's note at a point. A Popup only shows its parent's text again. */
const NOTE_TYPES = new Set(["Text", "FreeText", "Caret"]);
/** Annotation types that mark a passage of text. */
const MARKUP_TYPES = new Set(["Highlight", "Underline", "Squiggly", "StrikeOut"]);

/**
 * LibreOffice writes the note's title as "Author, 04/15/25, " (author, date and time in the exporting machine's
 * locale); the author is what comes before that date.
 */
const TITLE_DATE_TAIL = /,\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:,?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?[,\s]*$/i;

export function noteAuthor(title: string): string {
  return title.replace(TITLE_DATE_TAIL, "").replace(/[,\s]+$/, "").trim();
}

/** "D:20250415093000+01'00'" -> "2025-04-15T09:30:00"; undefined for a missing or zeroed date. */
export function pdfDate(value: string | null | undefined): string | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(value ?? "");
  if (!match || Number(match[1]) < 1900) return undefined;
  const [, year, month = "01", day = "01", hour = "00", minute = "00", second = "00"] = match;
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}`;
}

/** `rules`: the page's horizontal lines, so a note's anchor does not run up over a table row's border. */
export function pageNotes(annotations: readonly AnnotationLike[], runs: readonly PlacedRun[], rules: readonly HorizontalRule[]): PageNote[] {
  const notes: PageNote[] = [];
  annotations.forEach((annotation, index) => {
    const text = (annotation.contentsObj?.str ?? "").replace(/\r\n?/g, "\n").trim();
    const subtype = annotation.subtype ?? "";
    const isMarkup = MARKUP_TYPES.has(subtype);
    const deletion = subtype === "StrikeOut" && text === "";
    if (!(NOTE_TYPES.has(subtype) || isMarkup) || (text === "" && !deletion)) return;
    const rect = annotation.rect && annotation.rect.length >= 4 ? annotation.rect : null;
    const anchor = isMarkup ? markedText(areasOf(annotation), runs) : rect ? anchorText(rect, runs, rules) : "";
    if (deletion && anchor === "") return;
    const date = pdfDate(annotation.modificationDate) ?? pdfDate(annotation.creationDate);
    notes.push({
      id: annotation.id ?? `note-${index}`,
      author: noteAuthor(annotation.titleObj?.str ?? ""),
      ...(date ? { date } : {}),
      text,
      anchorText: anchor,
      ...(deletion ? { deletion } : {}),
    });
  });
  return notes;
}

type Area = { x0: number; x1: number; y0: number; y1: number };

/** The areas a markup annotation covers: its quadrilaterals, else its rectangle. */
function areasOf(annotation: AnnotationLike): Area[] {
  const quads = annotation.quadPoints;
  const areas: Area[] = [];
  if (quads && quads.length >= 8) {
    for (let i = 0; i + 8 <= quads.length; i += 8) {
      const xs = [quads[i]!, quads[i + 2]!, quads[i + 4]!, quads[i + 6]!];
      const ys = [quads[i + 1]!, quads[i + 3]!, quads[i + 5]!, quads[i + 7]!];
      areas.push({ x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
    }
  } else if (annotation.rect && annotation.rect.length >= 4) {
    const [a, b, c, d] = annotation.rect as [number, number, number, number];
    areas.push({ x0: Math.min(a, c), x1: Math.max(a, c), y0: Math.min(b, d), y1: Math.max(b, d) });
  }
  return areas;
}

/** The text of the runs inside the marked areas (a run's middle inside an area), cut to the area's width. */
function markedText(areas: readonly Area[], runs: readonly PlacedRun[]): string {
  const parts: string[] = [];
  for (const run of runs) {
    const middle = run.y + 0.3 * run.size;
    const area = areas.find((a) => middle >= a.y0 && middle <= a.y1 && Math.min(a.x1, run.x1) - Math.max(a.x0, run.x0) > 0);
    const range = area ? wordsBetween(run, area.x0, area.x1) : null;
    if (range) parts.push(run.text.slice(range.start - run.start, range.end - run.start));
  }
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

/** Runs further apart than this on one line are in different table cells (pdf-parse's own cell threshold). */
const CELL_GAP = 7;
/** A note's anchor runs back over at most this many lines (of a narrow table cell, say) to find its sentence's start. */
const MAX_ANCHOR_LINES = 10;
/** A sentence starts after a full stop (or ! ?), and a clause after a field's label ("Frequency: 2 sessions ..."). */
const SENTENCE_START = /^|[.!?]["'”’)]*\s+(?=[\p{Lu}\p{N}"“‘'(])|:\s+(?=[\p{L}\p{N}"“‘'(])/gu;

/**
 * The text a note points at. A note's icon is placed where its comment's range ends (LibreOffice, Word): the
 * anchor is read back from there along the same column to the start of the sentence, which is where a reviewer's
 * comment range usually starts too.
 */
function anchorText(rect: readonly number[], runs: readonly PlacedRun[], rules: readonly HorizontalRule[]): string {
  const left = Math.min(rect[0]!, rect[2]!);
  const middle = (rect[1]! + rect[3]!) / 2;
  let best: PlacedRun | undefined;
  let bestScore = Infinity;
  for (const run of runs) {
    if (run.start < 0) continue;
    // Distance from the note's middle to the run's letters (baseline to cap height), and from its left edge to the run.
    const dy = middle < run.y - 0.3 * run.size ? run.y - 0.3 * run.size - middle : middle > run.y + 0.8 * run.size ? middle - run.y - 0.8 * run.size : 0;
    const dx = left > run.x1 ? left - run.x1 : left < run.x0 ? run.x0 - left : 0;
    // Between two runs that meet at the note, the one that ends there is the anchor.
    const score = 2 * dy + dx + Math.abs(run.x1 - left) * 0.001;
    if (score < bestScore) [best, bestScore] = [run, score];
  }
  if (!best) return "";
  const lines = linesOf(runs);
  let lineIndex = lines.findIndex((line) => line.includes(best!));
  // The note's cell on its line, from the cell's left edge up to the note.
  const cell = cellOf(lines[lineIndex]!, best);
  const before = cell.slice(0, cell.indexOf(best));
  let text = before.map((run) => run.text).join("") + best.text.slice(0, Math.max(0, offsetAt(best, left) - best.start));
  let column = cell[0]!.x0;
  for (let step = 1; step < MAX_ANCHOR_LINES && lastSentenceStart(text) === 0; step++) {
    const line = lines[lineIndex]!;
    // The line above, in the same column, in the same type size, and close enough to be the same paragraph.
    const size = line[0]!.size;
    const aboveIndex = lines.findIndex(
      (candidate, i) => i < lineIndex && candidate[0]!.y - line[0]!.y < PARAGRAPH_LINE_GAP * size && candidate.some((run) => Math.abs(run.x0 - column) < 2 && Math.abs(run.size - size) < 0.5),
    );
    if (aboveIndex < 0) break;
    const above = lines[aboveIndex]!;
    const aboveCell = cellOf(above, above.find((run) => Math.abs(run.x0 - column) < 2)!);
    const [top, bottom] = [above[0]!.y - 0.2 * above[0]!.size, line[0]!.y + 0.8 * line[0]!.size];
    if (rules.some((rule) => rule.y > bottom && rule.y < top && rule.x0 < column + 2 && rule.x1 > column)) break;
    const aboveText = aboveCell.map((run) => run.text).join("").trimEnd();
    if (/[.!?:]["'”’)]*$/.test(aboveText)) break;
    text = `${aboveText} ${text}`;
    [lineIndex, column] = [aboveIndex, aboveCell[0]!.x0];
  }
  return text.slice(lastSentenceStart(text)).replace(/\s+/g, " ").trim();
}

/**
 * Lines of one paragraph are closer than this many font sizes apart (baseline to baseline; single spacing is about
 * 1.15); a heading or the paragraph before is further up.
 */
const PARAGRAPH_LINE_GAP = 1.35;

function lastSentenceStart(text: string): number {
  let at = 0;
  for (const match of text.matchAll(SENTENCE_START)) if (match.index + match[0].length < text.length) at = match.index + match[0].length;
  return at;
}

/** Runs grouped into lines (same baseline), each line left to right; lines top to bottom. */
function linesOf(runs: readonly PlacedRun[]): PlacedRun[][] {
  const sorted = runs.filter((run) => run.start >= 0).sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: PlacedRun[][] = [];
  for (const run of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0]!.y - run.y) < 0.2 * run.size) last.push(run);
    else lines.push([run]);
  }
  for (const line of lines) line.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** The runs of `line` in the same table cell (or column) as `run`: neighbours closer than a cell gap. */
function cellOf(line: readonly PlacedRun[], run: PlacedRun): PlacedRun[] {
  const at = line.indexOf(run);
  let [from, to] = [at, at];
  while (from > 0 && line[from]!.x0 - line[from - 1]!.x1 <= CELL_GAP) from--;
  while (to < line.length - 1 && line[to + 1]!.x0 - line[to]!.x1 <= CELL_GAP) to++;
  return line.slice(from, to + 1);
}
