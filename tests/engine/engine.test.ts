import { describe, expect, it } from "vitest";
import { CATEGORY_IDS } from "../../src/model/report.ts";
import { SECTION_IDS } from "../../src/model/document.ts";
import { loadRuleSet } from "../../src/config/loader.ts";
import { audit } from "../../src/rules/engine.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";
import { fixturePlan, fixtureReport, loadFixtureRuleSet } from "./fixture.ts";

describe("audit", () => {
  it("runs every enabled rule and builds a schema-valid report", async () => {
    const report = await fixtureReport();
    expectValidReport(report);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ["placement-named", "fail"],
      ["vague", "fail"],
      ["strengths", "warning"],
    ]);
    expect(report).toMatchObject({ schemaVersion: 1, generatedAt: "2025-09-01T10:30:00.000Z", tool: { name: "ehcp-qa", version: "9.9.9" }, ruleset: { name: "fixture", version: "1.2.3" } });
    const vague = report.checks.find((c) => c.id === "vague")!;
    expect(vague.findings.map((f) => [f.excerpt, f.location.page])).toEqual([
      ["Ava will have access to speech therapy.", 1],
      ["Access to a quiet room", 1],
    ]);
  });

  it("always lists the eight categories; those with no rules are not applicable with a null score", async () => {
    const report = await fixtureReport();
    expect(report.categories.map((c) => c.id)).toEqual([...CATEGORY_IDS]);
    expect(report.categories.find((c) => c.id === "timeliness")).toMatchObject({ score: null, status: "not-applicable" });
    expect(report.categories.find((c) => c.id === "outcomes")).toMatchObject({ score: null, status: "not-applicable" }); // its only rule is switched off
    expect(report.categories.find((c) => c.id === "structure")).toMatchObject({ score: 0, status: "fail" });
    expect(report.categories.find((c) => c.id === "child-voice")).toMatchObject({ score: 50, status: "warning" });
    expect(report.score).toBe(16.7);
    expect(report.grade).toBe("inadequate");
  });

  it("summarises all twelve sections and every document, never their text", async () => {
    const report = await fixtureReport({ advice: [planBuilder({}, "docx").paragraph("EP advice").build()] });
    expect(report.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
    // A present section also says how it was found and where its text stands.
    expect(report.sections[0]).toEqual({
      id: "A",
      title: "Part A: All about me",
      present: true,
      wordCount: 4,
      foundBy: "heading-style",
      matchedBy: "letter",
      regions: [expect.objectContaining({ heading: "Part A: All about me", wordCount: 4 })],
    });
    expect(report.sections.find((s) => s.id === "I")).toEqual({ id: "I", title: "Placement", present: false, wordCount: 0 });
    const noFacts = {
      childName: null, firstName: null, lastName: null, knownAs: null, dateOfBirth: null, status: null,
      requestDate: null, draftDate: null, issueDate: null, planDate: null, amendmentNoticeDate: null, reviewMeetingDate: null, reviewDate: null,
    };
    const planFacts = { ...noFacts, childName: "Ava Test", status: "final" };
    expect(report.documents).toEqual([
      { role: "plan", fileName: "test-plan.pdf", format: "pdf", pages: 1, words: expect.any(Number), sha256: "0".repeat(64), facts: planFacts },
      { role: "advice", fileName: "test-plan.docx", format: "docx", paragraphs: 1, words: 2, sha256: "0".repeat(64), facts: noFacts },
    ]);
    expect(JSON.stringify(report.documents)).not.toContain("EP advice");
  });

  it("is deterministic for the same inputs and time", async () => {
    expect(await fixtureReport()).toEqual(await fixtureReport());
  });

  it("passes the audit date to rules, defaulting to the report's date", async () => {
    const ruleSet = await loadFixtureRuleSet();
    const seen: string[] = [];
    const spy = { ...ruleSet.rules[0]!, module: { ...ruleSet.rules[0]!.module, check: (ctx: { settings: { auditDate: string } }) => void seen.push(ctx.settings.auditDate) } };
    const set = { ...ruleSet, rules: [spy] } as typeof ruleSet;
    audit({ plan: fixturePlan(), responses: [], advice: [] }, set, { toolVersion: "1", generatedAt: new Date("2024-02-03T23:00:00Z") });
    audit({ plan: fixturePlan(), responses: [], advice: [] }, set, { toolVersion: "1", auditDate: "2025-01-01" });
    expect(seen).toEqual(["2024-02-03", "2025-01-01"]);
  });

  it("names the rule when a rule has a bug", async () => {
    const ruleSet = await loadFixtureRuleSet();
    const broken = { ...ruleSet.rules[0]!, module: { ...ruleSet.rules[0]!.module, check: () => { throw new TypeError("boom"); } } };
    expect(() => audit({ plan: fixturePlan(), responses: [], advice: [] }, { ...ruleSet, rules: [broken] }, { toolVersion: "1" })).toThrow(/"placement-named" stopped with an internal error: boom/);
  });

  it("the shipped default rule set gives a schema-valid report on a plan built in code", async () => {
    const ruleSet = await loadRuleSet("default");
    const plan = planBuilder({ childName: "Ava", status: "final", planDate: "2025-06-01", requestDate: "2025-01-10" })
      .section("A").paragraph("I enjoy swimming and I want to be a vet.")
      .section("F").paragraph("A teaching assistant will support Ava.")
      .build();
    const report = audit({ plan, responses: [], advice: [] }, ruleSet, { toolVersion: "0.0.0", generatedAt: new Date("2025-09-01T00:00:00Z") });
    expectValidReport(report);
    expect(report.checks.length).toBe(ruleSet.rules.filter((r) => r.enabled).length);
  });
});

describe("draft to final", () => {
  it("adds the per-section changes when a draft is given, and only then", async () => {
    const draft = planBuilder({ status: "draft" }).section("F").paragraph("Regular support from an adult in class.").paragraph("Old paragraph about swimming lessons.").build();
    const plan = planBuilder({ status: "final" }).section("F").paragraph("Regular support from a trained adult in class.").paragraph("A brand new paragraph on transport.").build();
    const ruleSet = await loadFixtureRuleSet();
    const withDraft = audit({ plan, draft, responses: [], advice: [] }, ruleSet, { toolVersion: "1", generatedAt: new Date(0) });
    expectValidReport(withDraft);
    expect(withDraft.changes).toEqual([expect.objectContaining({ section: "F", added: 1, removed: 1, reworded: 1 })]);
    expect(withDraft.documents.map((d) => d.role)).toEqual(["plan", "draft"]);
    expect(audit({ plan, responses: [], advice: [] }, ruleSet, { toolVersion: "1" }).changes).toBeUndefined();
  });
});
