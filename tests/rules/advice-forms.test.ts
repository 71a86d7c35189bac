// Advice reports on forms other than a numbered "Recommendations" list: recommendations under support headings,
// in table columns and in running prose, with form boilerplate, the family's views and the child's history around
// them. Each recommendation must be judged against the plan in substance: carried in other words, weakened, or
// missing. All children, services and wording here are invented.
import { describe, expect, it } from "vitest";
import adviceRecommendations from "../../src/rules/builtin/advice-recommendations.ts";
import { judgeRecommendation, readPlanProvision, readRecommendations, withoutPurpose, type RecommendationOptions } from "../../src/rules/text/recommendations.ts";
import { DocumentBuilder, planBuilder } from "../../src/testing/document-builder.ts";
import { runRuleCase } from "../../src/testing/rule-tester.ts";

const CHILD = "Tobias Wren";
const facts = { childName: CHILD, planDate: "2026-09-01" };
const options = adviceRecommendations.meta.defaultOptions as unknown as RecommendationOptions;

const BOILERPLATE = "If it is decided that the child requires an EHC plan, the information on this form will be attached to the plan.";
const FATHER = "His father feels that Tobias should be moved to a smaller school.";
const HISTORY = "Tobias has received six sessions of play therapy at the family centre.";
const DESCRIPTION = "Tobias is a lively boy who loves trains and can name every station on his line.";
const BOARD = "Tobias will need a first-and-then board on his table in every lesson, so that he knows what comes next.";
const LEGO = "Staff should run a Lego-based therapy group for Tobias and two classmates, 40 minutes, twice a week.";
const SIGNS = "I recommend that every adult who works with Tobias learns his 25 key Makaton signs before the spring term.";

/** An outreach service's form: prose under "What support is needed", with its boilerplate and the family's views. */
const outreachForm = new DocumentBuilder({}, "docx", "outreach-form.docx")
  .heading("Autism Outreach Service: contribution to statutory assessment", 1)
  .paragraph(BOILERPLATE)
  .heading("About the child", 2)
  .paragraph(`${DESCRIPTION} ${HISTORY}`)
  .heading("Views of the family", 2)
  .paragraph(FATHER)
  .heading("What support is needed", 2)
  .paragraph(`${BOARD} ${LEGO}`)
  .paragraph(SIGNS)
  .heading("Signed", 2)
  .paragraph("Corin Faulkner, Autism Outreach Teacher, 2 June 2026")
  .build();

/** A therapy service's form: one recommendation per table row, with the need beside it. */
const tableForm = new DocumentBuilder({}, "pdf", "ot-form.pdf")
  .heading("Occupational therapy assessment", 1)
  .paragraph("Tobias was seen at home and at school in May 2026.")
  .table(
    ["Area of need", "Recommended provision", "How often"],
    [
      ["Pencil control", "A hand-strengthening programme with putty and pegs, led by a teaching assistant", "10 minutes every morning"],
      ["Sitting at the table", "A wobble cushion on his chair for all seated work", "Every lesson"],
    ],
  )
  .build();

const F_HEADER = ["Need", "Provision", "Who", "How often"];

describe("reading recommendations from other forms", () => {
  it("reads prose recommendations under a support heading and leaves out boilerplate, the family's views, description and history", () => {
    const texts = readRecommendations(outreachForm, options, CHILD).map((r) => r.text);
    expect(texts).toEqual([BOARD, LEGO, SIGNS]);
  });

  it("reads prose recommendations from a report with no recommendations heading at all", () => {
    const report = new DocumentBuilder({}, "docx", "letter.docx")
      .paragraph(BOILERPLATE)
      .paragraph(`${DESCRIPTION} ${HISTORY} ${BOARD}`)
      .paragraph(FATHER)
      .build();
    expect(readRecommendations(report, options, CHILD).map((r) => r.text)).toEqual([BOARD]);
  });

  it("reads a table's recommended-provision column, without the need column", () => {
    const texts = readRecommendations(tableForm, options, CHILD).map((r) => r.text);
    expect(texts).toEqual([
      "A hand-strengthening programme with putty and pegs, led by a teaching assistant | 10 minutes every morning",
      "A wobble cushion on his chair for all seated work | Every lesson",
    ]);
  });

  it("matches on what is provided, not on the report's reasons", () => {
    expect(withoutPurpose(BOARD)).toBe("Tobias will need a first-and-then board on his table in every lesson");
    expect(withoutPurpose("Short breaks, so that he can rest.")).toBe("Short breaks, so that he can rest.");
  });
});

