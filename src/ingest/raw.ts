// What a format reader (docx.ts, pdf.ts, text.ts) produces before sections are recognised.
// Readers know their file format; sections.ts knows EHC plans. Neither knows the other.
import type { DocumentFormat, Location, TrackedChange, WordComment } from "../model/document.ts";
import type { IngestLimits } from "./guard.ts";
import type { WordZip } from "./word-zip.ts";

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
  /** What the reader could not do in full (tables read as plain lines), for the report's reader; never file text. */
  notes?: string[];
}

/** What a format reader is given besides the bytes. */
export interface ReadOptions {
  /**
   * When the whole audit must have its answer (epoch ms). A reader checks it between pages and steps: past it,
   * PARSE_TIMEOUT; optional steps (a PDF's ruled tables) get a share of the time left and are skipped when it
   * runs out. Default: DEFAULT_READ_BUDGET_MS from when the reader starts.
   */
  deadlineAt?: number;
  /** Page and text limits (see DEFAULT_LIMITS in guard.ts). */
  limits?: Partial<IngestLimits>;
  /** A DOCX's zip as the guard checked and inflated it (guard.ts openWordZip); without it the DOCX reader opens it so. */
  wordZip?: WordZip;
}
