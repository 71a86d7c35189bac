// Files built to overload a reader (hostile-files.ts) get a report or their coded problem, read in the audit pool's
// child process as the CLI's `parse` reads them, with the child's peak resident memory under 1 GB; and the cheap checks behind that answer: the page count from the page tree, the zip's
// entry count, and the Word XML parts' paragraphs and nesting counted before any parser runs.
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditPool, type AuditPool } from "../../src/runtime/index.ts";
import { checkWordZip, resolveLimits } from "../../src/ingest/guard.ts";
import { XmlCensusCounter } from "../../src/ingest/docx/xml-census.ts";
import { readPdf, readTables } from "../../src/ingest/pdf.ts";
import { readRawInProcess } from "../../src/ingest/read-raw.ts";
import { ProblemError, type ProblemCode } from "../../src/model/problem.ts";
import { censusOf, contentStreamProblem, declaredPageCount } from "../../src/ingest/pdf/content-census.ts";
import { docxFromBody, HOSTILE_FILES, pdfDenseText, pdfFromObjects, pdfManyTextPages, pdfStream } from "./hostile-files.ts";

let pool: AuditPool;
beforeAll(() => {
  pool = createAuditPool({ processes: 1, spareProcesses: 0 });
});
afterAll(() => pool.close());
const GIGABYTE = 1024 ** 3;

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));

async function outcomeOf(promise: Promise<{ blocks: unknown[] }>): Promise<{ code: ProblemCode | "report"; message: string }> {
  try {
    const doc = await promise;
    return { code: "report", message: `${doc.blocks.length} blocks` };
  } catch (error) {
    if (error instanceof ProblemError) return { code: error.problem.code, message: error.problem.message };
    throw error;
  }
}

// What each generated file must come to. The readers' answer must come inside the audit's 10 s.
const EXPECTED: Record<string, { code: ProblemCode | "report"; message?: RegExp }> = {
  "pdf-20000-blank-pages": { code: "TOO_LARGE", message: /This PDF has 20,000 pages; .* the limit is 300\./ },
  "pdf-2000-text-pages": { code: "TOO_LARGE", message: /This PDF has 2,000 pages/ },
  "pdf-giant-image": { code: "report" },
  "pdf-200000-nested-q": { code: "TOO_LARGE", message: /nests its drawing instructions 200,000 levels deep; .* the limit is 1,000\./ },
  "pdf-50000-nested-arrays": { code: "TOO_LARGE", message: /nests lists of values 50,000 levels deep/ },
  // pdf.js cannot load the page: the file is damaged as far as any reader is concerned.
  "pdf-50000-nested-arrays-in-page": { code: "CORRUPT_FILE" },
  "pdf-ruled-grid": { code: "report" },
  // (pdf-dense-text is left out: whether it is read within the deadline depends on the machine; see below.)
  "docx-200000-paragraphs": { code: "TOO_LARGE", message: /run to 26 MB; .* the limit is 10 MB\./ },
  "docx-10000-entries": { code: "TOO_LARGE", message: /made of 10,000 parts; .* the limit is 2,000\./ },
  "docx-100000-nested-elements": { code: "TOO_LARGE", message: /nested more than 500 levels deep/ },
};

describe("hostile files: a report or the right code, read in a child process under 1 GB", () => {
  // Made first (a zip of 10,000 parts takes jszip a while): the 10 s each file has is for reading it.
  const files = new Map<string, Uint8Array>();
  beforeAll(async () => {
    for (const name of Object.keys(EXPECTED)) files.set(name, await HOSTILE_FILES[name]!.make());
  }, 120_000);

  it.each(Object.keys(EXPECTED))("%s", { timeout: 10_000 }, async (name) => {
    const expected = EXPECTED[name]!;
    const read = await pool.run({ kind: "read", file: { role: "plan", bytes: files.get(name)!, fileName: `${name}.${HOSTILE_FILES[name]!.format}` } }, { startedAt: Date.now() });
    expect(read.peakRssBytes).toBeGreaterThan(0);
    expect(read.peakRssBytes).toBeLessThan(GIGABYTE);
    const outcome = read.ok ? { code: "report" as const, message: `${read.value.blocks.length} blocks` } : { code: read.problem.code, message: read.problem.message };
    expect(outcome.code, outcome.message).toBe(expected.code);
    if (expected.message) expect(outcome.message).toMatch(expected.message);
  });

  it("the densest text the content limits let through is stopped at the deadline, between pdf.js's passes", { timeout: 30_000 }, async () => {
    const { code } = await outcomeOf(readRawInProcess("pdf", pdfDenseText(), { deadlineAt: Date.now() + 500 }));
    expect(code).toBe("PARSE_TIMEOUT");
  });
});

