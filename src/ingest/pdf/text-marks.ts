// Struck-through and underlined text in a PDF: a draft printed with its tracked changes showing (LibreOffice, or
// Word with "All Markup") draws a line through each deleted run and under each inserted one, in the reviewer's
// colour. The lines are found in the page's drawing operators; the text they cross is found by position.
import { wordsBetween, type PlacedRun } from "./placed-runs.ts";

/** A horizontal line drawn on the page (stroked, or a filled bar no thicker than a rule). */
export interface HorizontalRule {
  x0: number;
  x1: number;
  y: number;
  /** "#rrggbb", or null when the drawing colour was not an RGB colour pdf.js reported. */
  colour: string | null;
}

/** A vertical line drawn on the page: a table border, or a change bar in the margin beside an edited line. */
export interface VerticalRule {
  x: number;
  y0: number;
  y1: number;
}

export interface PageRules {
  horizontal: HorizontalRule[];
  vertical: VerticalRule[];
}

export interface TextMark {
  kind: "insertion" | "deletion";
  /** [start, end) in the page text. */
  start: number;
  end: number;
  colour: string | null;
}

/** The pdf.js operator ids this reader needs (passed in, so this module does not load pdf.js). */
export interface DrawingOps {
  save: number;
  restore: number;
  transform: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: readonly number[]): Matrix => [
  m[0] * n[0]! + m[2] * n[1]!,
  m[1] * n[0]! + m[3] * n[1]!,
  m[0] * n[2]! + m[2] * n[3]!,
  m[1] * n[2]! + m[3] * n[3]!,
  m[0] * n[4]! + m[2] * n[5]! + m[4],
  m[1] * n[4]! + m[3] * n[5]! + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A bar thicker than this is a shape (a shaded cell, a box), not a line under or through text. */
const MAX_RULE_THICKNESS = 2;

const colourOf = (args: unknown): string | null => {
  const value = Array.isArray(args) ? args[0] : undefined;
  return typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : null;
};

/**
 * Horizontal and vertical lines of a page's operator list, in page space. pdf.js gives each path its bounding box
 * (the third argument of constructPath); a box flat in y is a horizontal line, one flat in x a vertical line.
 */
export function pageRules(fnArray: readonly number[], argsArray: readonly unknown[], ops: DrawingOps): PageRules {
  const rules: HorizontalRule[] = [];
  const vertical: VerticalRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let stroke: string | null = null;
  let fill: string | null = null;
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && Array.isArray(args)) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.setStrokeRGBColor) stroke = colourOf(args);
    else if (fn === ops.setFillRGBColor) fill = colourOf(args);
    else if (fn === ops.constructPath && Array.isArray(args)) {
      const [paintOp, , box] = args as [number, unknown, ArrayLike<number> | null | undefined];
      const isStroke = strokes.has(paintOp);
      if ((!isStroke && !fills.has(paintOp)) || !box || box.length < 4 || !Number.isFinite(box[0]!)) continue;
      // Only upright drawing: a rotated page content is not where tracked changes are shown.
      if (Math.abs(ctm[1]) > 0.01 || Math.abs(ctm[2]) > 0.01) continue;
      const [xa, ya] = apply(ctm, box[0]!, box[1]!);
      const [xb, yb] = apply(ctm, box[2]!, box[3]!);
      const [x0, x1, y0, y1] = [Math.min(xa, xb), Math.max(xa, xb), Math.min(ya, yb), Math.max(ya, yb)];
      if (x1 - x0 <= MAX_RULE_THICKNESS && y1 - y0 >= 3) vertical.push({ x: (x0 + x1) / 2, y0, y1 });
      else if (x1 - x0 >= 1 && y1 - y0 <= MAX_RULE_THICKNESS) rules.push({ x0, x1, y: (y0 + y1) / 2, colour: isStroke ? stroke : fill });
    }
  }
  return { horizontal: rules, vertical };
}

/** Where a line crosses text, as a share of the font size above the baseline. */
const STRIKE_BAND = { low: 0.12, high: 0.6 };
const UNDERLINE_BAND = { low: -0.35, high: 0.06 };
/**
 * A line that runs on further past the text it crosses (in font sizes: a space's width and a little) is a table
 * border or a rule, not a mark on the text.
 */
