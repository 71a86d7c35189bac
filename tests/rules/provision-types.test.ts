// Provision judged by its type (CoP 9.69): each type asked what it must say, hedges read in context, number words
// read as numbers, labelled fields judged as one statement, and statements that a need is absent left alone.
// Every statement here is invented for these tests.
import { describe, expect, it } from "vitest";
import { analyseProvision, judgeSpecificity, type ProvisionType, type SpecificityLevel } from "../../src/rules/text/provision-slots.ts";
import { splitStatements } from "../../src/rules/text/statements.ts";
import { findProvisionStatements } from "../../src/rules/text/provision-statements.ts";
import { saysAbsent } from "../../src/rules/text/negation.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";

const judge = (text: string, childName = "Noor") => {
  const analysis = analyseProvision(text, { childName });
  return { analysis, judgement: judgeSpecificity(analysis) };
};

interface TypedCase {
  text: string;
  type: ProvisionType;
  level: SpecificityLevel;
}

describe("each type of provision is asked what its type needs", () => {
  const cases: TypedCase[] = [
    // Sessions: what, who, how often, how long, group size.
    { text: "A dyslexia-trained teaching assistant will run a structured spelling programme with Noor, 25 minutes, four times a week, 1:1.", type: "session", level: "specific" },
    { text: "Noor will have drama therapy sessions.", type: "session", level: "vague" },
    { text: "Noor will join a phonics catch-up group with two other pupils, run by the class teacher.", type: "session", level: "incomplete" },
    // Adult support: role and amount.
    { text: "Noor will have a teaching assistant for 20 hours a week to help her record her work and move between lessons.", type: "staffing", level: "specific" },
    { text: "Support from an adult with toileting and changing.", type: "staffing", level: "vague" },
    // Strategies used all day: what and when, no session count.
    { text: "Every adult who teaches Noor will give spoken instructions one step at a time, in every lesson.", type: "strategy", level: "specific" },
    { text: "A now-and-next card is shown to Noor at every transition by the adult working with her.", type: "strategy", level: "specific" },
    // Equipment: what exactly; no frequency needed.
    { text: "A height-adjustable desk and a wobble cushion, provided and maintained by the school.", type: "equipment", level: "specific" },
    // Training and events: who, and when or how often.
    { text: "The sensory support service will train every member of staff who teaches Noor in using her radio aid, in the first week of the autumn term.", type: "event", level: "specific" },
    { text: "An annual hearing review by the audiologist at the children's hearing clinic.", type: "event", level: "specific" },
  ];
  it.each(cases)("$type, $level: $text", ({ text, type, level }) => {
    const { analysis, judgement } = judge(text);
    expect(judgement.type, JSON.stringify(analysis)).toBe(type);
    expect(judgement.level, JSON.stringify({ ...analysis, judgement })).toBe(level);
  });
});

describe("numbers and frequencies written as words", () => {
  it.each([
    ["A speech and language therapist sees Noor individually for forty minutes, fortnightly.", "fortnightly"],
    ["Noor will meet her mentor each morning for ten minutes to plan her day.", "each morning"],
    ["A termly review of Noor's hearing aids by the audiologist.", "termly"],
    ["The educational psychologist will visit once a year to advise the class team.", "once a year"],
    ["Four visits of half a day across the year from the outreach teacher.", "a day"],
    ["The specialist teacher will see Noor every half-term to check her reading programme.", "every half-term"],
  ])("%s", (text, frequency) => {
    const { analysis, judgement } = judge(text);
    expect(analysis.frequency ?? "", JSON.stringify(analysis)).toContain(frequency);
    expect(judgement.missing).not.toContain("frequency");
    expect(judgement.level).not.toBe("vague");
  });

  it("reads a group size in words", () => {
    const { analysis } = judge("Noor will be taught reading comprehension by the class teacher with two other pupils, 30 minutes, three times a week.");
    expect(analysis.groupSize ?? "").toContain("two other pupils");
  });
});

