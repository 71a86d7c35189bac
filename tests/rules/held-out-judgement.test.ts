// Held-out judgement: provision statements, Section A variants, outcomes and names written fresh for this file in
// wording the samples and the dev corpus do not use, each asserting what an experienced QA officer would say.
import { describe, expect, it } from "vitest";
import childNameRule from "../../src/rules/builtin/child-name-consistent.ts";
import childVoiceRule from "../../src/rules/builtin/child-voice.ts";
import outcomesRule from "../../src/rules/builtin/outcomes-smart.ts";
import provisionRule from "../../src/rules/builtin/provision-specificity.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { runRuleCase } from "../../src/testing/rule-tester.ts";

const inF = (statement: string) => planBuilder({ childName: "Jo Pendry" }).section("F").listItem(statement).build();

/** Statements a QA officer would sign off as specific: no finding at all (not even "could say more"). */
const SPECIFIC: string[] = [
  "Each Tuesday and Thursday Jo will work with the SENCo on the Nessy spelling programme for 25 minutes, on her own.",
  "Jo's hearing aids will be checked by a teaching assistant at the start of every school day.",
  "A radio aid, provided and maintained by the Sensory Support Service.",
  "Jo will be seated near the front of the class, away from the door, in all lessons.",
  "Jo will attend the Forest School group (6 pupils) led by a qualified Forest School practitioner for one afternoon (2 hours) each week.",
  "Jo will receive 3 hours of specialist teaching a week from the visual impairment service, delivered as three one-hour lessons.",
  "Jo is to have a daily check-in with her key adult, Mr Hale, for 10 minutes on arrival.",
  "Homework will be limited to 20 minutes per subject and set on the school's online platform.",
  "Fortnightly, a specialist teacher from the autism outreach service will observe Jo in class for one hour and give written advice to staff.",
  "Jo will eat lunch in the nurture room with up to three friends, supervised by a midday supervisor, every day.",
  "Jo will have a 1:1 precision teaching session with a trained HLTA for 10 minutes daily.",
  "Two 45-minute sessions per week of structured handwriting practice with the learning support assistant, individually.",
  "Daily 20 minute Lexia session on a laptop, supervised by a teaching assistant, 1:1.",
  "A Teacher of the Deaf will visit each half term to check Jo's hearing aids and advise staff.",
  "Staff will use Makaton signs alongside speech throughout the school day.",
  "A writing slope and pencil grip supplied by the school.",
  "Access arrangements: 25% extra time in all tests.",
  "Jo will be taught by the class teacher in a group of five pupils for maths, 50 minutes each morning.",
  "An occupational therapist will provide a sensory diet programme, reviewed every six weeks, delivered daily by the teaching assistant for 15 minutes.",
  "The SENCo will meet Jo's parents once per term to review progress.",
  "A speech and language therapist will see Jo individually for 40 minutes every fortnight.",
  "Jo will use a wobble cushion at her desk during every lesson, provided by the school.",
  "All staff who teach Jo will receive autism awareness training from the outreach team before the start of the autumn term.",
  "Social stories written by the SENCo will be read with Jo by her key worker every morning before registration.",
  "Three times weekly, for 30 minutes, Jo will take part in a Lego therapy group of three children led by a trained teaching assistant.",
  "A visual timetable will be displayed on Jo's desk and referred to by the class teacher at each change of activity.",
  "Jo will have a reader and a scribe for all internal and external examinations.",
  "The educational psychologist will carry out a review of Jo's cognitive profile in the spring term of Year 6.",
  "Jo will be given a 5-minute movement break every 30 minutes, supervised by the teaching assistant.",
  "Weekly 1:1 mentoring with the school's learning mentor, 30 minutes on Friday afternoons.",
  "Jo will attend a nurture group of no more than 8 pupils every afternoon from 1.15 to 2.30, run by two trained nurture practitioners.",
  "Jo will have a personal laptop with speech-to-text software, provided by the local authority, for use in all lessons.",
  "A physiotherapist will review Jo's exercise programme once every half term, and a teaching assistant will carry out the exercises with Jo for 15 minutes three times per week.",
  "Jo will be collected from the school gate by a named member of staff at 8.45 each morning.",
  "Pre-teaching of key topic vocabulary by the teaching assistant, 15 minutes twice a week, 1:1, before each new science unit.",
  "Jo will have an individual risk assessment, written by the SENCo and reviewed every term.",
  "Adult support of 1:1 at lunchtime and break times every day from a midday supervisor trained in Jo's care plan.",
];

