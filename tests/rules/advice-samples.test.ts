// The advice reports in samples/ (pair-1-advice-*) against the pair-1 final plan: the audit must name exactly the
// recommendations the samples label "missing" and "weakened" (samples/manifest.json), from DOCX and from PDF files.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/ingest/index.ts";
import adviceRecommendations from "../../src/rules/builtin/advice-recommendations.ts";
import { runRuleCase } from "../../src/testing/rule-tester.ts";

const SAMPLES = fileURLToPath(new URL("../../samples/", import.meta.url));
const PLAN_ID = "pair-1-final";
const REPORT_PREFIX = "pair-1-advice-";

interface ManifestEntry {
  id: string;
  kind: string;
  files: string[];
  expectations: { text: string; recommendation?: "carried" | "weakened" | "missing" }[];
}

const manifest = JSON.parse(readFileSync(`${SAMPLES}manifest.json`, "utf8")) as { samples: ManifestEntry[] };
const reports = manifest.samples.filter((entry) => entry.kind === "advice-report" && entry.id.startsWith(REPORT_PREFIX));

/** Text compared across formats: PDF line breaks, hyphenation and curly quotes folded away. */
const fold = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑–—]/g, "-")
    .replace(/[^\p{L}\p{N}]+/gu, "");

const labelled = (verdict: "weakened" | "missing") =>
  reports.flatMap((report) => report.expectations.filter((e) => e.recommendation === verdict).map((e) => fold(e.text))).sort();

async function read(id: string, format: "docx" | "pdf") {
  const fileName = `${id}.${format}`;
  return readDocument(readFileSync(`${SAMPLES}${fileName}`), { fileName, inProcess: true });
}

describe("advice recommendations on the samples", () => {
  it("has labelled advice reports for the pair-1 final plan", () => {
    expect(reports.length).toBeGreaterThan(0);
    expect(labelled("missing").length + labelled("weakened").length).toBeGreaterThan(0);
  });

  for (const format of ["docx", "pdf"] as const) {
    it(`names exactly the missing and the weakened recommendations (${format.toUpperCase()})`, async () => {
      const plan = await read(PLAN_ID, format);
      const advice = await Promise.all(reports.map((report) => read(report.id, format)));
      const check = runRuleCase(adviceRecommendations, { name: format, inputs: { plan, advice } });
      const found = (messageId: string) => check.findings.filter((f) => f.messageId === messageId).map((f) => fold(f.excerpt)).sort();
      expect(found("missing"), "missing recommendations").toEqual(labelled("missing"));
      expect(found("weakened"), "weakened recommendations").toEqual(labelled("weakened"));
      const total = reports.reduce((sum, report) => sum + report.expectations.filter((e) => e.recommendation).length, 0);
      expect(check.note).toContain(`${total} recommendation(s) in ${reports.length} advice report(s)`);
      for (const finding of check.findings) expect(finding.document).toBe("advice");
    });
  }
});
