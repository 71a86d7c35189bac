import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ParagraphChild,
} from "docx";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { readDocx } from "../../src/ingest/docx.ts";
import type { RawBlock, RawDocument } from "../../src/ingest/raw.ts";
import { isProblemError } from "../../src/model/problem.ts";
import { seededRandom } from "../../src/testing/seeded-random.ts";

// Everything below is about a fictional child.
const PARENT = "Jo Parent (mother)";
const CASEWORKER = "Sam Caseworker";
const COMMENT_DATE = new Date("2025-03-04T10:15:00Z");

const cell = (...paragraphs: (string | Paragraph)[]): TableCell =>
  new TableCell({ children: paragraphs.map((p) => (typeof p === "string" ? new Paragraph(p) : p)) });
const boldCell = (text: string): TableCell => cell(new Paragraph({ children: [new TextRun({ text, bold: true })] }));
const commentRun = (id: number): TextRun => new TextRun({ children: [new CommentReference(id)] });
const paragraph = (...children: ParagraphChild[]): Paragraph => new Paragraph({ children });

function plan(): Document {
  return new Document({
    comments: {
      children: [
        { id: 1, author: PARENT, date: COMMENT_DATE, children: [new Paragraph("She swims with her dad on Saturdays, not at school.")] },
        { id: 2, author: PARENT, date: COMMENT_DATE, children: [new Paragraph("Please use her words."), new Paragraph("She told us this herself.")] },
        { id: 3, author: CASEWORKER, date: COMMENT_DATE, children: [new Paragraph("School name corrected.")] },
        { id: 4, author: PARENT, date: COMMENT_DATE, children: [new Paragraph("These two need more detail.")] },
        { id: 5, author: "Dr Lee (educational psychologist)", date: COMMENT_DATE, children: [new Paragraph("How long each time?")] },
      ],
    },
    footnotes: { 1: { children: [new Paragraph("Assessment carried out in the autumn term.")] } },
    styles: {
      paragraphStyles: [
        { id: "LaPartTitle", name: "LA Part Title", basedOn: "Normal", run: { bold: true, size: 32 }, paragraph: { outlineLevel: 0 } },
        { id: "EhcpSubheading", name: "EHCP Subheading", basedOn: "Normal", run: { bold: true } },
      ],
    },
    numbering: {
      config: [
        {
          reference: "steps",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1." },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: "%2)" },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "Education, Health and Care Plan", heading: HeadingLevel.TITLE }),
          new Paragraph({ text: "Section A: Views, interests and aspirations", heading: HeadingLevel.HEADING_1 }),
          // Comment 1 covers part of a paragraph.
          paragraph(new TextRun("Ava enjoys "), new CommentRangeStart(1), new TextRun("swimming"), new CommentRangeEnd(1), commentRun(1), new TextRun(" and drawing.")),
          // Comment 2 spans two runs, one of them bold.
          paragraph(
            new TextRun("She says her "),
            new CommentRangeStart(2),
            new TextRun("favourite "),
            new TextRun({ text: "subject is art", bold: true }),
            new CommentRangeEnd(2),
            commentRun(2),
            new TextRun("."),
          ),
          new Paragraph(""),
          new Paragraph({ text: "What is important to me", heading: HeadingLevel.HEADING_2 }),
          paragraph(new TextRun({ text: "My hopes for the future", bold: true })),
          // A tracked deletion and insertion, with comment 3 over both: the anchor is what the reader sees.
          paragraph(
            new TextRun("Ava attends "),
            new CommentRangeStart(3),
            new DeletedTextRun({ id: 101, author: CASEWORKER, date: "2025-03-05T09:00:00Z", text: "Oak" }),
            new InsertedTextRun({ id: 102, author: PARENT, date: "2025-03-06T14:30:00Z", text: "Elm" }),
            new CommentRangeEnd(3),
            commentRun(3),
            new TextRun(" Primary School."),
            new FootnoteReferenceRun(1),
          ),
          new Paragraph({ text: "Section F: Special educational provision", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Speech, language & communication <SLCN>", heading: HeadingLevel.HEADING_3 }),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: [cell("Need"), cell("Provision"), cell("Frequency")] }),
              new TableRow({
                children: [
                  cell("Speech sound difficulties"),
                  cell("A speech and language therapist will deliver a programme of speech sound work.", "A teaching assistant will practise the targets at home time."),
                  cell("30 minutes weekly"),
                ],
              }),
              new TableRow({
                children: [
                  cell("Understanding instructions"),
                  cell("• Visual timetable and now-and-next board used in every lesson."),
                  // A comment and a tracked insertion inside a table cell belong to the table.
                  cell(paragraph(new CommentRangeStart(5), new TextRun("Daily"), new CommentRangeEnd(5), commentRun(5), new InsertedTextRun({ id: 103, author: PARENT, date: "2025-03-06T14:31:00Z", text: ", in every lesson" }))),
                ],
              }),
            ],
          }),
          // Comment 4 spans the end of one paragraph and the start of the next.
          paragraph(new TextRun("Strategies used in class: "), new CommentRangeStart(4), new TextRun("visual support")),
          paragraph(new TextRun("and pre-teaching"), new CommentRangeEnd(4), commentRun(4), new TextRun(" of new words.")),
          new Paragraph({ text: "Visual timetable", bullet: { level: 0 } }),
          new Paragraph({ text: "Now and next board", bullet: { level: 1 } }),
          new Paragraph({ text: "Check understanding", numbering: { reference: "steps", level: 0 } }),
          new Paragraph({ text: "Repeat the instruction", numbering: { reference: "steps", level: 1 } }),
          new Paragraph({ text: "Model the answer", numbering: { reference: "steps", level: 0 } }),
          // A header row that is not marked as one, but is bold.
          new Table({
            rows: [
              new TableRow({ children: [boldCell("Outcome"), boldCell("Steps")] }),
              new TableRow({ children: [cell("Ava will follow a two-step instruction."), cell("She will use her visual timetable.")] }),
            ],
          }),
          // Label | value rows: no header.
          new Table({
            rows: [
              new TableRow({ children: [cell("Name:"), cell("Ava Example")] }),
              new TableRow({ children: [cell("Date of birth:"), cell("12 May 2016")] }),
            ],
          }),
          new Paragraph({ text: "Part K – Advice and information", style: "LaPartTitle" }),
          new Paragraph({ text: "Appendix 1", style: "EhcpSubheading" }),
          new Paragraph({ text: "• Educational psychologist report, 3 February 2025" }),
        ],
      },
    ],
  });
}