const OVERHANG = 0.4;

/** Grey and black lines are borders and ordinary underlining; a reviewer's marks are in colour. */
function isColoured(colour: string | null): boolean {
  if (!colour) return false;
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(colour.slice(at, at + 2), 16));
  return Math.max(r!, g!, b!) - Math.min(r!, g!, b!) >= 40;
}

/** Links are underlined in colour too, and are not insertions. */
const LINK_TEXT = /(?:https?:\/\/|www\.|\S@\S+\.\S)/i;

/**
 * The runs each line strikes through or underlines, as page-text ranges. A strike-through of any colour is a
 * deletion (a plan has no other use for it); an underline is an insertion only in colour, with a change bar in the
 * margin beside its line (LibreOffice and Word print one for every edited line), and not under a link: a template's
 * coloured underlined heading is not an edit. The line must stay within the text it crosses, so a table border just
 * under a row of text is not taken.
 */
export function textMarks(runs: readonly PlacedRun[], { horizontal: rules, vertical }: PageRules, pageText: string): TextMark[] {
  const marks: TextMark[] = [];
  const placed = runs.filter((run) => run.start >= 0);
  const [left, right] = [Math.min(...placed.map((run) => run.x0)) - 1, Math.max(...placed.map((run) => run.x1)) + 1];
  const bars = vertical.filter((bar) => bar.x < left || bar.x > right);
  const hasChangeBar = (run: PlacedRun) => bars.some((bar) => bar.y0 <= run.y + 0.5 * run.size && bar.y1 >= run.y);
  // Runs by baseline, so each rule looks only at the runs of lines near it.
  const byLine = [...runs].filter((run) => run.start >= 0 && run.x1 > run.x0).sort((a, b) => a.y - b.y);
  const ys = byLine.map((run) => run.y);
  const band = byLine.reduce((largest, run) => Math.max(largest, run.size), 0);
  for (const rule of rules) {
    const from = lowerBound(ys, rule.y - band);
    const crossed: { run: PlacedRun; kind: TextMark["kind"] }[] = [];
    for (let i = from; i < byLine.length && byLine[i]!.y <= rule.y + band; i++) {
      const run = byLine[i]!;
      const overlap = Math.min(rule.x1, run.x1) - Math.max(rule.x0, run.x0);
      if (overlap <= 0) continue;
      const height = (rule.y - run.y) / run.size;
      const kind = height >= STRIKE_BAND.low && height <= STRIKE_BAND.high ? "deletion" : height >= UNDERLINE_BAND.low && height <= UNDERLINE_BAND.high ? "insertion" : null;
      if (kind) crossed.push({ run, kind });
    }
    if (crossed.length === 0) continue;
    const left = Math.min(...crossed.map(({ run }) => run.x0));
    const right = Math.max(...crossed.map(({ run }) => run.x1));
    const overhang = OVERHANG * Math.max(...crossed.map(({ run }) => run.size));
    if (rule.x0 < left - overhang || rule.x1 > right + overhang) continue;
    for (const { run, kind } of crossed) {
      if (kind === "insertion" && (!isColoured(rule.colour) || LINK_TEXT.test(run.text) || !hasChangeBar(run))) continue;
      const range = wordsBetween(run, rule.x0, rule.x1);
      if (range) marks.push({ kind, ...range, colour: rule.colour });
    }
  }
  return joinMarks(marks, pageText);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * One mark per edit: ranges of one kind and colour that overlap, touch, or are separated only by white space in
 * the page text (an edit that runs over a line break, or over several runs) join.
 */
function joinMarks(marks: readonly TextMark[], pageText: string): TextMark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || a.end - b.end);
  const joined: TextMark[] = [];
  for (const mark of sorted) {
    const last = joined[joined.length - 1];
    if (last && last.kind === mark.kind && last.colour === mark.colour && (mark.start <= last.end || pageText.slice(last.end, mark.start).trim() === "")) {
      last.end = Math.max(last.end, mark.end);
    } else joined.push({ ...mark });
  }
  return joined;
}
