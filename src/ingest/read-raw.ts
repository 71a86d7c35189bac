// Bytes of a known format -> RawDocument, by the format's reader, in the calling thread (the audit pool runs it in a
// child process whose memory and time it watches: src/runtime). Readers are loaded on first use: reading a text
// file needs no pdf.js.
import type { DocumentFormat } from "../model/document.ts";
import { isProblemError, ProblemError, type Problem } from "../model/problem.ts";
import type { RawDocument, ReadOptions } from "./raw.ts";

export type { ReadOptions } from "./raw.ts";

/** `options.deadlineAt` is the audit's deadline (epoch ms); `options.limits` the page and text limits. */
export async function readRaw(format: DocumentFormat, bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  switch (format) {
    case "docx":
      return (await import("./docx.ts")).readDocx(bytes, options);
    case "pdf":
      return (await import("./pdf.ts")).readPdf(bytes, options);
    case "text":
      return (await import("./text.ts")).readText(bytes, options);
  }
}

const UNREADABLE: Record<DocumentFormat, string> = {
  docx: "This Word file could not be read; it may be damaged. Open it in Word, save it again as a Word Document (.docx), and try again.",
  pdf: "This PDF could not be read; it may be damaged. Export or save it again as a PDF, or upload the Word file, and try again.",
  text: "This text file could not be read. Save it again as plain text (UTF-8), or upload the Word file, and try again.",
};

/**
 * A reader's failure as a Problem: its own coded problems pass through; anything else a library throws on a
 * malformed file means the file could not be read (CORRUPT_FILE). `detail` is for developers, never shown.
 */
export function problemFromError(error: unknown, format: DocumentFormat): { problem: Problem; detail?: string } {
  if (isProblemError(error)) return { problem: { ...error.problem } };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { problem: { code: "CORRUPT_FILE", message: UNREADABLE[format] }, detail };
}

/** A ProblemError carrying the developer detail as its `cause` (for debugging; never printed to users). */
export function problemErrorFrom({ problem, detail }: { problem: Problem; detail?: string }): ProblemError {
  const error = new ProblemError(problem);
  if (detail !== undefined) error.cause = detail;
  return error;
}

/** readRaw in the calling thread, every failure as a coded ProblemError. */
export async function readRawInProcess(format: DocumentFormat, bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  try {
    return await readRaw(format, bytes, options);
  } catch (error) {
    throw problemErrorFrom(problemFromError(error, format));
  }
}
