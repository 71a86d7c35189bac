// Plans as Markdown and as plain text: the same document model as a Word plan (headings with levels, tables with
// their header, list items), read by content whatever the file is called. Fixtures are invented here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDocument, type SectionAliases } from "../../src/ingest/sections.ts";
import { readText, textBlocks } from "../../src/ingest/text.ts";
import { detectFormat } from "../../src/ingest/detect.ts";
import { isBlankTemplate, templateFill } from "../../src/ingest/blank-template.ts";
import { rawDocument } from "./raw-builders.ts";

const aliases = (JSON.parse(readFileSync(new URL("../../rules/default.json", import.meta.url), "utf8")) as { sections: { aliases: SectionAliases } }).sections.aliases;
const bytes = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const documentOf = (text: string) => buildDocument(rawDocument(textBlocks(text), "text"), { fileName: "plan.md", sha256: "0".repeat(64), aliases });
const shape = (text: string) => textBlocks(text).map((block) => ({ ...block, location: undefined }));

const MARKDOWN_PLAN = `# Education, Health and Care Plan

| Field | Detail |
|---|---|
| **Name of young person** | Ottilie Brannagh |
| Preferred name | Tilly |
| Date of birth | 3rd June 2012 |
| Plan status | Final |
| Date of request for assessment | 06/01/2025 |
| Date final plan issued | 19 May 2025 |
| Next review | 2026-05-11 |

## Section A: My views, interests and aspirations

I love *horses* and I want to work at a stables when I am older.

**How to talk with me**

- Give me time to answer.
- Tell me what is happening next.
  - Use my visual timetable.

## Section B: Special educational needs

Tilly reads two years below her age.

## Section E: Outcomes

1. By July 2026, Tilly will read a short text aloud with 90% accuracy.

## Section F: Special educational provision

| Need | Provision | Who | How often |
|------|-----------|-----|-----------|
| Reading | A structured phonics programme in a group of no more than 3 pupils | Specialist teacher | 30 minutes, 3 times a week |
`;

describe("Markdown plans", () => {
  it("reads # headings with their level, pipe tables with their header, nested lists and wholly bold lines", () => {
    const blocks = shape(MARKDOWN_PLAN);
    expect(blocks[0]).toMatchObject({ kind: "heading", level: 1, text: "Education, Health and Care Plan" });
    expect(blocks[1]).toMatchObject({ kind: "table", header: ["Field", "Detail"] });
    expect(blocks[1]).toMatchObject({ rows: expect.arrayContaining([["Name of young person", "Ottilie Brannagh"]]) });
    expect(blocks[2]).toMatchObject({ kind: "heading", level: 2, text: "Section A: My views, interests and aspirations" });
    expect(blocks[3]).toMatchObject({ kind: "paragraph", text: "I love horses and I want to work at a stables when I am older." });
    expect(blocks[4]).toMatchObject({ kind: "heading", level: 3, text: "How to talk with me" });
    expect(blocks.slice(5, 8)).toMatchObject([
      { kind: "list-item", level: 0, text: "Give me time to answer." },
      { kind: "list-item", level: 0, text: "Tell me what is happening next." },
      { kind: "list-item", level: 1, text: "Use my visual timetable." },
    ]);
    expect(blocks.at(-1)).toMatchObject({ kind: "table", header: ["Need", "Provision", "Who", "How often"], rows: [["Reading", expect.stringContaining("phonics"), "Specialist teacher", "30 minutes, 3 times a week"]] });
  });

  it("gives the same model as a Word plan: sections, and the title facts from the table", () => {
    const doc = documentOf(MARKDOWN_PLAN);
    expect(doc.format).toBe("text");
    expect(doc.sections.map((section) => section.id)).toEqual(["A", "B", "E", "F"]);
    expect(doc.facts).toMatchObject({
      childName: "Ottilie Brannagh",
      knownAs: "Tilly",
      dateOfBirth: "2012-06-03",
      status: "final",
      requestDate: "2025-01-06",
      finalIssuedDate: "2025-05-19",
      reviewDate: "2026-05-11",
    });
  });

  it("reads underlined (setext) headings and drops inline marks and links", () => {
    expect(shape("Section B: Needs\n================\n\nSee the **EP report** by [Dr Imre Salk](https://example.org/ep) and `notes`.")).toEqual([
      { kind: "heading", level: 1, text: "Section B: Needs", location: undefined },
      { kind: "paragraph", text: "See the EP report by Dr Imre Salk and notes.", location: undefined },
    ]);
  });

  it("is told by content, not by the file's name", () => {
    expect(detectFormat(bytes(MARKDOWN_PLAN))).toBe("text");
  });
});