async function toBytes(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document));
}

async function expectProblem(bytes: Uint8Array, codes: string[]): Promise<void> {
  const error = await readDocx(bytes).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isProblemError(error)).toBe(true);
  if (!isProblemError(error)) return;
  expect(codes).toContain(error.problem.code);
  // A sentence for a caseworker, not a library's error.
  expect(error.problem.message).toMatch(/^[A-Z].*\.$/);
  expect(error.problem.message).not.toMatch(/jszip|central directory|undefined|null|stack|malformed/i);
}

const textOf = (block: RawBlock): string => (block.kind === "table" ? [block.header, ...block.rows].flat().join(" | ") : block.text);

describe("readDocx on a generated plan", () => {
  let document: RawDocument;
  let blocks: RawBlock[];
  beforeAll(async () => {
    document = await readDocx(await toBytes(plan()));
    blocks = document.blocks;
  });
  const indexOf = (text: string): number => blocks.findIndex((block) => textOf(block).includes(text));

  it("reads headings of several levels, including Title and the template's own heading styles", () => {
    const headings = blocks.filter((block) => block.kind === "heading").map((block) => [block.level, block.text]);
    expect(headings).toEqual([
      [1, "Education, Health and Care Plan"],
      [1, "Section A: Views, interests and aspirations"],
      [2, "What is important to me"],
      [1, "Section F: Special educational provision"],
      // Characters HTML escapes (& < >) come back as written.
      [3, "Speech, language & communication <SLCN>"],
      // Custom styles: one Word treats as a level-1 outline heading, one named as a subheading.
      [1, "Part K – Advice and information"],
      [3, "Appendix 1"],
    ]);
  });

  it("keeps paragraphs in order, with deleted text dropped and inserted text kept", () => {
    expect(blocks.slice(0, 8).map((block) => [block.kind, textOf(block)])).toEqual([
      ["heading", "Education, Health and Care Plan"],
      ["heading", "Section A: Views, interests and aspirations"],
      ["paragraph", "Ava enjoys swimming and drawing."],
      ["paragraph", "She says her favourite subject is art."],
      ["heading", "What is important to me"],
      ["paragraph", "My hopes for the future"],
      ["paragraph", "Ava attends Elm Primary School."],
      ["paragraph", "Assessment carried out in the autumn term."],
    ]);
  });

  it("places a footnote after the paragraph citing it, without the [1] mark", () => {
    const citing = indexOf("Ava attends Elm");
    expect(blocks[citing + 1]).toMatchObject({ kind: "paragraph", text: "Assessment carried out in the autumn term." });
    expect(blocks[citing + 1]?.location).toEqual(blocks[citing]?.location);
    expect(blocks.some((block) => textOf(block).includes("[1]") || textOf(block).includes("↑"))).toBe(false);
  });

  it("reads a table with a marked header row, keeping rows and cells apart and a cell's two paragraphs on two lines", () => {
    const table = blocks[indexOf("Speech sound difficulties")];
    expect(table).toMatchObject({
      kind: "table",
      header: ["Need", "Provision", "Frequency"],
      rows: [
        ["Speech sound difficulties", "A speech and language therapist will deliver a programme of speech sound work.\nA teaching assistant will practise the targets at home time.", "30 minutes weekly"],
        ["Understanding instructions", "Visual timetable and now-and-next board used in every lesson.", "Daily, in every lesson"],
      ],
    });
  });

  it("takes a bold first row as the header, and gives label | value tables none", () => {
    expect(blocks[indexOf("two-step instruction")]).toMatchObject({
      kind: "table",
      header: ["Outcome", "Steps"],
      rows: [["Ava will follow a two-step instruction.", "She will use her visual timetable."]],
    });
    expect(blocks[indexOf("Ava Example")]).toMatchObject({
      kind: "table",
      header: [],
      rows: [
        ["Name:", "Ava Example"],
        ["Date of birth:", "12 May 2016"],
      ],
    });
  });

  it("reads bullet and numbered lists with their nesting", () => {
    const items = blocks.filter((block) => block.kind === "list-item").map((block) => [block.level, block.ordered, block.text]);
    expect(items).toEqual([
      [0, false, "Visual timetable"],
      [1, false, "Now and next board"],
      [0, true, "Check understanding"],
      [1, true, "Repeat the instruction"],
      [0, true, "Model the answer"],
      // A typed bullet is a list item too.
      [0, false, "Educational psychologist report, 3 February 2025"],
    ]);
  });

  it("gives each block the index of its first w:p in body order", () => {
    const at = (text: string): number | undefined => blocks[indexOf(text)]?.location.paragraph;
    expect(at("Education, Health and Care Plan")).toBe(0);
    expect(at("Ava enjoys")).toBe(2);
    // The empty paragraph (index 4) is skipped by mammoth but still counted.
    expect(at("What is important to me")).toBe(5);
    expect(at("Section F:")).toBe(8);
    expect(at("Speech sound difficulties")).toBe(10);
    // The table holds 3 + 4 + 3 paragraphs (one cell has two).
    expect(at("Strategies used in class")).toBe(20);
    expect(blocks.find((block) => block.kind === "list-item" && block.text === "Visual timetable")?.location.paragraph).toBe(22);
  });

  it("reads comments in document order with author, date, text, exact anchor and block", () => {
    expect(document.comments).toEqual([
      {
        id: "1",
        author: PARENT,
        date: "2025-03-04T10:15:00.000Z",
        text: "She swims with her dad on Saturdays, not at school.",
        anchorText: "swimming",
        rawBlockIndex: indexOf("Ava enjoys"),
      },
      {
        id: "2",
        author: PARENT,
        date: "2025-03-04T10:15:00.000Z",
        text: "Please use her words.\nShe told us this herself.",
        anchorText: "favourite subject is art",
        rawBlockIndex: indexOf("She says her"),
      },
      {
        id: "3",
        author: CASEWORKER,
        date: "2025-03-04T10:15:00.000Z",
        text: "School name corrected.",
        anchorText: "Elm",
        rawBlockIndex: indexOf("Ava attends"),
      },
      {
        id: "5",
        author: "Dr Lee (educational psychologist)",
        date: "2025-03-04T10:15:00.000Z",
        text: "How long each time?",
        anchorText: "Daily",
        rawBlockIndex: indexOf("Speech sound difficulties"),
      },
      {
        id: "4",
        author: PARENT,
        date: "2025-03-04T10:15:00.000Z",
        text: "These two need more detail.",
        anchorText: "visual support\nand pre-teaching",
        rawBlockIndex: indexOf("Strategies used in class"),
      },
    ]);
  });

  it("reads tracked changes with kind, author, date, text and block", () => {
    expect(document.trackedChanges).toEqual([
      { id: "101", kind: "deletion", author: CASEWORKER, date: "2025-03-05T09:00:00Z", text: "Oak", rawBlockIndex: indexOf("Ava attends") },
      { id: "102", kind: "insertion", author: PARENT, date: "2025-03-06T14:30:00Z", text: "Elm", rawBlockIndex: indexOf("Ava attends") },
      { id: "103", kind: "insertion", author: PARENT, date: "2025-03-06T14:31:00Z", text: ", in every lesson", rawBlockIndex: indexOf("Speech sound difficulties") },
    ]);
  });

  it("counts the non-empty body paragraphs, table cells included", () => {
    // 38 w:p in the body (10 + 4 + 4 of them in tables); the empty one does not count.
    expect(document.paragraphCount).toBe(37);
    expect(document.format).toBe("docx");
  });
});

