// Limits checked before any parser sees a file, cheapest first. mammoth has no size guard: a 300 KB DOCX whose
// word/document.xml inflates to 100 MB takes Node down with an out-of-memory error no try/catch can stop, and its
// time and memory grow with the paragraphs and nesting of the XML. So the zip's entry count and central directory
// are read first (yauzl, milliseconds) and the declared sizes are judged; then every entry is inflated, each stopped
// by zlib as soon as it passes its declared size (which catches sizes forged in the directory), while the Word XML
// parts are counted (xml-census.ts). The XML and relationship parts are kept and handed to the reader (word-zip.ts),
// so a Word file is inflated once. The PDF reader checks the page count and the amount of text with the same limits.
// Parsing itself then runs apart from the service, with a memory cap and a deadline, for whatever this cannot
// foresee.
import type yauzlModule from "yauzl";
import { ProblemError } from "../model/problem.ts";
import { XmlCensusCounter, type XmlCensus } from "./docx/xml-census.ts";
import { contentStreamProblem, type StreamCensusListener } from "./pdf/content-census.ts";
import { inflateEntry, isKeptPart, locateEntry, WordZip, type ZipEntryData } from "./word-zip.ts";

export interface IngestLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total of a zip's entries once inflated, in bytes. */
  maxTotalUncompressedBytes: number;
  /** Largest single entry once inflated, in bytes. */
  maxEntryUncompressedBytes: number;
  /** Most entries a zip may hold (a plan with pictures has well under a few hundred). */
  maxEntries: number;
  /** Highest inflated:compressed ratio for an entry larger than `ratioCheckMinBytes`. */
  maxCompressionRatio: number;
  ratioCheckMinBytes: number;
  /** Most pages a PDF may have, read from its page tree before any text is extracted. */
  maxPages: number;
  /** Most words a document's text may hold, counted as it is read. */
  maxWords: number;
  /** Largest main document part of a Word file (word/document.xml) once inflated, in bytes. */
  maxDocumentXmlBytes: number;
  /** Most paragraphs in a Word file's XML parts, counted as they are inflated, before any XML parser runs. */
  maxParagraphs: number;
  /** Deepest nesting of elements in a Word file's XML parts (a plan's tables and text boxes nest a few dozen). */
  maxXmlDepth: number;
  /** Most XML elements in a Word file's XML parts (a parser's memory grows with them). */
  maxXmlElements: number;
  /** Largest page content stream of a PDF once inflated, in bytes. */
  maxContentStreamBytes: number;
  /** Largest total of a PDF's page content streams once inflated, in bytes. */
  maxContentBytes: number;
  /** Deepest nesting of saved graphics states (q ... Q) in a PDF page's content. */
  maxStateDepth: number;
  /** Deepest nesting of arrays and dictionaries among a PDF page's drawing instructions. */
  maxOperandDepth: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<IngestLimits> = Object.freeze({
  maxFileBytes: 20 * MB,
  maxTotalUncompressedBytes: 200 * MB,
  maxEntryUncompressedBytes: 50 * MB,
  maxEntries: 2000,
  // Word XML compresses about 5-20:1; a long table of identical rows may reach 50:1.
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1 * MB,
  // Plans run to 20-60 pages; a long one with its appendices of advice, perhaps 150.
  maxPages: 300,
  // A 30-page plan holds about 10,000 words; 300 dense pages, about 150,000. (The service sets its own, lower.)
  maxWords: 300_000,
  // Word's XML runs to about 0.5 KB per paragraph: a 60-page plan's is 1-2 MB. XML parsers take about 100-200 MB
  // of memory and a second or more for each MB, so 10 MB is as much as can be read within the memory and time.
  maxDocumentXmlBytes: 10 * MB,
  // Every table cell holds a paragraph: a 60-page plan has some 3,000; a 150-page one with its appendices, 10,000.
  maxParagraphs: 20_000,
  maxXmlDepth: 500,
  // Word writes some 10-50 elements a paragraph: a 60-page plan has about 150,000. The parsers' time and memory
  // grow with them (250,000 elements: about 0.5 GB for the two parsers together).
  maxXmlElements: 600_000,
  // A page of text is 10-20 KB of text and drawing instructions (a 60-page plan, about 1 MB); a detailed diagram,
  // a few MB. pdf.js reads about 1 MB of dense content a second, so more could not be read in the audit's time.
  maxContentStreamBytes: 4 * MB,
  maxContentBytes: 8 * MB,
  // Real pages nest a few dozen; pdf.js's text extraction slows with the square of the depth.
  maxStateDepth: 1000,
  // Real pages nest two (a TJ array, a marked-content dictionary).
  maxOperandDepth: 100,
});

