// What a format reader (docx.ts, pdf.ts, text.ts) produces before sections are recognised.
// Readers know their file format; sections.ts knows EHC plans. Neither knows the other.
import type { DocumentFormat, Location, TrackedChange, WordComment } from "../model/document.ts";

export type RawBlock =
  /** A paragraph styled as a heading (DOCX), or a line that looks like one (PDF). */
  | { kind: "heading"; level: number; text: string; location: Location }
  | { kind: "paragraph"; text: string; location: Location }
  | { kind: "list-item"; level: number; ordered: boolean; text: string; location: Location }
  | { kind: "table"; header: string[]; rows: string[][]; location: Location };

/** A comment or tracked change, pointing at the raw block it sits in (index into `blocks`, or null). */
export type RawComment = Omit<WordComment, "blockId"> & { rawBlockIndex: number | null };
export type RawTrackedChange = Omit<TrackedChange, "blockId"> & { rawBlockIndex: number | null };

export interface RawDocument {
  format: DocumentFormat;
  blocks: RawBlock[];
  comments: RawComment[];
  trackedChanges: RawTrackedChange[];
  pageCount?: number;
  paragraphCount?: number;
}
