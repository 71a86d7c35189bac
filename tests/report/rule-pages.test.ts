// Every rule has a page: `ehcp-qa rules <id>` and the service's /rules/<id>, made from the rule's meta. The examples on
// a page are run through the rule tester's kernel (runRuleCase), so a page can never say a rule passes or fails
// wording that it does not.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRuleShow } from "../../src/cli/commands/rules.ts";
import type { Io } from "../../src/cli/problems.ts";
import { loadRuleSet } from "../../src/index.ts";
import { createAuditPool, type AuditPool } from "../../src/runtime/index.ts";
import { formatHtml } from "../../src/report/formatters/html.ts";
import { findRule, rulePage, rulePageHtml, rulePageText } from "../../src/report/rule-page.ts";
import { builtinRegistry } from "../../src/rules/registry.ts";
import type { RuleExample, RuleModule } from "../../src/rules/types.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { runRuleCase } from "../../src/testing/rule-tester.ts";
import { sampleFile, testApp } from "../server/helpers.ts";

const rules = [...builtinRegistry().values()];
const captureIo = (): Io & { out: string; err: string } => {
  const io = { out: "", err: "", stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
};

/** The example's words alone in their section of a small plan about an invented child, through the rule. */
function runExample(rule: RuleModule, example: RuleExample) {
  const doc = planBuilder({ childName: "Tam Oduya", firstName: "Tam", lastName: "Oduya", dateOfBirth: "2016-03-14" }).section(example.section!).paragraph(example.text).build();
  return runRuleCase(rule, { name: example.text, doc });
}

const overlaps = (excerpt: string, text: string): boolean => excerpt !== "" && (text.includes(excerpt) || excerpt.includes(text));

describe("every built-in rule's page has", () => {
  for (const rule of rules) {
    it(`${rule.meta.id}: why it matters, and what passes and what fails`, () => {
      expect(rule.meta.rationale ?? "").not.toBe("");
      expect(rule.meta.examples?.pass.length ?? 0).toBeGreaterThan(0);
      expect(rule.meta.examples?.fail.length ?? 0).toBeGreaterThan(0);
      for (const example of [...rule.meta.examples!.pass, ...rule.meta.examples!.fail]) expect(example.text.trim()).not.toBe("");
    });
  }
});

describe("examples on a rule's page do what they say", () => {
  for (const rule of rules) {
    for (const example of rule.meta.examples?.pass.filter((e) => e.section) ?? []) {
      it(`${rule.meta.id} passes: ${example.text}`, () => {
        const check = runExample(rule, example);
        expect(check.findings.filter((f) => overlaps(f.excerpt, example.text) || (f.excerpt === "" && f.severity === "error")).map((f) => f.message)).toEqual([]);
      });
    }
    for (const example of rule.meta.examples?.fail.filter((e) => e.section) ?? []) {
      it(`${rule.meta.id} fails: ${example.text}`, () => {
        const check = runExample(rule, example);
        // A finding on these words, or (for a rule that judges the section whole) on the section they are alone in.
        expect(check.findings.filter((f) => overlaps(f.excerpt, example.text) || (f.excerpt === "" && f.section === example.section)).length).toBeGreaterThan(0);
      });
    }
  }
});

describe("ehcp-qa rules <id>", () => {
  it("prints what the rule checks, why, its source, examples and options with defaults", async () => {
    const io = captureIo();
    expect(await runRuleShow("provision-specificity", {}, io)).toBe(0);
    expect(io.out).toMatch(/^provision-specificity: /);
    for (const part of ["What it checks:", "Why:", "Source: ", "Passes:", "Fails:", "Options", "vagueStatementsToFail (number)", "default: 2"]) expect(io.out).toContain(part);
  });

  it("names the nearest id for a misspelt one", async () => {
    const io = captureIo();
    expect(await runRuleShow("provison-specificity", {}, io)).toBe(2);
    expect(io.err).toContain('did you mean "provision-specificity"?');
    expect(io.out).toBe("");
  });

  it("shows a rule set's own settings for the rule", async () => {
    const strict = await loadRuleSet("strict");
    const found = findRule(strict, "provision-specificity");
    if (!("rule" in found)) throw new Error(found.message);
    expect(rulePageText(rulePage(found.rule, strict))).toContain(`In the rule set strict ${strict.version}:`);
  });
});

describe("the rule pages' HTML", () => {
  it("escapes and lays out a page", async () => {
    const ruleSet = await loadRuleSet("default");
    const found = findRule(ruleSet, "outcomes-smart");
    if (!("rule" in found)) throw new Error(found.message);
    const html = rulePageHtml(rulePage(found.rule, ruleSet), { rules: "/rules", home: "/" });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<h2>Passes</h2>");
    expect(html).not.toMatch(/<script/);
  });
});

describe("GET /rules and /rules/<id>", () => {
  let pool: AuditPool;
  beforeAll(() => {
    pool = createAuditPool({ processes: 1, spareProcesses: 0 });
  });
  afterAll(() => pool.close());

  it("serves each rule's page, the list of rules, and a 404 naming the nearest id", async () => {
    const { app } = testApp({ pool });
    const page = await request(app).get("/rules/therapy-placement");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.text).toContain("Therapy that educates or trains is in Section F");
    expect(page.text).toContain("<h2>Fails</h2>");

    const list = await request(app).get("/rules");
    for (const rule of rules) expect(list.text).toContain(`href="/rules/${rule.meta.id}"`);

    const typo = await request(app).get("/rules/therapy-placment");
    expect(typo.status).toBe(404);
    expect(typo.text).toContain("did you mean &quot;therapy-placement&quot;?");
    expect(typo.text).toContain('href="/rules/therapy-placement"');

    const strict = await request(app).get("/rules/therapy-placement?ruleset=strict");
    expect(strict.text).toContain("In the rule set strict");
    expect((await request(app).get("/rules/therapy-placement?ruleset=nonesuch")).status).toBe(404);
  });

  it("links each finding of the service's HTML report to its rule's page", async () => {
    const { app } = testApp({ pool });
    const html = await request(app).post("/api/audits?format=html").attach("plan", sampleFile("plan-kai-robinson.docx"), "kai.docx");
    expect(html.status).toBe(200);
    const links = [...html.text.matchAll(/<p class="where">[^\n]*?<a href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rules\/[a-z0-9-]+$/);
  }, 60_000);
});

describe("the HTML report without a service", () => {
  it("names each finding's rule id, for ehcp-qa rules <id>", async () => {
    const ruleSet = await loadRuleSet("default");
    const doc = planBuilder({ childName: "Tam Oduya" })
      .section("A")
      .paragraph("I like drawing dragons.")
      .section("B")
      .paragraph("Tam finds it hard to follow spoken instructions.")
      .section("F")
      .paragraph("Tam will have access to speech and language therapy as appropriate.")
      .build();
    const { audit } = await import("../../src/index.ts");
    const report = audit({ plan: doc, responses: [], advice: [] }, ruleSet, { generatedAt: new Date("2026-06-01T09:00:00Z") });
    expect(formatHtml(report)).toContain("rule <code>provision-specificity</code>");
    expect(formatHtml(report, { ruleHref: (id) => `https://qa.example/rules/${id}` })).toContain('href="https://qa.example/rules/provision-specificity"');
  });
});