/** Rewrites word/document.xml of a generated file, for constructs the docx package cannot write. */
async function withDocumentXml(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  zip.file("word/document.xml", edited);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("readDocx on Word constructs the docx package cannot write", () => {
  const twoParagraphs = (): Document =>
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Section B", heading: HeadingLevel.HEADING_1 }),
            paragraph(
              new TextRun("Ava needs "),
              new DeletedTextRun({ id: 201, author: CASEWORKER, date: "2025-01-01T00:00:00Z", text: "some" }),
              new InsertedTextRun({ id: 202, author: CASEWORKER, date: "2025-01-01T00:00:00Z", text: "daily" }),
              new TextRun(" help."),
            ),
            new Paragraph("First half of a sentence"),
            new Paragraph("continued here."),
            new Paragraph("Last paragraph."),
          ],
        },
      ],
    });

  it("reports moved text as a deletion where it was and an insertion where it went", async () => {
    const bytes = await withDocumentXml(await toBytes(twoParagraphs()), (xml) =>
      xml
        .replace(/<w:del (w:id="201"[^>]*)>(.*?)<\/w:del>/, (_, attributes: string, inner: string) => `<w:moveFrom ${attributes}>${inner.replace(/delText/g, "t")}</w:moveFrom>`)
        .replace(/<w:ins (w:id="202"[^>]*)>(.*?)<\/w:ins>/, "<w:moveTo $1>$2</w:moveTo>"),
    );
    const document = await readDocx(bytes);
    expect(document.blocks[1]).toMatchObject({ kind: "paragraph", text: "Ava needs daily help.", location: { paragraph: 1 } });
    expect(document.trackedChanges.map(({ kind, text, rawBlockIndex }) => ({ kind, text, rawBlockIndex }))).toEqual([
      { kind: "deletion", text: "some", rawBlockIndex: 1 },
      { kind: "insertion", text: "daily", rawBlockIndex: 1 },
    ]);
  });

  it("joins a paragraph whose end mark was deleted to the next one, as Word shows it", async () => {
    const bytes = await withDocumentXml(await toBytes(twoParagraphs()), (xml) =>
      xml.replace(
        /<w:p>(<w:r><w:t xml:space="preserve">First half)/,
        `<w:p><w:pPr><w:rPr><w:del w:id="301" w:author="${CASEWORKER}" w:date="2025-01-02T00:00:00Z"/></w:rPr></w:pPr>$1`,
      ),
    );
    const document = await readDocx(bytes);
    expect(document.blocks.map((block) => [textOf(block), block.location.paragraph])).toEqual([
      ["Section B", 0],
      ["Ava needs daily help.", 1],
      ["First half of a sentencecontinued here.", 2],
      ["Last paragraph.", 4],
    ]);
  });

  it("lays merged cells out on a grid and flattens a table nested in a cell", async () => {
    const document = await readDocx(
      await toBytes(
        new Document({
          sections: [
            {
              children: [
                new Table({
                  rows: [
                    new TableRow({ tableHeader: true, children: [cell("Area"), cell("Provision"), cell("Who")] }),
                    new TableRow({ children: [new TableCell({ rowSpan: 2, children: [new Paragraph("Literacy")] }), cell("Phonics group, 20 minutes daily"), cell("Teaching assistant")] }),
                    new TableRow({ children: [cell("Reading with an adult, 10 minutes daily"), cell("Class teacher")] }),
                    new TableRow({ children: [new TableCell({ columnSpan: 2, children: [new Paragraph("Reviewed each term")] }), cell("SENCo")] }),
                    new TableRow({
                      children: [
                        cell("Maths"),
                        new TableCell({
                          children: [
                            new Paragraph("Small steps:"),
                            new Table({ rows: [new TableRow({ children: [cell("Number bonds"), cell("Weekly")] }), new TableRow({ children: [cell("Counting on"), cell("Daily")] })] }),
                          ],
                        }),
                        cell("Maths lead"),
                      ],
                    }),
                  ],
                }),
                new Paragraph("After the table."),
              ],
            },
          ],
        }),
      ),
    );
    expect(document.blocks).toEqual([
      {
        kind: "table",
        header: ["Area", "Provision", "Who"],
        rows: [
          ["Literacy", "Phonics group, 20 minutes daily", "Teaching assistant"],
          ["", "Reading with an adult, 10 minutes daily", "Class teacher"],
          ["Reviewed each term", "", "SENCo"],
          ["Maths", "Small steps:\nNumber bonds | Weekly\nCounting on | Daily", "Maths lead"],
        ],
        location: { paragraph: 0 },
      },
      // The table holds 19 w:p: 3 + 3 + 3 (the merged-down cell repeats, empty) + 2 + (1 + 1 + 4 inner + the empty
      // paragraph Word requires after a nested table + 1).
      { kind: "paragraph", text: "After the table.", location: { paragraph: 19 } },
    ]);
  });

  it("gives headings back the numbers Word adds to them, which mammoth leaves out", async () => {
    const numbered = (text: string, level: number, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph =>
      new Paragraph({ text, heading, numbering: { reference: "sections", level } });
    const document = await readDocx(
      await toBytes(
        new Document({
          numbering: {
            config: [
              {
                reference: "sections",
                levels: [
                  { level: 0, format: LevelFormat.UPPER_LETTER, text: "Section %1:" },
                  { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2" },
                ],
              },
              { reference: "steps", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1." }] },
            ],
          },
          sections: [
            {
              children: [
                numbered("Views, interests and aspirations", 0, HeadingLevel.HEADING_1),
                numbered("About me", 1, HeadingLevel.HEADING_2),
                numbered("My hopes", 1, HeadingLevel.HEADING_2),
                new Paragraph({ text: "First step", numbering: { reference: "steps", level: 0 } }),
                numbered("Special educational needs", 0, HeadingLevel.HEADING_1),
                numbered("Communication", 1, HeadingLevel.HEADING_2),
              ],
            },
          ],
        }),
      ),
    );
    expect(document.blocks.map((block) => textOf(block))).toEqual([
      "Section A: Views, interests and aspirations",
      "A.1 About me",
      "A.2 My hopes",
      // List items keep their text: their numbers are layout, and the block says it is ordered.
      "First step",
      "Section B: Special educational needs",
      "B.1 Communication",
    ]);
  });

  it("keeps the text of simple fields (mail merge, document properties), which mammoth alone drops", async () => {
    const document = await readDocx(
      await toBytes(
        new Document({
          comments: { children: [{ id: 1, author: PARENT, date: COMMENT_DATE, children: [new Paragraph("Her name is spelt Ava.")] }] },
          sections: [
            {
              children: [
                paragraph(new TextRun("Name: "), new CommentRangeStart(1), new SimpleField("DOCPROPERTY ChildName", "Ava Example"), new CommentRangeEnd(1), commentRun(1)),
                paragraph(new TextRun("Plan date: "), new SimpleField("MERGEFIELD PlanDate", "1 April 2025")),
              ],
            },
          ],
        }),
      ),
    );
    expect(document.blocks.map((block) => [textOf(block), block.location.paragraph])).toEqual([
      ["Name: Ava Example", 0],
      ["Plan date: 1 April 2025", 1],
    ]);
    expect(document.comments[0]).toMatchObject({ anchorText: "Ava Example", rawBlockIndex: 0 });
  });

  it("merges one edit that Word split into several runs", async () => {
    const document = await readDocx(
      await toBytes(
        new Document({
          sections: [
            {
              children: [
                paragraph(
                  new TextRun("Provision: "),
                  new InsertedTextRun({ id: 1, author: PARENT, date: "2025-02-01T08:00:00Z", text: "30 minutes " }),
                  new InsertedTextRun({ id: 2, author: PARENT, date: "2025-02-01T08:00:00Z", text: "three times", bold: true }),
                  new InsertedTextRun({ id: 3, author: PARENT, date: "2025-02-01T08:00:00Z", text: " a week" }),
                  new TextRun(" with "),
                  new InsertedTextRun({ id: 4, author: PARENT, date: "2025-02-01T08:00:00Z", text: "a therapist" }),
                ),
              ],
            },
          ],
        }),
      ),
    );
    expect(document.trackedChanges.map(({ id, text }) => ({ id, text }))).toEqual([
      { id: "1", text: "30 minutes three times a week" },
      { id: "4", text: "a therapist" },
    ]);
  });

  it("leaves a deleted table row out of the table, and points the row's deletions at the table", async () => {
    let nextId = 500;
    const deleted = (inner: string): string =>
      inner.replace(/<w:r>(.*?)<\/w:r>/g, (_, run: string) => `<w:del w:id="${nextId++}" w:author="${CASEWORKER}" w:date="2025-04-01T00:00:00Z"><w:r>${run.replace(/w:t\b/g, "w:delText")}</w:r></w:del>`);
    const bytes = await withDocumentXml(
      await toBytes(
        new Document({
          sections: [
            {
              children: [
                new Paragraph("Before the table."),
                new Table({
                  rows: [
                    new TableRow({ children: [cell("Need"), cell("Provision")] }),
                    new TableRow({ children: [cell("Reading"), cell("Phonics group, 20 minutes daily")] }),
                    new TableRow({ children: [cell("Writing"), cell("Typing club, 30 minutes weekly")] }),
                  ],
                }),
                new Paragraph("After the table."),
              ],
            },
          ],
        }),
      ),
      (xml) =>
        xml.replace(/<w:tr>(<w:tc>(?:(?!<\/w:tr>).)*?Reading.*?)<\/w:tr>/, (_, inner: string) =>
          `<w:tr><w:trPr><w:del w:id="499" w:author="${CASEWORKER}" w:date="2025-04-01T00:00:00Z"/></w:trPr>${deleted(inner)}</w:tr>`,
        ),
    );
    const document = await readDocx(bytes);
    expect(document.blocks.map((block) => [textOf(block), block.location.paragraph])).toEqual([
      ["Before the table.", 0],
      // The table starts at its first paragraph, the deleted row's included; after it come 6 paragraphs in all.
      [expect.not.stringContaining("Reading"), 1],
      ["After the table.", 7],
    ]);
    expect(textOf(document.blocks[1]!)).toContain("Typing club, 30 minutes weekly");
    expect(document.trackedChanges.map(({ kind, text, rawBlockIndex }) => ({ kind, text, rawBlockIndex }))).toEqual([
      { kind: "deletion", text: "Reading", rawBlockIndex: 1 },
      { kind: "deletion", text: "Phonics group, 20 minutes daily", rawBlockIndex: 1 },
    ]);
  });

  it("reads a document that gives Word's namespace another prefix, or makes it the default namespace", async () => {
    const bytes = await toBytes(plan());
    const expected = await readDocx(bytes);
    const renamed = await withDocumentXml(bytes, (xml) => xml.replace(/(<\/?)w:/g, "$1wx:").replace(/ w:/g, " wx:").replace("xmlns:w=", "xmlns:wx="));
    expect(await readDocx(renamed)).toEqual(expected);
    // Elements unprefixed in the default namespace; attributes keep a prefix (unprefixed ones have no namespace).
    const wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const unprefixed = await withDocumentXml(bytes, (xml) => xml.replace(/(<\/?)w:/g, "$1").replace("<document ", `<document xmlns="${wordNamespace}" `));
    expect(await readDocx(unprefixed)).toEqual(expected);
  });
});

describe("readDocx on files that are not Word documents", () => {
  it("rejects a zip without a Word document", async () => {
    const zip = new JSZip();
    zip.file("notes.txt", "This is not a plan.");
    zip.file("data/figures.csv", "a,b\n1,2\n");
    await expectProblem(await zip.generateAsync({ type: "uint8array" }), ["UNSUPPORTED_FORMAT"]);
  });

  it("rejects random bytes shaped like a zip as a damaged file", async () => {
    const next = seededRandom(7);
    const random = Uint8Array.from({ length: 4096 }, () => next() & 0xff);
    random.set([0x50, 0x4b, 0x03, 0x04], 0);
    await expectProblem(random, ["CORRUPT_FILE"]);
  });

  it("rejects a Word package whose document part is not XML", async () => {
    const zip = await JSZip.loadAsync(await toBytes(new Document({ sections: [{ children: [new Paragraph("Hello")] }] })));
    zip.file("word/document.xml", "<w:document><w:body><w:p>unterminated");
    await expectProblem(await zip.generateAsync({ type: "uint8array" }), ["CORRUPT_FILE"]);
  });

  it("rejects a Word file whose compressed document part is damaged", async () => {
    const bytes = await toBytes(plan());
    const name = new TextEncoder().encode("word/document.xml");
    const at = findBytes(bytes, name);
    expect(at).toBeGreaterThan(0);
    const damaged = bytes.slice();
    for (let i = at + name.length + 40; i < at + name.length + 240; i++) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    await expectProblem(damaged, ["CORRUPT_FILE"]);
  });
});

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const samplesDir = join(import.meta.dirname, "../../samples");
const sampleFiles = readdirSync(samplesDir).filter((name) => name.endsWith(".docx"));
/** Letters and digits only, to find an anchor inside a block whatever the spacing and punctuation around it. */
const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

// One case per committed sample DOCX, whatever samples exist (the suite is only declared when there are some).
if (sampleFiles.length > 0) describe("readDocx on the committed samples", () => {
  const read = new Map<string, RawDocument>();
  const readSample = async (name: string): Promise<RawDocument> => {
    const document = read.get(name) ?? (await readDocx(new Uint8Array(readFileSync(join(samplesDir, name)))));
    read.set(name, document);
    return document;
  };

  it.each(sampleFiles.map((name) => [name]))("reads %s sensibly", async (name) => {
    const document = await readSample(name);
    // Plans, advice reports and response letters alike: some text, every paragraph counted.
    expect(document.blocks.length).toBeGreaterThan(3);
    expect(document.paragraphCount).toBeGreaterThanOrEqual(document.blocks.filter((block) => block.kind !== "table").length);
    for (const block of document.blocks) {
      expect(textOf(block).trim()).not.toBe("");
      expect(block.location.paragraph).toBeGreaterThanOrEqual(0);
    }
    // Locations never go backwards.
    const locations = document.blocks.map((block) => block.location.paragraph ?? 0);
    expect(locations).toEqual([...locations].sort((a, b) => a - b));
    // Each comment and insertion points at the block that holds its text.
    for (const comment of document.comments) {
      expect(comment.author).not.toBe("");
      expect(comment.text).not.toBe("");
      const block = document.blocks[comment.rawBlockIndex ?? -1];
      expect(block, `comment ${comment.id} has a block`).toBeDefined();
      expect(squash(textOf(block!))).toContain(squash(comment.anchorText.split("\n")[0] ?? ""));
    }
    for (const change of document.trackedChanges) {
      const block = document.blocks[change.rawBlockIndex ?? -1];
      expect(block, `change ${change.id} has a block`).toBeDefined();
      if (change.kind === "insertion") expect(squash(textOf(block!))).toContain(squash(change.text));
    }
  });

  const drafts = sampleFiles.filter((name) => name.includes("draft"));
  if (drafts.length > 0) {
    it("finds real Word comments and tracked changes among the draft samples", async () => {
      const documents = await Promise.all(drafts.map(readSample));
      expect(documents.some((document) => document.comments.length > 0)).toBe(true);
      expect(documents.some((document) => document.trackedChanges.some((change) => change.kind === "insertion"))).toBe(true);
      expect(documents.some((document) => document.trackedChanges.some((change) => change.kind === "deletion"))).toBe(true);
    });
  }
});
