// `ehcp-qa audit` and `ehcp-qa rules` end to end: the real binary for exit codes and stderr, and the same command
// in-process over every sample (both formats), checking each report against the published schema.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { closeDefaultParsePool } from "../../src/ingest/index.ts";
import { runAudit } from "../../src/cli/commands/audit.ts";
import type { Io } from "../../src/cli/problems.ts";
import type { AuditReport } from "../../src/model/report.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SAMPLES = path.join(ROOT, "samples");
const BIN = path.join(ROOT, "bin", "ehcp-qa.js");

interface ManifestEntry {
  id: string;
  kind: "plan" | "advice-report" | "response-letter";
  files: string[];
  expect: { draftOf?: string };
}
const manifest: ManifestEntry[] = JSON.parse(readFileSync(path.join(SAMPLES, "manifest.json"), "utf8")) as ManifestEntry[];
const sample = (file: string) => path.join(SAMPLES, file);
const plans = manifest.filter((entry) => entry.kind === "plan");

function captureIo(): Io & { out: string; err: string } {
  const io = { out: "", err: "", stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const FIXED_TIME = new Date("2025-09-01T09:00:00Z");

async function auditJson(plan: string, extra: { draft?: string } = {}): Promise<AuditReport> {
  const io = captureIo();
  const code = await runAudit(plan, { ...extra, format: "json", generatedAt: FIXED_TIME }, io);
  expect(io.err, `stderr auditing ${path.basename(plan)}`).toBe("");
  expect(code).toBe(0);
  const report: unknown = JSON.parse(io.out);
  expectValidReport(report);
  return report;
}

/** The draft a final plan is paired with (always its DOCX: drafts go out as Word files). */
const draftFor = (entry: ManifestEntry) => (entry.expect.draftOf ? { draft: sample(`${entry.expect.draftOf}.docx`) } : {});

afterAll(() => closeDefaultParsePool());

describe("audit on every sample", () => {
  it("finds the samples", () => {
    expect(plans.length).toBeGreaterThan(0);
    for (const entry of manifest) for (const file of entry.files) expect(existsSync(sample(file)), file).toBe(true);
  });

  for (const entry of manifest) {
    it(`${entry.id}: schema-valid JSON and an HTML page from the DOCX and the PDF`, async () => {
      for (const ext of ["docx", "pdf"]) {
        const file = sample(`${entry.id}.${ext}`);
        const report = await auditJson(file, entry.kind === "plan" ? draftFor(entry) : {});
        expect(report.documents[0]).toMatchObject({ role: "plan", fileName: `${entry.id}.${ext}`, format: ext });
        const io = captureIo();
        expect(await runAudit(file, { format: "html", generatedAt: FIXED_TIME, ...(entry.kind === "plan" ? draftFor(entry) : {}) }, io)).toBe(0);
        expect(io.out).toMatch(/^<!doctype html>/);
        expect(io.out).toContain(`EHC plan audit: ${entry.id}.${ext}`);
      }
    });
  }

  for (const entry of plans) {
    it(`${entry.id}: the DOCX and the PDF get the same category statuses`, async () => {
      const [docx, pdf] = await Promise.all([auditJson(sample(`${entry.id}.docx`), draftFor(entry)), auditJson(sample(`${entry.id}.pdf`), draftFor(entry))]);
      const statuses = (report: AuditReport) => Object.fromEntries(report.categories.map((c) => [c.id, c.status]));
      const failing = (report: AuditReport) => report.checks.filter((c) => c.status === "fail" || c.status === "warning").map((c) => `${c.id}:${c.status}`);
      expect({ statuses: statuses(pdf), checks: failing(pdf) }).toEqual({ statuses: statuses(docx), checks: failing(docx) });
    });
  }
});

const exec = promisify(execFile);
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the ehcp-qa binary", () => {
  const planFile = () => sample(`${plans[0]!.id}.docx`);

  it("prints the text report and exits 0; --fail-under decides exit 1", async () => {
    const text = await cli(["audit", planFile()]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^EHC plan audit: .+\nGrade: (Outstanding|Good|Requires improvement|Inadequate)\s+Score: [\d.]+ \/ 100\n/);

    const json = await cli(["audit", planFile(), "--format", "json", "--fail-under", "100"]);
    const report = JSON.parse(json.stdout) as AuditReport;
    expectValidReport(report);
    expect(json.code).toBe(report.score < 100 ? 1 : 0);
    const lenient = await cli(["audit", planFile(), "--format", "json", "--fail-under", String(report.score)]);
    expect(lenient.code).toBe(0);
  });

  it("writes the report to --out", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-cli-"));
    const out = path.join(dir, "report.html");
    const result = await cli(["audit", planFile(), "--format", "html", "--out", out]);
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toMatch(/^Report written to .*report\.html: .+, score [\d.]+\.\n$/);
    expect(await readFile(out, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("exits 2 with a coded error for a missing file, an unreadable file, a bad option and an invalid rule set", async () => {
    const missing = await cli(["audit", "no-such-plan.docx"]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toBe("error FILE_NOT_FOUND: There is no file at no-such-plan.docx. Check the name and the folder.\n");

    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-cli-"));
    const corrupt = path.join(dir, "corrupt.docx");
    await writeFile(corrupt, "this is not a Word document");
    const unreadable = await cli(["audit", corrupt]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/^error [A-Z_]+: .+\n$/);
    expect(unreadable.stderr).not.toMatch(/\bat .+\.ts:\d+/); // no stack trace

    const badFormat = await cli(["audit", planFile(), "--format", "pdf"]);
    expect(badFormat).toMatchObject({ code: 2, stderr: "error BAD_REQUEST: --format must be one of json, text, markdown, html; \"pdf\" is not.\n" });

    const ruleSet = path.join(dir, "my-la.json");
    await writeFile(ruleSet, JSON.stringify({ name: "my-la", version: "1", extends: "default", rules: { "plain-englsh": { enabled: false }, "long-sentences": { severty: "error" } } }));
    const invalid = await cli(["audit", planFile(), "--ruleset", ruleSet]);
    expect(invalid.code).toBe(2);
    const lines = invalid.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^error INVALID_RULESET: The rule set .*my-la\.json has 2 problems and cannot be used\.$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/my-la\.json \/rules\/plain-englsh: unknown rule "plain-englsh" \(did you mean "plain-english"\?\)$/),
      expect.stringMatching(/my-la\.json \/rules\/long-sentences\/severty: "severty" is not a setting allowed here \(did you mean "severity"\?\)$/),
    ]);
  });

  it("rules list shows every rule with category, severity, weight, critical and source", async () => {
    const result = await cli(["rules", "list", "--ruleset", "northshire"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Rule set northshire 2025\.1, extends default: \d+ of \d+ rules on\n/);
    expect(result.stdout).toMatch(/\nid +category +severity +weight +critical +source\n/);
    expect(result.stdout).toMatch(/\nlong-sentences +structure +off +0 +no +SEND Code of Practice 9\.61/);
    expect(result.stdout).toMatch(/\nhearing-advice-listed +professional-advice +error +1 +no +SEND Regulations 2014, reg 6/);
  });

  it("rules validate: valid, or every problem and exit 2", async () => {
    const valid = await cli(["rules", "validate", "rules/northshire.json"]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/^valid: rules\/northshire\.json \(northshire 2025\.1, \d+ rules on\)\n$/);
    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-cli-"));
    const file = path.join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ name: "bad", version: "1", grades: { outstanding: 40, good: 70 } }));
    const result = await cli(["rules", "validate", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("/grades: the grade bands must go down");
  });
});
