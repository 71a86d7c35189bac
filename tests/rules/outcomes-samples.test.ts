// Every outcome in the sample plans is judged as its ground truth says (samples/manifest.json: outcome smart /
// not-smart), and nothing else in Section E is flagged as an outcome, for DOCX and PDF alike.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { auditFiles, loadRuleSet } from "../../src/index.ts";

interface Expectation {
  text: string;
  outcome?: "smart" | "not-smart";
}
const manifest = JSON.parse(await readFile(new URL("../../samples/manifest.json", import.meta.url), "utf8")) as {
  samples: { id: string; kind: string; expectations: Expectation[] }[];
};
const ruleSet = await loadRuleSet("default");
const fold = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();
const sameOutcome = (a: string, b: string): boolean => fold(a).includes(fold(b).slice(0, 50)) || fold(b).includes(fold(a).slice(0, 50));
const plans = manifest.samples.filter((s) => s.kind === "plan" && s.expectations.some((e) => e.outcome));

describe.each(["docx", "pdf"])("SMART outcomes in the sample plans (%s)", (format) => {
  it.each(plans.map((p) => [p.id, p] as const))("%s", async (_id, sample) => {
    const bytes = await readFile(new URL(`../../samples/${sample.id}.${format}`, import.meta.url));
    const report = await auditFiles({ plan: { fileName: `${sample.id}.${format}`, bytes } }, ruleSet, { read: { inProcess: true } });
    const check = report.checks.find((c) => c.id === "outcomes-smart")!;
    const flagged = check.findings.filter((f) => f.excerpt !== "");
    const outcomes = sample.expectations.filter((e) => e.outcome);
    expect(outcomes.map((o) => (flagged.some((f) => sameOutcome(f.excerpt, o.text)) ? "not-smart" : "smart"))).toEqual(outcomes.map((o) => o.outcome));
    expect(flagged.filter((f) => !outcomes.some((o) => sameOutcome(f.excerpt, o.text))).map((f) => f.excerpt)).toEqual([]);
  });
});
