import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { EhcpDocument, SectionId } from "../../src/model/document.ts";
import type { RawBlock } from "../../src/ingest/raw.ts";
import { buildDocument, type SectionAliases } from "../../src/ingest/sections.ts";
import { h, li, p, rawDocument, table } from "./raw-builders.ts";

const aliases = (JSON.parse(readFileSync(new URL("../../rules/default.json", import.meta.url), "utf8")) as { sections: { aliases: SectionAliases } }).sections.aliases;

function build(blocks: RawBlock[], format: "docx" | "pdf" | "text" = "docx", extra = {}): EhcpDocument {
  return buildDocument(rawDocument(blocks, format, extra), { fileName: "plan.docx", sha256: "ab".repeat(32), aliases });
}

const ids = (doc: EhcpDocument): SectionId[] => doc.sections.map((section) => section.id);
const sectionText = (doc: EhcpDocument, id: SectionId): string[] => doc.sections.find((section) => section.id === id)?.blocks.map((block) => block.text) ?? [];

const TITLES: [SectionId, string][] = [
  ["A", "Views, interests and aspirations"],
  ["B", "Special educational needs"],
  ["C", "Health needs related to SEN"],
  ["D", "Social care needs"],
  ["E", "Outcomes"],
  ["F", "Special educational provision"],
  ["G", "Health provision"],
  ["H1", "Social care provision under section 2 of the CSDPA 1970"],
  ["H2", "Other social care provision"],
  ["I", "Placement"],
  ["J", "Personal budget"],
  ["K", "Advice and information"],
];
const ALL: SectionId[] = TITLES.map(([id]) => id);

/** A plan with every section: its heading written by `heading`, one paragraph of content naming the section. */
function plan(heading: (id: SectionId, title: string, ordinal: number) => RawBlock, options: { format?: "docx" | "pdf" } = {}): EhcpDocument {
  return build(
    [
      h("Education, Health and Care Plan"),
      p("Name: Ava Smith"),
      ...TITLES.flatMap(([id, title], index) => [heading(id, title, index + 1), p(`Content of ${id}: Ava is supported well at school.`)]),
    ],
    options.format,
  );
}

