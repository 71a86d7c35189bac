// A short fictional plan as a real Word file (docx package): title table, contents page, lettered headings, a
// combined Section H, an appendix, a Word comment and a tracked insertion. For the readDocument and CLI tests.
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";

const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] });
const row = (...texts: string[]): TableRow => new TableRow({ children: texts.map(cell) });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1): Paragraph => new Paragraph({ text, heading: level });

const SECTIONS: [string, string, string][] = [
  ["A", "Views, interests and aspirations", "Ava is nine. She loves drawing horses and wants to work with animals when she is older."],
  ["B", "Special educational needs", "Ava has a specific learning difficulty in reading and spelling, and finds it hard to follow long spoken instructions."],
  ["C", "Health needs related to SEN", "Ava has no health needs related to her special educational needs."],
  ["D", "Social care needs", "Ava has no social care needs."],
  ["E", "Outcomes", "By July 2026 Ava will read a book at her level aloud with 95% accuracy."],
  ["F", "Special educational provision", "A specialist teacher will deliver a structured phonics programme, 30 minutes, 3 times a week, in a group of no more than 3 pupils."],
  ["G", "Health provision", "No health provision is required."],
];

export async function docxPlan(): Promise<Buffer> {
  const document = new Document({
    comments: { children: [{ id: 0, author: "Jo Parent", date: new Date("2025-03-04T10:15:00Z"), children: [new Paragraph("She is nine and a half.")] }] },
    sections: [
      {
        children: [
          heading("Education, Health and Care Plan", HeadingLevel.TITLE),
          new Table({ rows: [row("Name of child", "Ava Smith"), row("Date of birth", "12th March 2016"), row("Status", "Draft"), row("Date of request for assessment", "03/01/2025")] }),
          new Paragraph("Contents"),
          ...SECTIONS.map(([id, title], index) => new Paragraph(`Section ${id}: ${title}\t${index + 2}`)),
          ...SECTIONS.flatMap(([id, title, text]) => [
            heading(`Section ${id}: ${title}`),
            id === "A"
              ? new Paragraph({
                  children: [
                    new TextRun("Ava is "),
                    new CommentRangeStart(0),
                    new TextRun("nine"),
                    new CommentRangeEnd(0),
                    new TextRun({ children: [new CommentReference(0)] }),
                    new TextRun(". She loves drawing horses and wants to work with animals when she is older."),
                    new InsertedTextRun({ text: " She has a pony called Star.", id: 1, author: "Sam Caseworker", date: "2025-03-05T09:00:00Z" }),
                  ],
                })
              : new Paragraph(text),
          ]),
          heading("Section H: Social care"),
          heading("H1: Social care provision under section 2 of the CSDPA 1970", HeadingLevel.HEADING_2),
          new Paragraph("None."),
          heading("H2: Other social care provision", HeadingLevel.HEADING_2),
          new Paragraph("None."),
          heading("Section I: Placement"),
          new Paragraph("To be named in the final plan."),
          heading("Section K: Advice and information"),
          new Paragraph("Educational psychology advice, Dr Jane Hale, 3 March 2025."),
          heading("Appendix 1: Parent's advice"),
          new Paragraph("Ava's mum wrote that Ava loves animals."),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
