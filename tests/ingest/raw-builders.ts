// Small RawDocuments written in code, for the tests of sections and facts (no file format involved).
import type { RawBlock, RawDocument } from "../../src/ingest/raw.ts";

export const h = (text: string, level = 1): RawBlock => ({ kind: "heading", level, text, location: {} });
export const p = (text: string): RawBlock => ({ kind: "paragraph", text, location: {} });
export const li = (text: string, ordered = false): RawBlock => ({ kind: "list-item", level: 0, ordered, text, location: {} });
export const table = (header: string[], rows: string[][]): RawBlock => ({ kind: "table", header, rows, location: {} });

/** Gives each block its location (paragraph index for DOCX, page for PDF: 20 blocks a page). */
export function rawDocument(blocks: RawBlock[], format: RawDocument["format"] = "docx", extra: Partial<RawDocument> = {}): RawDocument {
  const located = blocks.map((block, index) => ({ ...block, location: format === "pdf" ? { page: 1 + Math.floor(index / 20) } : { paragraph: index } }));
  return { format, blocks: located, comments: [], trackedChanges: [], ...extra };
}