describe("section headings in every template", () => {
  it("reads 'Section A: ...' and 'Section F – ...'", () => {
    const doc = plan((id, title) => h(id === "F" ? `Section ${id} – ${title}` : `Section ${id}: ${title}`));
    expect(ids(doc)).toEqual(ALL);
    expect(doc.sections[5]!.heading).toBe("Section F – Special educational provision");
    for (const id of ALL) expect(sectionText(doc, id)).toEqual([`Content of ${id}: Ava is supported well at school.`]);
  });

  it("reads 'Part A – All about me' and 'Part F: The support I will get'", () => {
    const doc = build([
      h("Part A – All about me"),
      p("I like trains."),
      h("Part B – What I find difficult"),
      p("Reading."),
      h("Part F: The support I will get"),
      p("A teaching assistant will read with me daily."),
    ]);
    expect(ids(doc)).toEqual(["A", "B", "F"]);
    expect(doc.sections[2]!.heading).toBe("Part F: The support I will get");
  });

  it("reads numbered headings with the letter in brackets, also as numbered list items", () => {
    const doc = plan((id, title, ordinal) => h(`${ordinal}. ${title} (Section ${id})`));
    expect(ids(doc)).toEqual(ALL);
    const listed = build([li("Views, interests and aspirations (Section A)", true), p("Ava likes drawing."), li("Special educational needs (Section B)", true), p("Ava has dyslexia.")]);
    expect(ids(listed)).toEqual(["A", "B"]);
  });

  it("reads headings by meaning alone, the longest alias winning", () => {
    const doc = build([
      h("All about me"),
      p("Ava loves swimming."),
      h("Special Educational Needs"),
      p("Ava has difficulties with reading."),
      h("Health needs"),
      p("Ava has asthma."),
      h("Outcomes"),
      p("By July 2027 Ava will read 100 words."),
      h("Special educational provision"),
      p("A teacher will read with Ava daily."),
      h("Health provision"),
      p("The school nurse will review her inhaler plan."),
      h("Placement"),
      p("Oakfield Primary School."),
      h("Advice and information"),
      li("Educational psychology advice, 3 March 2025"),
    ]);
    expect(ids(doc)).toEqual(["A", "B", "C", "E", "F", "G", "I", "K"]);
    expect(sectionText(doc, "C")).toEqual(["Ava has asthma."]);
    expect(sectionText(doc, "G")).toEqual(["The school nurse will review her inhaler plan."]);
  });

  it("takes short paragraphs as headings when there are no styles (PDF), but not sentences that mention a section", () => {
    const doc = build(
      [
        p("Section A: Views, interests and aspirations"),
        p("Section F of this plan sets out the provision Ava needs, and it is reviewed each year."),
        li("Section F: please change the speech and language therapy to weekly sessions"),
        p("Section B: Special educational needs"),
        p("Ava needs help with reading."),
        p("Section F: Special educational provision"),
        p("Ava will have a reading session each day."),
      ],
      "pdf",
    );
    expect(ids(doc)).toEqual(["A", "B", "F"]);
    expect(sectionText(doc, "A")).toHaveLength(2);
    expect(doc.sections[2]!.heading).toBe("Section F: Special educational provision");
  });

  it("keeps sub-headings inside their section: lettered templates ignore headings by meaning", () => {
    const doc = build([
      h("Section E: Outcomes"),
      h("Outcomes for communication", 2),
      p("By July 2026 Ava will ask for help."),
      h("Section F: Special educational provision"),
      h("Special educational needs", 2),
      p("Need: communication."),
      h("Outcomes", 2),
      p("By July 2026 Ava will ask for help."),
      h("Section G: Health provision"),
      p("None."),
    ]);
    expect(ids(doc)).toEqual(["E", "F", "G"]);
    expect(sectionText(doc, "F")).toEqual(["Special educational needs", "Need: communication.", "Outcomes", "By July 2026 Ava will ask for help."]);
  });

  it("keeps lower-level headings by meaning as sub-headings in a template without letters", () => {
    const doc = build([
      h("Special educational needs"),
      p("Ava finds reading hard."),
      h("Outcomes"),
      p("By 2027 Ava will read."),
      h("Special educational provision"),
      h("Outcomes", 2),
      p("Provision for the reading outcome."),
      h("Health provision"),
      p("None required."),
    ]);
    expect(ids(doc)).toEqual(["B", "E", "F", "G"]);
    expect(sectionText(doc, "F")).toEqual(["Outcomes", "Provision for the reading outcome."]);
  });

  it("in a PDF without letters, a repeated heading out of the usual order is a sub-heading", () => {
    const doc = build(
      [
        h("Special educational needs", 2),
        p("Ava finds reading hard."),
        h("Outcomes", 2),
        p("By 2027 Ava will read."),
        h("Special educational provision", 2),
        p("Daily reading with a teacher."),
        h("Health provision", 2),
        h("Outcomes", 2),
        p("Ava's asthma is managed."),
      ],
      "pdf",
    );
    expect(ids(doc)).toEqual(["B", "E", "F", "G"]);
    expect(sectionText(doc, "E")).toEqual(["By 2027 Ava will read."]);
    expect(sectionText(doc, "G")).toEqual(["Outcomes", "Ava's asthma is managed."]);
  });
});

