// Statement-level cases for the slot analysis and the whole-statement judgement, in the wording EHC plans use.
import { describe, expect, it } from "vitest";
import {
  analyseProvision,
  judgeSpecificity,
  minutesOf,
  timesPerWeek,
  type ProvisionAnalysis,
  type SlotName,
} from "../../src/rules/text/provision-slots.ts";
import { classifyColumn, splitStatements } from "../../src/rules/text/statements.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";

interface SlotCase {
  text: string;
  specific: boolean;
  /** Substrings each named slot must contain. */
  slots?: Partial<Record<Exclude<SlotName, never>, string>>;
  /** Slots that must be reported missing. */
  missing?: SlotName[];
  /** Vague phrases (lower case) that must be reported. */
  vague?: string[];
}

const SPECIFIC: SlotCase[] = [
  {
    text: "A specialist literacy teacher will deliver a structured phonics programme, 30 minutes, 3 times a week, in a group of no more than 3 pupils.",
    specific: true,
    slots: { who: "specialist literacy teacher", duration: "30 minutes", frequency: "3 times a week", groupSize: "no more than 3", what: "structured phonics programme" },
  },
  {
    text: "Sam will have access to a quiet room every lunchtime, supervised by a named teaching assistant.",
    specific: true,
    slots: { frequency: "every lunchtime", who: "named teaching assistant", what: "quiet room" },
    vague: ["access to"],
  },
  { text: "A quiet room is available to him at lunchtime every day, supervised by a named teaching assistant.", specific: true, slots: { frequency: "every day" } },
  {
    text: "Precision Teaching for reading, 10 minutes daily, 1:1 with a teaching assistant trained in Precision Teaching.",
    specific: true,
    slots: { who: "trained in Precision Teaching", duration: "10 minutes", frequency: "daily", groupSize: "1:1" },
  },
  {
    text: "Direct speech and language therapy from a qualified speech and language therapist, 3 x 30 minutes weekly, individually.",
    specific: true,
    slots: { who: "qualified speech and language therapist", frequency: "3 x 30 minutes weekly", duration: "30 minutes", groupSize: "individually" },
  },
  { text: "The class teacher will use a visual timetable with Ava throughout the school day.", specific: true, slots: { frequency: "throughout the school day", who: "class teacher" } },
  {
    text: "Fine motor programme devised by the occupational therapist and delivered by a teaching assistant, 20 minutes, 4 times a week, individually.",
    specific: true,
    slots: { frequency: "4 times a week", duration: "20 minutes" },
  },
  { text: "Sam will be taught maths in a small group of 4 pupils by the class teacher every day for 45 minutes.", specific: true, slots: { groupSize: "small group of 4" } },
  { text: "ELSA sessions with a trained ELSA, 30 minutes once a week, 1:1.", specific: true, slots: { who: "trained ELSA", frequency: "once a week" } },
  {
    text: "Leo will receive Lego therapy in a group of 3 pupils, led by a teaching assistant trained in Lego-based therapy, for 40 minutes twice weekly.",
    specific: true,
    slots: { frequency: "twice weekly", duration: "40 minutes", groupSize: "group of 3" },
  },
  { text: "A specialist teacher of the deaf will visit school once each half term to advise staff and check Mia's radio aid.", specific: true, slots: { who: "teacher of the deaf", frequency: "once each half term" } },
  { text: "The SENCo will meet Mia's parents each term to review this provision.", specific: true, slots: { who: "SENCo", frequency: "each term" } },
  { text: "Zones of Regulation will be taught by the class teacher to the whole class for 30 minutes every Monday.", specific: true, slots: { frequency: "every Monday", groupSize: "whole class" } },
  { text: "Jamal will have 1:1 reading with a trained teaching assistant for 20 minutes, five times a week.", specific: true, slots: { frequency: "five times a week" } },
  { text: "A movement break of 5 minutes will be given every hour by the class teacher.", specific: true, slots: { duration: "5 minutes" } },
  { text: "Occupational therapy programme for handwriting, delivered by a teaching assistant trained by the occupational therapist, 15 minutes daily, individually.", specific: true },
  { text: "Numicon maths intervention, 3 x 20 minutes per week, in a group of up to 4 children, delivered by a higher level teaching assistant.", specific: true, slots: { groupSize: "up to 4 children" } },
  { text: "Mrs Patel, the school's ELSA, will meet Ruby for a 30-minute emotional literacy session each Friday, 1:1.", specific: true, slots: { who: "Mrs Patel", frequency: "each Friday" } },
  { text: "An educational psychologist will observe Oscar in class and consult with staff once per term for one hour.", specific: true, slots: { frequency: "once per term", duration: "one hour" } },
  { text: "Kai will attend a social communication group run by the speech and language therapy assistant, 45 minutes fortnightly, with no more than 4 other pupils.", specific: true, slots: { frequency: "fortnightly", groupSize: "no more than 4" } },
  { text: "A qualified teacher of the visually impaired will provide mobility training for 1 hour every week, individually.", specific: true },
  { text: "Toe by Toe reading programme with a named teaching assistant, 15 minutes each morning, 1:1.", specific: true, slots: { frequency: "each morning" } },
];

