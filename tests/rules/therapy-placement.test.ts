import { describe, expect, it } from "vitest";
import defaultRuleSet from "../../rules/default.json" with { type: "json" };
import rule from "../../src/rules/builtin/therapy-placement.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

const plan = () => planBuilder({ childName: "Ava Brown" });

ruleTester(rule).run({
  valid: [
    {
      name: "speech and language therapy in F as well as G",
      doc: plan()
        .section("F")
        .paragraph("A qualified speech and language therapist will deliver therapy, 30 minutes weekly, 1:1.")
        .section("G")
        .paragraph("The speech and language therapist will review Ava's eating and drinking plan each term.")
        .build(),
      note: "1 of 1 therapies",
      score: 1,
    },
    {
      name: "health-only care in G (equipment, clinic appointments) is not educational therapy",
      doc: plan()
        .section("F")
        .paragraph("Phonics with the class teacher, 20 minutes daily, 1:1.")
        .section("G")
        .paragraph("The physiotherapist will review Ava's wheelchair and splints each term.")
        .build(),
      status: "not-applicable",
      note: "Section G does not set out",
    },
    {
      name: "a G that names no therapy is not applicable",
      doc: plan().section("G").paragraph("Ava's asthma will be managed by her GP.").build(),
      status: "not-applicable",
    },
    {
      name: "no Section G is not applicable",
      doc: plan().section("F").paragraph("Speech and language therapy, 30 minutes weekly.").build(),
      status: "not-applicable",
      note: "no Section G",
    },
    {
      name: "an acronym in F counts (SaLT)",
      doc: plan().section("F").listItem("SaLT programme delivered by a trained teaching assistant, 15 minutes daily.").section("G").listItem("Speech and language therapy, 6 sessions per term, from the NHS speech and language therapist.").build(),
    },
  ],
  invalid: [
    {
      name: "speech and language therapy only in G",
      doc: plan()
        .section("F")
        .paragraph("Phonics with the class teacher, 20 minutes daily, 1:1.")
        .section("G")
        .paragraph("Ava has asthma. Ava will receive speech and language therapy from an NHS speech and language therapist, 6 sessions per term.")
        .build(),
      findings: [
        {
          messageId: "onlyInG",
          section: "G",
          excerpt: "Ava will receive speech and language therapy from an NHS speech and language therapist, 6 sessions per term.",
          message: "Speech and language therapy is set out in Section G but not in Section F. Therapy that educates or trains Ava is special educational provision",
          suggestion: "Write the speech and language therapy into Section F",
        },
      ],
      score: 0,
    },
    {
      name: "occupational therapy and physiotherapy only in G, one finding each",
      doc: plan()
        .section("F")
        .paragraph("Speech and language therapy, 30 minutes weekly, from a qualified speech and language therapist.")
        .section("G")
        .list([
          "Speech and language therapist to review progress annually.",
          "A fine motor programme set by the occupational therapist, practised daily.",
          "Physiotherapy exercises for core strength, 3 times a week, by a trained teaching assistant.",
        ])
        .build(),
      findings: [
        { excerpt: "A fine motor programme set by the occupational therapist", message: "Occupational therapy" },
        { excerpt: "Physiotherapy exercises for core strength", message: "Physiotherapy" },
      ],
      score: 1 / 3,
      note: "1 of 3 therapies",
    },
  ],
});

describe("rules/default.json", () => {
  it("carries this rule's options, mirrored by its defaultOptions", () => {
    const entry = (defaultRuleSet.rules as Record<string, { options?: unknown }>)[rule.meta.id];
    expect(entry?.options).toEqual(rule.meta.defaultOptions);
  });
});
