import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { classifyLabel } from "../../src/ingest/facts.ts";
import { parseUkDate } from "../../src/text/dates.ts";
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
  ])("%s -> %s", (label, fact) => expect(classifyLabel(label)?.fact).toBe(fact));

  it.each(["Name of school", "Parent's name", "EHC coordinator name", "Date of last review", "Preferred name", "NHS number"])("%s is not a title fact", (label) =>
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
    expect(facts).toEqual({ childName: "Ava Smith", dateOfBirth: "2015-03-12", planDate: "2024-06-01", status: "draft" });
  });

  it("reads a header row of labels over a row of values, and lines with no colon", () => {
    expect(factsOf([table(["Child's name", "Date of birth", "Plan status"], [["Mia Patel", "5/6/2014", "Amended"]]), h("Section A: All about me")])).toEqual({
      childName: "Mia Patel",
      dateOfBirth: "2014-06-05",
      status: "amended",
    });
    expect(factsOf([p("Child's name Ava Smith"), p("Date of birth 12 March 2015"), h("Section A: All about me")], "pdf")).toEqual({
      childName: "Ava Smith",
      dateOfBirth: "2015-03-12",
    });
  });

  it("reads the name and status from the title line", () => {
    expect(factsOf([h("Final Education, Health and Care Plan for Ava Smith"), h("Section A: All about me")])).toEqual({ childName: "Ava Smith", status: "final" });
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
    expect(facts).toEqual({ finalIssuedDate: "2024-07-04" });
  });
});
