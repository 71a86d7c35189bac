// Files built to stress a reader, made in memory (nothing large is committed): PDFs written by hand (objects,
// xref offsets and all) and DOCX packages written with jszip. Exported for the ingest tests and for anyone
// measuring time and memory (the lead's peak-memory assertions, scripts/measure-hostile.ts). The text in them is
// invented; none of it is a real plan.
import { constants as zlibConstants, deflateRawSync, deflateSync } from "node:zlib";
import JSZip from "jszip";
import { seededRandom } from "../../src/testing/seeded-random.ts";

// ---------------------------------------------------------------- PDF

/** A PDF object's body (what goes between "N 0 obj" and "endobj"). */
type PdfObject = string | Buffer;

/** A stream object: its dictionary entries (without /Length) and its data. */
export function pdfStream(data: Buffer | string, dictionary = ""): Buffer {
  const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : data;
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${bytes.length} >>\nstream\n`, "latin1"), bytes, Buffer.from("\nendstream", "latin1")]);
}

/**
 * A complete PDF from its objects: `objects[0]` is object 1, which must be the catalog. Offsets in the xref table
 * are computed from the bytes as written, so pdf.js reads it without reconstructing anything.
 */
export function pdfFromObjects(objects: PdfObject[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, "latin1"), typeof body === "string" ? Buffer.from(body, "latin1") : body, Buffer.from("\nendobj\n", "latin1")]);
    parts.push(object);
    length += object.length;
  });
  const entries = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  const size = objects.length + 1;
  parts.push(Buffer.from(`xref\n0 ${size}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

/** Lines of invented prose for a page of text (about 40 words each, so a page is clearly not a scan). */
function proseLines(count: number): string[] {
  const words = ["the", "pupil", "practises", "reading", "with", "a", "trained", "assistant", "each", "morning", "and", "writes", "short", "notes", "about", "the", "garden", "project"];
  return Array.from({ length: count }, (_, line) => Array.from({ length: 12 }, (_, word) => words[(line * 5 + word) % words.length]).join(" "));
}

/** A page content stream that writes `lines` lines of text in Helvetica (font resource /F1). */
function textContent(lines: readonly string[]): string {
  return lines.map((line, index) => `BT /F1 10 Tf 50 ${780 - index * 14} Td (${line}) Tj ET`).join("\n");
}

/**
 * `pageCount` pages, all drawing the one shared content stream (or none: blank pages). The page tree is flat;
 * its /Count says `pageCount`, as a real one would.
 */
function pdfWithPages(pageCount: number, content: string | null, pageExtras = "", extraObjects: PdfObject[] = []): Buffer {
  // 1 catalog, 2 pages, 3 font, 4 content, 5.. extra objects, then the pages.
  const firstExtra = 5;
  const firstPage = firstExtra + extraObjects.length;
  const pageIds = Array.from({ length: pageCount }, (_, index) => firstPage + index);
  const contents = content === null ? "" : "/Contents 4 0 R";
  const objects: PdfObject[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageCount} >>`,
    FONT,
    pdfStream(content ?? ""),
    ...extraObjects,
    ...pageIds.map(() => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> ${pageExtras} >> ${contents} >>`),
  ];
  return pdfFromObjects(objects);
}

/** 20,000 blank pages (a few hundred KB): reading it page by page took the whole parse budget. */
export function pdfManyBlankPages(pageCount = 20_000): Buffer {
  return pdfWithPages(pageCount, null);
}

/** 2,000 pages with a full page of text on each: it has text, it is just far too long to be a plan. */
export function pdfManyTextPages(pageCount = 2_000): Buffer {
  return pdfWithPages(pageCount, textContent(proseLines(50)));
}

/**
 * A zlib stream of `chunks` x `chunkBytes` zero bytes, built in milliseconds: a full-flushed raw deflate block
 * of one chunk is independent of what came before, so it is repeated, then closed with an empty final block
 * and the Adler-32 of n zeros (a = 1, b = n mod 65521).
 */
