// Every correction in the sample draft/final pairs is classified as its ground truth says, for a DOCX final and
// for a PDF final against the DOCX draft (issue 6). Ground truth comes from samples/manifest.json.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { auditFiles, loadRuleSet, type Finding } from "../../src/index.ts";

interface ManifestSample {
  id: string;
  comments?: { text: string; correction?: string }[];
  revisions?: { text: string; correction?: string }[];
  expectations: { text: string; correction?: string }[];
}

const manifest = JSON.parse(await readFile(new URL("../../samples/manifest.json", import.meta.url), "utf8")) as { samples: ManifestSample[] };
const sample = (id: string): ManifestSample => manifest.samples.find((s) => s.id === id)!;
const file = async (name: string) => ({ fileName: name, bytes: await readFile(new URL(`../../samples/${name}`, import.meta.url)) });
const ruleSet = await loadRuleSet("default");
const fold = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

const PAIRS = [
  { pair: 1, responses: [] as string[] },
  { pair: 2, responses: [] as string[] },
  { pair: 3, responses: ["pair-3-response-parent", "pair-3-response-school"] },
];

/** The expected verdict for each request, as written in the draft's comments, its tracked changes or a letter. */
function groundTruth(pair: number, responses: string[]): { request: string; verdict: string }[] {
  const draft = sample(`pair-${pair}-draft`);
  return [
    ...(draft.comments ?? []).map((c) => ({ request: c.text, verdict: c.correction! })),
    ...(draft.revisions ?? []).map((r) => ({ request: r.text, verdict: r.correction! })),
    ...responses.flatMap((id) => sample(id).expectations.filter((e) => e.correction).map((e) => ({ request: e.text, verdict: e.correction! }))),
  ];
}

/** A finding answers a ground-truth request when one's request text contains the start of the other's. */
function findingFor(findings: Finding[], request: string): Finding | undefined {
  const wanted = fold(request);
  return findings.find((f) => {
    const asked = fold(f.correction?.request ?? "");
    return asked !== "" && (asked.includes(wanted.slice(0, 40)) || wanted.includes(asked.slice(0, 40)));
  });
}

describe.each(["docx", "pdf"])("draft corrections in the sample pairs, final as %s", (format) => {
  it.each(PAIRS)("pair $pair: every correction classified as the ground truth says", async ({ pair, responses }) => {
    const letters = await Promise.all(responses.map((id, i) => file(`${id}.${i === 0 ? "txt" : format}`)));
    const report = await auditFiles({ plan: await file(`pair-${pair}-final.${format}`), draft: await file(`pair-${pair}-draft.docx`), responses: letters }, ruleSet, {
      read: { inProcess: true },
    });
    const check = report.checks.find((c) => c.id === "corrections-carried-over")!;
    const truth = groundTruth(pair, responses);
    expect(truth.length).toBeGreaterThan(5);
    const got = truth.map(({ request }) => findingFor(check.findings, request)?.correction?.verdict ?? "no finding");
    expect(got).toEqual(truth.map((t) => t.verdict));
    expect(check.status).toBe("fail");
  });
});

it("pair 2's final was issued with a Word comment left in (DOCX: LibreOffice drops comments from PDFs)", async () => {
  const report = await auditFiles({ plan: await file("pair-2-final.docx"), draft: await file("pair-2-draft.docx") }, ruleSet, { read: { inProcess: true } });
  const check = report.checks.find((c) => c.id === "final-resolved")!;
  expect(check.status).toBe("fail");
  expect(check.findings.map((f) => f.section)).toEqual(["I"]);
});