export function resolveLimits(limits: Partial<IngestLimits> = {}): IngestLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

export const ZIP_BOMB_MESSAGE =
  "This file expands to far more data than a plan could hold, so it was not opened (it may be damaged or built to overload the checker). Open the plan in Word, save a fresh copy as .docx, and upload that.";
const CORRUPT_ZIP_MESSAGE =
  "This Word file is damaged or incomplete (it may not have finished downloading or copying). Open it in Word, save it again as a Word Document (.docx), and upload it again.";

const zipBomb = (): ProblemError => new ProblemError({ code: "ZIP_BOMB", message: ZIP_BOMB_MESSAGE });
const corruptZip = (): ProblemError => new ProblemError({ code: "CORRUPT_FILE", message: CORRUPT_ZIP_MESSAGE });

export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** TOO_LARGE when a file of `size` bytes is over the limit (checked before the file is even read, where possible). */
export function checkFileSize(size: number, limits: IngestLimits): void {
  if (size > limits.maxFileBytes) {
    throw new ProblemError({
      code: "TOO_LARGE",
      message: `This file is ${formatMegabytes(size)}, over the ${formatMegabytes(limits.maxFileBytes)} limit. Remove large pictures from the plan or compress them, save it again as .docx or .pdf, and try again.`,
    });
  }
}

/** 20000 -> "20,000": how counts are written to a caseworker. */
export const formatCount = (count: number): string => count.toLocaleString("en-GB");

const CHECK_IT_IS_THE_PLAN = "Check that this is the plan and not a whole case file, or take out its appendices, and try again.";
const FRESH_COPY = "It may be damaged or built to overload the checker: open it in Word, save a fresh copy as .docx, and upload that.";

const tooLarge = (message: string): ProblemError => new ProblemError({ code: "TOO_LARGE", message });

/** TOO_LARGE for a PDF with more pages than a plan could have: read from its page tree, before any text. */
export function checkPageCount(pages: number, limits: IngestLimits): void {
  if (pages > limits.maxPages) {
    throw tooLarge(`This PDF has ${formatCount(pages)} pages; plans are rarely over 60; the limit is ${formatCount(limits.maxPages)}. ${CHECK_IT_IS_THE_PLAN}`);
  }
}

/**
 * Judges a PDF's page content streams from its bytes, before pdf.js reads a page (pdf/content-census.ts): a
 * stream that inflates past the limit is ZIP_BOMB when its ratio is one no plan has, else TOO_LARGE; nesting
 * far deeper than any page has is TOO_LARGE, with the depth found and the limit. `onStream` hears each stream's census.
 */
export function checkPdfContent(bytes: Uint8Array, limits: IngestLimits, onStream?: StreamCensusListener): void {
  const problem = contentStreamProblem(bytes, limits, onStream);
  if (!problem) return;
  const overload = "It may be damaged or built to overload the checker: export or save it again as a PDF, or upload the Word file.";
  switch (problem.kind) {
    case "inflates-too-far":
      if (problem.limitBytes / Math.max(problem.compressedBytes, 1) > limits.maxCompressionRatio) throw zipBomb();
      throw tooLarge(`A page of this PDF expands to more than ${formatMegabytes(problem.limitBytes)} of text and drawing; a page of a plan needs well under 1 MB. ${overload}`);
    case "too-much-content":
      throw tooLarge(
        `The pages of this PDF hold at least ${formatMegabytes(problem.totalBytes)} of text and drawing; a plan's rarely hold 3 MB; the limit is ${formatMegabytes(limits.maxContentBytes)}. ${CHECK_IT_IS_THE_PLAN}`,
      );
    case "state-depth":
      throw tooLarge(
        `A page of this PDF nests its drawing instructions ${formatCount(problem.depth)} levels deep; pages rarely nest more than a few dozen; the limit is ${formatCount(limits.maxStateDepth)}. ${overload}`,
      );
    case "operand-depth":
      throw tooLarge(
        `A page of this PDF nests lists of values ${formatCount(problem.depth)} levels deep; pages nest two or three; the limit is ${formatCount(limits.maxOperandDepth)}. ${overload}`,
      );
  }
}