describe("contents pages", () => {
  it("does not take contents entries (with page numbers) for the sections", () => {
    const doc = build([
      h("Education, Health and Care Plan"),
      p("Contents"),
      ...TITLES.map(([id, title], index) => p(`Section ${id}: ${title} ${index + 2}`)),
      ...TITLES.flatMap(([id, title]) => [h(`Section ${id}: ${title}`), p(`Real content of ${id}.`)]),
    ]);
    expect(ids(doc)).toEqual(ALL);
    for (const section of doc.sections) expect(section.blocks.map((block) => block.text)).toEqual([`Real content of ${section.id}.`]);
    expect(doc.blocks.slice(0, 14).every((block) => block.section === null)).toBe(true);
  });

  it("does not take contents entries without page numbers or a 'Contents' title: the later one with content wins", () => {
    const doc = build([
      ...TITLES.map(([id, title]) => p(`Section ${id}: ${title}`)),
      p("This plan was written with Ava and her parents."),
      ...TITLES.flatMap(([id, title]) => [h(`Section ${id}: ${title}`), p(`Real content of ${id}.`)]),
    ]);
    expect(ids(doc)).toEqual(ALL);
    expect(sectionText(doc, "K")).toEqual(["Real content of K."]);
    expect(doc.sections[0]!.headingBlockId).toBe("b13");
  });

  it("keeps a section that is only a heading (Section I blank in a draft)", () => {
    const doc = build([h("Section H2: Other social care provision"), p("None."), h("Section I: Placement"), h("Section J: Personal budget"), p("No personal budget has been requested.")]);
    expect(ids(doc)).toEqual(["H2", "I", "J"]);
    expect(sectionText(doc, "I")).toEqual([]);
  });
});

describe("tables whose first column holds the section", () => {
  it("unfolds one table per section: the label cell becomes the heading, the content cell its blocks", () => {
    const doc = build([
      h("Education, Health and Care Plan"),
      ...TITLES.map(([id, title]) => table([], [[`Section ${id}\n${title}`, `Content of ${id} in the first line.\nA second paragraph about ${id}.`]])),
    ]);
    expect(ids(doc)).toEqual(ALL);
    const f = doc.sections.find((section) => section.id === "F")!;
    expect(f.heading).toBe("Section F – Special educational provision");
    expect(f.blocks.map((block) => [block.kind, block.text])).toEqual([
      ["paragraph", "Content of F in the first line."],
      ["paragraph", "A second paragraph about F."],
    ]);
    expect(doc.blocks.find((block) => block.id === f.headingBlockId)?.kind).toBe("heading");
  });

  it("splits one table with a row per section, and rebuilds a table nested in a content cell", () => {
    const doc = build([
      table(
        ["Section", "Content"],
        [
          ["A", "Ava likes dinosaurs."],
          ["B", "Ava has a diagnosis of autism."],
          ["F", "Provision for Ava:\nNeed | Provision | How often\nCommunication | Speech and language therapy, 30 minutes | Weekly\nReading | Phonics group of 3 pupils | Daily"],
          ["", "Reviewed each term."],
        ],
      ),
    ]);
    expect(ids(doc)).toEqual(["A", "B", "F"]);
    const f = doc.sections.find((section) => section.id === "F")!;
    expect(f.blocks.map((block) => block.kind)).toEqual(["paragraph", "table", "paragraph"]);
    const nested = f.blocks[1]!;
    expect(nested.kind === "table" && nested.header).toEqual(["Need", "Provision", "How often"]);
    expect(nested.kind === "table" && nested.rows).toHaveLength(2);
    expect(sectionText(doc, "A")).toEqual(["Ava likes dinosaurs."]);
  });

  it("reads a label cell that came out as two lines (a PDF without the table) as one heading", () => {
    const doc = build(
      [p("Section A"), p("Views, interests and aspirations"), p("Ava likes dinosaurs."), p("Section D"), p("Social care needs"), p("None."), p("Section E"), p("Outcomes"), p("By 2027 Ava will read.")],
      "pdf",
    );
    expect(doc.sections.map((section) => [section.id, section.heading, section.blocks.map((block) => block.text)])).toEqual([
      ["A", "Section A – Views, interests and aspirations", ["Ava likes dinosaurs."]],
      ["D", "Section D – Social care needs", ["None."]],
      ["E", "Section E – Outcomes", ["By 2027 Ava will read."]],
    ]);
  });

  it("does not unfold a contents page laid out as a table", () => {
    const doc = build([
      p("Contents"),
      table([], TITLES.map(([id, title], index) => [`Section ${id}`, title, String(index + 2)])),
      ...TITLES.flatMap(([id, title]) => [h(`Section ${id}: ${title}`), p(`Real content of ${id}.`)]),
    ]);
    expect(ids(doc)).toEqual(ALL);
    expect(doc.blocks[1]!.kind).toBe("table");
    expect(doc.blocks[1]!.section).toBeNull();
  });

  it("reads section names in the first column when there are no letters", () => {
    const doc = build([
      table([], [
        ["Views, interests and aspirations", "Ava enjoys music and wants to be a vet when she grows up."],
        ["Special educational needs", "Ava has moderate learning difficulties affecting reading and number."],
        ["Outcomes", "By July 2027 Ava will read a short book on her own."],
      ]),
    ]);
    expect(ids(doc)).toEqual(["A", "B", "E"]);
  });

  it("leaves ordinary tables alone: title facts and provision tables", () => {
    const doc = build([
      table([], [["Name", "Ava Smith"], ["Placement", "Oakfield Primary"]]),
      h("Section F: Special educational provision"),
      table(["Special educational needs", "Outcomes", "Provision"], [["Reading", "Reads a book", "Daily phonics"]]),
      h("Section G: Health provision"),
      p("None."),
      h("Section I: Placement"),
      p("Oakfield."),
    ]);
    expect(ids(doc)).toEqual(["F", "G", "I"]);
    expect(doc.blocks[0]!.kind).toBe("table");
    expect(sectionText(doc, "F")).toEqual(["Special educational needs | Outcomes | Provision\nReading | Reads a book | Daily phonics"]);
  });
});

