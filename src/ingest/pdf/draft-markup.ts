// A draft's review markup on each PDF page (sticky notes, struck-through and underlined text) read as the same
// comments and tracked changes a DOCX draft carries, so a draft gives the same corrections in either format.
// Struck-through text is taken out of the page text: it was deleted, and is not part of the draft's wording.
import type { RawBlock, RawComment, RawTrackedChange } from "../raw.ts";
import { pageNotes, type AnnotationLike, type PageNote } from "./annotations.ts";
import { placeRuns, type TextItemLike } from "./placed-runs.ts";
import { pageRules, textMarks, type DrawingOps } from "./text-marks.ts";

/** What pdf.js gives for one page (the parts this reader uses). */
export interface MarkupSource {
  annotations: readonly AnnotationLike[];
  textItems: readonly TextItemLike[];
  operators: { fnArray: readonly number[]; argsArray: readonly unknown[] };
}

export interface PageChange {
  kind: "insertion" | "deletion";
  text: string;
  /** The reviewer's colour: the only sign in a PDF of who made the change. */
  colour: string | null;
  /** Squeezed page text around the change, to find its block (see `locateMarkup`). */
  keys: string[];
}

export interface PageMarkup {
  page: number;
  /** The page text without the struck-through text (a line left empty by a deletion is dropped). */
  text: string;
  notes: (PageNote & { keys: string[] })[];
  changes: PageChange[];
}

/** Lower case letters and digits only: how text is compared across line breaks, hyphenation and spacing. */
export const squeeze = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** How much squeezed text either side of a deletion identifies where it was. */
const CONTEXT = 40;

export function pageMarkup(page: number, pageText: string, source: MarkupSource, ops: DrawingOps): PageMarkup {
  const runs = placeRuns(source.textItems, pageText);
  const rules = pageRules(source.operators.fnArray, source.operators.argsArray, ops);
  const marks = textMarks(runs, rules, pageText);
  const deletions = marks.filter((mark) => mark.kind === "deletion");
  const { text, positionOf } = withoutRanges(pageText, deletions);
  const changes = marks.map((mark): PageChange => {
    const changed = tidy(pageText.slice(mark.start, mark.end));
    if (mark.kind === "insertion") return { kind: "insertion", text: changed, colour: mark.colour, keys: [squeeze(changed)] };
    // The deleted text is gone from the blocks: its block is found by the text that was either side of it.
    const at = positionOf(mark.start);
    const [ahead, behind] = [text.slice(Math.max(0, at - 4 * CONTEXT), at), text.slice(at, at + 4 * CONTEXT)];
    const [before, after] = [squeeze(ahead).slice(-CONTEXT), squeeze(behind).slice(0, CONTEXT)];
    // One side alone is searched within its own line where it can be: the next line may be another block.
    const [lineBefore, lineAfter] = [squeeze(ahead.split("\n").pop()!), squeeze(behind.split("\n")[0]!)];
    const beforeAlone = lineBefore.length >= 12 ? lineBefore.slice(-CONTEXT) : before.slice(-20);
    const afterAlone = lineAfter.length >= 12 ? lineAfter.slice(0, CONTEXT) : after.slice(0, 20);
    // Failing both sides together, the deletion was at a block's edge: a deletion that starts a line most likely
    // started its paragraph (the text after it is its block), one inside a line ended it.
    const startsLine = /(?:^|\n)[ \t]*$/.test(pageText.slice(Math.max(0, mark.start - 20), mark.start));
    return { kind: "deletion", text: changed, colour: mark.colour, keys: [before + after, ...(startsLine ? [afterAlone, beforeAlone] : [beforeAlone, afterAlone])].filter((key) => key.length >= 8) };
  });
  const notes = pageNotes(source.annotations, runs, rules.horizontal).map((note) => ({ ...note, keys: [squeeze(note.anchorText)].filter(Boolean) }));
  return { page, text, notes, changes };
}

const tidy = (text: string): string => text.replace(/-\n(?=\p{Ll})/gu, "-").replace(/\s+/g, " ").trim();

/**
 * The text with the ranges cut out, and where a position of the original falls in the result. A line that only
 * held cut text goes altogether, so it does not turn into a blank line (which would end a paragraph).
 */