const VAGUE: SlotCase[] = [
  { text: "Sam will have access to speech and language therapy as required.", specific: false, missing: ["frequency", "who"], vague: ["access to", "as required"] },
  { text: "Sam would benefit from small group work to develop his social skills.", specific: false, vague: ["would benefit from", "small group"], missing: ["groupSize"] },
  { text: "Sam will receive support from a teaching assistant for 15 hours a week.", specific: false, missing: ["what"], vague: ["support"] },
  { text: "Sam will take part in a social skills group, 20–45 minutes weekly, led by the SENCo.", specific: false, vague: ["20–45 minutes"] },
  { text: "Sam will receive up to 3 sessions a week of 1:1 tuition with a specialist teacher, 45 minutes each.", specific: false, vague: ["up to"] },
  { text: "Regular check-ins with a key adult.", specific: false, missing: ["who", "frequency"], vague: ["regular", "key adult"] },
  { text: "Interventions such as Toe by Toe and Nessy, etc.", specific: false, vague: ["such as", "etc."] },
  { text: "Sam should have movement breaks.", specific: false, vague: ["should"] },
  { text: "Sam will be taught in a small group for maths.", specific: false, missing: ["groupSize"], vague: ["small group"] },
  { text: "Opportunities to develop his social skills through small group work.", specific: false, vague: ["opportunities to", "small group"] },
  { text: "Ava will receive regular speech and language therapy input.", specific: false, missing: ["frequency", "who"], vague: ["regular"] },
  { text: "It is recommended that Ava has a daily reading intervention with a trained adult.", specific: false, vague: ["it is recommended"] },
  { text: "Support from a teaching assistant in lessons.", specific: false, missing: ["frequency"] },
  { text: "Occupational therapy input as appropriate.", specific: false, vague: ["as appropriate"] },
  { text: "Access to a sensory room when necessary.", specific: false, vague: ["access to", "when necessary"] },
  { text: "Ben will have 1:1 support from a teaching assistant where possible.", specific: false, vague: ["where possible"] },
  { text: "Speech and language therapy 2-3 times a week, delivered by a qualified speech and language therapist, 30 minutes, individually.", specific: false, vague: ["2-3 times"] },
  { text: "Daily literacy interventions.", specific: false, missing: ["who"] },
  { text: "Ongoing monitoring of his progress by school staff.", specific: false, missing: ["frequency"], vague: ["ongoing"] },
  { text: "Ruby may benefit from a mentor.", specific: false, vague: ["may benefit from"] },
  { text: "A key adult will meet Ruby at the start of each day.", specific: false, missing: ["who"], vague: ["key adult"] },
  { text: "A programme of speech and language therapy, subject to review.", specific: false, vague: ["subject to"] },
  { text: "Emotional literacy sessions with the ELSA, up to 30 minutes weekly, 1:1.", specific: false, vague: ["up to"] },
  { text: "Social skills group with a teaching assistant, 30 minutes weekly.", specific: false, missing: ["groupSize"] },
  { text: "Handwriting practice with a teaching assistant, 3 times a week, individually.", specific: false, missing: ["duration"] },
  { text: "Visual supports e.g. a now-and-next board will be used by staff throughout the day.", specific: false, vague: ["e.g."] },
  { text: "Physiotherapy exercises could be carried out by a teaching assistant each day for 15 minutes.", specific: false, vague: ["could"] },
];

function summary(analysis: ProvisionAnalysis): string {
  const { what, who, duration, frequency, groupSize, vagueSignals } = analysis;
  return JSON.stringify({ what, who, duration, frequency, groupSize, vague: vagueSignals.map((signal) => signal.phrase) });
}

