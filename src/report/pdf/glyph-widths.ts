// Where a character sits inside a PDF text run. pdf.js gives each run's start and total width, not each glyph's;
// sharing the width out by a typical proportional font's glyph widths (Helvetica's, per 1000 units) puts a highlight's
// edge within a fraction of a letter, where an even share drifts by several letters across a long run ("iiii" vs "mmmm").

// Printable ASCII from the space (32) to the tilde (126).
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584,
  584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
  278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
  500, 500, 500, 334, 260, 334, 584,
];
/** Letters outside ASCII (accented, curly quotes, dashes) get a middling width. */
const OTHER_WIDTH = 556;

export function glyphWidth(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32]! : OTHER_WIDTH;
}

/** Each character's left edge in a run, as a share of the run's width: n + 1 numbers from 0 to 1. */
export function characterEdges(text: string): number[] {
  const edges = [0];
  let total = 0;
  for (const ch of text) {
    // A surrogate pair is one glyph but two string positions: give the second half no width.
    total += glyphWidth(ch);
    edges.push(total);
    if (ch.length === 2) edges.push(total);
  }
  return total === 0 ? edges.map((_, i) => i / Math.max(1, text.length)) : edges.map((edge) => edge / total);
}
