import { describe, expect, it } from "vitest";
import defaultRuleSet from "../../rules/default.json" with { type: "json" };
import rule from "../../src/rules/builtin/provision-specificity.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

const plan = () => planBuilder({ childName: "Sam Taylor" });

ruleTester(rule).run({
  valid: [
    {
      name: "a fully specified statement",
      doc: plan()
        .section("F")
        .paragraph("A specialist literacy teacher will deliver a structured phonics programme, 30 minutes, 3 times a week, in a group of no more than 3 pupils.")
        .build(),
      score: 1,
      note: "1 of 1 provision statement is specific",
    },
    {
      name: "a vague word inside a fully specified statement ('access to' as part of a specified arrangement)",
      doc: plan().section("F").paragraph("Sam will have access to a quiet room every lunchtime, supervised by a named teaching assistant.").build(),
    },
    {
      name: "a specific statement spread over table cells (Provision | Frequency | Delivered by)",
      doc: plan()
        .section("F")
        .table(
          ["Provision", "Frequency", "Delivered by"],
          [
            ["Precision Teaching for reading, 10 minutes, 1:1", "Daily", "A teaching assistant trained in Precision Teaching"],
            ["Speech and language therapy, 30 minutes, individually", "3 times a week", "A qualified speech and language therapist"],
          ],
        )
        .build(),
      note: "2 of 2 provision statements are specific",
    },
    {
      name: "a provision spread over two sentences of a paragraph is judged whole",
      doc: plan()
        .section("F")
        .paragraph("Sam will have Lego therapy in a group of 3 pupils, 40 minutes twice weekly. This will be delivered by a teaching assistant trained in Lego-based therapy.")
        .build(),
      note: "1 of 1 provision statement is specific",
    },
    {
      name: "'small group' with a size",
      doc: plan().section("F").listItem("Sam will be taught maths by the class teacher in a small group of 4 pupils, 45 minutes every day.").build(),
    },
    {
      name: "'3 x 30 minutes weekly'",
      doc: plan().section("F").listItem("Direct speech and language therapy from a qualified speech and language therapist, 3 x 30 minutes weekly, 1:1.").build(),
    },
    {
      name: "lead-ins, sub-headings and descriptions of the child are not provision statements",
      doc: plan()
        .section("F")
        .paragraph("Communication and interaction")
        .paragraph("Sam finds it hard to follow spoken instructions.")
        .paragraph("To meet Sam's needs the following provision will be made:")
        .listItem("Lego therapy with a trained teaching assistant, 40 minutes twice weekly, in a group of 3.")
        .build(),
      note: "1 of 1",
    },
    {
      name: "sections outside the scope are not read",
      doc: plan().section("E").paragraph("Sam would benefit from regular support.").section("F").paragraph("Phonics with the class teacher, 20 minutes daily, 1:1.").build(),
    },
    {
      name: "the rule set can narrow the scope to F",
      doc: plan().section("F").paragraph("Phonics with the class teacher, 20 minutes daily, 1:1.").section("G").paragraph("Sam may benefit from physiotherapy.").build(),
      scope: ["F"],
    },
    {
      name: "no provision at all is not applicable, not a pass",
      doc: plan().section("A").paragraph("Sam loves trains.").build(),
      status: "not-applicable",
      note: "No provision statements were found",
    },
  ],
  invalid: [
    {
      name: "'access to ... as required': hedges bind whatever else the statement says",
      doc: plan().section("F").paragraph("Sam will have access to speech and language therapy as required.").build(),
      findings: [
        {
          messageId: "notSpecific",
          section: "F",
          excerpt: "Sam will have access to speech and language therapy as required.",
          message: "\"as required\" leaves it to staff to decide whether and when it happens",
          suggestion: "Delivered by: a qualified speech and language therapist. How often: [N] times a week",
          // One vague statement, alone, is a lapse to fix (a warning); two or more fail the check (see below).
          severity: "warning",
        },
      ],
      score: 0,
      note: "0 of 1 provision statement is specific enough to enforce",
    },
    {
      name: "two or more vague statements fail the check",
      doc: plan().section("F").list(["Sam will have access to speech and language therapy as required.", "Handwriting practice with an adult where possible."]).build(),
      status: "fail",
      findings: [{ severity: "error" }, { severity: "error", message: "\"where possible\" makes the provision conditional" }],
    },
    {
      name: "'would benefit from' is a recommendation, not provision",
      doc: plan().section("F").paragraph("Sam would benefit from a daily reading intervention with a trained teaching assistant, 20 minutes, 1:1.").build(),
      findings: [{ message: "\"would benefit from\" says what might help, not what will be provided", suggestion: "Remove \"would benefit from\"" }],
    },
    {
      name: "bare 'support' says nothing about what is provided",
      doc: plan().section("F").paragraph("Sam will receive support from a teaching assistant for 15 hours a week.").build(),
      findings: [{ message: "It does not say what will actually be provided", suggestion: "Provision: [exactly what" }],
    },
    {
      name: "a session that states none of who, how often, how long or group size",
      doc: plan().section("F").listItem("Small group phonics sessions to build Sam's reading.").build(),
      findings: [{ message: "Read as a teaching, intervention or therapy session, it says what, not who, how often, for how long or the group size", suggestion: "Group size: no more than [N] pupils" }],
    },
    {
      name: "adult support with no hours, ratio or role",
      doc: plan().section("F").listItem("Support from an adult with dressing and eating.").build(),
      findings: [{ message: "Read as adult support, it says what, not who or how much" }],
    },
    {
      name: "'small group' where the group size is missing",
      doc: plan().section("F").listItem("Sam will be taught phonics by a teaching assistant in a small group, 30 minutes daily.").build(),
      findings: [{ message: "not the group size", suggestion: "Group size: no more than [N] pupils" }],
    },
    {
      name: "a range: '20–45 minutes'",
      doc: plan().section("F").listItem("Social skills group led by the SENCo, 20–45 minutes weekly, with no more than 5 other pupils.").build(),
      findings: [{ message: "\"20–45 minutes\" is a range, not a set amount", suggestion: "How long: [N] minutes a session" }],
    },
    {
      name: "a range of frequency with 'where possible'",
      doc: plan().section("F").listItem("Spelling sessions with the class teacher, 20 minutes, 2–3 times a week where possible.").build(),
      findings: [{ message: "is a range, not a set amount" }],
    },
    {
      name: "'up to' a number of sessions caps the provision",
      doc: plan().section("G").paragraph("Sam will receive up to 3 sessions a week of physiotherapy, 30 minutes each, from a paediatric physiotherapist.").build(),
      findings: [{ section: "G", message: "\"up to\" sets only a limit, not an amount that will be provided" }],
    },
    {
      name: "labelled fields are one statement, judged whole",
      doc: plan()
        .section("F")
        .table(
          ["Provision", "Frequency", "Delivered by"],
          [
            ["Precision Teaching for reading, 10 minutes, 1:1", "Daily", "A teaching assistant trained in Precision Teaching"],
            ["Social skills group, 30 minutes, group of 4", "As needed", "Key adult"],
          ],
        )
        .build(),
      findings: [{ excerpt: "Social skills group, 30 minutes, group of 4 | As needed | Key adult", message: "\"As needed\" leaves it to staff" }],
      score: 0.5,
      note: "1 of 2 provision statements are specific enough to enforce",
    },
    {
      name: "one finding per vague statement, each with its own excerpt",
      doc: plan()
        .section("F")
        .paragraph("Sam will have regular speech and language therapy. Phonics with the class teacher, 20 minutes daily, 1:1.")
        .list(["Opportunities to develop his social skills.", "Interventions such as Toe by Toe, etc."])
        .build(),
      findings: [
        { excerpt: "Sam will have regular speech and language therapy.", message: "\"regular\" does not say how often", suggestion: "How often: [N] times a week" },
        { excerpt: "Opportunities to develop his social skills.", message: "\"Opportunities to\" offers a chance, not provision that will be made" },
        { excerpt: "Interventions such as Toe by Toe, etc.", message: "\"such as\" gives examples" },
      ],
      score: 0.25,
    },
    {
      name: "a statement enforceable as written but missing a detail of its type is an info note, not a flag",
      doc: plan().section("F").listItem("Sam will have Lego therapy with a trained teaching assistant in a group of three pupils.").build(),
      status: "pass",
      findings: [{ messageId: "incomplete", severity: "info", message: "it says what, who and the group size, not how often or for how long" }],
    },
    {
      name: "conditional provision is vague",
      doc: plan().section("G").listItem("The paediatrician will see Sam in clinic if his headaches continue.").build(),
      findings: [{ message: "\"if his headaches continue\"" }],
    },
    {
      name: "the rule set can lower the severity to a warning",
      doc: plan().section("H2").paragraph("Sam will have access to a short break service as appropriate.").build(),
      severity: "warning",
      status: "warning",
      findings: [{ section: "H2", severity: "warning" }],
    },
    {
      name: "the rule set can stop requiring a session length",
      doc: plan().section("F").paragraph("Handwriting practice with a teaching assistant, 3 times a week, individually. Sam will have access to speech and language therapy as required.").build(),
      options: { require: { who: true, frequency: true, durationForSessions: false, groupSizeForGroupWork: true } },
      findings: [{ message: "\"as required\"" }],
    },
    {
      name: "an LA can add its own vague phrases",
      doc: plan().section("F").paragraph("Phonics with the class teacher, 20 minutes daily, 1:1, at the discretion of the school.").build(),
      options: { "vagueLexicon+": [{ kind: "qualified-commitment", effect: "commitment", phrases: ["at the discretion of"] }] },
      findings: [{ message: "\"at the discretion of\" makes the provision conditional" }],
    },
  ],
});

describe("rules/default.json", () => {
  it("carries this rule's options, mirrored by its defaultOptions", () => {
    const entry = (defaultRuleSet.rules as Record<string, { options?: unknown }>)[rule.meta.id];
    expect(entry?.options).toEqual(rule.meta.defaultOptions);
  });
});
