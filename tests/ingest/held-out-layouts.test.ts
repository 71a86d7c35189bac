// Plans in layouts the recogniser was not written against (see held-out-plans.ts), read end to end from real
// Word files and Markdown: the sections a QA officer would name, and the title-block facts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/ingest/index.ts";
import { AliasIndex, matchSectionHeading, type SectionAliases } from "../../src/ingest/section-headings.ts";
import type { EhcpDocument } from "../../src/model/document.ts";
import { capitalParagraphHeadings, labelRowTitleOutcomesByArea, MARKDOWN_PLAN, numberedHeadingsLettersInContents, statutoryPartsPost19, wholePlanTable } from "./held-out-plans.ts";

const read = async (bytes: Buffer | string, fileName: string): Promise<EhcpDocument> =>
  readDocument(new Uint8Array(typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes), { fileName, inProcess: true });
const sectionIds = (doc: EhcpDocument): string[] => doc.sections.map((section) => section.id);
/** The first words of each section's first block: the content landed under the right heading. */
const firstText = (doc: EhcpDocument, id: string): string => doc.sections.find((section) => section.id === id)?.blocks[0]?.text ?? "";

describe("held-out layouts: sections", () => {
  it("reads a plan laid out as one 'Section | Details' table with merged banner rows", async () => {
    const doc = await read(await wholePlanTable(), "table-plan.docx");
    expect(sectionIds(doc)).toEqual(["A", "B", "C", "D", "E", "F", "G", expect.stringMatching(/^H[12]?$/), "I"]);
    expect(firstText(doc, "F")).toMatch(/^A speech and language therapist/);
  });

  it("reads capital-letter paragraph headings that name no letter", async () => {
    const doc = await read(await capitalParagraphHeadings(), "caps-plan.docx");
    expect(sectionIds(doc)).toEqual(["A", "B", "C", "E", "F", "G", "I"]);
    expect(firstText(doc, "B")).toMatch(/^Marisol has dyslexia/);
  });

  it("reads '1.1' numbered headings when the letters appear only in a contents table", async () => {
    const doc = await read(await numberedHeadingsLettersInContents(), "numbered-plan.docx");
    expect(sectionIds(doc)).toEqual(["A", "B", "C", "E", "F", "I"]);
    // "Health needs related to special educational needs" is C, not B: the SEN words only qualify it.
    expect(firstText(doc, "C")).toBe("Jonah has eczema.");
  });

  it("reads 'Part N —' headings with statutory long titles and keeps preparing-for-adulthood sub-headings inside E", async () => {
    const doc = await read(await statutoryPartsPost19(), "post19-plan.docx");
    expect(sectionIds(doc)).toEqual(["A", "B", "E", "F", "H1", "I"]);
    expect(doc.sections.find((section) => section.id === "E")!.blocks.map((block) => block.text)).toContain("Preparing for adulthood: independent living");
  });

  it("keeps outcomes grouped by area ('Health outcomes') inside E", async () => {
    const doc = await read(await labelRowTitleOutcomesByArea(), "label-row-plan.docx");
    expect(sectionIds(doc)).toEqual(["A", "B", "C", "E", "F", "G", "I"]);
    expect(doc.sections.find((section) => section.id === "E")!.blocks.map((block) => block.text)).toContain("Health outcomes");
  });

  it("reads a Markdown plan with '### A — ...' headings and pipe tables", async () => {
    const doc = await read(MARKDOWN_PLAN, "plan.md");
    expect(sectionIds(doc)).toEqual(["A", "B", "E", "F", "I"]);
    expect(firstText(doc, "A")).toMatch(/^Wren loves singing/);
  });
});

