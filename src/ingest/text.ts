// Plain text -> RawDocument, for response letters that arrive as .txt (a parent's email saved as text):
// paragraphs split at blank lines, hard-wrapped lines joined, numbered and bulleted lines as list items.
import { ProblemError } from "../model/problem.ts";
import { decodeText } from "./detect.ts";
import { listMarker } from "./pdf/line-blocks.ts";
import type { RawBlock, RawDocument } from "./raw.ts";

/** Spaces of indentation per list level. */
const INDENT_PER_LEVEL = 2;
const MAX_LIST_LEVEL = 3;

export async function readText(bytes: Uint8Array): Promise<RawDocument> {
  const text = decodeText(bytes);
  if (text === null) throw new ProblemError({ code: "UNSUPPORTED_FORMAT", message: "This file is not a Word document or a PDF. Save it as .docx or .pdf and try again." });
  const blocks = textBlocks(text);
  return { format: "text", blocks, comments: [], trackedChanges: [], paragraphCount: blocks.length };
}

export function textBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let open: Extract<RawBlock, { kind: "paragraph" | "list-item" }> | null = null;
  const flush = (): void => {
    if (open) blocks.push({ ...open, location: { paragraph: blocks.length } });
    open = null;
  };
  for (const rawLine of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n|\f/)) {
    const line = rawLine.replace(/[\s\u00a0]+/g, " ").trim();
    if (line === "") {
      flush();
      continue;
    }
    const marker = listMarker(line);
    if (marker) {
      flush();
      const indent = (/^[ \t]*/.exec(rawLine.replace(/\t/g, "    "))?.[0].length ?? 0) / INDENT_PER_LEVEL;
      const level = Math.min(MAX_LIST_LEVEL, Math.max(marker.level, Math.floor(indent)));
      open = { kind: "list-item", level, ordered: marker.ordered, text: marker.text, location: {} };
      continue;
    }
    // A line with no marker continues what is open: a hard-wrapped paragraph or list item.
    if (open) open = { ...open, text: `${open.text} ${line}` };
    else open = { kind: "paragraph", text: line, location: {} };
  }
  flush();
  return blocks;
}