describe("analyseProvision and judgeSpecificity on single statements", () => {
  for (const testCase of [...SPECIFIC, ...VAGUE]) {
    it(`${testCase.specific ? "specific" : "vague"}: ${testCase.text}`, () => {
      const analysis = analyseProvision(testCase.text, { childName: "Sam" });
      const judgement = judgeSpecificity(analysis);
      expect(judgement.specific, summary(analysis)).toBe(testCase.specific);
      for (const [slot, part] of Object.entries(testCase.slots ?? {})) {
        expect(analysis[slot as SlotName] ?? "", `slot ${slot}: ${summary(analysis)}`).toContain(part);
      }
      // A slot is "missing" whether it is absent or undone by vague wording ("regular" instead of a frequency).
      const open = [...judgement.missing, ...judgement.undone.map((entry) => entry.slot)];
      for (const slot of testCase.missing ?? []) expect(open, summary(analysis)).toContain(slot);
      const phrases = analysis.vagueSignals.map((signal) => signal.phrase.toLowerCase());
      for (const phrase of testCase.vague ?? []) expect(phrases, summary(analysis)).toContain(phrase);
    });
  }
});

describe("slots read from table cells", () => {
  const cells = (row: string[], header: string[]) => row.map((text, i) => ({ header: header[i] ?? "", roles: classifyColumn(header[i] ?? ""), text }));

  it("reads a row spread over Provision | Frequency | Delivered by as one specific statement", () => {
    const header = ["Provision", "Frequency", "Delivered by"];
    const row = ["Precision Teaching for reading, 10 minutes, 1:1", "Daily", "Teaching assistant trained in Precision Teaching"];
    const analysis = analyseProvision({ text: row.join(" | "), cells: cells(row, header) });
    expect(judgeSpecificity(analysis).specific, summary(analysis)).toBe(true);
    expect(analysis.frequency).toBe("Daily");
    expect(analysis.who).toContain("Teaching assistant trained in Precision Teaching");
  });

  it("ignores vague words in the need and outcome columns", () => {
    const header = ["Area of need", "Provision", "Frequency and duration", "Staffing", "Outcome"];
    const row = ["Reading: would benefit from regular practice", "Read Write Inc phonics", "30 minutes, 4 times a week", "A trained teaching assistant, 1:1", "By July 2026 Sam will read 50 common exception words"];
    const analysis = analyseProvision({ text: row.join(" | "), cells: cells(row, header) });
    expect(analysis.vagueSignals, summary(analysis)).toEqual([]);
    expect(judgeSpecificity(analysis).specific, summary(analysis)).toBe(true);
  });

  it("flags a row whose frequency cell says 'as required'", () => {
    const header = ["Provision", "How often", "Who"];
    const row = ["Speech and language therapy", "As required", "Speech and language therapist"];
    const analysis = analyseProvision({ text: row.join(" | "), cells: cells(row, header) });
    const judgement = judgeSpecificity(analysis);
    expect(judgement.specific).toBe(false);
    expect(judgement.missing).toContain("frequency");
    expect(judgement.missing).not.toContain("who");
  });
});

describe("normalised amounts for comparing advice with the plan", () => {
  it("reads sessions a week and minutes a session", () => {
    expect(timesPerWeek("3 times a week")).toBe(3);
    expect(timesPerWeek("twice weekly")).toBe(2);
    expect(timesPerWeek("daily")).toBe(5);
    expect(timesPerWeek("fortnightly")).toBe(0.5);
    expect(timesPerWeek("three times a week")).toBe(3);
    expect(minutesOf("30 minutes")).toBe(30);
    expect(minutesOf("an hour")).toBe(60);
    expect(minutesOf("half an hour")).toBe(30);
    expect(minutesOf("1.5 hours")).toBe(90);
    expect(minutesOf("forty-five minutes")).toBe(45);
  });

  it("derives minutes a week", () => {
    expect(analyseProvision("SaLT 3 x 30 minutes weekly with a qualified speech and language therapist").minutesPerWeek).toBe(90);
    const weekly = analyseProvision("Teaching assistant support in class for 15 hours a week");
    expect(weekly.minutesPerWeek).toBe(900);
    expect(weekly.timesPerWeek).toBeUndefined();
  });

  it("lists the quantities with their units, number words included", () => {
    const quantities = analyseProvision("three sessions of forty-five minutes, in a group of 4 pupils").quantities;
    expect(quantities.map((q) => [q.value, q.unit])).toEqual([
      [3, "sessions"],
      [45, "minutes"],
      [4, "pupils"],
    ]);
  });
});

