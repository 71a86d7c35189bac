// Paragraphs copied from one child's plan into another's: found across a batch (the child's name set aside), counted
// by plans, listed in summary.html and in each plan's line of results.jsonl; the same child's plans, paragraphs that
// merely resemble each other, short stock phrases and the rule set's own standard wording are not reported.
import { describe, expect, it } from "vitest";
import { paragraphPrints, sharedParagraphs, type PlanPrints } from "../../src/batch/boilerplate.ts";
import { buildOutputs, discoverPlans, memorySource, runBatch } from "../../src/batch/index.ts";
import { loadRuleSet } from "../../src/index.ts";
import type { EhcpDocument } from "../../src/model/document.ts";
import { children, planDocx, sharedParagraph } from "../queue/generated-plans.ts";

const doc = (childName: string, paragraphs: string[]): EhcpDocument =>
  ({ facts: { childName, firstName: childName.split(" ")[0], lastName: childName.split(" ")[1] }, blocks: paragraphs.map((text, i) => ({ id: `b${i}`, kind: "paragraph", text })) }) as unknown as EhcpDocument;

const COPIED = (name: string) =>
  `Staff in the resource base will greet ${name} at the gate each morning, explain the day with a picture timetable and check in with ${name} again before lunch and before home time.`;
const OWN = [
  "Marta paints seascapes at weekends with her grandfather and wants to sell her paintings at the harbour market when she is older.",
  "Jonas keeps a notebook of every bus route in the city and can tell you which one stops nearest to each of his friends' houses.",
  "Priya has taught herself to juggle three beanbags and practises every break time with two friends from her class.",
];

const plan = (id: string, child: string, paragraphs: string[]): PlanPrints => ({ id, child: child.toLowerCase(), prints: paragraphPrints(doc(child, paragraphs)) });

describe("shared paragraphs across a batch", () => {
  it("finds a paragraph copied into different children's plans with only the name changed, and counts the plans", () => {
    const shared = sharedParagraphs([
      plan("p1", "Marta Quill", [OWN[0]!, COPIED("Marta")]),
      plan("p2", "Jonas Reeve", [OWN[1]!, COPIED("Jonas")]),
      // One word changed as well: still the same paragraph, near enough.
      plan("p3", "Priya Osei", [OWN[2]!, COPIED("Priya").replace("each morning", "every morning")]),
    ]);
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ group: "S1", plans: 3, ids: ["p1", "p2", "p3"] });
    expect(shared[0]!.text).toContain("will greet [child] at the gate");
    expect(shared[0]!.text).not.toMatch(/Marta|Jonas|Priya/);
  });

  it("does not report one child's plans, paragraphs that only resemble each other, short phrases or standard wording", () => {
    const resembling = "Staff in the resource base will meet Jonas at the office each afternoon, go through his homework diary and phone home when a piece of work is missing.";
    const stock = "No health provision is required for this child at present.";
    expect(
      sharedParagraphs([
        plan("a", "Marta Quill", [COPIED("Marta"), stock]),
        plan("a-again", "Marta Quill", [COPIED("Marta"), stock]),
        plan("b", "Jonas Reeve", [resembling, stock]),
      ]),
    ).toEqual([]);
    const plans = [plan("a", "Marta Quill", [COPIED("Marta")]), plan("b", "Jonas Reeve", [COPIED("Jonas")])];
    expect(sharedParagraphs(plans)).toHaveLength(1);
    expect(sharedParagraphs(plans, [COPIED("[child]")])).toEqual([]);
  });

  it("goes into summary.html and results.jsonl when the audit task gives each plan's paragraphs", async () => {
    const ruleSet = await loadRuleSet("default");
    const files = await Promise.all(children(4).map(async (child, index) => ({ fileName: `${child.id}-final.docx`, bytes: new Uint8Array(await planDocx(child, index, { shared: index !== 1 })) })));
    const source = memorySource(files);
    const { plans } = await discoverPlans(source);
    const run = await runBatch({ source, plans, ruleSet, auditDate: "2026-06-01", generatedAt: new Date("2026-06-01T09:00:00Z"), pool: { threads: 1 } });
    const { summary, files: outputs } = await buildOutputs({ results: run.results, columns: [], ruleset: { name: ruleSet.name, version: ruleSet.version }, generatedAt: new Date("2026-06-01T09:00:00Z"), paragraphs: run.paragraphs });

    const copied = summary.sharedParagraphs!.find((group) => group.text.startsWith("All staff working with [child] will read this plan"));
    expect(copied).toMatchObject({ plans: 3, ids: ["child-01", "child-03", "child-04"] });
    expect(sharedParagraph("[child]").startsWith(copied!.text.replace(/…$/, ""))).toBe(true);
    const lines = String(outputs.get("results.jsonl")).trim().split("\n").map((line) => JSON.parse(line) as { id: string; sharedParagraphs?: { group: string; plans: number }[] });
    expect(lines.find((l) => l.id === "child-02")!.sharedParagraphs?.some((s) => s.group === copied!.group) ?? false).toBe(false);
    for (const id of copied!.ids) expect(lines.find((l) => l.id === id)!.sharedParagraphs).toContainEqual(expect.objectContaining({ group: copied!.group, plans: 3 }));
    const html = String(outputs.get("summary.html"));
    expect(html).toContain('id="table-shared-paragraphs"');
    expect(html).toContain("All staff working with [child] will read this plan");
    for (const child of children(4)) expect(html.includes(`working with ${child.name.split(" ")[0]}`)).toBe(false);
  });
});
