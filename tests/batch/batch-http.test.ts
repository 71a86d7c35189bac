// Batch scoring through the service: POST /api/batches with a zip (a damaged file and a zip bomb among the plans)
// or with the files themselves, progress, the outputs (agreeing with each other), per-plan reports, DELETE, expiry
// after the configured time, the cap on batches held, and a problem for every way an upload can be wrong.
import JSZip from "jszip";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { DASHBOARD_CSP } from "../../src/batch/outputs/dashboard.ts";
import type { AuditReport } from "../../src/model/report.ts";
import type { EhcpQaApp } from "../../src/server/index.ts";
import { HTML_REPORT_CSP } from "../../src/server/report-response.ts";
import { expectProblem, sampleFile, testApp, FIXED_TIME } from "../server/helpers.ts";
import { expectOutputsAgree, truncatedDocx, zipBombDocx } from "./helpers.ts";

const apps: EhcpQaApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

function batchApp(env: Record<string, string> = {}, clock: () => Date = () => FIXED_TIME) {
  const made = testApp({ env: { EHCP_QA_BATCH_THREADS: "2", ...env }, clock });
  apps.push(made.app);
  return made;
}

async function zipOf(files: Record<string, Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, bytes] of Object.entries(files)) zip.file(name, bytes);
  return Buffer.from(await zip.generateAsync({ type: "uint8array", compression: "STORE" }));
}