function withoutRanges(text: string, ranges: readonly { start: number; end: number }[]): { text: string; positionOf: (offset: number) => number } {
  if (ranges.length === 0) return { text, positionOf: (offset) => offset };
  const cut = new Uint8Array(text.length);
  for (const { start, end } of ranges) cut.fill(1, start, end);
  const lines: string[] = [];
  // position[i]: where original offset i falls in the result.
  const position = new Int32Array(text.length + 1);
  let length = 0;
  for (let lineStart = 0; lineStart <= text.length; ) {
    const lineEnd = text.indexOf("\n", lineStart) < 0 ? text.length : text.indexOf("\n", lineStart);
    let kept = "";
    let hadCut = false;
    for (let i = lineStart; i < lineEnd; i++) {
      position[i] = length + kept.length;
      if (cut[i]) hadCut = true;
      else kept += text[i];
    }
    if (hadCut && kept.trim() === "") {
      for (let i = lineStart; i <= lineEnd; i++) position[i] = length;
    } else {
      lines.push(kept);
      position[lineEnd] = length + kept.length;
      length += kept.length + 1;
    }
    lineStart = lineEnd + 1;
  }
  return { text: lines.join("\n"), positionOf: (offset) => position[Math.min(offset, text.length)]! };
}

/**
 * Each note and change of every page as a comment or tracked change of the raw document, pointing at the block its
 * text is in (searched on its own page first, then the pages either side, for a note anchored across a break).
 */
export function locateMarkup(pages: readonly PageMarkup[], blocks: readonly RawBlock[]): { comments: RawComment[]; trackedChanges: RawTrackedChange[] } {
  // Most plans carry no markup: the blocks are squeezed for searching only when there is some.
  if (pages.every((page) => page.notes.length === 0 && page.changes.length === 0)) return { comments: [], trackedChanges: [] };
  const byPage = new Map<number, { index: number; text: string }[]>();
  blocks.forEach((block, index) => {
    const page = block.location.page ?? 0;
    const text = squeeze(block.kind === "table" ? [block.header, ...block.rows].flat().join(" ") : block.text);
    const onPage = byPage.get(page);
    if (onPage) onPage.push({ index, text });
    else byPage.set(page, [{ index, text }]);
  });
  const blockOf = (page: number, keys: readonly string[]): number | null => {
    for (const key of keys) {
      for (const onPage of [page, page - 1, page + 1]) {
        const found = byPage.get(onPage)?.find((block) => block.text.includes(key));
        if (found) return found.index;
      }
    }
    return null;
  };
  const comments: RawComment[] = [];
  const trackedChanges: RawTrackedChange[] = [];
  for (const page of pages) {
    for (const note of page.notes) {
      const { keys, deletion, anchorText, ...comment } = note;
      const rawBlockIndex = blockOf(page.page, keys);
      // A bare strike-out made in a PDF viewer asks for its text to go, as a tracked deletion does.
      if (deletion) trackedChanges.push({ id: `p${page.page}-${note.id}`, kind: "deletion", author: comment.author, ...(comment.date ? { date: comment.date } : {}), text: anchorText, rawBlockIndex });
      else comments.push({ ...comment, anchorText, id: `p${page.page}-${note.id}`, rawBlockIndex });
    }
    page.changes.forEach((change, index) => {
      trackedChanges.push({
        id: `p${page.page}-c${index}`,
        kind: change.kind,
        // A PDF does not say who made a change; the reviewer's colour tells changes by different people apart.
        author: reviewerByColour(change.colour),
        text: change.text,
        rawBlockIndex: blockOf(page.page, change.keys),
      });
    });
  }
  return { comments, trackedChanges };
}

const HUES: [number, string][] = [[15, "red"], [45, "orange"], [70, "yellow"], [160, "green"], [200, "teal"], [255, "blue"], [290, "purple"], [340, "pink"], [360, "red"]];

/** "the reviewer marking in blue": how a QA officer finds the change on the printed draft. */
function reviewerByColour(colour: string | null): string {
  if (!colour) return "a reviewer";
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(colour.slice(at, at + 2), 16) / 255) as [number, number, number];
  const [max, min] = [Math.max(r, g, b), Math.min(r, g, b)];
  if (max - min < 0.15) return "a reviewer";
  const hue = max === r ? (60 * ((g - b) / (max - min)) + 360) % 360 : max === g ? 60 * ((b - r) / (max - min)) + 120 : 60 * ((r - g) / (max - min)) + 240;
  return `the reviewer marking in ${HUES.find(([limit]) => hue < limit)?.[1] ?? "red"}`;
}
