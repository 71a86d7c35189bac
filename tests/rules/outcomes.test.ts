import outcomesSmart from "../../src/rules/builtin/outcomes-smart.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

const facts = { childName: "Ava Thompson", status: "final" as const };
const withOutcomes = (items: string[]) => planBuilder(facts).section("E").list(items).build();

const smart = [
  "By July 2027, Ava will read 100 high-frequency words independently.",
  "By the end of Year 6, Ava will write three linked sentences with capital letters and full stops in 4 out of 5 pieces of work.",
  "Within 12 months, Ava will ask an adult for help using her symbol card on at least 3 occasions each day, without adult prompting.",
];

ruleTester(outcomesSmart).run({
  valid: [
    { name: "three SMART outcomes in a list", doc: withOutcomes(smart), note: "3 of 3 outcomes are SMART", score: 1 },
    {
      name: "SMART outcomes in a table with an Outcome column, intro sentence ignored",
      doc: planBuilder(facts)
        .section("E")
        .paragraph("These outcomes were agreed with Ava and her parents at the planning meeting.")
        .table(
          ["Area of need", "Outcome", "Short-term steps"],
          [
            ["Communication", smart[0]!, "Learn 10 new words each half term."],
            ["Literacy", smart[1]!, "Practise sentence writing daily."],
            ["Independence", "By the end of Key Stage 2, Ava will travel to school independently on the bus.", "Travel training."],
          ],
        )
        .build(),
    },
    {
      name: "measures that are counts: a grade, a number of foods, a rate",
      doc: withOutcomes([
        "By the end of Year 11, Ava will achieve grade 4 in English Language.",
        "By July 2027, Ava will try three new foods at lunchtime.",
        "By the end of Year 10, Ava will have one incident a week or fewer.",
      ]),
    },
    { name: "no Section E", doc: planBuilder(facts).section("A").paragraph("I like swimming.").build(), status: "not-applicable" },
  ],
  invalid: [
    {
      name: "the suggestion's example fits the outcome's subject, the child's pronouns and the plan's date",
      doc: planBuilder({ ...facts, planDate: "2026-05-19" })
        .section("E")
        .list([...smart, "Ava will make progress in maths.", "Ava will develop her social skills and make friends.", "Ava will manage her emotions."])
        .build(),
      findings: [
        { messageId: "notSmart", excerpt: "maths", suggestion: 'for example "By July 2027, Ava will add and subtract numbers to 20' },
        { messageId: "notSmart", excerpt: "social skills", suggestion: "will join a game with two classmates at playtime" },
        { messageId: "notSmart", excerpt: "emotions", suggestion: "her calm-down plan" },
      ],
    },
    {
      name: "vague aims and provision dressed as outcomes",
      doc: withOutcomes([...smart, "Ava will improve her reading.", "Ava will receive speech and language therapy by July 2027.", "Ava will be happy at school."]),
      findings: [
        { messageId: "notSmart", excerpt: "Ava will improve her reading", message: '"will improve" has no measure' },
        { messageId: "notSmart", excerpt: "will receive speech", message: "which is provision, not an outcome" },
        { messageId: "notSmart", excerpt: "will be happy", message: "does not say by when" },
      ],
      status: "fail",
      score: 0.5,
    },
    {
      name: "time-bound but not measurable",
      doc: withOutcomes([...smart.slice(0, 2), "By the end of Year 6, Ava will develop her social skills."]),
      findings: [{ excerpt: "develop her social skills", message: '"will develop" has no measure' }],
    },
    {
      name: "too few outcomes",
      doc: withOutcomes(smart.slice(0, 2)),
      findings: [{ messageId: "tooFew", severity: "warning", message: "2 outcome(s)" }],
      status: "warning",
    },
    {
      name: "an LA's lower maximum",
      doc: withOutcomes(smart),
      options: { maxOutcomes: 2 },
      findings: [{ messageId: "tooMany", message: "more than 2" }],
    },
    {
      name: "Section E with no outcomes at all",
      doc: planBuilder(facts).section("E").paragraph("See the annual review paperwork.").build(),
      findings: [{ messageId: "none" }],
    },
  ],
});

ruleTester(outcomesSmart).run({
  valid: [
    {
      name: "a lead-in sentence completed by list items",
      doc: planBuilder(facts)
        .section("E")
        .paragraph("By the end of Key Stage 2 Ava will:")
        .list(["read a book at her level aloud with 95% accuracy;", "follow a three-step instruction in class without adult prompting;", "tell an adult how she feels, using her feelings chart, every morning."])
        .build(),
      note: "3 of 3 outcomes are SMART",
    },
  ],
  invalid: [
    {
      name: "a lead-in whose items have no measure",
      doc: planBuilder(facts).section("E").paragraph("By July 2027 Ava will:").list(["be happier at school;", "improve her reading;", "read 50 common words independently."]).build(),
      findings: [{ excerpt: "be happier at school" }, { excerpt: "improve her reading", message: '"will improve"' }],
    },
  ],
});
