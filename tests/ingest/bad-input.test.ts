// Every bad input gets its coded problem quickly, through the same path a real upload takes (a read task in the
// audit pool's child process), and the process stays up. Fixtures: tests/fixtures/bad (made by generate.ts there) and the PDF reader's tests/fixtures/pdf.
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { ProblemError, type ProblemCode } from "../../src/model/problem.ts";
import { checkWordZip, DEFAULT_LIMITS, resolveLimits } from "../../src/ingest/guard.ts";
import type { IngestLimits } from "../../src/ingest/index.ts";
import { createAuditPool, valueOf, type AuditPool } from "../../src/runtime/index.ts";

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));
const pool = createAuditPool({ processes: 2 });
afterAll(() => pool.close());

const readDocument = async (bytes: Uint8Array, options: { fileName: string; limits?: Partial<IngestLimits> }, inPool: AuditPool = pool) =>
  valueOf(await inPool.run({ kind: "read", file: { role: "plan", fileName: options.fileName, bytes }, ...(options.limits ? { limits: options.limits } : {}) }));

async function problemOf(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error("expected a ProblemError");
}

describe("bad input: a coded problem a caseworker can act on", () => {
  it.each<[string, ProblemCode, RegExp]>([
    ["bad/empty.docx", "EMPTY_FILE", /empty/],
    ["bad/picture.docx", "UNSUPPORTED_FORMAT", /picture \(PNG\)/],
    ["bad/random.bin", "UNSUPPORTED_FORMAT", /not a Word document or a PDF\. Save it as \.docx or \.pdf/],
    ["bad/old-word.doc", "UNSUPPORTED_FORMAT", /old-style Word file \(\.doc\).*\.docx/],
    ["bad/truncated.docx", "CORRUPT_FILE", /damaged or incomplete/],
    ["bad/damaged-entry.docx", "CORRUPT_FILE", /damaged/],
    ["bad/not-word.docx", "UNSUPPORTED_FORMAT", /zip archive, not a Word document/],
    ["bad/spreadsheet.docx", "UNSUPPORTED_FORMAT", /Excel workbook/],
    ["bad/zip-bomb.docx", "ZIP_BOMB", /far more data than a plan could hold/],
    ["bad/forged-sizes.docx", "ZIP_BOMB", /far more data than a plan could hold/],
    ["pdf/encrypted.pdf", "ENCRYPTED_PDF", /password/],
    ["pdf/scanned.pdf", "NO_TEXT_LAYER", /OCR/],
  ])("%s -> %s", async (path, code, message) => {
    const problem = await problemOf(readDocument(fixture(path), { fileName: `/uploads/${path}` }));
    expect(problem.problem.code).toBe(code);
    expect(problem.problem.message).toMatch(message);
    expect(problem.problem.file).toBe(path.split("/").pop());
  });

  it("reads a text file named .docx as text: the content decides, not the name", async () => {
    const doc = await readDocument(fixture("bad/text-named.docx"), { fileName: "letter.docx" });
    expect(doc.format).toBe("text");
    expect(doc.blocks.map((block) => block.kind)).toEqual(["paragraph", "paragraph", "list-item", "list-item"]);
  });

  it("refuses a file over the size limit with TOO_LARGE", async () => {
    const problem = await problemOf(readDocument(fixture("pdf/plan.pdf"), { fileName: "plan.pdf", limits: { maxFileBytes: 10_000 } }));
    expect(problem.problem.code).toBe("TOO_LARGE");
    expect(problem.problem.message).toMatch(/over the 0 MB limit|over the .* limit/);
  });
});

describe("the zip guard", () => {
  it("rejects the zip bomb from its central directory in well under 100 ms", async () => {
    const bomb = fixture("bad/zip-bomb.docx");
    const limits = resolveLimits();
    await problemOf(checkWordZip(bomb, limits)); // warm up yauzl's code paths
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const problem = await problemOf(checkWordZip(bomb, limits));
      times.push(performance.now() - started);
      expect(problem.problem.code).toBe("ZIP_BOMB");
    }
    expect(Math.min(...times)).toBeLessThan(100);
  });

  it("judges the declared sizes: per entry, in total, entry count and compression ratio", async () => {
    const zipOf = async (files: Record<string, string>): Promise<Uint8Array> => {
      const zip = new JSZip();
      for (const [name, text] of Object.entries(files)) zip.file(name, text);
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    };
    const plain = await zipOf({ "word/document.xml": "<w:document/>".repeat(20_000) });
    await expect(checkWordZip(plain, DEFAULT_LIMITS)).resolves.toBeUndefined();
    const codeWith = async (bytes: Uint8Array, limits: Partial<typeof DEFAULT_LIMITS>) => (await problemOf(checkWordZip(bytes, resolveLimits(limits)))).problem.code;
    expect(await codeWith(plain, { maxEntryUncompressedBytes: 100_000 })).toBe("ZIP_BOMB");
    expect(await codeWith(plain, { maxTotalUncompressedBytes: 100_000 })).toBe("ZIP_BOMB");
    expect(await codeWith(plain, { ratioCheckMinBytes: 1000, maxCompressionRatio: 10 })).toBe("ZIP_BOMB");
    const many = await zipOf(Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`word/part${index}.xml`, "<x/>"])));
    // Many small parts are not a compression bomb: the file is too large to be a plan.
    expect(await codeWith(many, { maxEntries: 20 })).toBe("TOO_LARGE");
  });

  it("even without the guard, a zip bomb costs only a child process: stopped at its memory limit, and the pool carries on", async () => {
    const smallPool = createAuditPool({ processes: 1, memoryLimitMb: 300 });
    const noGuard = { maxTotalUncompressedBytes: Infinity, maxEntryUncompressedBytes: Infinity, maxCompressionRatio: Infinity, maxDocumentXmlBytes: Infinity, maxParagraphs: Infinity, maxXmlElements: Infinity, maxXmlDepth: Infinity };
    try {
      const problem = await problemOf(readDocument(fixture("bad/zip-bomb.docx"), { fileName: "bomb.docx", limits: noGuard }, smallPool));
      expect(problem.problem.code).toBe("ZIP_BOMB");
      const doc = await readDocument(new Uint8Array(Buffer.from("Still here.")), { fileName: "note.txt" }, smallPool);
      expect(doc.blocks).toHaveLength(1);
    } finally {
      await smallPool.close();
    }
  });
});
