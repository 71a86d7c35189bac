import aspirationsReflected from "../../src/rules/builtin/aspirations-reflected-in-outcomes.ts";
import childAspirations from "../../src/rules/builtin/child-aspirations.ts";
import childCommunication from "../../src/rules/builtin/child-communication.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

const sam = { childName: "Sam Taylor" };
const sectionA = (...paragraphs: string[]) => {
  const builder = planBuilder(sam).section("A");
  for (const text of paragraphs) builder.paragraph(text);
  return builder;
};

ruleTester(childAspirations).run({
  valid: [
    { name: "the child's own aspiration", doc: sectionA("I like trains. When I grow up I want to be a train driver.").build(), note: "When I grow up" },
    { name: "the parents' aspirations count too", doc: sectionA("Sam likes Lego.", "We would like him to make friends and go to college.").build() },
    {
      name: "lines under an aspirations heading",
      doc: planBuilder(sam).section("A").heading("My hopes and dreams").paragraph("Living near my nan and having a dog.").build(),
    },
    { name: "no Section A", doc: planBuilder(sam).section("B").paragraph("Sam finds reading hard.").build(), status: "not-applicable" },
  ],
  invalid: [
    {
      name: "nothing about the future",
      doc: sectionA("I like trains. I find it hard when the classroom is noisy.").build(),
      findings: [{ messageId: "missing", severity: "warning", section: "A", excerpt: "", message: "Sam's aspirations" }],
      status: "warning",
    },
    {
      name: "the suggestion uses the child's pronouns when the plan shows them",
      doc: sectionA("Sam likes trains and his favourite is the Flying Scotsman.").build(),
      findings: [{ messageId: "missing", suggestion: "Add Sam's hopes for the future in his own words" }],
    },
  ],
});

ruleTester(childCommunication).run({
  valid: [
    { name: "how to talk to the child", doc: sectionA("Please give me time to answer and use short sentences.").build() },
    { name: "a non-verbal child's communication", doc: sectionA("Ava communicates using PECS and Makaton signs.").build() },
    {
      name: "a 'How to communicate with me' sub-heading",
      doc: planBuilder(sam).section("A").heading("How to communicate with me").paragraph("Get down to my level first.").build(),
    },
  ],
  invalid: [
    {
      name: "nothing on communication",
      doc: sectionA("I like trains. When I grow up I want to be a train driver.").build(),
      findings: [{ messageId: "missing", severity: "warning", excerpt: "", message: "how to communicate with Sam" }],
    },
  ],
});

ruleTester(aspirationsReflected).run({
  valid: [
    {
      name: "a job aspiration and a work-experience outcome share a theme",
      doc: sectionA("When I leave school I want to get a job with animals.")
        .section("E")
        .list(["By July 2027, Sam will complete a one-week work experience placement and say what he enjoyed."])
        .build(),
      note: "1 of 1",
    },
    {
      name: "shared words (football) link an aspiration to an outcome",
      doc: sectionA("In the future I would like to play football for a team.")
        .section("E")
        .table(["Outcome", "By when"], [["Sam will join the lunchtime football club and take part in two matches a term", "July 2026"]])
        .build(),
    },
    {
      name: "a general aspiration cannot be judged",
      doc: sectionA("I want to be happy when I grow up.").section("E").paragraph("By July 2026 Sam will read 50 high-frequency words.").build(),
      status: "not-applicable",
      note: "too general",
    },
    { name: "no aspirations", doc: sectionA("I like trains.").section("E").paragraph("Sam will read.").build(), status: "not-applicable" },
    { name: "no outcomes", doc: sectionA("When I grow up I want to be a chef.").section("E").build(), status: "not-applicable" },
  ],
  invalid: [
    {
      name: "an aspiration no outcome reflects",
      doc: sectionA("When I grow up I want to live in my own flat.", "I would like to have more friends.")
        .section("E")
        .list(["By July 2026, Sam will read 100 high-frequency words accurately.", "By July 2026, Sam will join in a conversation with two peers at lunchtime."])
        .build(),
      findings: [{ messageId: "notReflected", severity: "warning", section: "A", excerpt: "When I grow up I want to live in my own flat." }],
      score: 0.5,
      note: "1 of 2",
    },
  ],
});
