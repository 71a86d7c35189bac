import { describe, expect, it } from "vitest";
import { checkRuleMeta } from "../../src/rules/registry.ts";
import type { RuleModule } from "../../src/rules/types.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester, runRuleCase } from "../../src/testing/rule-tester.ts";

// A toy rule: flags every Section F paragraph containing one of `words`.
const toy: RuleModule<{ words: string[] }> = {
  meta: {
    id: "toy-words",
    category: "provision-specificity",
    title: "No toy words",
    description: "Flags toy words in Section F.",
    source: "Test fixture",
    defaultSeverity: "error",
    defaultWeight: 1,
    optionsSchema: {
      type: "object",
      properties: { words: { type: "array", items: { type: "string", minLength: 1 } } },
      required: ["words"],
      additionalProperties: false,
    },
    defaultOptions: { words: ["regular"] },
    messages: { found: '"{{word}}" is vague.' },
  },
  check(context) {
    const f = context.plan.sections.find((s) => s.id === "F");
    if (!f) return { notApplicable: "There is no Section F." };
    for (const block of f.blocks) {
      const word = context.options.words.find((w) => block.text.toLowerCase().includes(w));
      if (word) context.report({ messageId: "found", data: { word }, section: "F", excerpt: block.text, blockId: block.id, suggestion: "Say how often." });
    }
  },
};
const toyRule = toy as unknown as RuleModule;

const plan = (text: string) => planBuilder().section("F").paragraph(text).build();

ruleTester(toyRule).run({
  valid: [
    { name: "specific provision", doc: plan("30 minutes, 3 times a week.") },
    { name: "no Section F", doc: planBuilder().section("A").paragraph("I like trains.").build(), status: "not-applicable", note: "no Section F" },
  ],
  invalid: [
    {
      name: "default word",
      doc: plan("Regular support from a TA."),
      findings: [{ messageId: "found", section: "F", excerpt: "Regular support", message: '"regular" is vague', suggestion: "how often", severity: "error" }],
      status: "fail",
      score: 0,
    },
    {
      name: "words appended through options",
      doc: planBuilder().section("F").paragraph("Regular support.").paragraph("Access to a quiet room.").build(),
      options: { "words+": ["access to"] },
      severity: "warning",
      findings: [{ excerpt: "Regular" }, { excerpt: "Access to", severity: "warning" }],
      status: "warning",
    },
  ],
});

describe("rule tester internals", () => {
  it("refuses case options the rule's schema does not allow", () => {
    expect(() => runRuleCase(toyRule, { name: "bad", doc: plan("x"), options: { words: "regular" } })).toThrow(/options\/words expected a list/);
  });

  it("captures message ids and locations", () => {
    const check = runRuleCase(toyRule, { name: "x", doc: plan("regular") });
    expect(check.findings[0]).toMatchObject({ messageId: "found", location: { block: "b1", paragraph: 1 } });
  });

  it("reports every problem with an unsound meta", () => {
    const bad = {
      ...toyRule,
      meta: { ...toyRule.meta, id: "Toy_Words", category: "style", source: "", messages: {}, optionsSchema: { type: "object", properties: { words: { type: "array", minItem: 1 } } } },
    } as unknown as RuleModule;
    const problems = checkRuleMeta(bad);
    expect(problems).toEqual([
      expect.stringContaining("kebab-case"),
      expect.stringContaining("category"),
      expect.stringContaining("source"),
      expect.stringContaining("at least one message"),
      expect.stringContaining("not a valid JSON Schema"),
    ]);
  });

  it("reports defaultOptions that break the schema", () => {
    const bad = { ...toyRule, meta: { ...toyRule.meta, defaultOptions: { words: [""] } } } as RuleModule;
    expect(checkRuleMeta(bad)).toEqual([expect.stringContaining("defaultOptions/words/0")]);
  });
});
