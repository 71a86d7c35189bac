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
    {
      name: "no outcomes: the example outcome names this plan's child, not a sample child",
      doc: planBuilder({ childName: "Tam Oduya", status: "final" }).section("E").paragraph("See the annual review paperwork.").build(),
      findings: [{ messageId: "none", suggestion: "Tam will read" }],
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

// Time frames in words, in a "By when" column, in a column's title or in an introduction; outcomes spread over
// area-of-need parts; a single weak outcome among SMART ones is a warning, a plan of weak outcomes fails.
const noah = { childName: "Noah Ferris", status: "final" as const };
const timeFrames = [
  "by the end of Key Stage 2",
  "by the end of Year 6",
  "over the next academic year",
  "within 12 months",
  "by July 2026",
  "by the end of the spring term",
  "by the time he leaves primary school",
  "by his next annual review",
  "before Friday 6 March 2026",
];

ruleTester(outcomesSmart).run({
  valid: [
    ...timeFrames.map((frame) => ({
      name: `a time frame in words: "${frame}"`,
      doc: withOutcomesFor(noah, [
        `Noah will name 20 coins and notes correctly ${frame}.`,
        `Noah will spell 30 of the 40 Year 3 common words correctly in a dictation ${frame}.`,
        `Noah will swim 25 metres without a float ${frame}.`,
      ]),
      note: "3 of 3 outcomes are SMART",
    })),
    {
      name: "dates in a 'Review by' column, beside a reference column also titled as an outcome",
      doc: planBuilder(noah)
        .section("E")
        .table(
          ["Outcome no.", "Outcome", "Review by"],
          [
            ["1", "Noah will tie his own shoelaces in under two minutes on 4 mornings out of 5.", "14/11/2026"],
            ["2", "Noah will read 45 words a minute from a book at his level.", "End of Key Stage 2"],
            ["3", "Noah will tell a member of staff when he feels unwell, as logged in his diary, every time it happens.", "30.03.2027"],
          ],
        )
        .build(),
      note: "3 of 3 outcomes are SMART",
    },
    {
      name: "the time frame in the outcome column's title, the titles read from a table's first row (as PDFs give them)",
      doc: planBuilder(noah, "pdf")
        .section("E")
        .table(
          [],
          [
            ["Need", "Outcome by the end of Year 9", "Step for this year"],
            ["Literacy", "Noah will write a 200-word story with paragraphs in 3 of 4 pieces of work.", "Noah writes 100 words with full stops."],
            ["Independence", "Noah will make a hot drink safely on his own.", "Noah fills the kettle with help."],
            ["Social", "Noah will invite a classmate to play at break on 3 days out of 5.", "Noah joins a game when asked."],
          ],
        )
        .build(),
      note: "3 of 3 outcomes are SMART",
    },
    {
      name: "the time frame in an introduction to the outcomes",
      doc: planBuilder(noah)
        .section("E")
        .paragraph("These outcomes are for the end of Key Stage 3 (July 2028).")
        .list([
          "Noah will catch a ball thrown from 3 metres on 8 of 10 tries.",
          "Noah will explain his medical plan to a new teacher in his own words.",
          "Noah will order and pay for his lunch in the canteen without an adult.",
        ])
        .build(),
      note: "3 of 3 outcomes are SMART",
    },
  ],
  invalid: [
    {
      name: "one weak outcome among SMART ones is a warning, not a failure",
      doc: withOutcomesFor(noah, [
        "By July 2027, Noah will read 60 common words on sight.",
        "By July 2027, Noah will count forwards and back to 50 without a number line.",
        "By July 2027, Noah will put his coat and bag away on his own every morning.",
        "Noah will become more confident.",
      ]),
      status: "warning",
      findings: [{ messageId: "notSmart", severity: "warning", excerpt: "more confident" }],
    },
    {
      name: "a list number written into the text (as a PDF gives it) is not a measure",
      doc: planBuilder(noah, "pdf")
        .section("E")
        .paragraph("1. By July 2027, Noah will read 60 common words on sight.")
        .paragraph("2.[3.] By July 2027, Noah will count to 50 without a number line.")
        .paragraph("3.[4.] By July 2027, Noah will put his coat away on his own every morning.")
        .paragraph("4.[5.] By July 2027, Noah will be more independent.")
        .build(),
      findings: [{ messageId: "notSmart", severity: "warning", excerpt: "4.[5.] By July 2027, Noah will be more independent." }],
    },
    {
      name: "outcomes under an outcomes sub-heading of an area-of-need part (read as B), and a dateless 'Ongoing' row",
      doc: planBuilder(noah)
        .section("B", "2. Communication and interaction")
        .paragraph("Noah finds it hard to follow long instructions.")
        .heading("What Noah is working towards", 3)
        .list(["Noah will communicate better with his friends.", "Noah will understand instructions more easily."])
        .section("E")
        .table(["Ref", "Outcome", "Timescale"], [["1", "Noah will feel happier in class.", "Ongoing"]])
        .build(),
      findings: [
        { messageId: "notSmart", severity: "error", section: "B", excerpt: "communicate better", message: '"better" has no measure' },
        { messageId: "notSmart", severity: "error", section: "B", excerpt: "more easily" },
        { messageId: "notSmart", severity: "error", section: "E", excerpt: "feel happier", message: "does not say by when" },
      ],
      status: "fail",
    },
  ],
});

function withOutcomesFor(facts: { childName: string }, items: string[]) {
  return planBuilder(facts).section("E").list(items).build();
}
