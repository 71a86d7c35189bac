// A PDF page's text runs with where they sit on the page and where they are in the page text pdf-parse gave.
// Draft markup (sticky notes, struck-through and underlined text) is found by position; the page text is what
// blocks are built from, so each run carries both.

/** The part of a pdf.js text item this reader uses. */
export interface TextItemLike {
  str: string;
  /** [a, b, c, d, e, f]: e, f is the start of the baseline; d the vertical scale (font size). */
  transform: number[];
  width: number;
}

export interface PlacedRun {
  text: string;
  /** Start and end of the baseline (PDF user space: y grows upwards). */
  x0: number;
  x1: number;
  y: number;
  /** Font size in user-space units. */
  size: number;
  /** Where the run is in the page text: [start, end), or -1 when it could not be found. */
  start: number;
  end: number;
}

/**
 * Places each non-empty, upright text item in the page text. pdf-parse builds that text from the same items in
 * the same order, adding only line breaks and tab separators, so each item is found from where the last one
 * ended: one pass, no guessing between repeated words.
 */
export function placeRuns(items: readonly TextItemLike[], pageText: string): PlacedRun[] {
  const runs: PlacedRun[] = [];
  let cursor = 0;
  for (const item of items) {
    if (item.str.trim() === "") continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    const at = pageText.indexOf(item.str, cursor);
    if (at >= 0) cursor = at + item.str.length;
    // Rotated text (a margin label, a watermark) is never underlined or struck through by a horizontal line.
    if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue;
    runs.push({
      text: item.str,
      x0: e,
      x1: e + item.width,
      y: f,
      size: Math.abs(d) || 1,
      start: at,
      end: at >= 0 ? at + item.str.length : -1,
    });
  }
  return runs;
}

/** The page-text offset at horizontal position x inside a run, by the run's average character width. */
export function offsetAt(run: PlacedRun, x: number): number {
  if (run.start < 0) return -1;
  if (x <= run.x0) return run.start;
  if (x >= run.x1) return run.end;
  const share = (x - run.x0) / (run.x1 - run.x0);
  return run.start + Math.round(share * run.text.length);
}

/**
 * The words of a run between two horizontal positions, as a page-text range, snapped to word boundaries: positions
 * inside a run are estimated from an average character width.
 */
export function wordsBetween(run: PlacedRun, x0: number, x1: number): { start: number; end: number } | null {
  if (run.start < 0) return null;
  const text = run.text;
  let from = snapToWordEdge(text, offsetAt(run, x0) - run.start);
  let to = snapToWordEdge(text, offsetAt(run, x1) - run.start);
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return to > from ? { start: run.start + from, end: run.start + to } : null;
}

/** The word boundary nearest to `at` (itself when it is one). */
function snapToWordEdge(text: string, at: number): number {
  const inWord = (i: number) => i > 0 && i < text.length && /\S/.test(text[i - 1]!) && /\S/.test(text[i]!);
  if (!inWord(at)) return at;
  let [left, right] = [at, at];
  while (inWord(left)) left--;
  while (inWord(right)) right++;
  return at - left <= right - at ? left : right;
}
