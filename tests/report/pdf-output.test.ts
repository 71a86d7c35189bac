// `--format pdf` end to end: the CLI writes the reviewed PDF to --out, and the service answers ?format=pdf and
// Accept: application/pdf with it; a Word plan asked for a PDF gets a coded problem that says to ask for docx.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "../../src/cli/commands/audit.ts";
import type { Io } from "../../src/cli/problems.ts";
import { createAuditPool, type AuditPool } from "../../src/runtime/index.ts";
import { expectProblem, sampleFile, testApp } from "../server/helpers.ts";

const sample = (name: string): string => fileURLToPath(new URL(`../../samples/${name}`, import.meta.url));
const captureIo = (): Io & { out: string; err: string } => {
  const io = { out: "", err: "", stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
};

/** The annotation types pdf.js reads on each page. */
async function annotationTypes(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const types: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) types.push(...(await (await doc.getPage(p)).getAnnotations()).map((a: { subtype: string }) => a.subtype));
  await doc.destroy();
  return types;
}

let pool: AuditPool;
let folder: string;
beforeAll(async () => {
  pool = createAuditPool({ processes: 1, spareProcesses: 0 });
  folder = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-pdf-"));
});
afterAll(async () => {
  await pool.close();
  await rm(folder, { recursive: true, force: true });
});

describe("ehcp-qa audit --format pdf", () => {
  it("writes the PDF plan back with highlights to --out", async () => {
    const out = path.join(folder, "kai-reviewed.pdf");
    const io = captureIo();
    expect(await runAudit(sample("plan-kai-robinson.pdf"), { format: "pdf", out }, io)).toBe(0);
    expect(io.err).toMatch(/^The plan with comments written to .*kai-reviewed\.pdf: /);
    const types = await annotationTypes(new Uint8Array(await readFile(out)));
    expect(types[0]).toBe("Text");
    expect(types.filter((t) => t === "Highlight").length).toBeGreaterThan(3);
  }, 60_000);

  it("needs --out, and a PDF plan", async () => {
    const noOut = captureIo();
    expect(await runAudit(sample("plan-kai-robinson.pdf"), { format: "pdf" }, noOut)).toBe(2);
    expect(noOut.err).toMatch(/--format pdf writes a PDF file: add --out/);
    const word = captureIo();
    expect(await runAudit(sample("plan-kai-robinson.docx"), { format: "pdf", out: path.join(folder, "x.pdf") }, word)).toBe(2);
    expect(word.err).toMatch(/^error BAD_REQUEST: The PDF output is the plan's own PDF.*docx/);
  }, 60_000);
});

describe("POST /api/audits?format=pdf", () => {
  const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
    const stream = res as unknown as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => callback(null, Buffer.concat(chunks)));
  };

  it("answers ?format=pdf and Accept: application/pdf with the reviewed PDF; a Word plan gets 400", async () => {
    const { app } = testApp({ pool });
    const byQuery = await request(app).post("/api/audits?format=pdf").attach("plan", sampleFile("plan-kai-robinson.pdf"), "kai.pdf").buffer(true).parse(binary);
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers["content-type"]).toMatch(/^application\/pdf/);
    expect(byQuery.headers["content-disposition"]).toContain("kai-reviewed.pdf");
    expect(await annotationTypes(new Uint8Array(byQuery.body as Buffer))).toContain("Highlight");

    const byAccept = await request(app).post("/api/audits").set("Accept", "application/pdf").attach("plan", sampleFile("plan-kai-robinson.pdf"), "kai.pdf").buffer(true).parse(binary);
    expect(byAccept.status).toBe(200);
    expect(byAccept.headers["content-type"]).toMatch(/^application\/pdf/);

    const word = await request(app).post("/api/audits?format=pdf").attach("plan", sampleFile("plan-kai-robinson.docx"), "kai.docx");
    expect(expectProblem(word, "BAD_REQUEST", 400).detail).toMatch(/docx/);

    // A report alone cannot become the plan's PDF: the answer says to send the plan itself.
    const json = await request(app).post("/api/audits").attach("plan", sampleFile("plan-kai-robinson.pdf"), "kai.pdf");
    const reformatted = await request(app).post("/api/reports/format?format=pdf").send(json.body as object);
    expect(expectProblem(reformatted, "BAD_REQUEST", 400).detail).toMatch(/\/api\/audits\?format=pdf/);
  }, 90_000);
});
