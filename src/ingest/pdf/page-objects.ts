// A PDF's page objects as written in its bytes: whether a page has annotations, and which stream holds its content.
// With the content census (content-census.ts) this tells the reader, before pdf.js reads a page, which of pdf.js's
// passes the page can need: no annotations without an /Annots entry, no operator list when its one content stream
// draws no line. Only what the file states plainly is used: a page object written more than once (an incremental
// update), one inside a compressed object stream, or content in several streams is not judged, and gets every pass;
// nor is any page of a file updated after it was written (two cross-reference sections), where the page pdf.js
// reads may be a later copy inside an object stream (a note added in a PDF viewer) while the first copy is plain.
import type { StreamCensusListener } from "./content-census.ts";

/** "12 0 obj": an object's number and generation where it is defined. */
const OBJECT_START = /(?<![0-9])(\d{1,10})\s+(\d{1,5})\s+obj\b/g;
const END_OBJECT = "endobj";
const START_XREF = "startxref";
/** How far a page object is read: its dictionary is a few hundred bytes; a long /Annots array, some thousands. */
const PAGE_OBJECT_WINDOW = 64 * 1024;
const PAGE_TYPE = /\/Type\s*\/Page(?![A-Za-z])/;
/** An /Annots entry, unless it is an empty array. */
const ANNOTATIONS = /\/Annots(?![A-Za-z])(?!\s*\[\s*\])/;
/** /Contents 4 0 R, or /Contents [4 0 R]: one content stream. */
const ONE_CONTENT_STREAM = /\/Contents\s*(?:(\d{1,10})\s+(\d{1,5})\s+R|\[\s*(\d{1,10})\s+(\d{1,5})\s+R\s*\])/;

export type PageRef = { num: number; gen: number };

export interface PageObject {
  hasAnnotations: boolean;
  /** The page's one content stream, "4 0"; null when it has none or several. */
  contents: string | null;
}

/**
 * Looks up page objects by their reference (as pdf.js gives it: `page.ref`). The file is indexed once, on the
 * first lookup, in one pass; a page that cannot be read plainly from the bytes is null.
 */
export function pageObjectsOf(bytes: Uint8Array): (ref: PageRef | null) => PageObject | null {
  let text: string | undefined;
  let starts: Map<string, number> | undefined;
  return (ref) => {
    if (ref === null) return null;
    text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    starts ??= text.indexOf(START_XREF) !== text.lastIndexOf(START_XREF) ? new Map() : objectStarts(text);
    const start = starts.get(`${ref.num} ${ref.gen}`);
    if (start === undefined || start < 0) return null;
    const end = text.indexOf(END_OBJECT, start);
    if (end < 0 || end - start > PAGE_OBJECT_WINDOW) return null;
    const object = text.slice(start, end);
    if (!PAGE_TYPE.test(object) || object.includes("stream")) return null;
    const contents = ONE_CONTENT_STREAM.exec(object);
    return { hasAnnotations: ANNOTATIONS.test(object), contents: contents ? `${Number(contents[1] ?? contents[3])} ${Number(contents[2] ?? contents[4])}` : null };
  };
}

/** Where each object is defined ("12 0" -> offset), -1 for an object defined more than once. */
function objectStarts(text: string): Map<string, number> {
  const starts = new Map<string, number>();
  for (const match of text.matchAll(OBJECT_START)) {
    const key = `${Number(match[1])} ${Number(match[2])}`;
    starts.set(key, starts.has(key) ? -1 : match.index);
  }
  return starts;
}

/** What the content census found in one content stream. */
export interface StreamSummary {
  mayDrawLines: boolean;
  /** The stream's content, kept where it may draw lines (null when the stream is written more than once). */
  content: Uint8Array | null;
}

/**
 * The content census's findings by stream object: `collect` is given to the census, `streams` is read after. The
 * content is kept only where the stream may draw lines; a stream written twice is taken to draw them, and its
 * content is not used (which of the two pdf.js reads is its own affair).
 */
export function streamCollector(): { collect: StreamCensusListener; streams: ReadonlyMap<string, StreamSummary> } {
  const streams = new Map<string, StreamSummary>();
  const collect: StreamCensusListener = (object, { mayDrawLines }, content) =>
    streams.set(object, streams.has(object) ? { mayDrawLines: true, content: null } : { mayDrawLines, content: mayDrawLines ? content : null });
  return { collect, streams };
}

/** Which of pdf.js's passes besides the text can find anything on a page. */
export interface PagePasses {
  annotations: boolean;
  operators: boolean;
  /** The page's one content stream, where its drawing may be read from it (no annotations to draw). */
  content: Uint8Array | null;
}

/**
 * The passes each page needs: annotations only for a page with an /Annots entry; the operator list only where the
 * page's content stream may draw a line (`streams`, by object, from the content census), or where it has
 * annotations (pdf.js adds their drawing to it). A page the bytes do not state plainly gets every pass.
 */
export function pagePassesOf(bytes: Uint8Array, streams: ReadonlyMap<string, StreamSummary>): (ref: PageRef | null) => PagePasses {
  const pageObject = pageObjectsOf(bytes);
  return (ref) => {
    const page = pageObject(ref);
    if (page === null) return { annotations: true, operators: true, content: null };
    const stream = page.contents === null ? undefined : streams.get(page.contents);
    const operators = page.hasAnnotations || (stream?.mayDrawLines ?? true);
    return { annotations: page.hasAnnotations, operators, content: operators && !page.hasAnnotations ? (stream?.content ?? null) : null };
  };
}
