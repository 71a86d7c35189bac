// PDF -> RawDocument with pdf-parse v2 (pdf.js underneath; in Node it runs pdf.js in-process, no browser worker).
// Knows PDFs, not EHC plans: sections are recognised later from the blocks (sections.ts). The file size limit is
// the caller's job; the page and text limits and the deadline are checked here, between pages, and the process
// that runs this is ended if a single pdf.js call never returns.
// First, before pdf-parse loads pdf.js: it keeps the engine's own built-ins that pdf.js's core-js replaces.
import { restoreNativeBuiltins } from "./pdf/native-builtins.ts";
import { PDFParse } from "pdf-parse";
// pdf-parse's own copy of pdf.js (a dependency it pins): its operator ids, and the pages it has loaded.
import { OPS, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { isProblemError, ProblemError } from "../model/problem.ts";
import { countWords } from "../text/words.ts";
import { beforeDeadline, OUT_OF_TIME, resolveDeadline, withinDeadline } from "./deadline.ts";
import { checkPageCount, checkPdfContent, checkWordCount, resolveLimits, type IngestLimits } from "./guard.ts";
import type { RawDocument, ReadOptions } from "./raw.ts";
import { locateMarkup, pageMarkup, type PageMarkup } from "./pdf/draft-markup.ts";
import type { FlowItem, PageContent } from "./pdf/flow.ts";
import { blocksFromFlow } from "./pdf/line-blocks.ts";
import { declaredPageCount } from "./pdf/content-census.ts";
import { flowFromPages } from "./pdf/page-flow.ts";
import { drawingOf } from "./pdf/page-drawing.ts";
import { pagePassesOf, streamCollector, type PagePasses, type PageRef } from "./pdf/page-objects.ts";
import { pageText } from "./pdf/page-text.ts";
import { ruledTables, type TableSource } from "./pdf/ruled-tables.ts";

restoreNativeBuiltins();

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

/**
 * Where pdf.js installs the fonts it would draw text with: a document that takes each font's CSS rule and keeps
 * nothing. With `disableFontFace` (pdf.js's default in Node, where there is no document) pdf.js instead traces
 * every glyph the page shows into a drawing path and posts it across, for a canvas: a quarter of the operator
 * list's cost, for pixels the checker never draws. The fonts' character maps, widths and text are the same either
 * way.
 */
const FONTLESS_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => undefined }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/**
 * pdf.js's own limits. The checker needs text and ruled lines, never pixels: images are not decoded at all (an
 * image over `maxImageSize` pixels is dropped from the page, with errors ignored rather than thrown), fonts are
 * read for their character maps only (no glyph outlines, no system fonts), and no PDF function is compiled to
 * JavaScript.
 */
const PDFJS_LIMITS = {
  maxImageSize: 0,
  stopAtErrors: false,
  isEvalSupported: false,
  disableFontFace: false,
  ownerDocument: FONTLESS_DOCUMENT,
  useSystemFonts: false,
  enableXfa: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  canvasMaxAreaInBytes: 16 * 1024 * 1024,
} as const;

/** The share of the time left after the text that finding the ruled tables may take. */
const TABLE_SHARE_OF_TIME_LEFT = 0.5;

/** One page as the reader needs it: its text and review markup now, what its ruled tables are found from later. */
interface PageRead {
  markup: PageMarkup;
  tableSource: TableSource;
}

/** The operator list of a page that draws no line: nothing in it could be a border, a rule or a change bar. */
const NO_DRAWING = { fnArray: [], argsArray: [] };

/**
 * One page, in one pass of pdf.js: its text items once (the page text, the runs review markup is placed by, and
 * later the tables' cell text all come from them), its drawing once (struck and underlined text now, table borders
 * later) and its annotations, the last two only where the page can have any (`passesFor`). The deadline
 * is checked between pdf.js's passes over the page: a long page cannot be stopped inside a pass (pdf.js does not
 * give the clock a turn), but it is not given another.
 */
async function readPage(doc: PDFDocumentProxy, num: number, deadlineAt: number, passesFor: (ref: PageRef | null) => PagePasses): Promise<PageRead> {
  const page = await withinDeadline(doc.getPage(num), deadlineAt);
  const viewport = page.getViewport({ scale: 1 });
  // pdf.js's defaults, which are also the options pdf-parse reads page text and table cells with.
  const content = await withinDeadline(page.getTextContent(), deadlineAt);
  const passes = passesFor(page.ref);
  // Plain drawing is read from the page's content stream; pdf.js's operator list would add the text again.
  const drawing = passes.operators && passes.content !== null ? drawingOf(passes.content, OPS) : null;
  const [annotations, operators] = await withinDeadline(
    Promise.all([passes.annotations ? page.getAnnotations() : [], passes.operators ? (drawing ?? page.getOperatorList()) : NO_DRAWING]),
    deadlineAt,
  );
  const textItems = content.items.filter((item) => "str" in item);
  const markup = pageMarkup(num, pageText(textItems, viewport), { annotations, textItems, operators }, OPS);
  return { markup, tableSource: { operators, textItems, viewportTransform: viewport.transform } };
}

