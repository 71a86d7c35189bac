import childNameConsistent from "../../src/rules/builtin/child-name-consistent.ts";
import placeholderText from "../../src/rules/builtin/placeholder-text.ts";
import pronounsConsistent from "../../src/rules/builtin/pronouns-consistent.ts";
import repeatedParagraphs from "../../src/rules/builtin/repeated-paragraphs.ts";
import type { SectionId } from "../../src/model/document.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

const facts = { childName: "Oliver Bennett", status: "final" as const };
function plan(sections: Partial<Record<SectionId, string[]>>) {
  const builder = planBuilder(facts);
  for (const [id, paragraphs] of Object.entries(sections)) {
    builder.section(id as SectionId);
    for (const text of paragraphs ?? []) builder.paragraph(text);
  }
  return builder.build();
}

ruleTester(placeholderText).run({
  valid: [
    { name: "finished text", doc: plan({ F: ["A teaching assistant will deliver Precision Teaching for 10 minutes daily."] }) },
    { name: "brackets are not the only sign: round brackets are fine", doc: plan({ A: ["Oliver (aged 9) likes trains."] }) },
    { name: "a renumbered list item in brackets is not a placeholder", doc: plan({ E: ["1.[2.] By July 2027, Oliver will read 100 words."] }) },
    {
      name: "a draft's placement 'to be confirmed'",
      doc: planBuilder({ ...facts, status: "draft" }).section("I").paragraph("To be confirmed in the final plan.").build(),
    },
  ],
  invalid: [
    {
      name: "square-bracket prompt, mail-merge field and TBC",
      doc: plan({ A: ["«Child_Forename» enjoys football."], F: ["Speech and language therapy will start on [insert date], frequency TBC."] }),
      findings: [
        { section: "A", message: "«Child_Forename»", excerpt: "enjoys football" },
        { section: "F", message: "[insert date]" },
        { section: "F", message: '"TBC"' },
      ],
    },
    {
      name: "XXX and a Word content-control prompt",
      doc: plan({ K: ["Educational psychology advice, XXX, dated 3 March 2026.", "Click or tap here to enter text."] }),
      findings: [{ message: "XXX" }, { message: "Click or tap here to enter text" }],
    },
  ],
});

ruleTester(childNameConsistent).run({
  valid: [
    {
      name: "the child's own name and named adults",
      doc: plan({
        A: ["Oliver likes trains. Sarah (Mum) says Oliver sleeps well.", "Dr Emily Hart says Oliver's hearing is normal."],
        F: ["Oliver will have 30 minutes of Precision Teaching daily. Emily will review this each term."],
      }),
    },
    { name: "a school named after a saint, and a sibling", doc: plan({ A: ["We would like him to go to St Michael's with Alfie's sister. Oliver likes trains."] }) },
    { name: "capitalised subjects that are not names", doc: plan({ F: ["Maths will be taught in a group of 4. Reading is practised daily."] }) },
    { name: "no child's name in the plan", doc: planBuilder().section("A").paragraph("Jayden likes trains.").build(), status: "not-applicable" },
  ],
  invalid: [
    {
      name: "another child's name pasted in",
      doc: plan({ A: ["Oliver likes trains."], B: ["Jayden finds it hard to wait his turn. Jayden's reading age is 6."] }),
      findings: [{ messageId: "otherName", section: "B", message: '"Jayden"', excerpt: "Jayden finds it hard" }],
    },
  ],
});