describe("plain-text plans pasted from a case system", () => {
  it("keeps one line per paragraph when the lines are not wrapped, and joins wrapped lines", async () => {
    const text = [
      "EHC PLAN",
      "Name: Dariusz Wexley",
      "DOB: 14.02.2013",
      "Section A: About me",
      "Dariusz enjoys football and cooking with his grandad, and he says that he wants to be a chef when he",
      "leaves school because cooking makes him feel calm and proud of what he has made for other people.",
      "Section B: Special educational needs",
      "Dariusz has a diagnosis of dyspraxia and finds handwriting and organising his equipment very hard.",
      "Section F: Special educational provision",
      "An occupational therapist will see Dariusz for 45 minutes every fortnight in school during term time.",
      "A teaching assistant will check his equipment list with him at the start of every school day at 8.45.",
    ].join("\n");
    const raw = await readText(bytes(text));
    expect(raw.blocks.map((block) => (block.kind === "table" ? "" : block.text))).toEqual([
      "EHC PLAN",
      "Name: Dariusz Wexley",
      "DOB: 14.02.2013",
      "Section A: About me",
      expect.stringMatching(/^Dariusz enjoys .* other people\.$/),
      "Section B: Special educational needs",
      expect.stringMatching(/^Dariusz has/),
      "Section F: Special educational provision",
      expect.stringMatching(/^An occupational/),
      expect.stringMatching(/^A teaching assistant/),
    ]);
    const doc = buildDocument(raw, { fileName: "plan.txt", sha256: "0".repeat(64), aliases });
    expect(doc.sections.map((section) => section.id)).toEqual(["A", "B", "F"]);
    expect(doc.facts).toMatchObject({ childName: "Dariusz Wexley", dateOfBirth: "2013-02-14" });
  });
});

/** An invented LA template with nothing filled in (also used by the CLI and service tests). */
const BLANK_TEMPLATE = readFileSync(new URL("../fixtures/blank-template.md", import.meta.url), "utf8");

describe("blank templates", () => {
  it("counts a template whose sections hold only placeholders and prompts as blank", () => {
    const fill = templateFill(documentOf(BLANK_TEMPLATE));
    expect(fill).toEqual({ sections: 7, unfilled: 7 });
    expect(isBlankTemplate(fill)).toBe(true);
  });

  it("does not count a written plan with a few placeholders left in as blank", () => {
    const withPlaceholders = MARKDOWN_PLAN.replace("Tilly reads two years below her age.", "Tilly reads two years below her age. [insert reading age]").replace(
      "## Section E: Outcomes",
      "## Section E: Outcomes\n\n{{ outcome_2 }}",
    );
    expect(isBlankTemplate(templateFill(documentOf(withPlaceholders)))).toBe(false);
  });

  it("does not count short statements of fact as unfilled ('None.', 'No social care needs.')", () => {
    const short = ["A", "B", "C", "D", "G", "H1", "H2", "J"].map((id) => `## Section ${id}

${id === "A" || id === "B" ? "Rafe likes lorries and finds reading hard." : "No needs in this area."}`).join("\n\n");
    const fill = templateFill(documentOf(short));
    expect(fill.sections).toBeGreaterThanOrEqual(6);
    expect(fill.unfilled).toBe(0);
    expect(isBlankTemplate(fill)).toBe(false);
  });
});
