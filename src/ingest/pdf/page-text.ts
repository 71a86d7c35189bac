// A page's text from its text items, exactly as pdf-parse's getText() writes it with its default options: items in
// content order, a line break where pdf.js marks one or where the baseline moves down by more than a line, a tab
// between items on one line that are further apart than a cell gap. pdf-parse's own method asks pdf.js for the
// page's text items itself; the reader already has them (they also place the review markup and fill the tables),
// so the text is written from those rather than having pdf.js extract the page a second time.

/** The part of a pdf.js text item the page text is written from. */
export interface PageTextItem {
  str: string;
  /** [a, b, c, d, e, f]: e, f is the start of the baseline in PDF user space. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** Maps a PDF user-space point to the page as shown (pdf.js's viewport at scale 1: y grows downwards). */
export interface PagePoints {
  convertToViewportPoint(x: number, y: number): number[];
}

/** pdf-parse's defaults (ParseParameters): a baseline moved by more than this starts a new line... */
const LINE_THRESHOLD = 4.6;
/** ...and items on one line further apart than this are in different cells. */
const CELL_THRESHOLD = 7;
const CELL_SEPARATOR = "\t";

/** The page text; the items are not changed (pdf-parse's own version writes the cell separator into them). */
export function pageText(items: readonly PageTextItem[], viewport: PagePoints): string {
  const parts: string[] = [];
  let lastX: number | undefined;
  let lastY: number | undefined;
  let lineHeight = 0;
  for (const item of items) {
    const [x = 0, y = 0] = viewport.convertToViewportPoint(item.transform[4] ?? 0, item.transform[5] ?? 0);
    let str = item.str;
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) {
      const startsNewLine = str.startsWith("\n") || (str.trim() === "" && item.hasEOL);
      // A line break for a move down by more than the tallest item since the last break (not for a superscript).
      if (parts.length > 0 && !parts[parts.length - 1]!.endsWith("\n") && !startsNewLine && Math.abs(lastY - y) - 1 > lineHeight) {
        parts.push("\n");
        lineHeight = 0;
      }
    }
    if (lastY !== undefined && Math.abs(lastY - y) < LINE_THRESHOLD && lastX !== undefined && Math.abs(lastX - x) > CELL_THRESHOLD) {
      str = `${CELL_SEPARATOR}${str}`;
    }
    parts.push(str);
    lastX = x + item.width;
    lastY = y;
    lineHeight = Math.max(lineHeight, item.height);
    if (item.hasEOL) parts.push("\n");
    if (item.hasEOL || str.endsWith("\n")) lineHeight = 0;
  }
  return parts.join("");
}