// Another child's first name wherever the plan writes about its child, even right after a parent's name or title;
// the people the plan introduces (family, staff, friends), names in the child's own quotes and surnames are not flagged.
const ruby = { childName: "Ruby Castell", status: "final" as const };
ruleTester(childNameConsistent).run({
  valid: [
    {
      name: "family and staff introduced by role, title or surname, a name in the child's quote, the known-as name",
      doc: planBuilder(ruby)
        .outsideSections()
        .paragraph("Known as: Bee")
        .paragraph("Parents: Marta and Joel Castell")
        .section("A")
        .paragraph("Bee lives with her mum, Marta, and her brother Kacper. Marta says Bee sleeps badly before school days.")
        .paragraph("“Priya is my best friend and she sits with me.”")
        .section("F")
        .paragraph("Her teaching assistant, Mrs Nell Ambrose, will meet Bee at the gate every morning. Nell Ambrose holds a level 3 qualification.")
        .paragraph("Speech and language therapy from Tomasz Wren, Speech and Language Therapist, 30 minutes weekly.")
        .build(),
    },
    {
      name: "a friend named beside the child, then on their own",
      doc: planBuilder(ruby)
        .section("A")
        .paragraph("At break Ruby and Oona play on the climbing frame. Oona enjoys running games more than Ruby does.")
        .build(),
    },
  ],
  invalid: [
    {
      name: "a wrong first name right after a parent's title and role",
      doc: planBuilder(ruby)
        .section("A")
        .paragraph("Ruby enjoys gymnastics. Her mother says that Chloe comes home exhausted on Fridays.")
        .section("B")
        .paragraph("Mrs Castell reported that Chloe struggles to sleep after swimming.")
        .build(),
      findings: [{ messageId: "otherName", section: "A", message: '"Chloe"', excerpt: "Her mother says that Chloe comes home", suggestion: 'change "Chloe" to "Ruby"' }],
    },
  ],
});

ruleTester(pronounsConsistent).run({
  valid: [
    { name: "he throughout", doc: plan({ A: ["Oliver says he likes trains."], B: ["Oliver finds his handwriting tiring."] }) },
    { name: "a sentence also about his mum", doc: plan({ A: ["Oliver says he likes trains.", "Oliver's mum says she worries about mornings."] }) },
  ],
  invalid: [
    {
      name: "pronouns switch in Section F",
      doc: plan({ A: ["Oliver says he likes trains.", "Oliver enjoys his swimming lessons."], F: ["Oliver will use her visual timetable every morning."] }),
      findings: [{ messageId: "switched", section: "F", excerpt: "her visual timetable", message: '"her"' }],
    },
  ],
});

const long = "Oliver needs a calm, predictable environment with clear routines, visual supports and warning before any change to his day.";
ruleTester(repeatedParagraphs).run({
  valid: [{ name: "each paragraph once", doc: plan({ B: [long], F: ["A different paragraph about provision that is long enough to count here for the rule."] }) }],
  invalid: [
    {
      name: "same paragraph in B and F",
      doc: plan({ B: [long], F: [long.replace("Oliver", "Oliver ")] }),
      findings: [{ messageId: "repeated", section: "B", message: "2 times, word for word (Section B, Section F)" }],
      status: "warning",
    },
  ],
});

import dateOfBirthConsistent from "../../src/rules/builtin/date-of-birth-consistent.ts";

ruleTester(dateOfBirthConsistent).run({
  valid: [
    {
      name: "the same date written two ways",
      doc: planBuilder({ ...facts, dateOfBirth: "2015-03-12" }).outsideSections().paragraph("Date of birth: 12 March 2015").section("K").paragraph("Report on Oliver Bennett, DOB 12/03/2015.").build(),
    },
    { name: "no date of birth anywhere", doc: plan({ A: ["Oliver likes trains."] }), status: "not-applicable" },
  ],
  invalid: [
    {
      name: "a different date of birth in Section K",
      doc: planBuilder({ ...facts, dateOfBirth: "2015-03-12" }).section("K").paragraph("Educational psychology advice for Oliver Bennett (DOB: 21/07/2014), 3 March 2026.").build(),
      findings: [{ messageId: "differs", section: "K", message: "21/07/2014", excerpt: "Educational psychology advice" }],
    },
    {
      name: "two dates of birth and none on the front page",
      doc: planBuilder(facts).outsideSections().paragraph("Date of birth: 12 March 2015").section("B").paragraph("Oliver (date of birth 12 March 2014) has autism.").build(),
      findings: [{ messageId: "conflicting", section: "B", message: "12 March 2015, 12 March 2014" }],
    },
  ],
});
