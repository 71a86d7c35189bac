import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { classifyLabel } from "../../src/ingest/facts.ts";
import { parseUkDate } from "../../src/text/dates.ts";
import { reportFacts } from "../../src/rules/plan-dates.ts";
import type { RawBlock } from "../../src/ingest/raw.ts";
import { buildDocument, type SectionAliases } from "../../src/ingest/sections.ts";
import { h, p, rawDocument, table } from "./raw-builders.ts";

const aliases = (JSON.parse(readFileSync(new URL("../../rules/default.json", import.meta.url), "utf8")) as { sections: { aliases: SectionAliases } }).sections.aliases;
const factsOf = (blocks: RawBlock[], format: "docx" | "pdf" = "docx") =>
  buildDocument(rawDocument(blocks, format), { fileName: "plan.docx", sha256: "0".repeat(64), aliases }).facts;

describe("UK dates", () => {
  it.each([
    ["12 March 2015", "2015-03-12"],
    ["12th March 2015", "2015-03-12"],
    ["1st Sept 2024", "2024-09-01"],
    ["12/03/2015", "2015-03-12"],
    ["12.03.2015", "2015-03-12"],
    ["12-3-2015", "2015-03-12"],
    ["03/04/15", "2015-04-03"],
    ["2015-03-12", "2015-03-12"],
    ["Monday, 3 June 2024 (amended 5 July 2024)", "2024-06-03"],
    ["March 12, 2015", "2015-03-12"],
  ])("reads %s", (text, iso) => expect(parseUkDate(text)).toBe(iso));

  it("rejects dates that do not exist and text with no date", () => {
    expect(parseUkDate("31/02/2015")).toBeUndefined();
    expect(parseUkDate("13/13/2015")).toBeUndefined();
    expect(parseUkDate("To be confirmed")).toBeUndefined();
  });
});

describe("labels as LAs write them", () => {
  it.each([
    ["Name", "childName"],
    ["Child's name", "childName"],
    ["Name of child/young person", "childName"],
    ["Full name", "childName"],
    ["Young person's full name", "childName"],
    ["Date of birth", "dateOfBirth"],
    ["DOB", "dateOfBirth"],
    ["D.O.B.", "dateOfBirth"],
    ["Status", "status"],
    ["Plan status", "status"],
    ["Date of plan", "planDate"],
    ["Date issued", "planDate"],
    ["Date", "planDate"],
    ["Date of request for assessment", "requestDate"],
    ["Date request for EHC needs assessment received", "requestDate"],
    ["Date draft issued", "draftIssuedDate"],
    ["Date draft plan sent to parents", "draftIssuedDate"],
    ["Date final issued", "finalIssuedDate"],
    ["Date plan finalised", "finalIssuedDate"],
    ["Review date", "reviewDate"],
    ["Date of next annual review", "reviewDate"],
    ["Date of last review", "reviewMeetingDate"],
    ["Preferred name", "knownAs"],
  ])("%s -> %s", (label, fact) => expect(classifyLabel(label)?.fact).toBe(fact));

  it.each(["Name of school", "Parent's name", "EHC coordinator name", "NHS number", "Reviewed by", "Preferred contact", "My family", "Pronouns"])("%s is not a title fact", (label) =>
    expect(classifyLabel(label)).toBeNull(),
  );
});

