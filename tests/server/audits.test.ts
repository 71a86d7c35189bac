// POST /api/audits on real samples and on every kind of bad upload, through the real audit pool.
import JSZip from "jszip";
import http from "node:http";
import type { AddressInfo } from "node:net";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditPool, type AuditPool } from "../../src/runtime/index.ts";
import type { AuditReport } from "../../src/model/report.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";
import { expectProblem, fixtureFile, FIXED_TIME, sampleFile, testApp } from "./helpers.ts";

let pool: AuditPool;
beforeAll(() => {
  pool = createAuditPool({ processes: 2 });
});
afterAll(() => pool.close());

function reportOf(response: request.Response): AuditReport {
  expect(response.status, response.text.slice(0, 500)).toBe(200);
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const report: unknown = JSON.parse(response.text);
  expectValidReport(report);
  return report;
}

const allFindings = (report: AuditReport) => report.checks.flatMap((check) => check.findings);

describe("POST /api/audits: reports", () => {
  it("audits a Word plan and returns the same JSON report as the CLI", async () => {
    const { app, log } = testApp({ pool });
    const response = await request(app).post("/api/audits").attach("plan", sampleFile("plan-kai-robinson.docx"), "plan-kai-robinson.docx");
    const report = reportOf(response);
    expect(report.generatedAt).toBe(FIXED_TIME.toISOString());
    expect(report.documents).toEqual([expect.objectContaining({ role: "plan", fileName: "plan-kai-robinson.docx", format: "docx" })]);
    expect(report.ruleset.name).toBe("default");
    expect(report.grade).toBe("inadequate");
    // The sample's known defects are found.
    expect(allFindings(report).some((f) => f.excerpt.includes("«Child_Forename»"))).toBe(true);
    expect(response.headers["cache-control"]).toBe("no-store");

    // Data protection: the log has sizes and timings, never the file's name or any of its text.
    const line = log.entries().find((entry) => entry.route === "/api/audits");
    expect(line).toMatchObject({ status: 200, files: 1, fileBytes: [sampleFile("plan-kai-robinson.docx").length], ruleset: "default" });
    expect(typeof line?.readMs).toBe("number");
    expect(log.text()).not.toMatch(/kai|robinson|Child_Forename|Jayden/i);
  });

  it("logs file names only when configured to", async () => {
    const { app, log } = testApp({ pool, logFileNames: true });
    reportOf(await request(app).post("/api/audits").attach("plan", sampleFile("plan-kai-robinson.pdf"), "plan-kai-robinson.pdf"));
    expect(log.entries().find((entry) => entry.route === "/api/audits")?.fileNames).toEqual(["plan-kai-robinson.pdf"]);
  });

  it("audits a final PDF with its draft, response letters and advice reports", async () => {
    const { app } = testApp({ pool });
    const response = await request(app)
      .post("/api/audits")
      .attach("plan", sampleFile("pair-3-final.pdf"), "pair-3-final.pdf")
      .attach("draft", sampleFile("pair-3-draft.docx"), "pair-3-draft.docx")
      .attach("response", sampleFile("pair-3-response-parent.docx"), "pair-3-response-parent.docx")
      .attach("response", sampleFile("pair-3-response-school.txt"), "pair-3-response-school.txt")
      .attach("advice", sampleFile("pair-1-advice-ep.pdf"), "pair-1-advice-ep.pdf");
    const report = reportOf(response);
    expect(report.documents.map((d) => [d.role, d.fileName])).toEqual([
      ["plan", "pair-3-final.pdf"],
      ["draft", "pair-3-draft.docx"],
      ["response", "pair-3-response-parent.docx"],
      ["response", "pair-3-response-school.txt"],
      ["advice", "pair-1-advice-ep.pdf"],
    ]);
    expect(report.changes?.length).toBeGreaterThan(0);
    const corrections = allFindings(report).filter((f) => f.correction?.source === "response-letter");
    expect(corrections.length).toBeGreaterThan(0);
    expect(report.categories.find((c) => c.id === "draft-corrections")?.status).not.toBe("not-applicable");
  });

  it("uses the rule set named in the form", async () => {
    const { app } = testApp({ pool });
    const report = reportOf(await request(app).post("/api/audits").field("ruleset", "strict").attach("plan", sampleFile("plan-kai-robinson.docx"), "plan.docx"));
    expect(report.ruleset.name).toBe("strict");
  });

  it("gives the HTML report for ?format=html and for Accept: text/html, with a policy that lets its inline style work", async () => {
    const { app } = testApp({ pool });
    for (const send of [
      () => request(app).post("/api/audits?format=html"),
      () => request(app).post("/api/audits").set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
    ]) {
      const response = await send().attach("plan", sampleFile("plan-kai-robinson.docx"), "plan-kai-robinson.docx");
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^text\/html; charset=utf-8/);
      expect(response.headers["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(response.text).toMatch(/^<!doctype html>/);
      expect(response.text).toContain("EHC plan audit: plan-kai-robinson.docx");
    }
  });

  it("gives markdown and text reports", async () => {
    const { app } = testApp({ pool });
    const markdown = await request(app).post("/api/audits?format=markdown").attach("plan", sampleFile("plan-kai-robinson.docx"), "k.docx");
    expect(markdown.headers["content-type"]).toMatch(/^text\/markdown/);
    expect(markdown.text).toMatch(/^# /);
    const text = await request(app).post("/api/audits").set("Accept", "text/plain").attach("plan", sampleFile("plan-kai-robinson.docx"), "k.docx");
    expect(text.headers["content-type"]).toMatch(/^text\/plain/);
    expect(text.text).toMatch(/Inadequate/);
  });
});

describe("POST /api/audits?format=docx", () => {
  // supertest's parser signature: the response is a stream of the body's bytes.
  const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
    const stream = res as unknown as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => callback(null, Buffer.concat(chunks)));
  };

  it("gives a DOCX plan back with Word comments, and a PDF plan's report as a Word document", async () => {
    const { app } = testApp({ pool });
    const docx = await request(app).post("/api/audits?format=docx").attach("plan", sampleFile("plan-kai-robinson.docx"), "kai.docx").buffer(true).parse(binary);
    expect(docx.status).toBe(200);
    expect(docx.headers["content-type"]).toMatch(/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/);
    expect(docx.headers["content-disposition"]).toContain("kai-reviewed.docx");
    const zip = await JSZip.loadAsync(docx.body as Buffer);
    expect(await zip.file("word/comments.xml")!.async("string")).toContain('w:author="ehcp-qa"');

    const pdf = await request(app)
      .post("/api/audits")
      .set("Accept", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .attach("plan", sampleFile("plan-kai-robinson.pdf"), "kai.pdf")
      .buffer(true)
      .parse(binary);
    expect(pdf.headers["content-disposition"]).toContain("kai-audit.docx");
    const report = await JSZip.loadAsync(pdf.body as Buffer);
    expect(await report.file("word/document.xml")!.async("string")).toContain("Fix these first");
  });
});

describe("POST /api/audits: requests that are wrong", () => {
  it("no upload at all: 400", async () => {
    const { app } = testApp({ pool });
    const body = expectProblem(await request(app).post("/api/audits"), "BAD_REQUEST", 400);
    expect(body.detail).toMatch(/field called "plan"/);
  });

  it("a form without a plan: 400 naming what was sent", async () => {
    const { app } = testApp({ pool });
    const body = expectProblem(await request(app).post("/api/audits").attach("draft", sampleFile("pair-1-draft.docx"), "d.docx"), "BAD_REQUEST", 400);
    expect(body.detail).toMatch(/"draft" but no "plan"/);
  });

  it("a file in a field with the wrong name: 400", async () => {
    const { app } = testApp({ pool });
    const body = expectProblem(await request(app).post("/api/audits").attach("plans", sampleFile("plan-kai-robinson.docx"), "k.docx"), "BAD_REQUEST", 400);
    expect(body.detail).toMatch(/field called "plans"/);
  });

  it("two plans: 400", async () => {
    const { app } = testApp({ pool });
    const twice = request(app).post("/api/audits").attach("plan", sampleFile("plan-kai-robinson.docx"), "a.docx").attach("plan", sampleFile("plan-kai-robinson.docx"), "b.docx");
    expectProblem(await twice, "BAD_REQUEST", 400);
  });

  it("an unknown rule set, or a path instead of a name: 400 with the names available", async () => {
    const { app } = testApp({ pool });
    const typo = expectProblem(await request(app).post("/api/audits").field("ruleset", "strcit").attach("plan", sampleFile("plan-kai-robinson.docx"), "k.docx"), "BAD_REQUEST", 400);
    expect(typo.detail).toMatch(/did you mean "strict"/);
    const sneaky = expectProblem(await request(app).post("/api/audits").field("ruleset", "../package").attach("plan", sampleFile("plan-kai-robinson.docx"), "k.docx"), "BAD_REQUEST", 400);
    expect(sneaky.detail).toMatch(/no rule set called "..\/package".*default/);
  });

  it("an unknown format: 400", async () => {
    const { app } = testApp({ pool });
    expectProblem(await request(app).post("/api/audits?format=pdf").attach("plan", sampleFile("plan-kai-robinson.docx"), "k.docx"), "BAD_REQUEST", 400);
  });

  it("a truncated upload: 400", async () => {
    const { app } = testApp({ pool });
    const response = await request(app)
      .post("/api/audits")
      .set("Content-Type", "multipart/form-data; boundary=XYZ")
      .send('--XYZ\r\nContent-Disposition: form-data; name="plan"; filename="p.docx"\r\n\r\nPK');
    expectProblem(response, "BAD_REQUEST", 400);
  });

  it("GET /api/audits: 405 with Allow", async () => {
    const { app } = testApp({ pool });
    const response = await request(app).get("/api/audits");
    expectProblem(response, "METHOD_NOT_ALLOWED", 405);
    expect(response.headers.allow).toBe("POST");
  });
});

describe("POST /api/audits: limits", () => {
  it("a file over the size limit: 413, refused while it streams in", async () => {
    const { app } = testApp({ pool, limits: { maxFileBytes: 30 * 1024 } });
    const body = expectProblem(await request(app).post("/api/audits").attach("plan", sampleFile("plan-kai-robinson.pdf"), "big.pdf"), "TOO_LARGE", 413);
    expect(body.detail).toMatch(/over the 0\.?\d* MB limit/);
    expect(body.file).toBe("big.pdf");
  });

  it("too many files: 413", async () => {
    const { app } = testApp({ pool, limits: { maxFiles: 2 } });
    const response = await request(app)
      .post("/api/audits")
      .attach("plan", Buffer.from("Section A"), "a.txt")
      .attach("advice", Buffer.from("Advice one"), "b.txt")
      .attach("advice", Buffer.from("Advice two"), "c.txt");
    expect(expectProblem(response, "TOO_LARGE", 413).detail).toMatch(/at most 2 can be checked together/);
  });

  it("a document with far more words than a plan: 413 before any rule runs, per document and per check", async () => {
    const { app } = testApp({ pool, limits: { maxWordsPerDocument: 1000 } });
    const body = expectProblem(await request(app).post("/api/audits").attach("plan", sampleFile("plan-kai-robinson.docx"), "long.docx"), "TOO_LARGE", 413);
    expect(body.detail).toMatch(/This document has 1,\d{3} words.*The limit is 1,000 words/);
    expect(body).toMatchObject({ file: "long.docx", role: "plan" });

    const together = testApp({ pool, limits: { maxWordsPerCheck: 2500 } }).app;
    const response = await request(together)
      .post("/api/audits")
      .attach("plan", sampleFile("plan-kai-robinson.docx"), "plan.docx")
      .attach("draft", sampleFile("plan-kai-robinson.docx"), "draft.docx");
    expect(expectProblem(response, "TOO_LARGE", 413).detail).toMatch(/more than 2,500 words together/);
  });

  it("an upload whose declared length is over the limit: 413 before any of it is read", async () => {
    const { app } = testApp({ pool, limits: { maxRequestBytes: 1024 * 1024 } });
    const server = http.createServer(app).listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ port, method: "POST", path: "/api/audits", headers: { "Content-Type": "multipart/form-data; boundary=XYZ", "Content-Length": String(50 * 1024 * 1024) } }, (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.write("--XYZ\r\n"); // the rest never comes: the answer must not wait for it
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ code: "TOO_LARGE", detail: expect.stringMatching(/50 MB in all, over the 1 MB limit/) });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("POST /api/audits: files that cannot be read", () => {
  it.each([
    ["bad/zip-bomb.docx", "ZIP_BOMB", 422, /far more data than a plan could hold/],
    ["bad/forged-sizes.docx", "ZIP_BOMB", 422, /far more data/],
    ["pdf/encrypted.pdf", "ENCRYPTED_PDF", 422, /password/],
    ["pdf/scanned.pdf", "NO_TEXT_LAYER", 422, /OCR/],
    ["bad/truncated.docx", "CORRUPT_FILE", 422, /damaged or incomplete/],
    ["bad/empty.docx", "EMPTY_FILE", 422, /empty/],
    ["bad/picture.docx", "UNSUPPORTED_FORMAT", 415, /picture/],
    ["bad/old-word.doc", "UNSUPPORTED_FORMAT", 415, /old-style Word file/],
  ] as const)("%s: %s (%i)", async (fixture, code, status, detail) => {
    const { app } = testApp({ pool });
    const name = fixture.split("/").pop()!;
    const body = expectProblem(await request(app).post("/api/audits").attach("plan", fixtureFile(fixture), name), code, status);
    expect(body.detail).toMatch(detail);
    expect(body).toMatchObject({ file: name, role: "plan" });
  });

  it("refuses a blank plan template with BLANK_TEMPLATE (422), not a graded report", async () => {
    const { app } = testApp({ pool });
    const body = expectProblem(await request(app).post("/api/audits").attach("plan", fixtureFile("blank-template.md"), "template.md"), "BLANK_TEMPLATE", 422);
    expect(body.detail).toMatch(/^This looks like a blank plan template/);
    expect(body).toMatchObject({ file: "template.md" });
  });

  it("says which upload could not be read when it is not the plan", async () => {
    const { app } = testApp({ pool });
    const response = await request(app)
      .post("/api/audits")
      .attach("plan", sampleFile("plan-kai-robinson.docx"), "plan.docx")
      .attach("draft", fixtureFile("pdf/encrypted.pdf"), "draft.pdf");
    expect(expectProblem(response, "ENCRYPTED_PDF", 422)).toMatchObject({ file: "draft.pdf", role: "draft" });
  });
});