describe("social care: H1 and H2", () => {
  it("keeps separate H1 and H2 headings apart", () => {
    const doc = build([h("Section H1: Social care provision under section 2 of the CSDPA 1970"), p("Short breaks."), h("Section H2: Other social care provision"), p("None.")]);
    expect(ids(doc)).toEqual(["H1", "H2"]);
  });

  it("splits a combined 'Section H: Social care' at its H1/H2 sub-headings", () => {
    const doc = build([
      h("Section H: Social care"),
      p("This section sets out Ava's social care provision."),
      h("H1: Social care provision under section 2 of the CSDPA 1970", 2),
      p("Ava will have 6 hours of short breaks a month."),
      h("H2: Other social care provision", 2),
      p("No other provision is needed."),
      h("Section I: Placement"),
      p("Oakfield Primary School."),
      h("Section J: Personal budget"),
      p("None."),
    ]);
    expect(ids(doc)).toEqual(["H1", "H2", "I", "J"]);
    const [h1, h2] = doc.sections;
    expect(h1!.heading).toBe("Section H: Social care");
    expect(h1!.blocks.map((block) => block.text)).toEqual([
      "This section sets out Ava's social care provision.",
      "H1: Social care provision under section 2 of the CSDPA 1970",
      "Ava will have 6 hours of short breaks a month.",
    ]);
    expect(h2!.heading).toBe("H2: Other social care provision");
    expect(h2!.blocks.map((block) => block.text)).toEqual(["No other provision is needed."]);
  });

  it("splits at sub-headings by meaning and at paragraphs that start with the part", () => {
    const byMeaning = build([
      h("Section G: Health provision"),
      p("None."),
      h("Section H: Social care provision"),
      h("Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970", 2),
      p("Short breaks."),
      h("Other social care provision", 2),
      p("A carer's assessment for mum."),
      h("Section I: Placement"),
    ]);
    expect(ids(byMeaning)).toEqual(["G", "H1", "H2", "I"]);
    expect(sectionText(byMeaning, "H2")).toEqual(["A carer's assessment for mum."]);

    const inline = build([
      h("Section H: Social care"),
      p("H1: Ava will have a personal assistant for 4 hours each Saturday."),
      p("H2: None."),
      h("Section I: Placement"),
      p("Oakfield."),
      h("Section K: Advice and information"),
    ]);
    expect(ids(inline)).toEqual(["H1", "H2", "I", "K"]);
    expect(sectionText(inline, "H2")).toEqual(["H2: None."]);
  });

  it("puts an unsplit combined H in H1 when it is about the CSDPA, and in H2 otherwise", () => {
    const csdpa = build([h("Section G: Health provision"), h("Section H: Social care"), p("Under section 2 of the CSDPA 1970 Ava will have short breaks."), h("Section I: Placement")]);
    expect(ids(csdpa)).toEqual(["G", "H1", "I"]);
    expect(csdpa.sections[1]!.heading).toBe("Section H: Social care");
    const other = build([h("Section G: Health provision"), h("Section H: Social care"), p("No social care provision is needed."), h("Section I: Placement")]);
    expect(ids(other)).toEqual(["G", "H2", "I"]);
  });
});