describe("facts from the title block", () => {
  it("reads a label | value table", () => {
    const facts = factsOf([
      h("Education, Health and Care Plan"),
      table([], [
        ["Name of child/young person", "Ava Smith"],
        ["Date of birth", "12th March 2015"],
        ["Status", "Final"],
        ["Date of request for assessment", "03/01/2024"],
        ["Date draft issued", "14.04.2024"],
        ["Date final issued", "20 May 2024"],
        ["Review date", "May 2025 (within 12 months) 19/05/2025"],
      ]),
      h("Section A: Views, interests and aspirations"),
      p("Name: Bob Jones, Ava's friend, came to the meeting."),
    ]);
    expect(facts).toEqual({
      childName: "Ava Smith",
      firstName: "Ava",
      lastName: "Smith",
      dateOfBirth: "2015-03-12",
      status: "final",
      requestDate: "2024-01-03",
      draftIssuedDate: "2024-04-14",
      finalIssuedDate: "2024-05-20",
      reviewDate: "2025-05-19",
    });
  });

  it("reads 'Label: value' lines, several to a line, and a four-column table", () => {
    const facts = factsOf(
      [
        p("DRAFT Education, Health and Care Plan"),
        p("Name: Ava Smith Date of birth: 12 March 2015"),
        p("Date of plan: 01/06/2024"),
        table([], [["Child's name", "Leo Brown", "DOB", "2 February 2016"]]),
        p("Section A: Views, interests and aspirations"),
      ],
      "pdf",
    );
    expect(facts).toEqual({ childName: "Ava Smith", firstName: "Ava", lastName: "Smith", dateOfBirth: "2015-03-12", planDate: "2024-06-01", status: "draft" });
  });

  it("reads a header row of labels over a row of values, and lines with no colon", () => {
    expect(factsOf([table(["Child's name", "Date of birth", "Plan status"], [["Mia Patel", "5/6/2014", "Amended"]]), h("Section A: All about me")])).toEqual({
      childName: "Mia Patel",
      firstName: "Mia",
      lastName: "Patel",
      dateOfBirth: "2014-06-05",
      status: "amended",
    });
    expect(factsOf([p("Child's name Ava Smith"), p("Date of birth 12 March 2015"), h("Section A: All about me")], "pdf")).toEqual({
      childName: "Ava Smith",
      firstName: "Ava",
      lastName: "Smith",
      dateOfBirth: "2015-03-12",
    });
  });

  it("reads the name and status from the title line", () => {
    expect(factsOf([h("Final Education, Health and Care Plan for Ava Smith"), h("Section A: All about me")])).toEqual({ childName: "Ava Smith", firstName: "Ava", lastName: "Smith", status: "final" });
  });

  it("reads dates from end matter, but not a generic 'Name' there", () => {
    const facts = factsOf([
      h("Section A: All about me"),
      p("I like trains."),
      h("Section K: Advice and information"),
      p("EP advice."),
      h("Appendix 1: Educational psychology report"),
      p("Name: Dr Jane Hale"),
      p("Date final plan issued: 4 July 2024"),
    ]);
    // A final's date of issue also says it is a final: one status for the whole report.
    expect(facts).toEqual({ finalIssuedDate: "2024-07-04", status: "final" });
  });
});

describe("UK date forms a title block uses", () => {
  it.each([
    ["3 June 2024", "2024-06-03"],
    ["3rd June 2024", "2024-06-03"],
    ["Monday 3 June 2024", "2024-06-03"],
    ["03/06/2024", "2024-06-03"],
    ["3/6/24", "2024-06-03"],
    ["03.06.2024", "2024-06-03"],
    ["3-6-2024", "2024-06-03"],
    ["3 Jun 2024", "2024-06-03"],
    ["June 3, 2024", "2024-06-03"],
    ["2024-06-03", "2024-06-03"],
    ["By 3/6/24", "2024-06-03"],
    ["14/2/97", "1997-02-14"],
  ])("reads %s", (text, iso) => expect(parseUkDate(text)).toBe(iso));
});