describe("cheap checks first", () => {
  it("a PDF's page count is judged from its page tree against the configured limit", async () => {
    const { code, message } = await outcomeOf(readRawInProcess("pdf", pdfManyTextPages(12), { limits: { maxPages: 10 } }));
    expect(code).toBe("TOO_LARGE");
    expect(message).toMatch(/This PDF has 12 pages; plans are rarely over 60; the limit is 10\./);
    expect((await readPdf(pdfManyTextPages(10), { limits: { maxPages: 10 } })).pageCount).toBe(10);
  });

  it("too much text is TOO_LARGE, not NO_TEXT_LAYER", async () => {
    const { code, message } = await outcomeOf(readRawInProcess("pdf", pdfManyTextPages(5), { limits: { maxWords: 1000 } }));
    expect(code).toBe("TOO_LARGE");
    expect(message).toMatch(/at least [\d,]+ words; .* the limit is 1,000\./);
    const docx = await docxFromBody("<w:p><w:r><w:t>one two three four five six</w:t></w:r></w:p>".repeat(10));
    expect((await outcomeOf(readRawInProcess("docx", docx, { limits: { maxWords: 50 } }))).code).toBe("TOO_LARGE");
    expect((await outcomeOf(readRawInProcess("text", new TextEncoder().encode("word ".repeat(60)), { limits: { maxWords: 50 } }))).code).toBe("TOO_LARGE");
  });

  it("a reader past the audit's deadline answers PARSE_TIMEOUT", async () => {
    expect((await outcomeOf(readRawInProcess("pdf", fixture("pdf/plan.pdf"), { deadlineAt: Date.now() - 1 }))).code).toBe("PARSE_TIMEOUT");
    const docx = await docxFromBody("<w:p><w:r><w:t>A short paragraph.</w:t></w:r></w:p>");
    expect((await outcomeOf(readRawInProcess("docx", docx, { deadlineAt: Date.now() - 1 }))).code).toBe("PARSE_TIMEOUT");
  });

  it("counts a Word XML part's paragraphs, elements and nesting, whatever the chunking", () => {
    const xml = `<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p w:x="a>b/"><w:r><w:t>x</w:t></w:r></w:p><w:p/><a:p><w:pPr/></a:p><!-- <w:p> --><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`;
    const bytes = new TextEncoder().encode(xml);
    for (const size of [1, 3, 7, bytes.length]) {
      const counter = new XmlCensusCounter();
      for (let at = 0; at < bytes.length; at += size) counter.feed(bytes.subarray(at, at + size));
      // document, body, p, r, t, p, a:p, pPr, tbl, tr, tc, p
      expect(counter.census).toEqual({ paragraphs: 4, elements: 12, maxDepth: 6 });
    }
  });

  it("judges a Word file's paragraphs, elements and nesting before parsing, with the number found and the limit", async () => {
    const docx = await docxFromBody(`<w:sdt><w:sdtContent>${"<w:p><w:r><w:t>text</w:t></w:r></w:p>".repeat(40)}</w:sdtContent></w:sdt>`);
    await expect(checkWordZip(docx, resolveLimits())).resolves.toBeUndefined();
    const problem = async (limits: Parameters<typeof resolveLimits>[0]) => (await outcomeOf(checkWordZip(docx, resolveLimits(limits)).then(() => ({ blocks: [] })))).message;
    expect(await problem({ maxParagraphs: 30 })).toMatch(/has 40 paragraphs; .* the limit is 30\./);
    expect(await problem({ maxXmlElements: 100 })).toMatch(/made of 1\d\d pieces .* the limit is 100\./);
    expect(await problem({ maxXmlDepth: 5 })).toMatch(/nested more than 5 levels deep/);
    expect(await problem({ maxDocumentXmlBytes: 1000 })).toMatch(/run to .* the limit is 0 MB/);
  });

  it("a part too big at an ordinary compression ratio is TOO_LARGE; only a bomb's ratio is ZIP_BOMB", async () => {
    let seed = 7;
    const words = Array.from({ length: 30_000 }, () => (seed = (seed * 48271) % 2147483647).toString(36)).join(" ");
    const docx = await docxFromBody(`<w:p><w:r><w:t>${words}</w:t></w:r></w:p>`);
    const code = async (limits: Parameters<typeof resolveLimits>[0]) => (await outcomeOf(checkWordZip(docx, resolveLimits(limits)).then(() => ({ blocks: [] })))).code;
    expect(await code({ maxEntryUncompressedBytes: 100_000 })).toBe("TOO_LARGE");
    expect(await code({ maxEntryUncompressedBytes: 100_000, maxCompressionRatio: 1.2 })).toBe("ZIP_BOMB");
  });
});