/** Statements a QA officer would send back: at least one finding. */
const VAGUE: string[] = [
  "Jo will be supported to develop her social skills.",
  "Access to counselling if required.",
  "Staff will try to give Jo advance warning of changes where they can.",
  "Jo will benefit from a structured, nurturing environment.",
  "The school will consider a referral to CAMHS.",
  "Jo will have a TA with her for most lessons.",
  "Speech and language therapy as recommended by the therapist.",
  "Jo may be offered a place in the lunchtime club.",
  "Jo will have time with an adult to talk about her worries.",
  "Input from the specialist teaching service, frequency to be determined.",
  "Jo will have 25 hours per week of support from a named teaching assistant.",
  "Jo will have support from an adult when needed.",
  "Jo will take part in some small group work for literacy.",
  "Jo receives input from SALT.",
  "Staff will use a range of strategies to support Jo's attention.",
  "Jo will be offered a quiet space as and when required.",
  "The educational psychologist will periodically review Jo's progress.",
  "Ad hoc support from the SENCo.",
  "Additional adult support at the discretion of the class teacher.",
  "Jo would benefit from occupational therapy.",
  "Jo should have access to a sensory room where possible.",
  "Regular check-ins with a trusted adult.",
  "Jo will have opportunities to work with peers on social skills.",
  "Targeted intervention to develop Jo's phonics as appropriate.",
  "Speech and language therapy to be provided, frequency to be agreed with the therapist.",
  "Jo may need help with dressing after PE from time to time.",
  "Jo will have access to a variety of interventions, for example precision teaching and Toe by Toe.",
  "Teaching assistant support for part of the day.",
  "Occasional sessions with the school counsellor.",
];

describe("held-out provision statements", () => {
  for (const statement of SPECIFIC) {
    it(`specific: ${statement}`, () => {
      const check = runRuleCase(provisionRule, { name: statement, doc: inF(statement) });
      expect(check.status, "read as provision").not.toBe("not-applicable");
      expect(check.findings.map((finding) => finding.message)).toEqual([]);
    });
  }
  for (const statement of VAGUE) {
    it(`vague: ${statement}`, () => {
      const check = runRuleCase(provisionRule, { name: statement, doc: inF(statement) });
      expect(check.findings.length).toBeGreaterThan(0);
    });
  }
});

const sectionA = () => planBuilder({ childName: "Tomasz Wren" }).section("A");
const withB = (builder: ReturnType<typeof sectionA>) => builder.section("B").paragraph("Tomasz has dyslexia.").build();
const voiceFlags = (doc: ReturnType<typeof withB>) => runRuleCase(childVoiceRule, { name: "voice", doc }).findings.filter((finding) => finding.severity !== "info");