describe("hedges bind the provider's commitment, whatever else the statement says", () => {
  it.each([
    ["Up to 3 sessions a week of occupational therapy, 30 minutes each, from an occupational therapist.", "up to"],
    ["Phonics with the class teacher, 20 minutes, 2–3 times a week.", "2–3 times"],
    ["Phonics with the class teacher, 20 minutes daily, where possible.", "where possible"],
    ["A quiet space with a teaching assistant as needed.", "as needed"],
    ["Movement breaks if appropriate, led by the class teacher.", "if appropriate"],
    ["Noor will have access to a laptop.", "access to"],
    ["Opportunities to practise number bonds with a teaching assistant.", "Opportunities to"],
    ["Short breaks may be offered to the family.", "may"],
    ["Noor could attend a social skills group.", "could"],
    ["Regular check-ins with the SENCo.", "Regular"],
    ["Ongoing support from the outreach team.", "Ongoing"],
    ["A reading programme as advised by the specialist teacher.", "as advised by"],
    ["Precision Teaching or equivalent, 10 minutes daily, with a teaching assistant.", "or equivalent"],
    ["A specialist keyboard is available for written work.", "is available"],
    ["Respite care at weekends, subject to eligibility.", "subject to"],
  ])("vague: %s", (text, phrase) => {
    const { analysis, judgement } = judge(text);
    expect(judgement.level, JSON.stringify(analysis)).toBe("vague");
    expect(analysis.vagueSignals.filter((signal) => signal.binding).map((signal) => signal.phrase.toLowerCase())).toContain(phrase.toLowerCase());
  });
});

describe("hedge words that describe the child, not the provider, are read in context", () => {
  it.each([
    // The child's permission and allowance.
    "When Noor feels overwhelmed she may go to the library quiet room for up to 10 minutes, with her teaching assistant keeping her in sight.",
    "Noor may leave the classroom for a rest of up to 5 minutes twice each morning, holding up her green exit card to the class teacher.",
    // The family's choice.
    "Her parents may come to the half-termly visit of the teacher of the deaf, who emails the family a summary of every visit within 5 working days.",
    // An instruction to staff.
    "Staff should give Noor written copies of instructions in every lesson.",
    // A requirement cited, not discretion.
    "A trained first-aider gives Noor her inhaler as required by her asthma care plan, at every PE lesson and break time.",
    // The month, not the modal.
    "The SENCo arranges two taster days at her new college, one in March and one in May 2027.",
    // A regular adult, not a regular frequency.
    "Her regular teaching assistant will go through the visual timetable with her at the start of every day.",
  ])("%s", (text) => {
    const { analysis, judgement } = judge(text);
    expect(judgement.level, JSON.stringify({ signals: analysis.vagueSignals, judgement })).not.toBe("vague");
  });
});

describe("labelled fields are one statement", () => {
  const fields = (rows: string[][]) =>
    splitStatements(
      planBuilder({ childName: "Noor Haddad" })
        .section("F")
        .table(["Provision", rows[0]?.[1] ?? ""], rows.slice(1))
        .build().sections[0]?.blocks ?? [],
    );

  it("judges 'Provision / Frequency / Provider' as one vague statement when the frequency is discretionary", () => {
    const statements = fields([
      ["Provision", "Speech and language therapy to develop Noor's narrative skills"],
      ["Frequency", "As needed"],
      ["Provider", "NHS speech and language therapy service"],
      ["Review", "At the annual review"],
    ]);
    expect(statements).toHaveLength(1);
    const judgement = judgeSpecificity(analyseProvision(statements[0]!, { childName: "Noor" }));
    expect(judgement.level).toBe("vague");
  });

  it("judges a fully stated set of fields as specific", () => {
    const statements = fields([
      ["Provision", "Narrative therapy using a story-grammar programme"],
      ["Frequency", "Twice a week"],
      ["Duration", "30 minutes"],
      ["Provider", "A qualified speech and language therapist"],
      ["Group size", "1:1"],
    ]);
    expect(statements).toHaveLength(1);
    const judgement = judgeSpecificity(analyseProvision(statements[0]!, { childName: "Noor" }));
    expect(judgement.level, JSON.stringify(judgement)).toBe("specific");
  });
});

describe("statements that a need or provision is absent", () => {
  it.each([
    "No identified needs in this area.",
    "She has no identified sensory or physical needs.",
    "There are no health needs related to his special educational needs.",
    "Noor does not need any social care provision.",
    "None.",
    "Not applicable.",
    "The social care assessment found no social care needs.",
  ])("%s", (text) => expect(saysAbsent(text)).toBe(true));

  it.each(["Noor needs help to organise her equipment.", "She has a hearing impairment and wears two hearing aids."])("not absent: %s", (text) =>
    expect(saysAbsent(text)).toBe(false),
  );

  it("'none' in G, H1 and H2 is not a provision statement to judge", () => {
    const doc = planBuilder({ childName: "Noor Haddad" })
      .section("G")
      .paragraph("There are no health needs requiring any health provision.")
      .section("H1")
      .paragraph("None.")
      .section("H2")
      .paragraph("Not applicable.")
      .build();
    expect(findProvisionStatements(doc, ["G", "H1", "H2"])).toEqual([]);
  });
});