export function deflatedZeros(chunkBytes: number, chunks: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(chunkBytes), { level: 9, strategy: zlibConstants.Z_RLE, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((chunkBytes * chunks) % 65521) * 65536 + 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array.from({ length: chunks }, () => block), Buffer.from([0x03, 0x00]), adler]);
}

/**
 * One page of text that also paints a greyscale image of `side` x `side` pixels (60,000 x 60,000 = 3.6 GB once
 * decoded) from a few KB: its pixels are all there, deflated twice. A reader that decodes images allocates and
 * inflates all of it; one that needs only text never should.
 */
export function pdfGiantImage(side = 60_000): Buffer {
  if (side % 1000 !== 0) throw new Error("side must be a multiple of 1000");
  const data = deflateSync(deflatedZeros(side * 1000, side / 1000), { level: 9 });
  const image = pdfStream(data, `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter [/FlateDecode /FlateDecode]`);
  const content = `q 500 0 0 700 40 60 cm /Im1 Do Q\n${textContent(proseLines(40))}`;
  return pdfWithPages(1, content, "/XObject << /Im1 5 0 R >>", [image]);
}

/** One page whose content opens `depth` graphics states (q) before its text, and closes them after. */
export function pdfNestedGraphicsStates(depth = 200_000): Buffer {
  return pdfWithPages(1, `${"q ".repeat(depth)}\n${textContent(proseLines(40))}\n${"Q ".repeat(depth)}`);
}

/**
 * One page with `depth` nested arrays: in its content stream (an operand pdf.js must parse before the text) or
 * in the page dictionary (parsed when the page is loaded).
 */
export function pdfNestedArrays(depth = 50_000, where: "content" | "page" = "content"): Buffer {
  const nested = `${"[".repeat(depth)}1${"]".repeat(depth)}`;
  const text = textContent(proseLines(40));
  return where === "content" ? pdfWithPages(1, `${nested} pop\n${text}`) : pdfWithPages(1, text, `/Deep ${nested}`);
}

/**
 * One page ruled as a grid of `lines` x `lines` stroked lines (a table of (lines-1)^2 cells), with a word in some
 * cells: the shape that costs a table finder most.
 */
export function pdfRuledGrid(lines = 400): Buffer {
  const step = 500 / lines;
  const rules: string[] = [];
  for (let i = 0; i < lines; i++) {
    const at = (40 + i * step).toFixed(2);
    rules.push(`${at} 40 m ${at} 800 l S`, `40 ${(40 + (i * 760) / lines).toFixed(2)} m 540 ${(40 + (i * 760) / lines).toFixed(2)} l S`);
  }
  const words = proseLines(40).map((line, index) => `BT /F1 4 Tf ${42 + (index % 10) * 50} ${45 + index * 18} Td (${line.split(" ")[0]}) Tj ET`);
  return pdfWithPages(1, `0.1 w\n${rules.join("\n")}\n${words.join("\n")}\n${textContent(proseLines(30))}`);
}

/**
 * `pages` pages, each its own content stream of `pageBytes` (once inflated) showing one letter at a time: millions
 * of text items from a few MB of file. Just under the content limits (4 MB a page, 8 MB in all), the most text
 * work a PDF can ask of the reader before it is refused: the slowest file the limits let through.
 */
export function pdfDenseText(pages = 2, pageBytes = 4 * 1024 * 1024 - 4096): Buffer {
  let seed = 1;
  const letter = (): string => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26));
  const streams = Array.from({ length: pages }, () => {
    const units: string[] = ["BT /F1 1 Tf 10 10 Td "];
    for (let size = units[0]!.length; size < pageBytes - 40; size += 14) units.push(`(${letter()}) Tj 1 0 Td `);
    return pdfStream(deflateSync(Buffer.from(`${units.join("")}ET`, "latin1")), "/Filter /FlateDecode");
  });
  // 1 catalog, 2 pages, 3 font, then each page and its content.
  const pageIds = streams.map((_, index) => 4 + index * 2);
  return pdfFromObjects([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages} >>`,
    FONT,
    ...streams.flatMap((stream, index) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`,
      stream,
    ]),
  ]);
}