describe("judging recommendations from other forms against the plan", () => {
  const plan = planBuilder(facts)
    .section("F")
    .table(F_HEADER, [
      // The board, in other words.
      ["Knowing what comes next", "A 'first, then' visual board kept on Tobias's desk and used by the teacher at the start of each lesson.", "Class teacher", "Every lesson"],
      // The Lego group, weakened: "regular" where the report said twice a week.
      ["Playing and talking with others", "Regular Lego-based therapy group with classmates.", "Teaching assistant", "Regular"],
      // Unrelated provision with common words only.
      ["Reading", "A daily phonics programme in a group of no more than 4 pupils.", "Teaching assistant", "20 minutes every day"],
    ])
    .build();

  const provision = readPlanProvision(plan, ["F", "G", "H1", "H2"], options, CHILD);
  const verdictOf = (text: string) => {
    const recommendation = readRecommendations(outreachForm, options, CHILD).find((r) => r.text === text)!;
    return judgeRecommendation(recommendation, provision, options);
  };

  it("does not flag a recommendation the plan carries in other words", () => {
    expect(verdictOf(BOARD).kind).toBe("carried");
  });

  it("flags a recommendation whose frequency the plan makes vague", () => {
    const verdict = verdictOf(LEGO);
    expect(verdict.kind).toBe("weakened");
    if (verdict.kind === "weakened") expect(verdict.differences.join(" ")).toMatch(/twice a week/);
  });

  it("flags a recommendation the plan leaves out, quoting the plan's closest text", () => {
    const check = runRuleCase(adviceRecommendations, { name: "outreach form", inputs: { plan, advice: [outreachForm] } });
    const missing = check.findings.filter((finding) => finding.messageId === "missing");
    expect(missing.map((finding) => finding.excerpt)).toEqual([SIGNS]);
    expect(missing[0]!.message).toMatch(/closest the plan comes is/);
    expect(check.findings.find((finding) => finding.messageId === "weakened")?.excerpt).toBe(LEGO);
    expect(check.findings.some((finding) => [BOILERPLATE, FATHER, HISTORY, DESCRIPTION].includes(finding.excerpt ?? ""))).toBe(false);
    expect(check.status).toBe("fail");
  });

  it("passes a plan that carries every recommendation of the table form, rephrased", () => {
    const carried = planBuilder(facts)
      .section("F")
      .list([
        "Every morning, a teaching assistant leads Tobias through 10 minutes of hand-strengthening work with pegs and therapy putty.",
        "Tobias sits on a wobble cushion for all table work in every lesson.",
      ])
      .build();
    const check = runRuleCase(adviceRecommendations, { name: "table form", inputs: { plan: carried, advice: [tableForm] } });
    expect(check.findings).toEqual([]);
    expect(check.status).toBe("pass");
  });

  it("warns, rather than fails, when the plan writes the recommendation into Section A but not into its provision", () => {
    const inViews = planBuilder(facts)
      .section("A")
      .paragraph("How to help me: put my first-and-then board on my table in every lesson.")
      .section("F")
      .list(["A Lego-based therapy group with two classmates, 40 minutes, twice a week, run by a trained teaching assistant.", "Every adult working with Tobias learns his 25 key Makaton signs before the spring term."])
      .build();
    const check = runRuleCase(adviceRecommendations, { name: "views", inputs: { plan: inViews, advice: [outreachForm] } });
    expect(check.findings.map((finding) => [finding.messageId, finding.severity, finding.excerpt])).toEqual([["missing", "warning", BOARD]]);
    expect(check.findings[0]!.message).toMatch(/Section A mentions it/);
  });

  it("does not flag a recommendation the plan writes over two sentences of one paragraph", () => {
    const diaryForm = new DocumentBuilder({}, "docx", "school-form.docx")
      .heading("What support is needed", 2)
      .paragraph("Tobias should keep a home-school diary, checked by his key worker at the end of every day and taken home each night.")
      .build();
    const split = planBuilder(facts)
      .section("F")
      .paragraph("Tobias takes a home-school diary home each night. His key worker checks and signs it at the end of every school day.")
      .paragraph("Tobias uses a writing slope for all written work.")
      .build();
    const check = runRuleCase(adviceRecommendations, { name: "split", inputs: { plan: split, advice: [diaryForm] } });
    expect(check.findings).toEqual([]);
    expect(check.note).toMatch(/1 recommendation\(s\) in 1 advice report/);
  });

  it("reads synonyms and amounts in words: a rephrased recommendation with the same signs and number is carried", () => {
    const rephrased = planBuilder(facts)
      .section("F")
      .list(["All staff working with Tobias are taught the twenty-five signing vocabulary items (Makaton) he uses, by the end of the autumn term."])
      .build();
    const recommendation = readRecommendations(outreachForm, options, CHILD).find((r) => r.text === SIGNS)!;
    const verdict = judgeRecommendation(recommendation, readPlanProvision(rephrased, ["F"], options, CHILD), options);
    expect(verdict.kind).not.toBe("missing");
  });
});
