// Short invented plans in layouts neither samples/ nor the dev corpus use, as real Word files (docx package) and
// Markdown: the whole plan as one "Section | Details" table with merged banner rows, capital-letter paragraph
// headings with no letters, "1.1" numbered Word headings whose letters appear only in a contents table, statutory
// "Part 1 — About the child or young person" long titles with preparing-for-adulthood sub-headings, and Markdown.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";

const cell = (text: string, columnSpan?: number): TableCell =>
  new TableCell({ children: text.split("\n").map((line) => new Paragraph(line)), ...(columnSpan ? { columnSpan } : {}) });
const row = (...texts: string[]): TableRow => new TableRow({ children: texts.map((text) => cell(text)) });
const banner = (text: string): TableRow => new TableRow({ children: [new TableCell({ columnSpan: 2, children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] })] });
const para = (text: string): Paragraph => new Paragraph(text);
const boldLine = (text: string): Paragraph => new Paragraph({ children: [new TextRun({ text, bold: true })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1): Paragraph => new Paragraph({ text, heading: level });
/** One paragraph whose lines are separated by line breaks (Shift+Enter), as title blocks are often typed. */
const brokenLines = (lines: string[]): Paragraph => new Paragraph({ children: lines.map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })) });

const pack = (children: (Paragraph | Table)[]): Promise<Buffer> => Packer.toBuffer(new Document({ sections: [{ children }] }));

/** 1. The whole plan is one two-column table; banner rows span both columns; the section name is the label cell. */
export function wholePlanTable(): Promise<Buffer> {
  return pack([
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "Education, Health and Care Plan", bold: true })] }),
    new Table({
      rows: [
        row("Section", "Details"),
        banner("About this plan"),
        row("Child's full name", "Perrin Oakhurst-Vale"),
        row("Date of birth", "03.06.2016"),
        row("Plan status", "Final"),
        row("Date plan finalised", "June 3, 2024"),
        banner("The plan"),
        row("Views, interests and aspirations", "Perrin likes trains and building with bricks. He wants to be a train driver."),
        row("Special educational needs", "Perrin has a language disorder and finds it hard to understand questions."),
        row("Health needs", "Perrin has asthma, managed with an inhaler."),
        row("Social care needs", "Perrin has no social care needs."),
        row("Outcomes", "By July 2025 Perrin will answer simple who and where questions about a story."),
        row("Special educational provision", "A speech and language therapist will see Perrin for 30 minutes every week."),
        row("Health provision", "The school nurse will train staff in using an inhaler once a year."),
        row("Social care provision", "None."),
        row("Placement", "Brookmere Primary School (mainstream)."),
      ],
    }),
  ]);
}

/** 2. Headings are capital-letter plain paragraphs naming no letter; the title block is labelled lines in one paragraph. */
export function capitalParagraphHeadings(): Promise<Buffer> {
  return pack([
    boldLine("MY EHC PLAN"),
    brokenLines(["Name: Marisol Threadgill", "Date of birth: 3rd June 2013", "Status: Draft", "Date draft issued: 14.02.2025"]),
    boldLine("ALL ABOUT ME"),
    para("I like swimming and drawing cats. When I grow up I want to be a vet."),
    boldLine("WHAT I NEED HELP WITH"),
    para("Marisol has dyslexia. She reads slowly and finds spelling hard."),
    boldLine("MY HEALTH"),
    para("Marisol wears glasses."),
    boldLine("WHAT I WANT TO ACHIEVE"),
    para("By the end of Year 8 Marisol will read a chapter of a novel on her own."),
    boldLine("THE HELP I WILL GET AT SCHOOL"),
    para("A specialist teacher will teach Marisol in a small group three times a week for 40 minutes."),
    boldLine("HEALTH PROVISION"),
    para("An optometrist will check her eyes once a year."),
    boldLine("MY SCHOOL"),
    para("Hollins Vale Academy."),
  ]);
}