describe("title facts by the meaning of the label", () => {
  it.each([
    ["Learner's full name", "childName"],
    ["Name of pupil", "childName"],
    ["Known as", "knownAs"],
    ["Likes to be called", "knownAs"],
    ["Forename(s)", "firstName"],
    ["Legal surname", "lastName"],
    ["Birthday", "dateOfBirth"],
    ["My birthday", "dateOfBirth"],
    ["Kind of plan", "status"],
    ["Date the assessment was asked for (referral)", "requestDate"],
    ["Date of the original EHC plan", "originalIssueDate"],
    ["Date the plan was first issued", "originalIssueDate"],
    ["Amendment notice sent", "amendmentNoticeDate"],
    ["Date of amended plan", "finalIssuedDate"],
    ["Date of the review meeting held", "reviewMeetingDate"],
    ["Annual review due", "reviewDate"],
    ["My next review", "reviewDate"],
  ])("%s -> %s", (label, fact) => expect(classifyLabel(label)?.fact).toBe(fact));

  it("reads labelled lines with a known-as name, and the plan's dates", () => {
    const facts = factsOf(
      [
        p("Education, Health and Care Plan"),
        p("Full name: Benedict Arrowsmith-Hale"),
        p("Known as: Ben"),
        p("DOB: 3/6/14"),
        p("Plan type: Final"),
        p("Date the assessment was requested: Monday 6 January 2025"),
        p("Date plan finalised: May 19, 2025"),
        p("Annual review due: 11.05.2026"),
        h("Section A: About me"),
      ],
      "pdf",
    );
    expect(facts).toEqual({
      childName: "Benedict Arrowsmith-Hale",
      firstName: "Benedict",
      lastName: "Arrowsmith-Hale",
      knownAs: "Ben",
      dateOfBirth: "2014-06-03",
      status: "final",
      requestDate: "2025-01-06",
      finalIssuedDate: "2025-05-19",
      reviewDate: "2026-05-11",
    });
  });

  it("reads a child-centred title block ('My name is …', 'My birthday') and forename/surname fields", () => {
    expect(factsOf([p("My name is Priya Venn and I like to be called Pri."), p("My birthday: 9th Feb 2016"), h("Section A: All about me")])).toMatchObject({
      childName: "Priya Venn",
      knownAs: "Pri",
      dateOfBirth: "2016-02-09",
    });
    expect(factsOf([table([], [["Forename(s)", "Tobiah"], ["Surname", "Crane"], ["Date of birth", "2011-10-30"]]), h("Section A: All about me")])).toMatchObject({
      childName: "Tobiah Crane",
      firstName: "Tobiah",
      lastName: "Crane",
    });
    // An adult introducing themself is not the child.
    expect(factsOf([p("My name is Carol Venn and I am Priya's mum."), h("Section A: All about me")]).childName).toBeUndefined();
  });

  it("reads an amended plan's dates: original issue, amendment notice, review meetings (the latest counts) and the next review", () => {
    const facts = factsOf([
      table([], [
        ["Name", "Nell Ostrowska"],
        ["Plan type", "Amended"],
        ["Original request for assessment received", "10/01/2020"],
        ["First EHC plan issued on", "22/05/2020"],
        ["Last year's review held", "02/02/2024"],
        ["Annual review meeting held", "04/02/2025"],
        ["Notice of proposed amendments sent", "20/02/2025"],
        ["Amended plan issued on", "07/04/2025"],
        ["Next review", "By 03/02/2026"],
      ]),
      h("Section A: All about me"),
    ]);
    expect(facts).toMatchObject({
      status: "amended",
      requestDate: "2020-01-10",
      originalIssueDate: "2020-05-22",
      reviewMeetingDate: "2025-02-04",
      amendmentNoticeDate: "2025-02-20",
      finalIssuedDate: "2025-04-07",
      reviewDate: "2026-02-03",
    });
  });

  it("infers the status from the dates when the plan does not state it, and never from nothing", () => {
    expect(factsOf([p("Name: Ava Smith"), p("Date of amendment notice: 1 March 2025"), h("Section A: All about me")]).status).toBe("amended");
    expect(factsOf([p("Name: Ava Smith"), p("Date final plan issued: 1 March 2025"), h("Section A: All about me")]).status).toBe("final");
    expect(factsOf([p("Name: Ava Smith"), p("Date of plan: 1 March 2025"), h("Section A: All about me")]).status).toBeUndefined();
  });
});

describe("the report's facts", () => {
  it("gives every field, ISO dates, null where the plan does not say; an amended plan's issue date is the original's", () => {
    expect(reportFacts({ childName: "Nell Ostrowska", status: "amended", requestDate: "2020-01-10", originalIssueDate: "2020-05-22", finalIssuedDate: "2025-04-07", reviewDate: "2026-02-03" })).toEqual({
      childName: "Nell Ostrowska",
      firstName: null,
      lastName: null,
      knownAs: null,
      dateOfBirth: null,
      status: "amended",
      requestDate: "2020-01-10",
      draftDate: null,
      issueDate: "2020-05-22",
      planDate: "2025-04-07",
      amendmentNoticeDate: null,
      reviewMeetingDate: null,
      reviewDate: "2026-02-03",
    });
    // A final's undescribed date ("Date of plan") is its date of issue; a draft's is the draft's.
    expect(reportFacts({ status: "final", planDate: "2025-03-01" })).toMatchObject({ issueDate: "2025-03-01", draftDate: null, planDate: "2025-03-01" });
    expect(reportFacts({ status: "draft", planDate: "2025-03-01" })).toMatchObject({ issueDate: null, draftDate: "2025-03-01" });
    expect(reportFacts({ planDate: "2025-03-01" })).toMatchObject({ status: null, issueDate: null, draftDate: null });
  });
});
