// Running headers and footers: the lines a word processor repeats at the top or bottom of every page
// ("Oliver Bennett DOB 12/03/2015 – EHC plan", "Page 3 of 12"). They are layout, not content, and would
// otherwise break paragraphs at every page boundary and inflate word counts.

/** How many lines at each end of a page can belong to a running header or footer. */
const EDGE_LINES = 3;
/** A line is running when it sits at the same edge on at least this share of pages (and on 2 pages or more). */
const RUNNING_SHARE = 0.6;

const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** Unmistakable wherever it is: some producers write the footer before the body, not after it. */
const PAGE_X_OF_Y = /^page\s*\d{1,4}\s*of\s*\d{1,4}$/i;
const DASHED_PAGE_NUMBER = /^[-–—]\s*\d{1,4}\s*[-–—]$/;

/** "Page 3 of 12", "3", "3 / 12", "- 3 -": a line that is only a page number. */
export function isPageNumberLine(line: string): boolean {
  const text = line.trim();
  return PAGE_NUMBER.test(text) || DASHED_PAGE_NUMBER.test(text);
}

/**
 * Digits are normalised so that "Page 3 of 12" and "Page 4 of 12", or a header whose date changes, compare equal;
 * case and spacing are normalised because producers differ in how they space runs.
 */
const runningKey = (line: string): string => line.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();

/** Indices (into `lines`) of the first and last EDGE_LINES non-empty lines that are still body text. */
function edgeIndices(lines: readonly string[], isBody: (index: number) => boolean): { top: number[]; bottom: number[] } {
  const candidates = lines.map((_, i) => i).filter((i) => isBody(i) && lines[i]!.trim() !== "");
  return { top: candidates.slice(0, EDGE_LINES), bottom: candidates.slice(-EDGE_LINES) };
}

/**
 * Finds running header and footer lines across pages.
 * `pages[p][i]` is line i of page p; `isBody(p, i)` says whether that line is still body text (table text is not).
 * Returns, per page, the set of line indices to drop.
 */
export function findRunningLines(pages: readonly (readonly string[])[], isBody: (page: number, index: number) => boolean): Set<number>[] {
  const edges = pages.map((lines, p) => edgeIndices(lines, (i) => isBody(p, i)));
  const countPages = (zone: "top" | "bottom"): Map<string, number> => {
    const counts = new Map<string, number>();
    edges.forEach((edge, p) => {
      const keys = new Set(edge[zone].map((i) => runningKey(pages[p]![i]!)));
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    return counts;
  };
  const threshold = Math.max(2, Math.ceil(pages.length * RUNNING_SHARE));
  const running = { top: countPages("top"), bottom: countPages("bottom") };

  return edges.map((edge, p) => {
    const drop = new Set<number>();
    pages[p]!.forEach((line, i) => {
      if (isBody(p, i) && PAGE_X_OF_Y.test(line.trim())) drop.add(i);
    });
    for (const zone of ["top", "bottom"] as const) {
      for (const i of edge[zone]) {
        const line = pages[p]![i]!;
        if (isPageNumberLine(line) || (running[zone].get(runningKey(line)) ?? 0) >= threshold) drop.add(i);
      }
    }
    return drop;
  });
}