describe("blocks outside sections", () => {
  it("keeps the title block and appendices after K with no section", () => {
    const doc = build([
      h("Education, Health and Care Plan"),
      p("Date of birth: 12 March 2015"),
      h("Section K: Advice and information"),
      li("Educational psychology advice, Dr Jane Hale, 3 March 2025"),
      li("Appendix 1 – Parent's advice"),
      li("Appendix 2 – School advice"),
      h("Appendix 1: Educational psychology report"),
      p("Ava was seen in school."),
    ]);
    expect(ids(doc)).toEqual(["K"]);
    expect(doc.blocks.map((block) => block.section)).toEqual([null, null, "K", "K", "K", "K", null, null]);
    expect(sectionText(doc, "K")).toHaveLength(3);
  });

  it("ends the last section at a sign-off, and in a DOCX at another heading of the sections' level (not at a sub-heading)", () => {
    const doc = build([h("Section J: Personal budget"), p("None."), h("Section K: Advice and information"), h("Advice received", 2), p("EP advice."), h("Distribution list"), p("Parents; school.")]);
    expect(doc.blocks.map((block) => block.section)).toEqual(["J", "J", "K", "K", "K", null, null]);
    const pdf = build([h("Section J: Personal budget"), p("None."), h("Section K: Advice and information"), p("EP advice."), p("Signed on behalf of Northshire County Council"), p("A. Officer, 19 May 2026")], "pdf");
    expect(pdf.blocks.map((block) => block.section)).toEqual(["J", "J", "K", "K", null, null]);
  });

  it("gives every block an id in document order, counts words, and places comments and changes", () => {
    const doc = build([h("Section A: Views, interests and aspirations"), p("Ava likes trains."), table([], [["Section B", "Ava has dyslexia.\nShe reads slowly."]])], "docx", {
      comments: [{ id: "0", author: "Parent", text: "She is 9", anchorText: "reads slowly", rawBlockIndex: 2 }],
      trackedChanges: [{ id: "1", kind: "insertion", author: "Caseworker", text: "trains", rawBlockIndex: 1 }],
    });
    expect(doc.blocks.map((block) => block.id)).toEqual(["b0", "b1", "b2", "b3", "b4"]);
    expect(doc.blocks.map((block) => block.index)).toEqual([0, 1, 2, 3, 4]);
    expect(doc.comments[0]!.blockId).toBe("b4");
    expect(doc.trackedChanges[0]!.blockId).toBe("b1");
    expect(doc.wordCount).toBe(6 + 3 + 2 + 3 + 3);
    expect(doc.sections.map((section) => section.location)).toEqual([{ paragraph: 0 }, { paragraph: 2 }]);
  });
});
