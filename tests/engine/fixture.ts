// A small plan, a rule set with one code rule and the shipped declarative kinds, and the report they make.
import { parseRuleSet } from "../../src/config/loader.ts";
import type { LoadedRuleSet } from "../../src/config/rule-set.ts";
import type { AuditReport } from "../../src/model/report.ts";
import { audit } from "../../src/rules/engine.ts";
import { createRegistry } from "../../src/rules/registry.ts";
import type { AuditInputs, RuleModule } from "../../src/rules/types.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";

/** A critical code rule: Section I must be present. */
export const placementNamed: RuleModule = {
  meta: {
    id: "placement-named",
    category: "structure",
    title: "Placement is named",
    description: "Section I names the placement.",
    source: "SEND Regulations 2014, reg 12(1)(i)",
    defaultSeverity: "error",
    defaultWeight: 2,
    defaultCritical: true,
    optionsSchema: { type: "object", additionalProperties: false },
    defaultOptions: {},
    messages: { missing: "Section I does not name a school or setting." },
  },
  check(context) {
    if (!context.plan.sections.some((s) => s.id === "I")) context.report({ messageId: "missing", section: "I", excerpt: "", suggestion: "Name the school <and> its type." });
  },
};

export const registry = createRegistry([placementNamed]);

export const ruleSetData = {
  name: "fixture",
  version: "1.2.3",
  rules: {
    vague: {
      kind: "lexicon",
      category: "provision-specificity",
      title: "No vague provision",
      source: "SEND Code of Practice 9.69",
      severity: "error",
      scope: ["F"],
      options: { phrases: [{ phrase: "access to", suggestion: "Say how often & who." }] },
    },
    strengths: {
      kind: "occurrence",
      category: "child-voice",
      title: "Says what the child can do",
      source: "SEND Code of Practice 9.61",
      scope: ["A", "B"],
      options: { terms: { phrases: ["enjoys"] }, min: 1, what: "strengths" },
    },
    switched: { kind: "metric", category: "outcomes", title: "Off", source: "x", enabled: false, options: { measure: "words", min: 1000 } },
  },
};

export const loadFixtureRuleSet = (): Promise<LoadedRuleSet> => parseRuleSet(ruleSetData, { file: "fixture.json", registry });

export function fixturePlan() {
  return planBuilder({ childName: "Ava Test", status: "final" }, "pdf")
    .paragraph("Education, Health and Care Plan for Ava Test")
    .section("A", "Part A: All about me")
    .paragraph("I like <b>drawing</b> & \"trains\".")
    .section("F")
    .paragraph("Ava will have access to speech therapy.")
    .table(["Provision", "Frequency"], [["Access to a quiet room", "daily"]])
    .build();
}

export async function fixtureReport(inputs: Partial<AuditInputs> = {}): Promise<AuditReport> {
  const ruleSet = await loadFixtureRuleSet();
  return audit({ plan: fixturePlan(), responses: [], advice: [], ...inputs }, ruleSet, {
    toolVersion: "9.9.9",
    generatedAt: new Date("2025-09-01T10:30:00Z"),
  });
}
