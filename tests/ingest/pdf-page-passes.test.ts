// pdf.js's operator list and annotations are asked for only on pages that can have lines or notes: the content
// census says which content streams may draw a line, the page objects which stream is a page's and whether it has
// annotations. A page the bytes do not state plainly, or drawing the census cannot follow, gets every pass. Plain
// drawing is read from the content stream itself, and must be what pdf.js's operator list gives.
import { inflateSync } from "node:zlib";
import { grayscale, PDFDocument, StandardFonts, rgb } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { readPdf } from "../../src/ingest/pdf.ts";
// After the reader, which keeps the engine's built-ins before pdf.js loads.
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { censusOf, contentStreamProblem } from "../../src/ingest/pdf/content-census.ts";
import { drawingOf, type Drawing } from "../../src/ingest/pdf/page-drawing.ts";
import { pagePassesOf, pageObjectsOf, streamCollector } from "../../src/ingest/pdf/page-objects.ts";
import { resolveLimits } from "../../src/ingest/guard.ts";
import { pdfFromObjects, pdfStream } from "./hostile-files.ts";

const mayDrawLines = (content: string): boolean => censusOf(new TextEncoder().encode(content)).mayDrawLines;
const TEXT = "BT /F1 11 Tf 72 700 Td (Pip walks to the library on Fridays.) Tj ET";

describe("which content streams may draw a line", () => {
  it("text, a clip and a page-sized background draw none", () => {
    expect(mayDrawLines(TEXT)).toBe(false);
    expect(mayDrawLines(`q 0 0 595 842 re W* n ${TEXT} Q`)).toBe(false);
    expect(mayDrawLines(`q 1 1 1 rg 0 0 595 842 re f Q ${TEXT}`)).toBe(false);
    // Scaled down tenfold, a large rectangle is still large.
    expect(mayDrawLines("q 0.1 0 0 0.1 0 0 cm 0 0 5950 8420 re f Q")).toBe(false);
  });

  it("a stroke, a thin filled bar, a shape that is not a rectangle, or a form may", () => {
    expect(mayDrawLines(`${TEXT} 72 690 m 300 690 l S`)).toBe(true);
    expect(mayDrawLines("72 690 228 0.5 re f")).toBe(true);
    // 40 x 15 units, but 1.5 points high once scaled.
    expect(mayDrawLines("q 0.1 0 0 0.1 0 0 cm 720 6900 2280 15 re f Q")).toBe(true);
    expect(mayDrawLines("72 690 m 300 690 l 300 700 l h f")).toBe(true);
    expect(mayDrawLines("q 100 0 0 20 72 600 cm /Fm1 Do Q")).toBe(true);
    expect(mayDrawLines("0 0 200 200 re B")).toBe(true);
  });

  it("drawing it cannot follow counts as a line: a turned transformation, an odd operand, a path left open", () => {
    expect(mayDrawLines("q 0.7 0.7 -0.7 0.7 0 0 cm 0 0 100 100 re f Q")).toBe(true);
    expect(mayDrawLines("0 0 (wide) 100 re f")).toBe(true);
    expect(mayDrawLines("0 0 595 842 re")).toBe(true);
    expect(mayDrawLines("f")).toBe(true);
  });

  it("names, strings, comments and inline image data are not operators", () => {
    expect(mayDrawLines("/Span << /ActualText (S) /S /Do >> BDC (f S Do) Tj EMC % 0 0 1 1 re f S\n")).toBe(false);
    expect(mayDrawLines("BI /W 2 /H 2 /CS /G ID S Do f EI Q")).toBe(false);
  });
});