/** TOO_LARGE for more text than a plan could hold; `complete` is false when reading stopped at the limit. */
export function checkWordCount(words: number, limits: IngestLimits, complete: boolean): void {
  if (words > limits.maxWords) {
    throw tooLarge(
      `This document has ${complete ? "" : "at least "}${formatCount(words)} words; a 30-page plan has about 10,000; the limit is ${formatCount(limits.maxWords)}. ${CHECK_IT_IS_THE_PLAN}`,
    );
  }
}

interface EntrySummary {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** A directory record as judged: its name and sizes, and where its local header is. */
interface DirectoryEntry extends EntrySummary {
  relativeOffsetOfLocalHeader: number;
  compressionMethod: number;
}

/** Word XML parts whose paragraphs and nesting are counted before parsing (the parts the readers parse). */
const isWordXmlPart = (name: string): boolean => /^word\/[^/]+\.xml$/i.test(name);
const isMainDocumentPart = (name: string): boolean => name.toLowerCase() === "word/document.xml";

/**
 * Checks a zip that claims to be a Word document, cheapest first: its entry count, sizes and compression ratios
 * as declared, that it holds a Word document, then the real inflated sizes and the XML parts' paragraph count
 * and nesting. A compression bomb (a ratio no Word file has, or sizes forged in the directory) is ZIP_BOMB; a
 * file that is honestly too big or too complex to be a plan is TOO_LARGE, with what was found and the limit.
 * Throws ZIP_BOMB, TOO_LARGE, CORRUPT_FILE or UNSUPPORTED_FORMAT; else gives the reader the parts it inflated.
 */
export async function openWordZip(bytes: Uint8Array, limits: IngestLimits): Promise<WordZip> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = await readCentralDirectory(buffer, limits);
  checkIsWordDocument(entries);
  const { census, located, kept } = inflateAll(buffer, entries, limits);
  checkXmlCensus(census, limits);
  return new WordZip(buffer, located, kept);
}

/** The guard's verdict alone, for a caller that reads the file some other way. */
export async function checkWordZip(bytes: Uint8Array, limits: IngestLimits): Promise<void> {
  await openWordZip(bytes, limits);
}

/**
 * yauzl is imported when a zip is first opened, not with this module: the CLI's and the service's main processes
 * import the size checks here but open no zip (their audit children do), and importing it cost them about 6 MB of
 * resident memory (measured: 50 against 44 MB with commander loaded).
 */
async function openZip(buffer: Buffer): Promise<yauzlModule.ZipFile> {
  const { default: yauzl } = await import("yauzl");
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, zipfile) => {
      if (error || !zipfile) reject(corruptZip());
      else resolve(zipfile);
    });
  });
}

/** An inflated size over a limit: a bomb when the entry's ratio is one no Word file has, else too large. */
function oversized(entry: EntrySummary, found: number, limit: number, limits: IngestLimits): ProblemError {
  if (entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxCompressionRatio) return zipBomb();
  return tooLarge(
    `This Word file expands to ${formatMegabytes(found)}; a plan's is rarely over 10 MB; the limit is ${formatMegabytes(limit)}. Remove large pictures from the plan or compress them, save it again as .docx, and try again.`,
  );
}

/** The central directory's entries, judged one by one as they are read: no entry is inflated here. */
async function readCentralDirectory(buffer: Buffer, limits: IngestLimits): Promise<DirectoryEntry[]> {
  const zipfile = await openZip(buffer);
  // The end-of-directory record gives the count before a single entry is read.
  if (zipfile.entryCount > limits.maxEntries) {
    zipfile.close();
    throw tooLarge(
      `This Word file is made of ${formatCount(zipfile.entryCount)} parts; a plan has a few dozen (a few hundred with many pictures); the limit is ${formatCount(limits.maxEntries)}. ${FRESH_COPY}`,
    );
  }
  return new Promise((resolve, reject) => {
    const entries: DirectoryEntry[] = [];
    let total = 0;
    const fail = (problem: ProblemError): void => {
      zipfile.close();
      reject(problem);
    };
    zipfile.on("entry", (entry: yauzlModule.Entry) => {
      const summary: DirectoryEntry = {
        name: entry.fileName,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        relativeOffsetOfLocalHeader: entry.relativeOffsetOfLocalHeader,
        compressionMethod: entry.compressionMethod,
      };
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio) return fail(zipBomb());
      if (entry.uncompressedSize > limits.maxEntryUncompressedBytes) return fail(oversized(summary, entry.uncompressedSize, limits.maxEntryUncompressedBytes, limits));
      if (total > limits.maxTotalUncompressedBytes) return fail(oversized(summary, total, limits.maxTotalUncompressedBytes, limits));
      if (isMainDocumentPart(entry.fileName) && entry.uncompressedSize > limits.maxDocumentXmlBytes) {
        return fail(
          tooLarge(
            `This Word document's text and layout run to ${formatMegabytes(entry.uncompressedSize)}; a plan's are rarely over 2 MB; the limit is ${formatMegabytes(limits.maxDocumentXmlBytes)}. ${CHECK_IT_IS_THE_PLAN}`,
          ),
        );
      }
      if (entry.isEncrypted()) {
        return fail(new ProblemError({ code: "UNSUPPORTED_FORMAT", message: "This zip file is password-protected. Upload the plan as an unprotected Word document (.docx) or a PDF." }));
      }
      entries.push(summary);
      zipfile.readEntry();
    });
    zipfile.on("end", () => resolve(entries));
    zipfile.on("error", () => fail(corruptZip()));
    zipfile.readEntry();
  });
}

