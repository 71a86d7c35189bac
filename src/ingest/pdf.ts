// PDF -> RawDocument with pdf-parse v2 (pdf.js underneath; in Node it runs pdf.js in-process, no browser worker).
// Knows PDFs, not EHC plans: sections are recognised later from the blocks (sections.ts). Size limits and the
// worker-thread guard are the caller's job.
import { PDFParse } from "pdf-parse";
import { ProblemError } from "../model/problem.ts";
import type { RawDocument } from "./raw.ts";
import type { PageContent } from "./pdf/flow.ts";
import { blocksFromFlow } from "./pdf/line-blocks.ts";
import { flowFromPages } from "./pdf/page-flow.ts";

/** Fewer letters than this per page on average means the pages are pictures of text: a scan without OCR. */
const MIN_LETTERS_PER_PAGE = 25;

const ENCRYPTED = new ProblemError({ code: "ENCRYPTED_PDF", message: "This PDF is password-protected. Remove the password or upload the Word file." });
const NO_TEXT = new ProblemError({
  code: "NO_TEXT_LAYER",
  message: "This PDF is a scan with no text in it; run it through OCR (text recognition) or upload the Word file.",
});
const CORRUPT = new ProblemError({
  code: "CORRUPT_FILE",
  message: "This PDF is damaged or incomplete and cannot be read. Save or export it again from the original document, or upload the Word file.",
});

/** pdf-parse's own errors become coded problems; nothing from the library reaches the user. */
function problemFor(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  const name = error instanceof Error ? error.name : "";
  return name === "PasswordException" ? ENCRYPTED : CORRUPT;
}

export async function readPdf(bytes: Uint8Array): Promise<RawDocument> {
  // A copy: pdf.js may keep or transfer the buffer it is given, and the caller's bytes must stay intact.
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const text = await parser.getText({ pageJoiner: "" });
    if (text.total === 0) throw CORRUPT;
    const tables = await parser.getTable();
    const tablesByPage = new Map(tables.pages.map((page) => [page.num, page.tables]));
    const pages: PageContent[] = text.pages.map((page) => ({ page: page.num, lines: page.text.split("\n"), tables: tablesByPage.get(page.num) ?? [] }));

    const flow = flowFromPages(pages);
    // Counted without running headers and footers: a document system may stamp text ones on scanned pages.
    const bodyText = flow.map((item) => (item.kind === "line" ? item.text : item.rows.flat().join(" "))).join(" ");
    if ((bodyText.match(/\p{L}/gu) ?? []).length < MIN_LETTERS_PER_PAGE * text.total) throw NO_TEXT;

    return { format: "pdf", blocks: blocksFromFlow(flow), comments: [], trackedChanges: [], pageCount: text.total };
  } catch (error) {
    throw problemFor(error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