async function finished(app: EhcpQaApp, id: string): Promise<Record<string, unknown>> {
  for (;;) {
    const progress = await request(app).get(`/api/batches/${id}`);
    expect(progress.status).toBe(200);
    if (progress.body.status !== "queued" && progress.body.status !== "running") return progress.body as Record<string, unknown>;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("POST /api/batches with a zip", () => {
  it("scores the plans in the background and offers outputs that agree, each file it cannot read a row with its code", async () => {
    const { app, log } = batchApp();
    const zip = await zipOf({
      "june/kai-final.docx": sampleFile("plan-kai-robinson.docx"),
      "june/rafi-final.docx": sampleFile("plan-rafi-chowdhury.docx"),
      "june/broken-final.docx": await truncatedDocx(),
      "june/bomb-final.docx": await zipBombDocx(),
    });
    const manifest = "id,team,key stage\nkai,South,KS2\nrafi,North,KS1\nbroken,North,KS1\nbomb,South,KS3\n";
    const posted = await request(app).post("/api/batches").attach("files", zip, "june.zip").attach("manifest", Buffer.from(manifest), "sample.csv").field("ruleset", "default");
    expect(posted.status, posted.text).toBe(202);
    expect(posted.body).toMatchObject({ status: expect.stringMatching(/^(queued|running)$/), total: 4, skipped: [] });
    expect(posted.headers.location).toBe(`/api/batches/${posted.body.id}`);
    const id = posted.body.id as string;

    const early = await request(app).get(`/api/batches/${id}/results.csv`);
    const atOnce = await request(app).get(`/api/batches/${id}`);
    if (atOnce.body.status !== "done") expect(expectProblem(early, "NOT_FOUND", 404).detail).toMatch(/not ready: it is (waiting to start|still running)/);

    const progress = await finished(app, id);
    expect(progress).toEqual({ id, status: "done", done: 4, total: 4, failures: 2, createdAt: FIXED_TIME.toISOString(), expiresAt: new Date(FIXED_TIME.getTime() + 3_600_000).toISOString() });

    const csv = await request(app).get(`/api/batches/${id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toBe("attachment; filename=results.csv");
    const xlsx = await request(app).get(`/api/batches/${id}/quality-return.xlsx`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    const html = await request(app).get(`/api/batches/${id}/summary.html`);
    expect(html.status).toBe(200);
    expect(html.headers["content-security-policy"]).toBe(`${DASHBOARD_CSP}; frame-ancestors 'none'`);
    const jsonl = await request(app).get(`/api/batches/${id}/results.jsonl`);
    expect(jsonl.status).toBe(200);

    const { rows } = await expectOutputsAgree({ csv: csv.text, jsonl: jsonl.text, xlsx: xlsx.body as Buffer, html: html.text }, ["team", "key stage"]);
    expect(rows.map((r) => [r.id, r.grade !== "" ? "scored" : r["problem code"]])).toEqual([
      ["bomb", "ZIP_BOMB"],
      ["broken", "CORRUPT_FILE"],
      ["kai", "scored"],
      ["rafi", "scored"],
    ]);
    expect(rows.find((r) => r.id === "bomb")!["problem file"]).toBe("june/bomb-final.docx");

    // The batch page's table: a line per plan that agrees with the reports, and why a plan was not scored.
    const plans = await request(app).get(`/api/batches/${id}/plans`);
    expect(plans.status).toBe(200);
    const lines = plans.body.plans as { id: string; grade: string | null; score: number | null; planFile: string; failingCategories: string[]; firstFix: string | null; problemCode: string | null; reportFile: string | null }[];
    expect(lines.map((line) => [line.id, line.planFile, line.problemCode])).toEqual([
      ["bomb", "june/bomb-final.docx", "ZIP_BOMB"],
      ["broken", "june/broken-final.docx", "CORRUPT_FILE"],
      ["kai", "june/kai-final.docx", null],
      ["rafi", "june/rafi-final.docx", null],
    ]);
    const kaiReport = jsonl.text.trim().split("\n").map((line) => JSON.parse(line) as { id: string; report?: AuditReport }).find((result) => result.id === "kai")!.report!;
    const kai = lines.find((line) => line.id === "kai")!;
    expect(kai).toMatchObject({ grade: kaiReport.grade, score: kaiReport.score, reportFile: "reports/kai.html" });
    expect(kai.failingCategories).toEqual(kaiReport.categories.filter((c) => c.status === "fail").map((c) => c.title));
    expect(kai.firstFix).toContain(kaiReport.fixFirst![0]!.message);

    // The dashboard's links lead to each plan's report, served with the report's own policy.
    expect(html.text).toContain('<a href="reports/kai.html">kai</a>');
    const report = await request(app).get(`/api/batches/${id}/reports/kai.html`);
    expect(report.status).toBe(200);
    expect(report.headers["content-security-policy"]).toBe(HTML_REPORT_CSP);
    expect(report.text).toContain("Kai");
    expectProblem(await request(app).get(`/api/batches/${id}/reports/nobody.html`), "NOT_FOUND", 404);

    // The log has counts and timings, never a file name or the plans' words.
    const logged = log.text();
    expect(logged).toContain(`"batchId":"${id}"`);
    expect(logged).not.toMatch(/kai-final|june\.zip|Kai|Robinson|Rafi/);

    expect((await request(app).delete(`/api/batches/${id}`)).status).toBe(204);
    expectProblem(await request(app).get(`/api/batches/${id}`), "NOT_FOUND", 404);
    expectProblem(await request(app).get(`/api/batches/${id}/summary.html`), "NOT_FOUND", 404);
    expectProblem(await request(app).delete(`/api/batches/${id}`), "NOT_FOUND", 404);
  });

  it("stops a running batch when it is deleted", async () => {
    const { app } = batchApp();
    const zip = await zipOf({ "a-final.docx": sampleFile("plan-isla-thornton.docx"), "b-final.docx": sampleFile("plan-jade-whitlock.docx"), "c-final.docx": sampleFile("pair-2-final.docx") });
    const posted = await request(app).post("/api/batches").attach("files", zip, "june.zip");
    expect(posted.status).toBe(202);
    expect((await request(app).delete(`/api/batches/${posted.body.id}`)).status).toBe(204);
    expectProblem(await request(app).get(`/api/batches/${posted.body.id}`), "NOT_FOUND", 404);
    // The stopped batch lets the app close at once.
    await app.close();
  });
});

describe("POST /api/batches with the files themselves", () => {
  it("pairs them by name, keeps the results for the configured time, and holds no more batches than allowed", async () => {
    let now = FIXED_TIME;
    const { app } = batchApp({ EHCP_QA_BATCH_TTL_MINUTES: "30", EHCP_QA_BATCH_MAX_JOBS: "1" }, () => now);
    const posted = await request(app)
      .post("/api/batches")
      .attach("files", sampleFile("pair-2-final.docx"), "pair-2-final.docx")
      .attach("files", sampleFile("pair-2-draft.docx"), "pair-2-draft.docx")
      .attach("files", sampleFile("pair-1-advice-ep.docx"), "ghost-advice-ep.docx");
    expect(posted.status, posted.text).toBe(202);
    expect(posted.body.total).toBe(2);
    const progress = await finished(app, posted.body.id);
    expect(progress).toMatchObject({ status: "done", done: 2, failures: 1, expiresAt: new Date(FIXED_TIME.getTime() + 30 * 60_000).toISOString() });
    const csv = await request(app).get(`/api/batches/${posted.body.id}/results.csv`);
    expect(csv.text).toContain("pair-2,pair-2-final.docx,pair-2-draft.docx,");
    expect(csv.text).toMatch(/ghost,,,,ghost-advice-ep.docx,.*FILE_NOT_FOUND/);

    // One batch held: another is refused until the first expires.
    const second = () => request(app).post("/api/batches").attach("files", Buffer.from("%PDF-1.4\n"), "x-final.pdf");
    const refused = await second();
    expect(expectProblem(refused, "BUSY", 503).detail).toContain("already holds 1 batches");
    expect(refused.headers["retry-after"]).toBeDefined();

    now = new Date(FIXED_TIME.getTime() + 29 * 60_000);
    expect((await request(app).get(`/api/batches/${posted.body.id}/results.csv`)).status).toBe(200);
    now = new Date(FIXED_TIME.getTime() + 30 * 60_000);
    expect(expectProblem(await request(app).get(`/api/batches/${posted.body.id}`), "NOT_FOUND", 404).detail).toContain("kept for 30 minutes");
    const accepted = await second();
    expect(accepted.status).toBe(202);
    await finished(app, accepted.body.id);
  });
});

describe("POST /api/batches refuses", () => {
  const { app } = batchApp();
  const post = () => request(app).post("/api/batches");

  it("an upload with no plans, or that is not a form", async () => {
    expect(expectProblem(await post().field("ruleset", "default"), "BAD_REQUEST", 400).detail).toContain('No plans were sent');
    expectProblem(await post().send({ files: [] }), "BAD_REQUEST", 400);
    expect(expectProblem(await post().attach("files", Buffer.from("a,b\n"), "notes.csv"), "BAD_REQUEST", 400).detail).toContain("No plans were found in the upload");
    expect(expectProblem(await post().attach("plan", Buffer.from("%PDF"), "a-final.pdf"), "BAD_REQUEST", 400).detail).toContain('called "plan"');
  });

  it("a zip sent with other files, a damaged zip, two files with one name", async () => {
    const zip = await zipOf({ "a-final.pdf": Buffer.from("%PDF-1.4") });
    expect(expectProblem(await post().attach("files", zip, "a.zip").attach("files", Buffer.from("%PDF"), "b-final.pdf"), "BAD_REQUEST", 400).detail).toContain("not a zip together with other files");
    const damaged = expectProblem(await post().attach("files", Buffer.from("PK\x03\x04 cut short"), "june.zip"), "CORRUPT_FILE", 422);
    expect(damaged.file).toBe("june.zip");
    expect(expectProblem(await post().attach("files", Buffer.from("%PDF"), "a-final.pdf").attach("files", Buffer.from("%PDF"), "a-final.pdf"), "BAD_REQUEST", 400).detail).toContain("Two files are called a-final.pdf");
  });

  it("a manifest it cannot use, or a rule set it does not have", async () => {
    const manifest = expectProblem(await post().attach("files", Buffer.from("%PDF"), "a-final.pdf").attach("manifest", Buffer.from("team\nNorth\n"), "m.csv"), "BAD_REQUEST", 400);
    expect(manifest.detail).toContain('The manifest m.csv cannot be used: it has no "id" column');
    expect(expectProblem(await post().attach("files", Buffer.from("%PDF"), "a-final.pdf").field("ruleset", "strcit"), "BAD_REQUEST", 400).detail).toContain('did you mean "strict"');
  });

  it("other methods, and batches it does not know", async () => {
    expectProblem(await request(app).put("/api/batches"), "METHOD_NOT_ALLOWED", 405);
    expectProblem(await request(app).post("/api/batches/abc"), "METHOD_NOT_ALLOWED", 405);
    expect(expectProblem(await request(app).get("/api/batches/abc"), "NOT_FOUND", 404).detail).toContain("There is no batch abc");
  });
});
