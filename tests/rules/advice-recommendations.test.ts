import { describe, expect, it } from "vitest";
import adviceRecommendations from "../../src/rules/builtin/advice-recommendations.ts";
import { readRecommendations } from "../../src/rules/text/recommendations.ts";
import type { RecommendationOptions } from "../../src/rules/text/recommendations.ts";
import { DocumentBuilder, planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

const facts = { childName: "Amara Okafor", planDate: "2026-06-17" };
const options = adviceRecommendations.meta.defaultOptions as unknown as RecommendationOptions;

const report = (fileName: string, title: string, recommendations: string[], extra: (b: DocumentBuilder) => DocumentBuilder = (b) => b) =>
  extra(
    new DocumentBuilder({}, fileName.endsWith(".pdf") ? "pdf" : "docx", fileName)
      .heading(title, 1)
      .heading("Background", 2)
      .paragraph("Amara is in Year 4 at Larkhill Vale Primary School. I assessed her on 10 March 2026."),
  )
    .heading("Recommendations", 2)
    .paragraph("I recommend the following:")
    .list(recommendations)
    .heading("Signed", 2)
    .paragraph("Priya Raman, Specialist Speech and Language Therapist, 19 March 2026")
    .build();

const F_HEADER = ["Need", "Provision", "Who will provide it", "How often and for how long"];
const plan = (rows: string[][]) => planBuilder(facts).section("F").table(F_HEADER, rows).build();

const SALT = "Three 30-minute sessions a week of direct speech and language therapy from a speech and language therapist, working on understanding and using language.";
const TIMETABLE = "Amara would benefit from a visual timetable on her desk, used in every lesson.";
const SOCIAL_STORIES = "Social stories written with Amara to prepare her for changes to her routine, before each change.";
const PHONICS = "A 1:1 structured phonics programme, 20 minutes every day, delivered by a teaching assistant trained in the programme.";

const saltReport = report("salt-report.docx", "Speech and language therapy advice", [SALT, TIMETABLE, SOCIAL_STORIES]);

describe("reading recommendations", () => {
  it("takes the list under the Recommendations heading, not the background or the signature", () => {
    expect(readRecommendations(saltReport, options, facts.childName).map((r) => r.text)).toEqual([SALT, TIMETABLE, SOCIAL_STORIES]);
  });

  it("falls back to sentences that recommend when the report has no recommendations heading", () => {
    const doc = new DocumentBuilder({}, "docx", "ep.docx")
      .heading("Psychological advice", 1)
      .paragraph("Amara is a friendly girl who enjoys drawing. Amara would benefit from pre-teaching of key topic words before each new topic.")
      .build();
    expect(readRecommendations(doc, options, facts.childName).map((r) => r.text)).toEqual(["Amara would benefit from pre-teaching of key topic words before each new topic."]);
  });

  it("reads flat PDF headings: a same-level heading followed by a list is a sub-heading, one followed by prose ends the recommendations", () => {
    const doc = new DocumentBuilder({}, "pdf", "salt.pdf")
      .heading("Recommendations", 2)
      .paragraph("In my professional opinion, Amara needs the following provision.")
      .heading("Therapy", 2)
      .list(["Direct speech and language therapy, three 30-minute sessions a week."])
      .heading("Further involvement", 2)
      .paragraph("I will visit school each term to review Amara's targets with her teacher.")
      .build();
    expect(readRecommendations(doc, options, facts.childName).map((r) => r.text)).toEqual(["Direct speech and language therapy, three 30-minute sessions a week."]);
  });

  it("keeps sub-topic headings inside the recommendations", () => {
    const doc = new DocumentBuilder({}, "docx", "ep.docx")
      .heading("Recommendations", 1)
      .heading("Communication", 2)
      .list(["Pre-teaching of key topic words before each new topic."])
      .heading("Learning", 2)
      .list(["Precision teaching of high-frequency words, 10 minutes daily."])
      .heading("Appendix: test scores", 1)
      .paragraph("Reading accuracy standard score 78 on the YARC assessment.")
      .build();
    expect(readRecommendations(doc, options, facts.childName)).toHaveLength(2);
  });
});

ruleTester(adviceRecommendations).run({
  valid: [
    {
      name: "every recommendation carried, in other words",
      inputs: {
        plan: plan([
          ["Language", "Direct speech and language therapy (SaLT) on understanding and using language.", "Speech and language therapist", "30 minutes, 3 times a week"],
          ["Understanding the school day", "A visual timetable on Amara's desk.", "Class teacher", "Every lesson"],
          ["Changes to routine", "A social story, written with Amara, before each change to her routine.", "Teaching assistant", "Before each change"],
        ]),
        advice: [saltReport],
      },
      note: "3 carried into the plan, 0 in a weaker form, 0 missing",
      score: 1,
    },
    { name: "no advice reports given", doc: plan([["Reading", "Phonics", "TA", "Daily"]]), status: "not-applicable", note: "No advice reports" },
  ],
  invalid: [
    {
      name: "carried, weakened and missing recommendations",
      inputs: {
        plan: plan([
          ["Understanding and using language", "Regular speech and language support in school.", "Castlebrook Children's Therapy Service", "Regular, to be agreed with the therapist"],
          ["Understanding the school day", "A visual timetable on Amara's desk.", "Class teacher", "Every lesson, every day"],
        ]),
        advice: [saltReport],
      },
      findings: [
        {
          messageId: "weakened",
          severity: "warning",
          document: "advice",
          section: null,
          excerpt: "Three 30-minute sessions a week",
          message: 'The speech and language therapy report (salt-report.docx) recommends this; the plan carries it in a weaker form: "Understanding and using language | Regular speech and language support in school.',
        },
        { messageId: "missing", severity: "error", document: "advice", excerpt: "Social stories written with Amara", message: "does not include it" },
      ],
      status: "fail",
      score: 1.5 / 3,
      note: "3 recommendation(s) in 1 advice report(s): 1 carried into the plan, 1 in a weaker form, 1 missing",
    },
    {
      name: "weakened: small group three times a week instead of 1:1 every day",
      inputs: {
        plan: plan([["Reading", "Small group phonics sessions using a structured phonics programme.", "Teaching assistant trained in the programme", "20 minutes, 3 times a week"]]),
        advice: [report("ep-report.pdf", "Psychological advice from the educational psychologist", [PHONICS])],
      },
      findings: [{ messageId: "weakened", message: "the report says 1:1; the plan does not say the group size", document: "advice" }],
      status: "warning",
    },
    {
      name: "weakened: less time each week",
      inputs: {
        plan: plan([["Reading", "A 1:1 structured phonics programme.", "Teaching assistant trained in the programme", "20 minutes, 3 times a week"]]),
        advice: [report("ep-report.docx", "Psychological advice from the educational psychologist", [PHONICS])],
      },
      findings: [{ messageId: "weakened", message: "the plan gives 60 minutes a week (20 minutes, 3 times a week) where the report recommends 100." }],
    },
    {
      name: "weakened: the specialist is dropped",
      inputs: {
        plan: plan([["Language", "Speech and language therapy on understanding and using language.", "Teaching assistant", "30 minutes, 3 times a week"]]),
        advice: [report("salt.docx", "Speech and language therapy advice", [SALT])],
      },
      findings: [{ messageId: "weakened", message: "the report says who delivers it (a speech and language therapist); the plan gives it to Teaching assistant" }],
    },
    {
      name: "findings from two reports point at their own report",
      inputs: {
        plan: plan([["Reading", "Phonics", "Teaching assistant", "Daily"]]),
        advice: [report("salt.docx", "Speech and language therapy advice", [SOCIAL_STORIES]), report("ep.docx", "Educational psychology advice", [TIMETABLE])],
      },
      findings: [
        { messageId: "missing", message: "The speech and language therapy report (salt.docx)", excerpt: "Social stories" },
        { messageId: "missing", message: "The educational psychologist's report (ep.docx)", excerpt: "visual timetable" },
      ],
      score: 0,
    },
  ],
});