/** 3. Word headings numbered "1.1", "1.2"; the statutory letters appear only in the contents table. */
export function numberedHeadingsLettersInContents(): Promise<Buffer> {
  const parts: [string, string, string, string][] = [
    ["A", "1.1", "Views, interests and aspirations", "Jonah likes football and wants to coach a team one day."],
    ["B", "1.2", "Special educational needs", "Jonah has autism. Changes to routine make him anxious."],
    ["C", "1.3", "Health needs related to special educational needs", "Jonah has eczema."],
    ["E", "1.4", "Outcomes", "By July 2026 Jonah will tell an adult when he feels worried, using a feelings card."],
    ["F", "1.5", "Special educational provision", "A teaching assistant will check in with Jonah at the start of each day for 10 minutes."],
    ["I", "1.6", "Placement", "Ferncliffe Secondary School."],
  ];
  return pack([
    heading("Education, Health and Care Plan", HeadingLevel.TITLE),
    new Table({ rows: [row("Name", "Jonah Pellow-Rees"), row("Date of birth", "June 3, 2011"), row("Status", "Final"), row("Next review date", "3rd June 2025")] }),
    para("Contents"),
    new Table({ rows: [row("Section", "Title", "Page"), ...parts.map(([letter, , title], index) => row(letter, title, String(index + 2)))] }),
    ...parts.flatMap(([, number, title, text]) => [heading(`${number} ${title}`), para(text)]),
  ]);
}

/** 4. Statutory long titles in parts ("Part 1 — About the child or young person"), a post-19 plan with preparing-for-adulthood sub-headings. */
export function statutoryPartsPost19(): Promise<Buffer> {
  return pack([
    heading("Education, Health and Care Plan", HeadingLevel.TITLE),
    brokenLines(["Young person: Ezekiel Trawden", "Date of birth: 03.06.2004", "Plan type: Amended", "Date of annual review meeting: 3rd June 2024"]),
    heading("Part 1 — About the young person: views, interests and aspirations"),
    para("Ezekiel is 20. He enjoys cooking and wants to work in a café."),
    heading("Part 2 — The young person's special educational needs"),
    para("Ezekiel has a moderate learning difficulty and needs help with money and time."),
    heading("Part 3 — Outcomes sought for the young person"),
    heading("Preparing for adulthood: employment", HeadingLevel.HEADING_2),
    para("By June 2025 Ezekiel will complete a six-week work placement in a kitchen."),
    heading("Preparing for adulthood: independent living", HeadingLevel.HEADING_2),
    para("By June 2025 Ezekiel will travel to college on the bus on his own."),
    heading("Part 4 — Special educational provision required by the young person"),
    para("A job coach will support Ezekiel at his placement for 3 hours a week."),
    heading("Part 5 — Social care provision"),
    para("Ezekiel receives a personal assistant for 4 hours a week under section 2 of the CSDPA 1970."),
    heading("Part 6 — The name of the post-16 institution"),
    para("Riverbend College, supported internship."),
  ]);
}

/** 5. Markdown: title as a pipe table with no header words, headings as "### B — ..." lines, provision as a pipe table. */
export const MARKDOWN_PLAN = `**DRAFT** Education, Health and Care Plan

| | |
|---|---|
| Child | Wren Castellane |
| Born | 03.06.2019 |
| Date draft plan sent to parents | 3rd June 2024 |

### A — What Wren and her family think

Wren loves singing and playing in the sand.

### B — Wren's special educational needs

Wren has global developmental delay.

### E — What we want Wren to achieve

By September 2025 Wren will use ten signs to ask for what she wants.

### F — The help Wren will get

| What | Who | How often |
|---|---|---|
| Signing sessions in a group of four | Early years practitioner | 20 minutes, daily |

### I — Nursery

Little Acorns Nursery.
`;

/** 6. Unlettered Word headings; the title block is one row of labels over one row of values; outcomes grouped by area, "Health outcomes" among them. */
export function labelRowTitleOutcomesByArea(): Promise<Buffer> {
  return pack([
    heading("Education, Health and Care Plan", HeadingLevel.TITLE),
    new Table({ rows: [row("Name", "D.O.B.", "Plan status", "Date of issue"), row("Anouk Feldspar", "3 June 2008", "Final", "03/06/2024")] }),
    heading("Views, interests and aspirations"),
    para("Anouk enjoys photography and wants to work in a camera shop."),
    heading("Special educational needs"),
    para("Anouk has cerebral palsy and finds writing by hand slow and tiring."),
    heading("Health needs"),
    para("Anouk has physiotherapy for tight muscles in her legs."),
    heading("Outcomes"),
    heading("Employment outcomes", HeadingLevel.HEADING_2),
    para("By July 2025 Anouk will complete a two-week work experience placement."),
    heading("Health outcomes", HeadingLevel.HEADING_2),
    para("By July 2025 Anouk will do her own stretching routine each morning."),
    heading("Special educational provision"),
    para("Anouk will use a laptop with speech-to-text software in every lesson."),
    heading("Health provision"),
    para("A physiotherapist will review Anouk's stretching programme once a term."),
    heading("Placement"),
    para("Larchfield Sixth Form College."),
  ]);
}