describe("splitStatements", () => {
  it("splits paragraphs into sentences, keeps list items and reads table rows with labelled cells", () => {
    const doc = planBuilder()
      .section("F")
      .heading("Communication and interaction")
      .paragraph("Sam will have a visual timetable, e.g. symbols, used by all staff. He will see a speech and language therapist each term.")
      .listItem("Lego therapy, 30 minutes weekly")
      .table(["Need", "Provision", "Frequency", "Staff"], [["Reading", "Phonics", "Daily", "TA"]])
      .build();
    const statements = splitStatements(doc.sections[0]!.blocks);
    expect(statements.map((s) => [s.kind, s.text])).toEqual([
      ["sentence", "Sam will have a visual timetable, e.g. symbols, used by all staff."],
      ["sentence", "He will see a speech and language therapist each term."],
      ["list-item", "Lego therapy, 30 minutes weekly"],
      ["table-row", "Reading | Phonics | Daily | TA"],
    ]);
    expect(statements[3]!.cells!.map((cell) => cell.roles)).toEqual([["need"], ["what"], ["frequency"], ["who"]]);
  });

  it("reads a two-column record table (Provision | ..., Frequency | ...) as one statement", () => {
    const doc = planBuilder()
      .section("F")
      .table([], [
        ["Provision", "Attention Autism group"],
        ["Frequency", "Daily, 20 minutes"],
        ["Delivered by", "A teaching assistant trained in Attention Autism"],
        ["Group size", "No more than 4 children"],
      ])
      .build();
    const statements = splitStatements(doc.sections[0]!.blocks);
    expect(statements).toHaveLength(1);
    const analysis = analyseProvision(statements[0]!);
    expect(judgeSpecificity(analysis).specific, summary(analysis)).toBe(true);
  });

  it("reads a table flattened into 'cell | cell' lines (a table nested in a section table) as rows under its header", () => {
    const doc = planBuilder()
      .section("F")
      .paragraph("Provision | How often | Who")
      .paragraph("Speech and language therapy, 30 minutes, 1:1 | Weekly | A qualified speech and language therapist\nSocial skills group | As required | Key adult")
      .paragraph("All staff will use Sam's communication passport.")
      .build();
    const statements = splitStatements(doc.sections[0]!.blocks);
    expect(statements.map((s) => [s.kind, s.blockId, s.text])).toEqual([
      ["table-row", "b2", "Speech and language therapy, 30 minutes, 1:1 | Weekly | A qualified speech and language therapist"],
      ["table-row", "b2", "Social skills group | As required | Key adult"],
      ["sentence", "b3", "All staff will use Sam's communication passport."],
    ]);
    expect(statements.slice(0, 2).map((s) => judgeSpecificity(analyseProvision(s)).specific)).toEqual([true, false]);
  });

  it("reads a layout table (no column titles, paragraphs in a cell) as running text", () => {
    const doc = planBuilder()
      .section("F")
      .table([], [["", "Sensory and physical\nFine motor activities (play dough, pegs, threading) as appropriate.\nA physiotherapy programme, 15 minutes every school day, by his teaching assistant."]])
      .build();
    expect(splitStatements(doc.sections[0]!.blocks).map((s) => [s.kind, s.text])).toEqual([
      ["sentence", "Sensory and physical"],
      ["sentence", "Fine motor activities (play dough, pegs, threading) as appropriate."],
      ["sentence", "A physiotherapy programme, 15 minutes every school day, by his teaching assistant."],
    ]);
  });

  it("finds the header row of a table whose reader left it among the rows", () => {
    const doc = planBuilder()
      .section("F")
      .table([], [["Provision", "Frequency", "Staffing"], ["Lego therapy, 40 minutes, group of 3", "Twice weekly", "Trained teaching assistant"]])
      .build();
    const statements = splitStatements(doc.sections[0]!.blocks);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.cells!.map((cell) => cell.header)).toEqual(["Provision", "Frequency", "Staffing"]);
  });

  it("recognises column roles from header wording", () => {
    expect(classifyColumn("How often?")).toEqual(["frequency"]);
    expect(classifyColumn("Who will deliver")).toEqual(["who"]);
    expect(classifyColumn("Provision to meet need")).toEqual(["what"]);
    expect(classifyColumn("Frequency and duration")).toEqual(["frequency", "duration"]);
    expect(classifyColumn("Outcome")).toEqual(["outcome"]);
    expect(classifyColumn("Review date")).toEqual(["other"]);
  });
});