describe("held-out layouts: title facts", () => {
  it("reads facts from label rows of the plan table, with dates as 03.06.2016 and June 3, 2024", async () => {
    const doc = await read(await wholePlanTable(), "table-plan.docx");
    expect(doc.facts).toMatchObject({ childName: "Perrin Oakhurst-Vale", dateOfBirth: "2016-06-03", status: "final", finalIssuedDate: "2024-06-03" });
  });

  it("reads labelled lines separated by line breaks in one paragraph", async () => {
    const doc = await read(await capitalParagraphHeadings(), "caps-plan.docx");
    expect(doc.facts).toMatchObject({ childName: "Marisol Threadgill", dateOfBirth: "2013-06-03", status: "draft", draftIssuedDate: "2025-02-14" });
  });

  it("reads a title table whose dates are written 'June 3, 2011' and '3rd June 2025'", async () => {
    const doc = await read(await numberedHeadingsLettersInContents(), "numbered-plan.docx");
    expect(doc.facts).toMatchObject({ childName: "Jonah Pellow-Rees", dateOfBirth: "2011-06-03", status: "final", reviewDate: "2025-06-03" });
  });

  it("reads a young person's title lines and an annual review meeting date", async () => {
    const doc = await read(await statutoryPartsPost19(), "post19-plan.docx");
    expect(doc.facts).toMatchObject({ childName: "Ezekiel Trawden", dateOfBirth: "2004-06-03", status: "amended", reviewMeetingDate: "2024-06-03" });
  });

  it("reads a title table of one row of labels over one row of values, with no header row", async () => {
    const doc = await read(await labelRowTitleOutcomesByArea(), "label-row-plan.docx");
    expect(doc.facts).toMatchObject({ childName: "Anouk Feldspar", dateOfBirth: "2008-06-03", status: "final", planDate: "2024-06-03" });
  });

  it("reads a header-less Markdown title table with 'Child' and 'Born' labels", async () => {
    const doc = await read(MARKDOWN_PLAN, "plan.md");
    expect(doc.facts).toMatchObject({ childName: "Wren Castellane", dateOfBirth: "2019-06-03", status: "draft", draftIssuedDate: "2024-06-03" });
  });
});

describe("statutory long titles (SEND Regulations 2014) as headings with no letter", () => {
  const aliases = new AliasIndex((JSON.parse(readFileSync(new URL("../../rules/default.json", import.meta.url), "utf8")) as { sections: { aliases: SectionAliases } }).sections.aliases);
  const idOf = (text: string, context: "heading" | "paragraph" = "heading"): string | undefined => matchSectionHeading(text, context, aliases)?.ids.join("+");

  it.each([
    ["The views, interests and aspirations of the child and his or her parents or the young person", "A"],
    ["The child or young person's health needs which are related to their SEN", "C"],
    ["The child or young person's social care needs which are related to their SEN or to a disability", "D"],
    ["Any health provision reasonably required by the learning difficulties or disabilities which result in the child or young person having SEN", "G"],
    ["Any social care provision which must be made for the child or young person as a result of section 2 of the Chronically Sick and Disabled Persons Act 1970", "H"],
    ["Any other social care provision reasonably required by the learning difficulties or disabilities which result in the child or young person having SEN", "H2"],
    ["The name and type of the school, maintained nursery school, post-16 institution or other institution to be attended by the child or young person", "I"],
  ])("%s -> %s", (title, id) => {
    expect(idOf(title)).toBe(id);
  });

  it("reads 'Part 1 — title: more title' as a heading in a plain paragraph, but not a 'Label: value' line", () => {
    expect(idOf("Part 1 — About the young person: views, interests and aspirations", "paragraph")).toBe("A");
    expect(idOf("School: Oakfield Primary", "paragraph")).toBeUndefined();
    expect(idOf("1. Name: Ava Smith", "paragraph")).toBeUndefined();
  });

  it("reads outcomes in one area ('Health outcomes') as E, not as a health part", () => {
    expect(idOf("Health outcomes")).toBe("E");
    expect(idOf("Health needs and outcomes")).not.toBe("E");
  });

  it("does not read a sentence that uses the qualifier's words as a heading", () => {
    expect(idOf("Pip's health needs are related to his SEN and are met by the school nurse every morning before lessons begin.", "paragraph")).toBeUndefined();
  });
});
