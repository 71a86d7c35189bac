// The reader extracts each page's text items and drawing once and writes the page text and the ruled tables from
// them itself; both must stay exactly what pdf-parse's getText() and getTable() give for the same page (a later
// pdf-parse may change its own, and this says so).
import { readFileSync } from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { pageText } from "../../src/ingest/pdf/page-text.ts";
import { ruledTables } from "../../src/ingest/pdf/ruled-tables.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url)));

/** Each page as pdf-parse gives it, and as the reader's one pass writes it. */
async function bothWays(bytes: Uint8Array) {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const doc = await (parser as unknown as { load(): Promise<import("pdfjs-dist/legacy/build/pdf.mjs").PDFDocumentProxy> }).load();
    const pages = [];
    for (let num = 1; num <= doc.numPages; num++) {
      const library = {
        text: (await parser.getText({ partial: [num], pageJoiner: "" })).pages[0]!.text,
        tables: (await parser.getTable({ partial: [num] })).pages[0]!.tables,
      };
      const page = await doc.getPage(num);
      const viewport = page.getViewport({ scale: 1 });
      const textItems = (await page.getTextContent()).items.filter((item) => "str" in item);
      const operators = await page.getOperatorList();
      const onePass = { text: pageText(textItems, viewport), tables: ruledTables({ operators, textItems, viewportTransform: viewport.transform }) };
      pages.push({ library, onePass });
    }
    return pages;
  } finally {
    await parser.destroy();
  }
}

/**
 * A page with two columns of text on shared baselines, the right column drawn first (pdf.js leaves such items
 * apart, so the page text has a cell separator), superscript-like small text, and a ruled 2 x 2 grid.
 */
async function columnsAndGrid(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const write = (text: string, x: number, y: number, size = 11) => page.drawText(text, { x, y, size, font });
  write("Wren", 260, 780);
  write("Preferred name", 60, 780);
  write("Welsh and English", 260, 764);
  write("Home language", 60, 764);
  write("2", 160, 768, 6);
  write("A line of its own under the two columns.", 60, 740);
  for (const y of [600, 640, 680]) page.drawLine({ start: { x: 50, y }, end: { x: 450, y }, thickness: 1 });
  for (const x of [50, 250, 450]) page.drawLine({ start: { x, y: 600 }, end: { x, y: 680 }, thickness: 1 });
  write("Outcome", 60, 660);
  write("Support", 260, 660);
  write("Reads a bus timetable", 60, 620);
  write("Weekly travel practice", 260, 620);
  return pdf.save();
}

describe("one pass of pdf.js per page", () => {
  it("writes the same page text and finds the same ruled tables as pdf-parse", async () => {
    const files = [await columnsAndGrid(), fixture("plan.pdf"), fixture("draft-markup.pdf"), new Uint8Array(readFileSync(new URL("../../samples/plan-isla-thornton.pdf", import.meta.url)))];
    const pages = (await Promise.all(files.map(bothWays))).flat();
    for (const { library, onePass } of pages) expect(onePass).toEqual(library);
    // The comparison covers tables and lines of several cells, not only plain text.
    expect(pages.some((page) => page.library.tables.length > 0)).toBe(true);
    expect(pages.some((page) => page.library.text.includes("\t"))).toBe(true);
  });
});