/**
 * Each page's ruled tables, page by page within their share of the time. Tables are a bonus on top of the text:
 * when a page's tables cannot be found (an odd drawing, or time runs out) their text is still read, as lines,
 * from the page text, and a note says so.
 */
export async function readTables(tablesOf: (page: number) => Promise<string[][][]>, pageCount: number, until: number): Promise<{ tablesByPage: Map<number, string[][][]>; notes: string[] }> {
  const tablesByPage = new Map<number, string[][][]>();
  const failedPages: number[] = [];
  for (let num = 1; num <= pageCount; num++) {
    // Checked before the page's tables are started: finding them may not give the clock a turn.
    const found = Date.now() >= until ? OUT_OF_TIME : await beforeDeadline(tablesOf(num).catch(() => null), until);
    if (found === OUT_OF_TIME) {
      return { tablesByPage, notes: [...failedNote(failedPages), tablesOutOfTimeNote(num, pageCount)] };
    }
    if (found === null) failedPages.push(num);
    else tablesByPage.set(num, found);
  }
  return { tablesByPage, notes: failedNote(failedPages) };
}

const TABLES_AS_LINES = "so their text was read as ordinary lines; checks that rely on a table's columns may miss something there.";

function tablesOutOfTimeNote(page: number, pageCount: number): string {
  const where = page === 1 ? "in this PDF" : page === pageCount ? `on page ${page}` : `on pages ${page}-${pageCount}`;
  return `Working out the layout of the tables ${where} took too long, ${TABLES_AS_LINES}`;
}

function failedNote(pages: readonly number[]): string[] {
  if (pages.length === 0) return [];
  return [`The layout of the tables on page${pages.length > 1 ? "s" : ""} ${pages.join(", ")} could not be worked out, ${TABLES_AS_LINES}`];
}

/**
 * Each page's text lines and ruled tables, as pdf-parse reads them, and the draft markup on each page. The cheap
 * checks first: the page count the page tree declares and the content streams' size and nesting (read from the
 * bytes), then the page count pdf.js finds; then the text and markup page by page, counting words as it goes;
 * then the tables, in their share of the time left.
 */
async function readPages(bytes: Uint8Array, limits: IngestLimits, deadlineAt: number): Promise<{ pages: PageContent[]; markup: PageMarkup[]; notes: string[] }> {
  checkPageCount(declaredPageCount(bytes), limits);
  // Each content stream's census, by object: which may draw a line, and their content.
  const { collect, streams } = streamCollector();
  checkPdfContent(bytes, limits, collect);
  const passesFor = pagePassesOf(bytes, streams);
  // A copy: pdf.js may keep or transfer the buffer it is given, and the caller's bytes must stay intact.
  const parser = new PDFParse({ data: new Uint8Array(bytes), ...PDFJS_LIMITS });
  try {
    const doc = await withinDeadline(loadedDocument(parser), deadlineAt);
    // pdf.js's worker code (loaded with the first document) carries core-js too.
    restoreNativeBuiltins();
    checkPageCount(doc.numPages, limits);
    const markup: PageMarkup[] = [];
    const tableSources: TableSource[] = [];
    let words = 0;
    for (let num = 1; num <= doc.numPages; num++) {
      const page = await readPage(doc, num, deadlineAt, passesFor);
      words += countWords(page.markup.text);
      checkWordCount(words, limits, num === doc.numPages);
      markup.push(page.markup);
      tableSources.push(page.tableSource);
    }
    const until = Date.now() + (deadlineAt - Date.now()) * TABLE_SHARE_OF_TIME_LEFT;
    const { tablesByPage, notes } = await readTables(async (num) => ruledTables(tableSources[num - 1]!), doc.numPages, until);
    const pages = markup.map((page) => ({ page: page.page, lines: page.text.split("\n"), tables: tablesByPage.get(page.page) ?? [] }));
    return { pages, markup, notes };
  } catch (error) {
    throw isProblemError(error) ? error : problemFor(error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Whether the flow's lines and table cells hold at least `needed` letters (counting stops there). */
function hasLetters(flow: readonly FlowItem[], needed: number): boolean {
  let letters = 0;
  for (const item of flow) {
    for (const text of item.kind === "line" ? [item.text] : item.rows.flat()) {
      const letter = /\p{L}/gu;
      while (letters < needed && letter.exec(text) !== null) letters++;
      if (letters >= needed) return true;
    }
  }
  return letters >= needed;
}

export async function readPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  const { pages, markup, notes } = await readPages(bytes, resolveLimits(options.limits), resolveDeadline(options.deadlineAt));
  if (pages.length === 0) throw problem("CORRUPT_FILE");
  const flow = flowFromPages(pages);
  // Counted without running headers and footers: a document system may stamp text ones on scanned pages.
  if (!hasLetters(flow, MIN_LETTERS_PER_PAGE * pages.length)) throw problem("NO_TEXT_LAYER");
  const blocks = blocksFromFlow(flow);
  return { format: "pdf", blocks, ...locateMarkup(markup, blocks), pageCount: pages.length, ...(notes.length > 0 ? { notes } : {}) };
}