describe("a PDF's content streams, judged from its bytes", () => {
  it("counts graphics-state and operand nesting, ignoring strings, comments and inline image data", () => {
    const content = new TextEncoder().encode("q q 1 0 0 1 0 0 cm [(q q q) 5 (Q)] TJ % q q q\nQ BI /W 2 /H 2 ID q q q q EI << /A [[1]] >> BDC EMC q Q Q");
    expect(censusOf(content)).toMatchObject({ maxStateDepth: 2, maxOperandDepth: 3 });
  });

  it("a content stream that inflates past the limit is ZIP_BOMB at a bomb's ratio", async () => {
    const bomb = pdfFromObjects([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
      pdfStream(deflateSync(Buffer.alloc(8 * 1024 * 1024, 0x20)), "/Filter /FlateDecode"),
    ]);
    expect((await outcomeOf(readRawInProcess("pdf", bomb, { limits: { maxContentStreamBytes: 1024 * 1024 } }))).code).toBe("ZIP_BOMB");
    expect((await outcomeOf(readRawInProcess("pdf", bomb, { limits: { maxContentStreamBytes: 1024 * 1024, maxCompressionRatio: 10_000 } }))).code).toBe("TOO_LARGE");
  });

  it("a real plan's PDF passes, and its page tree declares its page count", () => {
    expect(declaredPageCount(fixture("pdf/plan.pdf"))).toBe(3);
    expect(declaredPageCount(pdfManyTextPages(1234))).toBe(1234);
    expect(contentStreamProblem(fixture("pdf/plan.pdf"), resolveLimits())).toBeNull();
    expect(contentStreamProblem(fixture("pdf/draft-markup.pdf"), resolveLimits())).toBeNull();
  });
});

describe("tables second", () => {
  const tableOf = (num: number) => [[[`cell on page ${num}`]]];

  it("stops finding tables when their share of the time runs out, and says so in a note", async () => {
    const tablesOf = (num: number) => (num === 3 ? new Promise<never>(() => undefined) : Promise.resolve(tableOf(num)));
    const { tablesByPage, notes } = await readTables(tablesOf, 5, Date.now() + 200);
    expect([...tablesByPage.keys()]).toEqual([1, 2]);
    expect(notes).toEqual([expect.stringMatching(/tables on pages 3-5 took too long, so their text was read as ordinary lines/)]);
  });

  it("a page whose tables cannot be found keeps its text; the other pages keep their tables", async () => {
    const tablesOf = (num: number) => (num === 2 ? Promise.reject(new Error("odd drawing")) : Promise.resolve(tableOf(num)));
    const { tablesByPage, notes } = await readTables(tablesOf, 3, Date.now() + 5000);
    expect([...tablesByPage.keys()]).toEqual([1, 3]);
    expect(notes).toEqual([expect.stringMatching(/tables on page 2 could not be worked out/)]);
  });
});