// ---------------------------------------------------------------- DOCX

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A minimal Word package around a body's XML (plus any other parts, by name). */
export async function docxFromBody(bodyXml: string, extraParts: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES);
  zip.file("_rels/.rels", PACKAGE_RELS, { createFolders: false });
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>`, {
    createFolders: false,
  });
  // No folder entries: the package holds exactly the parts named.
  for (const [name, text] of Object.entries(extraParts)) zip.file(name, text, { createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const paragraph = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** `count` ordinary paragraphs of invented prose (200,000 make about 24 MB of XML). */
export function docxManyParagraphs(count = 200_000): Promise<Uint8Array> {
  const lines = proseLines(50);
  const body = Array.from({ length: count }, (_, index) => paragraph(`${index + 1}. ${lines[index % lines.length]}`)).join("");
  return docxFromBody(body);
}

/** A small plan-like document in a package of `count` zip entries (tiny custom XML parts). */
export function docxManyEntries(count = 10_000): Promise<Uint8Array> {
  const parts = Object.fromEntries(Array.from({ length: count - 3 }, (_, index) => [`customXml/item${index + 1}.xml`, `<item n="${index + 1}"/>`]));
  return docxFromBody(proseLines(20).map(paragraph).join(""), parts);
}

/**
 * A paragraph wrapped in content controls nested `depth` elements deep (sdt, sdtContent, sdt, ...), each with
 * its own random id as Word writes them (which also keeps the part's compression ratio that of a real file).
 */
export function docxNestedElements(depth = 100_000): Promise<Uint8Array> {
  const nextId = seededRandom(12345);
  const opening = Array.from({ length: Math.floor(depth / 2) }, () => `<w:sdt><w:sdtPr><w:id w:val="${nextId()}"/></w:sdtPr><w:sdtContent>`).join("");
  const closing = "</w:sdtContent></w:sdt>".repeat(Math.floor(depth / 2));
  return docxFromBody(`${opening}${paragraph("Deep inside the controls.")}${closing}${proseLines(10).map(paragraph).join("")}`);
}

/**
 * Just inside every Word limit (11,000 paragraphs, 110,000 words each in its own formatted run: about 10 MB of
 * XML and 570,000 elements): the most work a Word file can ask of the reader before it is refused.
 */
export function docxHeaviestAllowed(paragraphs = 11_000, wordsEach = 10): Promise<Uint8Array> {
  const words = proseLines(50).join(" ").split(" ");
  let next = 0;
  const run = (): string => `<w:r><w:rPr><w:b/><w:sz w:val="${20 + (next % 7)}"/></w:rPr><w:t xml:space="preserve">${words[next++ % words.length]} </w:t></w:r>`;
  const body = Array.from({ length: paragraphs }, () => `<w:p>${Array.from({ length: wordsEach }, run).join("")}</w:p>`).join("");
  return docxFromBody(body);
}

/** Every generated file, by a short name, for tests and measurements. */
export const HOSTILE_FILES: Record<string, { format: "pdf" | "docx"; make: () => Promise<Uint8Array> | Uint8Array }> = {
  "pdf-20000-blank-pages": { format: "pdf", make: () => pdfManyBlankPages() },
  "pdf-2000-text-pages": { format: "pdf", make: () => pdfManyTextPages() },
  "pdf-giant-image": { format: "pdf", make: () => pdfGiantImage() },
  "pdf-200000-nested-q": { format: "pdf", make: () => pdfNestedGraphicsStates() },
  "pdf-50000-nested-arrays": { format: "pdf", make: () => pdfNestedArrays() },
  "pdf-50000-nested-arrays-in-page": { format: "pdf", make: () => pdfNestedArrays(50_000, "page") },
  "pdf-ruled-grid": { format: "pdf", make: () => pdfRuledGrid() },
  "pdf-dense-text": { format: "pdf", make: () => pdfDenseText() },
  "docx-200000-paragraphs": { format: "docx", make: () => docxManyParagraphs() },
  "docx-10000-entries": { format: "docx", make: () => docxManyEntries() },
  "docx-100000-nested-elements": { format: "docx", make: () => docxNestedElements() },
  "docx-heaviest-allowed": { format: "docx", make: () => docxHeaviestAllowed() },
};