/** A page's object, with its content stream as object 4 and, on request, an annotation. */
function onePagePdf(content: string, pageExtras = ""): Uint8Array {
  return new Uint8Array(
    pdfFromObjects([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      pdfStream(content),
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R ${pageExtras} >>`,
    ]),
  );
}

function streamsOf(bytes: Uint8Array) {
  const { collect, streams } = streamCollector();
  contentStreamProblem(bytes, resolveLimits(), collect);
  return streams;
}

/** The passes for the page `ref`, without the content they would read the drawing from. */
function passesOf(bytes: Uint8Array, ref = { num: 5, gen: 0 }) {
  const { collect, streams } = streamCollector();
  expect(contentStreamProblem(bytes, resolveLimits(), collect)).toBeNull();
  const { annotations, operators } = pagePassesOf(bytes, streams)(ref);
  return { annotations, operators };
}

describe("the passes a page needs", () => {
  it("a page of text needs neither; lines need the operator list; annotations need both", () => {
    expect(passesOf(onePagePdf(TEXT))).toEqual({ annotations: false, operators: false });
    expect(passesOf(onePagePdf(`${TEXT} 72 690 m 300 690 l S`))).toEqual({ annotations: false, operators: true });
    const note = "/Annots [<< /Type /Annot /Subtype /Text /Rect [72 700 90 718] /Contents (Add the day) >>]";
    expect(passesOf(onePagePdf(TEXT, note))).toEqual({ annotations: true, operators: true });
    expect(passesOf(onePagePdf(TEXT, "/Annots [ ]"))).toEqual({ annotations: false, operators: false });
  });

  it("a stream cut short by the word endstream in its text is not read from the bytes", () => {
    const bytes = onePagePdf("BT /F1 11 Tf 72 700 Td (the endstream of a story) Tj ET 72 690 m 300 690 l S");
    const { collect, streams } = streamCollector();
    contentStreamProblem(bytes, resolveLimits(), collect);
    expect(pagePassesOf(bytes, streams)({ num: 5, gen: 0 })).toEqual({ annotations: false, operators: true, content: null });
    expect(pagePassesOf(onePagePdf(`${TEXT} 72 690 m 300 690 l S`), streamsOf(onePagePdf(`${TEXT} 72 690 m 300 690 l S`)))({ num: 5, gen: 0 }).content).not.toBeNull();
  });

  it("a page it cannot find plainly in the bytes gets every pass", async () => {
    expect(passesOf(onePagePdf(TEXT), { num: 9, gen: 0 })).toEqual({ annotations: true, operators: true });
    // pdf-lib writes its page objects inside a compressed object stream.
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText("Pip walks to the library.", { x: 72, y: 700, font: await pdf.embedFont(StandardFonts.Helvetica) });
    const bytes = await pdf.save();
    expect(pageObjectsOf(bytes)({ num: pdf.getPage(0).ref.objectNumber, gen: 0 })).toBeNull();
    // Written twice (an incremental update adds the object again): not judged.
    const twice = Buffer.concat([Buffer.from(onePagePdf(TEXT)), Buffer.from("\n5 0 obj\n<< /Type /Page /Contents 4 0 R >>\nendobj\n")]);
    expect(pageObjectsOf(twice)({ num: 5, gen: 0 })).toBeNull();
    // Updated after it was written (the later page may be inside an object stream): no page is judged.
    const updated = Buffer.concat([Buffer.from(onePagePdf(TEXT)), Buffer.from("\n6 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n0\n%%EOF\n")]);
    expect(pageObjectsOf(onePagePdf(TEXT))({ num: 5, gen: 0 })).not.toBeNull();
    expect(pageObjectsOf(updated)({ num: 5, gen: 0 })).toBeNull();
  });

  it("reads the same text, tables and struck-through text whether the drawing is skipped, read from the content or by pdf.js", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const plain = pdf.addPage([595, 842]);
    plain.drawText("Pip walks to the library on Fridays with a friend.", { x: 72, y: 760, size: 11, font });
    const ruled = pdf.addPage([595, 842]);
    for (const y of [600, 640, 680]) ruled.drawLine({ start: { x: 50, y }, end: { x: 450, y }, thickness: 1 });
    for (const x of [50, 250, 450]) ruled.drawLine({ start: { x, y: 600 }, end: { x, y: 680 }, thickness: 1 });
    ruled.drawText("Outcome", { x: 60, y: 660, size: 11, font });
    ruled.drawText("Support", { x: 260, y: 660, size: 11, font });
    ruled.drawText("Catches the bus alone", { x: 60, y: 620, size: 11, font });
    ruled.drawText("Travel training weekly", { x: 260, y: 620, size: 11, font });
    ruled.drawText("Pip paints every Tuesday.", { x: 72, y: 500, size: 11, font });
    ruled.drawLine({ start: { x: 72, y: 503 }, end: { x: 120, y: 503 }, thickness: 0.8, color: rgb(0.9, 0.1, 0.1) });
    // Without object streams, the page objects are plain in the bytes and the first page's drawing is not read.
    const judged = new Uint8Array(await pdf.save({ useObjectStreams: false }));
    const everyPass = new Uint8Array(await pdf.save());
    const { collect, streams } = streamCollector();
    contentStreamProblem(judged, resolveLimits(), collect);
    const passes = pagePassesOf(judged, streams);
    expect([0, 1].map((index) => passes({ num: pdf.getPage(index).ref.objectNumber, gen: 0 }).operators)).toEqual([false, true]);
    const [fewer, all] = await Promise.all([readPdf(judged), readPdf(everyPass)]);
    expect(fewer).toEqual(all);
    expect(all.blocks.some((block) => block.kind === "table")).toBe(true);
    expect(all.trackedChanges?.length).toBeGreaterThan(0);
  });
});

/** The operators the reader uses, as pdf.js lists them (restores pdf.js adds at the end for unclosed saves left out). */
function usedOperators({ fnArray, argsArray }: Drawing | { fnArray: number[]; argsArray: unknown[] }): unknown[] {
  const used = new Set<number>([OPS.save, OPS.restore, OPS.transform, OPS.setStrokeRGBColor, OPS.setFillRGBColor, OPS.constructPath]);
  const listed = fnArray.flatMap((fn, i) => {
    if (!used.has(fn)) return [];
    const args = argsArray[i] as unknown[] | null;
    return [fn === OPS.constructPath ? [fn, args![0], args![2] === null ? null : Array.from(args![2] as Float32Array)] : [fn, args]];
  });
  while ((listed.at(-1) as unknown[] | undefined)?.[0] === OPS.restore) listed.pop();
  return listed;
}

describe("a page's plain drawing read from its content stream", () => {
  it("is what pdf.js's operator list gives: states, transformations, colours and each path's paint and box", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText("Robin keeps a diary of bus routes.", { x: 60, y: 780, size: 11, font, color: grayscale(0.3) });
    page.drawLine({ start: { x: 50, y: 700 }, end: { x: 400, y: 700 }, thickness: 0.7, color: rgb(0.8, 0.1, 0.1) });
    page.drawRectangle({ x: 50, y: 500, width: 300.25, height: 1.2, color: rgb(0.1, 0.6, 0.2) });
    for (let k = 0; k < 4; k++) page.drawLine({ start: { x: 50 + k * 80.3, y: 200 }, end: { x: 50 + k * 80.3, y: 400.7 }, thickness: 0.5, color: grayscale(k / 3) });
    const bytes = new Uint8Array(await pdf.save({ useObjectStreams: false }));
    // The page's one content stream, inflated.
    const text = Buffer.from(bytes).toString("latin1");
    const start = text.indexOf("stream\n", text.indexOf("/FlateDecode")) + 7;
    const drawing = drawingOf(inflateSync(bytes.subarray(start, text.indexOf("endstream", start) - 1)), OPS);
    expect(drawing).not.toBeNull();
    const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    try {
      const listed = await (await doc.getPage(1)).getOperatorList();
      expect(usedOperators(drawing!)).toEqual(usedOperators(listed));
      expect(drawing!.fnArray.filter((fn) => fn === OPS.constructPath)).toHaveLength(6);
    } finally {
      await doc.destroy();
    }
  });

  it("reads numbers as pdf.js does: signs, leading and trailing points, long decimals", async () => {
    const content = "q .5 0 0 -.5 +3. 841.8897637795 cm 0.8509803921 0.8862745098 0.9529411764 RG 0.1 0.2 0.3 rg 10.25 -4 m 200.125 -4 l S 7 7 0.333333333333 120 re f* 1 g 3 3 5 5 re b Q";
    const bytes = onePagePdf(content);
    const drawing = drawingOf(new TextEncoder().encode(content), OPS);
    expect(drawing).not.toBeNull();
    const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    try {
      expect(usedOperators(drawing!)).toEqual(usedOperators(await (await doc.getPage(1)).getOperatorList()));
    } finally {
      await doc.destroy();
    }
  });

  it("leaves to pdf.js a form, another colour space, a curve, an odd operand, and a path pdf.js merges with its transformation", () => {
    const read = (content: string) => drawingOf(new TextEncoder().encode(content), OPS);
    expect(read(`${TEXT} 0.5 0.5 0.5 rg 72 690 228 0.5 re f`)).not.toBeNull();
    expect(read("q 100 0 0 20 72 600 cm /Fm1 Do Q")).toBeNull();
    expect(read("0.1 0.2 0.3 0 k 72 690 228 0.5 re f")).toBeNull();
    expect(read("/CS0 cs 0 0 0 scn 72 690 228 0.5 re f")).toBeNull();
    expect(read("72 690 m 100 700 120 700 150 690 c S")).toBeNull();
    expect(read("72 690 (wide) 0.5 re f")).toBeNull();
    expect(read("q 1 0 0 1 72 690 cm 0 0 228 0.5 re f Q")).toBeNull();
    // With a colour between, pdf.js keeps them apart.
    expect(read("q 1 0 0 1 72 690 cm 0 0 0 rg 0 0 228 0.5 re f Q")).not.toBeNull();
  });
});
