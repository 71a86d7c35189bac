// PDF -> RawDocument with pdf-parse v2 (pdf.js underneath; in Node it runs pdf.js in-process, no browser worker).
// Knows PDFs, not EHC plans: sections are recognised later from the blocks (sections.ts). Size limits and the
// worker-thread guard are the caller's job.
import { PDFParse } from "pdf-parse";
// pdf-parse's own copy of pdf.js (a dependency it pins): its operator ids, and the pages it has loaded.
import { OPS, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ProblemError } from "../model/problem.ts";
import type { RawDocument } from "./raw.ts";
import { locateMarkup, pageMarkup, type PageMarkup } from "./pdf/draft-markup.ts";
import type { PageContent } from "./pdf/flow.ts";
import { blocksFromFlow } from "./pdf/line-blocks.ts";
import { flowFromPages } from "./pdf/page-flow.ts";

/** Fewer letters than this per page on average means the pages are pictures of text: a scan without OCR. */
const MIN_LETTERS_PER_PAGE = 25;

const MESSAGES = {
  ENCRYPTED_PDF: "This PDF is password-protected. Remove the password or upload the Word file.",
  NO_TEXT_LAYER: "This PDF is a scan with no text in it; run it through OCR (text recognition) or upload the Word file.",
  CORRUPT_FILE: "This PDF is damaged or incomplete and cannot be read. Save or export it again from the original document, or upload the Word file.",
} as const;

/** A fresh error each time: callers may add the file name to the problem they catch. */
const problem = (code: keyof typeof MESSAGES): ProblemError => new ProblemError({ code, message: MESSAGES[code] });

/** pdf-parse's own errors become coded problems; nothing from the library reaches the user. */
function problemFor(error: unknown): ProblemError {
  const name = error instanceof Error ? error.name : "";
  return problem(name === "PasswordException" ? "ENCRYPTED_PDF" : "CORRUPT_FILE");
}

/** The pdf.js document pdf-parse has loaded (its `load` is not in its typings, but is how its own readers get it). */
const loadedDocument = (parser: PDFParse): Promise<PDFDocumentProxy> => (parser as unknown as { load(): Promise<PDFDocumentProxy> }).load();

/** Each page's review markup, with the page text it was read against. */
async function readMarkup(parser: PDFParse, pages: readonly { num: number; text: string }[]): Promise<PageMarkup[]> {
  const doc = await loadedDocument(parser);
  const markup: PageMarkup[] = [];
  for (const { num, text } of pages) {
    const page = await doc.getPage(num);
    // The same text items pdf-parse read the page text from (its default options), to place runs in that text.
    const [annotations, content, operators] = await Promise.all([page.getAnnotations(), page.getTextContent(), page.getOperatorList()]);
    const textItems = content.items.filter((item) => "str" in item);
    markup.push(pageMarkup(num, text, { annotations, textItems, operators }, OPS));
  }
  return markup;
}

/** Each page's text lines and ruled tables, as pdf-parse reads them, and the draft markup on each page. */
async function readPages(bytes: Uint8Array): Promise<{ pages: PageContent[]; markup: PageMarkup[] }> {
  // A copy: pdf.js may keep or transfer the buffer it is given, and the caller's bytes must stay intact.
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const text = await parser.getText({ pageJoiner: "" });
    // Read before the tables, so the tables' pass reuses the operator lists pdf.js keeps for each page.
    const markup = await readMarkup(parser, text.pages);
    // Table detection is a bonus on top of the text: if it fails on some odd drawing, the tables' text is still
    // read, as lines, from the page text.
    const tables = await parser.getTable().catch(() => ({ pages: [] }));
    const tablesByPage = new Map(tables.pages.map((page) => [page.num, page.tables]));
    const pages = markup.map((page) => ({ page: page.page, lines: page.text.split("\n"), tables: tablesByPage.get(page.page) ?? [] }));
    return { pages, markup };
  } catch (error) {
    throw problemFor(error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

export async function readPdf(bytes: Uint8Array): Promise<RawDocument> {
  const { pages, markup } = await readPages(bytes);
  if (pages.length === 0) throw problem("CORRUPT_FILE");
  const flow = flowFromPages(pages);
  // Counted without running headers and footers: a document system may stamp text ones on scanned pages.
  const bodyText = flow.map((item) => (item.kind === "line" ? item.text : item.rows.flat().join(" "))).join(" ");
  if ((bodyText.match(/\p{L}/gu) ?? []).length < MIN_LETTERS_PER_PAGE * pages.length) throw problem("NO_TEXT_LAYER");
  const blocks = blocksFromFlow(flow);
  return { format: "pdf", blocks, ...locateMarkup(markup, blocks), pageCount: pages.length };
}