describe("held-out Section A variants", () => {
  it("the child's words in a 'What I say' table column carry his voice", () => {
    const doc = withB(sectionA().paragraph("We talked with Tomasz at school in June.").table(["Topic", "What I say"], [["School", "I like art best because I can make things with clay."], ["Worries", "Loud bells make my ears hurt."]]));
    expect(voiceFlags(doc)).toEqual([]);
  });
  it("views gathered with Talking Mats from a child who uses AAC, with what was learned, carry his voice", () => {
    const doc = withB(
      sectionA()
        .paragraph("Tomasz communicates using an eye-gaze device and facial expression. His views were gathered by the SENCo, Ms Reid, using Talking Mats over two sessions.")
        .paragraph("Using the mat, Tomasz placed swimming and the sensory room under 'like'. He placed assembly under 'don't like', and looked away each time the hall was shown."),
    );
    expect(voiceFlags(doc)).toEqual([]);
  });
  it("words the child is reported as saying count even when a topic word ('school') comes before his name", () => {
    const doc = withB(sectionA().paragraph('When asked about school Tomasz said, "Maths is boring but I like the computers."'));
    expect(voiceFlags(doc)).toEqual([]);
  });
  it("a Section A written by a parent in the first person is the parent's view, not the child's: a failure", () => {
    const doc = withB(
      sectionA()
        .paragraph("I am Tomasz's mum. I think he has struggled since he changed school.")
        .paragraph("I worry that he is falling behind his friends and I feel nobody listens.")
        .paragraph("At home he is loving and funny but he is exhausted after school."),
    );
    const check = runRuleCase(childVoiceRule, { name: "parent", doc });
    expect(check.status).toBe("fail");
    expect(check.findings[0]?.message).toContain("parents' views");
  });
  it("a description only in the third person fails", () => {
    const doc = withB(sectionA().paragraph("Tomasz is a cheerful boy who likes Lego. He finds it hard to sit still and gets upset when routines change."));
    expect(runRuleCase(childVoiceRule, { name: "third", doc }).status).toBe("fail");
  });
});

const SMART_OUTCOMES = [
  "By the end of Year 4, Priya will read a short unfamiliar passage of 100 words aloud with no more than five errors.",
  "Within twelve months Priya will tie her own shoelaces without adult help on four out of five attempts.",
  "By the end of the summer term, Priya will ask for help using her help card in at least three lessons a day, as recorded by her TA.",
  "By next Easter, Priya will write three joined sentences using capital letters and full stops correctly in two pieces of independent writing each week.",
  "In two years' time Priya will be able to name three calming strategies and use at least one of them independently when upset, as observed by staff.",
];
const NOT_SMART_OUTCOMES = ["Priya will improve her reading.", "Priya will be happier at school.", "Priya will develop her fine motor skills over time.", "Priya will become more confident socially."];
const outcomeFindings = (outcome: string) => {
  const doc = planBuilder({ childName: "Priya Sandhu" }).section("E").listItem(outcome).listItem(SMART_OUTCOMES[0]!).listItem(SMART_OUTCOMES[1]!).build();
  return runRuleCase(outcomesRule, { name: outcome, doc }).findings.filter((finding) => finding.severity !== "info" && finding.excerpt.includes(outcome.slice(0, 25)));
};

describe("held-out outcomes", () => {
  for (const outcome of SMART_OUTCOMES) it(`SMART: ${outcome}`, () => expect(outcomeFindings(outcome).map((finding) => finding.message)).toEqual([]));
  for (const outcome of NOT_SMART_OUTCOMES) it(`not SMART: ${outcome}`, () => expect(outcomeFindings(outcome).length).toBeGreaterThan(0));
});

const namesIn = (sentence: string) => {
  const doc = planBuilder({ childName: "Priya Sandhu" })
    .section("B")
    .paragraph("Priya has a diagnosis of dyspraxia and finds handwriting tiring.")
    .paragraph(sentence)
    .paragraph("Priya will need help to organise her equipment.")
    .build();
  return runRuleCase(childNameRule, { name: sentence, doc }).findings;
};

describe("held-out names", () => {
  it("another child's name the language model does not list, doing what only a person does, is flagged", () => {
    expect(namesIn("Jayce finds it hard to settle after lunch and will need a calm start.").map((finding) => finding.message)).toEqual([expect.stringContaining('"Jayce"')]);
  });
  for (const sentence of [
    "Priya's brother Arjun walks her to school each morning.",
    "Her sister, Meena, is in Year 6 at the same school.",
    "Priya's class teacher, Mr Doyle, reports that she works hard in maths.",
    "Priya plays with her friend Zara at break and they share a love of horses.",
    "Her brother Kian enjoys football and Priya likes to watch him.",
    "Kian, her older brother, feels protective of her.",
    "Lexia is used daily and Widgit symbols support her reading.",
  ]) {
    it(`siblings, staff, friends and programmes are not the child: ${sentence}`, () => expect(namesIn(sentence)).toEqual([]));
  }
});
