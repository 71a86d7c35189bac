// The provision rule on the fictional sample plans, read from their DOCX and PDF renderings: every statement the
// samples mark vague must be flagged, and none marked specific (or not provision at all) may be, except the few
// listed below where the rule and the samples' ground truth disagree on purpose (each with the reason).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/model/report.ts";
import type { EhcpDocument } from "../../src/model/document.ts";
import { readDocument } from "../../src/ingest/index.ts";
import { runRule } from "../../src/rules/run-rule.ts";
import type { RuleModule } from "../../src/rules/types.ts";
import rule, { DEFAULT_SCOPE } from "../../src/rules/builtin/provision-specificity.ts";
import therapyPlacement from "../../src/rules/builtin/therapy-placement.ts";
import needsHaveProvision from "../../src/rules/builtin/needs-have-provision.ts";
import type { ManifestEntry, ManifestExpectation } from "../../samples/render/manifest.ts";

const SAMPLES = join(import.meta.dirname, "../../samples");
const manifest = JSON.parse(readFileSync(join(SAMPLES, "manifest.json"), "utf8")) as { samples: ManifestEntry[] };
const plans = manifest.samples.filter((sample) => sample.kind === "plan" && sample.expectations.some((e) => e.provision || e.notProvision));

/**
 * Statements where a careful reader can side with the rule against the samples' label, keyed by the statement's
 * full text; the test fails if one of these starts to agree (so the list never goes stale).
 */
const KNOWN_DISAGREEMENTS: Record<string, string> = {
  "Writing | Access to a laptop for writing. | Class teacher; school IT technician to set it up | Every writing task":
    "labelled vague, but the row says what (a laptop for writing), who (class teacher; IT technician) and when (every writing task): 'access to' inside a specified arrangement",
};

/** Letters and digits only: PDF text differs from DOCX in spaces, hyphens, quotes and line breaks. */
const key = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "");

const documents = new Map<string, Promise<EhcpDocument>>();
function read(file: string): Promise<EhcpDocument> {
  let doc = documents.get(file);
  if (!doc) {
    doc = readDocument(readFileSync(join(SAMPLES, file)), { fileName: file, inProcess: true });
    documents.set(file, doc);
  }
  return doc;
}

async function audit(file: string, which: RuleModule = rule): Promise<CheckResult> {
  const config = { severity: which.meta.defaultSeverity, weight: which.meta.defaultWeight, critical: false, options: which.meta.defaultOptions, scope: null };
  return runRule(which, { plan: await read(file), responses: [], advice: [] }, config, { auditDate: "2025-09-01" });
}

/** The findings about an expectation: their excerpt lies inside its text (a paragraph may hold several statements). */
function findingsFor(expectation: ManifestExpectation, check: CheckResult): string[] {
  const wanted = key(expectation.text);
  // Info findings are notes on a statement that is enforceable as written ("could also say how long"), not flags.
  return check.findings
    .filter((finding) => finding.severity !== "info")
    .filter((finding) => {
      const excerpt = key(finding.excerpt);
      return excerpt.length > 0 && (wanted.includes(excerpt) || (wanted.length >= 20 && excerpt.includes(wanted)));
    })
    .map((finding) => `${finding.message} — "${finding.excerpt}"`);
}

const knownReason = (text: string): string | undefined => Object.entries(KNOWN_DISAGREEMENTS).find(([known]) => key(text) === key(known))?.[1];

const totals = { statements: 0, agree: 0 };
const files = plans.flatMap((plan) => plan.files.filter((file) => /\.(docx|pdf)$/.test(file)).map((file) => ({ plan, file })));

describe.each(files)("provision-specificity on $file", ({ plan, file }) => {
  it("flags every statement marked vague and none marked specific or not provision", async () => {
    const check = await audit(file);
    const scoped = plan.expectations.filter((expectation) => expectation.section && DEFAULT_SCOPE.includes(expectation.section));
    const unexpected: unknown[] = [];
    const staleKnown: string[] = [];
    // A PDF keeps tracked deletions as struck-through text: a finding on the deleted words ("... where possible") is
    // about text the Word file does not show, so it is not held against the statement's label.
    const deleted = file.endsWith(".pdf") ? plan.revisions.filter((revision) => revision.kind === "deletion").map((revision) => key(revision.text)) : [];
    for (const expectation of scoped) {
      const flagged = findingsFor(expectation, check).filter((finding) => !deleted.some((text) => text.length > 0 && key(finding).includes(text) && !key(expectation.text).includes(text)));
      const expected = expectation.provision ?? "not provision";
      const agrees = expected === "vague" ? flagged.length > 0 : flagged.length === 0;
      totals.statements++;
      if (agrees) totals.agree++;
      const known = knownReason(expectation.text);
      if (!agrees && !known) unexpected.push({ expected, text: expectation.text, findings: flagged });
      if (agrees && known) staleKnown.push(expectation.text);
    }
    expect(unexpected, JSON.stringify(unexpected, null, 2)).toEqual([]);
    expect(staleKnown, "listed as a known disagreement but the rule now agrees").toEqual([]);
  });
});

// A PDF made from a Word file with tracked deletions still shows the deleted words (struck through), so only plans
// without tracked deletions can read the same from both files.
const withoutDeletions = plans.filter((plan) => !plan.revisions.some((revision) => revision.kind === "deletion"));

describe("DOCX and PDF give the same findings", () => {
  it.each(withoutDeletions)("$id", async (plan) => {
    const docx = plan.files.find((file) => file.endsWith(".docx"));
    const pdf = plan.files.find((file) => file.endsWith(".pdf"));
    if (!docx || !pdf) return expect.fail(`${plan.id} lacks a DOCX or PDF rendering`);
    const [fromDocx, fromPdf] = await Promise.all([audit(docx), audit(pdf)]);
    const summary = (check: CheckResult) => check.findings.map((finding) => `${finding.section} ${key(finding.excerpt)} ${finding.message}`);
    expect(summary(fromPdf)).toEqual(summary(fromDocx));
    expect(fromPdf.note).toBe(fromDocx.note);
  });
});

// The samples' notes name the plans whose therapy sits only in G, or whose need has no provision (Jade Whitlock:
// speech and language therapy and occupational therapy only in Health Provision; sensory and physical needs unmet).
const PLACEMENT_FAULTS: Record<string, { therapies: string[]; needs: string[] }> = {
  "plan-jade-whitlock": { therapies: ["Speech and language therapy", "Occupational therapy"], needs: ["sensory and/or physical"] },
};

describe.each(files)("therapy placement and needs with provision on $file", ({ plan, file }) => {
  it("flags exactly the faults the sample was written with", async () => {
    const faults = PLACEMENT_FAULTS[plan.id] ?? { therapies: [], needs: [] };
    const therapyCheck = await audit(file, therapyPlacement);
    expect(therapyCheck.findings.map((finding) => finding.message.split(" is set out")[0])).toEqual(faults.therapies);
    const needsCheck = await audit(file, needsHaveProvision);
    expect(needsCheck.findings.map((finding) => /needs in (.+), but/.exec(finding.message)?.[1])).toEqual(faults.needs);
  });
});

afterAll(() => {
  // The agreement figure for the report; DOCX and PDF renderings are counted separately.
  console.log(`provision-specificity on the samples: ${totals.agree}/${totals.statements} marked statements agree with the samples' ground truth`);
});
