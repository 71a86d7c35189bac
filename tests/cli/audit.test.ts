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
import { closeDefaultAuditPool } from "../../src/runtime/index.ts";
import { runAudit } from "../../src/cli/commands/audit.ts";
import { runRulesList, runRulesValidate } from "../../src/cli/commands/rules.ts";
import type { Io } from "../../src/cli/problems.ts";
import type { AuditReport } from "../../src/model/report.ts";
import JSZip from "jszip";
import { formatReport } from "../../src/report/formatters/index.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";
import { SOURCE_CLI } from "../../src/testing/source-cli.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SAMPLES = path.join(ROOT, "samples");

interface ManifestEntry {
  id: string;
  kind: "plan" | "advice-report" | "response-letter";
  files: string[];
  expect: { draftOf?: string };
  comments: unknown[];
  revisions: unknown[];
}
const manifest = (JSON.parse(readFileSync(path.join(SAMPLES, "manifest.json"), "utf8")) as { samples: ManifestEntry[] }).samples;
const sample = (file: string) => path.join(SAMPLES, file);
const plans = manifest.filter((entry) => entry.kind === "plan");

function captureIo(): Io & { out: string; err: string } {
  const io = { out: "", err: "", stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const FIXED_TIME = new Date("2025-09-01T09:00:00Z");

const reports = new Map<string, Promise<AuditReport>>();
/** Each sample is audited once per format; the tests below share the report. */
function sampleReport(entry: ManifestEntry, ext: "docx" | "pdf"): Promise<AuditReport> {
  const key = `${entry.id}.${ext}`;
  if (!reports.has(key)) reports.set(key, auditJson(sample(key), entry.kind === "plan" ? draftFor(entry) : {}));
  return reports.get(key)!;
}

async function auditJson(plan: string, extra: ReturnType<typeof draftFor> = {}): Promise<AuditReport> {
  const io = captureIo();
  const code = await runAudit(plan, { ...extra, format: "json", generatedAt: FIXED_TIME }, io);
  expect(io.err, `stderr auditing ${path.basename(plan)}`).toBe("");
  expect(code).toBe(0);
  const report: unknown = JSON.parse(io.out);
  expectValidReport(report);
  return report;
}

/**
 * What a final plan is audited with: its draft, and the response letters and advice reports named after it
 * (`<id>-response-*`, `<id>-advice-*`, the batch naming convention), all as DOCX so only the plan's format varies.
 */
function draftFor(entry: ManifestEntry): { draft?: string; response?: string[]; advice?: string[] } {
  if (!entry.expect.draftOf) return {};
  const id = entry.id.replace(/-final$/, "");
  const named = (kind: ManifestEntry["kind"], infix: string) =>
    manifest.filter((other) => other.kind === kind && other.id.startsWith(`${id}-${infix}`)).map((other) => sample(`${other.id}.docx`));
  return { draft: sample(`${entry.expect.draftOf}.docx`), response: named("response-letter", "response"), advice: named("advice-report", "advice") };
}

afterAll(() => closeDefaultAuditPool());

describe("audit on every sample", () => {
  it("finds the samples", () => {
    expect(plans.length).toBeGreaterThan(0);
    for (const entry of manifest) for (const file of entry.files) expect(existsSync(sample(file)), file).toBe(true);
  });

  // Letters and advice reports are not plans: given as the plan, they are refused with NOT_A_PLAN, not graded.
  for (const entry of manifest.filter((e) => e.kind !== "plan")) {
    it(`${entry.id}: refused as a plan with NOT_A_PLAN (it is a ${entry.kind.replace("-", " ")})`, async () => {
      for (const ext of ["docx", "pdf"] as const) {
        const io = captureIo();
        expect(await runAudit(sample(`${entry.id}.${ext}`), { format: "json" }, io)).toBe(2);
        expect(io.err).toMatch(/^error NOT_A_PLAN: The file given as the plan does not look like an EHC plan/);
        expect(io.out).toBe("");
      }
    });
  }

  for (const entry of plans) {
    it(`${entry.id}: schema-valid JSON and an HTML page from the DOCX and the PDF`, async () => {
      for (const ext of ["docx", "pdf"] as const) {
        const report = await sampleReport(entry, ext);
        expect(report.documents[0]).toMatchObject({ role: "plan", fileName: `${entry.id}.${ext}`, format: ext });
        const html = formatReport(report, "html");
        expect(html).toMatch(/^<!doctype html>/);
        expect(html).toContain(`EHC plan audit: ${entry.id}.${ext}`);
      }
    });
  }

  for (const entry of plans) {
    // Word comments and tracked changes exist only in the DOCX (a PDF export drops them), so where the plan file
    // itself carries some, the draft-corrections category (which judges them) is left out of the comparison.
    const wordOnly = entry.comments.length + entry.revisions.length > 0;
    it(`${entry.id}: the DOCX and the PDF get the same category statuses${wordOnly ? " (apart from draft corrections: Word comments are DOCX-only)" : ""}`, async () => {
      const [docx, pdf] = await Promise.all([sampleReport(entry, "docx"), sampleReport(entry, "pdf")]);
      const compared = (report: AuditReport) => ({
        categories: Object.fromEntries(report.categories.filter((c) => !wordOnly || c.id !== "draft-corrections").map((c) => [c.id, c.status])),
        notPassing: report.checks.filter((c) => (!wordOnly || c.category !== "draft-corrections") && (c.status === "fail" || c.status === "warning")).map((c) => `${c.id}:${c.status}`),
      });
      expect(compared(pdf)).toEqual(compared(docx));
    });
  }
});

const exec = promisify(execFile);
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [...SOURCE_CLI, ...args], { cwd: ROOT, maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Starting the CLI from source costs seconds (tsx compiles it), so only what needs the real process is spawned:
// argument parsing, stdout/stderr and exit codes. Everything else runs the same command functions in-process.
describe.concurrent("the ehcp-qa binary", () => {
  it("audit prints the JSON report and exits 1 when the score is below --fail-under", async () => {
    const json = await cli(["audit", sample(`${plans[0]!.id}.docx`), "--format", "json", "--fail-under", "100"]);
    expect(json.stdout.length, `${json.code} ${json.stderr}`).toBeGreaterThan(0);
    const report = JSON.parse(json.stdout) as AuditReport;
    expectValidReport(report);
    expect(json.code).toBe(report.score < 100 ? 1 : 0);
    if (report.score < 100) expect(json.stderr).toBe(`Score ${report.score.toFixed(1)} is below --fail-under 100.\n`);
  });

  it("refuses a blank plan template with BLANK_TEMPLATE and exit 2, printing no report", async () => {
    const { stdout, stderr, code } = await cli(["audit", path.join(ROOT, "tests/fixtures/blank-template.md"), "--format", "json"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error BLANK_TEMPLATE: This looks like a blank plan template/);
    expect(stdout).toBe("");
  });

  it("audit exits 2 with the coded error for a missing file", async () => {
    const missing = await cli(["audit", "no-such-plan.docx", "--response", "x.pdf"]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toMatch(/^error FILE_NOT_FOUND: There is no file at (no-such-plan\.docx|x\.pdf)\. Check the name and the folder\.\n$/);
  });

  it("rules list shows every rule with category, severity, weight, critical and source", async () => {
    const result = await cli(["rules", "list", "--ruleset", "northshire"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Rule set northshire 2025\.1, extends default: \d+ of \d+ rules on\n/);
    expect(result.stdout).toMatch(/\nid +category +severity +weight +critical +source\n/);
    expect(result.stdout).toMatch(/\nlong-sentences +structure +off +0 +no +SEND Code of Practice 9\.61/);
    expect(result.stdout).toMatch(/\nhearing-advice-listed +professional-advice +error +1 +no +SEND Regulations 2014, reg 6/);
  });
});

describe("the audit and rules commands in-process", () => {
  const planFile = () => sample(`${plans[0]!.id}.docx`);

  it("writes the report to --out and says so on stderr", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-cli-"));
    const out = path.join(dir, "report.html");
    const io = captureIo();
    expect(await runAudit(planFile(), { format: "html", out }, io)).toBe(0);
    expect(io.out).toBe("");
    expect(io.err).toMatch(/^Report written to .*report\.html: .+, score [\d.]+\.\n$/);
    expect(await readFile(out, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("--format docx writes the DOCX plan back with comments, and a PDF plan's report as a Word document", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-cli-"));
    for (const ext of ["docx", "pdf"]) {
      const out = path.join(dir, `reviewed-${ext}.docx`);
      const io = captureIo();
      expect(await runAudit(sample(`${plans[0]!.id}.${ext}`), { format: "docx", out }, io)).toBe(0);
      expect(io.err).toMatch(ext === "docx" ? /^The plan with comments written to / : /^Report written to /);
      const zip = await JSZip.loadAsync(await readFile(out));
      const comments = await zip.file("word/comments.xml")?.async("string");
      if (ext === "docx") expect(comments).toContain('w:author="ehcp-qa"');
      else expect(await zip.file("word/document.xml")!.async("string")).toContain("Fix these first");
    }
  });

  it("prints the text report, verdict first", async () => {
    const io = captureIo();
    expect(await runAudit(planFile(), {}, io)).toBe(0);
    expect(io.out).toMatch(/^EHC plan audit: .+\nGrade: (Outstanding|Good|Requires improvement|Inadequate)\s+Score: [\d.]+ \/ 100\n/);
  });

  it("lists every problem of an invalid rule set with file, place and hint", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-cli-"));
    const ruleSet = path.join(dir, "my-la.json");
    await writeFile(ruleSet, JSON.stringify({ name: "my-la", version: "1", extends: "default", rules: { "plain-englsh": { enabled: false }, "long-sentences": { severty: "error" } } }));
    const io = captureIo();
    expect(await runAudit(planFile(), { ruleset: ruleSet }, io)).toBe(2);
    const lines = io.err.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^error INVALID_RULESET: The rule set .*my-la\.json has 2 problems and cannot be used\.$/);
    expect(lines.slice(1).sort()).toEqual([
      expect.stringMatching(/my-la\.json \/rules\/long-sentences\/severty: "severty" is not a setting allowed here \(did you mean "severity"\?\)$/),
      expect.stringMatching(/my-la\.json \/rules\/plain-englsh: unknown rule "plain-englsh" \(did you mean "plain-english"\?\)$/),
    ]);
    const validate = captureIo();
    expect(await runRulesValidate(ruleSet, validate)).toBe(2);
    expect(validate.err).toBe(io.err);
  });

  it("rules list gives every grade band with its number", async () => {
    const io = captureIo();
    expect(await runRulesList({ ruleset: "northshire" }, io)).toBe(0);
    expect(io.out).toContain("Grades: outstanding from 80, good from 65, requires improvement from 45, inadequate below 45\n");
  });

  it("--fail-under at the score itself passes", async () => {
    const report = await auditJson(planFile());
    expect(await runAudit(planFile(), { format: "json", failUnder: String(report.score) }, captureIo())).toBe(0);
  });

  it("exits 2 for an unreadable file and for wrong options, never with a stack trace", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-cli-"));
    const corrupt = path.join(dir, "corrupt.docx");
    await writeFile(corrupt, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)]));
    const unreadable = captureIo();
    expect(await runAudit(corrupt, {}, unreadable)).toBe(2);
    expect(unreadable.err).toMatch(/^error (CORRUPT_FILE|UNSUPPORTED_FORMAT): .+\n$/);

    for (const [options, message] of [
      [{ format: "rtf" }, 'error BAD_REQUEST: --format must be one of json, text, markdown, html, docx, pdf; "rtf" is not.\n'],
      [{ format: "docx" }, "error BAD_REQUEST: --format docx writes a Word file: add --out and a file name, for example --out plan-reviewed.docx.\n"],
      [{ failUnder: "high" }, 'error BAD_REQUEST: --fail-under must be a score from 0 to 100; "high" is not.\n'],
      [{ ruleset: "nrthshire" }, 'error FILE_NOT_FOUND: The rule set could not be found: there is no rule set called "nrthshire" (did you mean "northshire"?).\n'],
    ] as const) {
      const io = captureIo();
      expect(await runAudit(planFile(), options, io)).toBe(2);
      expect(io.err).toBe(message);
    }
  });

  it("plain-English errors for a folder, an unknown rule set, a bad --out and a badly formed rule-set name", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-cli-"));
    const folder = captureIo();
    expect(await runAudit(dir, {}, folder)).toBe(2);
    expect(folder.err).toMatch(/^error FILE_NOT_FOUND: .+ is a folder, not a file\. Give the plan's own file name .+ehcp-qa batch.+\n$/);

    const unknown = captureIo();
    expect(await runAudit(planFile(), { ruleset: "nosuch" }, unknown)).toBe(2);
    expect(unknown.err).toMatch(/^error FILE_NOT_FOUND: The rule set could not be found: there is no rule set called "nosuch" \(rule sets available: "default", .+\)\.\n$/);

    const out = captureIo();
    expect(await runAudit(planFile(), { out: path.join(dir, "no-such-folder", "report.txt") }, out)).toBe(2);
    expect(out.err).toMatch(/^error BAD_REQUEST: The report could not be written to .+report\.txt: the folder .+no-such-folder does not exist\.\n$/);

    const badName = path.join(dir, "bad-name.json");
    await writeFile(badName, JSON.stringify({ name: "My LA", version: "1", extends: "default" }));
    const validate = captureIo();
    expect(await runRulesValidate(badName, validate)).toBe(2);
    expect(validate.err).toContain('/name: expected a name in lower-case letters, digits and hyphens (for example "my-la")');
    expect(validate.err).not.toMatch(/\^\[a-z/);
  });

  it("rules validate says valid", async () => {
    const io = captureIo();
    expect(await runRulesValidate("rules/northshire.json", io)).toBe(0);
    expect(io.out).toMatch(/^valid: rules\/northshire\.json \(northshire 2025\.1, \d+ rules on\)\n$/);
  });
});