/** A zip that is not a Word document: say what it is when we can tell (an Excel workbook, an OpenDocument file). */
function checkIsWordDocument(entries: EntrySummary[]): void {
  const names = entries.map((entry) => entry.name.toLowerCase());
  if (names.some((name) => name.startsWith("word/"))) return;
  const kind = names.some((name) => name.startsWith("xl/"))
    ? "an Excel workbook"
    : names.some((name) => name.startsWith("ppt/"))
      ? "a PowerPoint presentation"
      : names.includes("mimetype") && names.includes("content.xml")
        ? "an OpenDocument file (LibreOffice or OpenOffice)"
        : "a zip archive";
  throw new ProblemError({
    code: "UNSUPPORTED_FORMAT",
    message: `This file is ${kind}, not a Word document. Upload the plan as a Word document (.docx) or a PDF${kind.startsWith("an OpenDocument") ? " (in LibreOffice: File > Save As > Word 2007-365)" : ""}.`,
  });
}

/**
 * Inflates every entry in directory order, each stopped by zlib at its declared size; the Word XML parts are
 * counted (paragraphs, elements, nesting) for judging, and the XML and relationship parts kept for the reader.
 */
function inflateAll(
  buffer: Buffer,
  entries: DirectoryEntry[],
  limits: IngestLimits,
): { census: XmlCensus; located: Map<string, ZipEntryData>; kept: Map<string, Buffer> } {
  const census: XmlCensus = { paragraphs: 0, elements: 0, maxDepth: 0 };
  const located = new Map<string, ZipEntryData>();
  const kept = new Map<string, Buffer>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const data = locateEntry(buffer, entry);
    if (data === "corrupt") throw corruptZip();
    const inflated = inflateEntry(buffer, data);
    if (inflated === "too-many-bytes") throw zipBomb();
    if (inflated === "corrupt") throw corruptZip();
    if (isWordXmlPart(entry.name)) {
      const counter = new XmlCensusCounter();
      counter.feed(inflated);
      // Nesting is what makes XML parsers recurse: judged before anything else is learnt from the part.
      if (counter.census.maxDepth > limits.maxXmlDepth) throw tooDeep(limits);
      census.paragraphs += counter.census.paragraphs;
      census.elements += counter.census.elements;
      census.maxDepth = Math.max(census.maxDepth, counter.census.maxDepth);
    }
    // Shorter than declared: the entry's data is damaged or cut off.
    if (inflated.length < data.uncompressedSize) throw corruptZip();
    located.set(entry.name, data);
    if (isKeptPart(entry.name)) kept.set(entry.name, inflated);
  }
  return { census, located, kept };
}

function tooDeep(limits: IngestLimits): ProblemError {
  return tooLarge(`This Word document's content is nested more than ${formatCount(limits.maxXmlDepth)} levels deep; Word documents nest a few dozen at most. ${FRESH_COPY}`);
}

function checkXmlCensus(census: XmlCensus, limits: IngestLimits): void {
  if (census.maxDepth > limits.maxXmlDepth) throw tooDeep(limits);
  if (census.paragraphs > limits.maxParagraphs) {
    throw tooLarge(
      `This Word document has ${formatCount(census.paragraphs)} paragraphs; plans rarely have over 5,000; the limit is ${formatCount(limits.maxParagraphs)}. ${CHECK_IT_IS_THE_PLAN}`,
    );
  }
  if (census.elements > limits.maxXmlElements) {
    throw tooLarge(
      `This Word document is made of ${formatCount(census.elements)} pieces of text and formatting; a long plan has about 200,000; the limit is ${formatCount(limits.maxXmlElements)}. ${CHECK_IT_IS_THE_PLAN}`,
    );
  }
}
