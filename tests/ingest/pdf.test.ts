import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { isProblemError } from "../../src/model/problem.ts";
import type { ProblemCode } from "../../src/model/problem.ts";
import { readPdf } from "../../src/ingest/pdf.ts";
import type { RawBlock, RawDocument } from "../../src/ingest/raw.ts";
import type { FlowItem, PageContent } from "../../src/ingest/pdf/flow.ts";
import { Hyphenation } from "../../src/ingest/pdf/hyphenation.ts";
import { blocksFromFlow } from "../../src/ingest/pdf/line-blocks.ts";
import { listMarker } from "../../src/ingest/pdf/line-shapes.ts";
import { flowFromPages } from "../../src/ingest/pdf/page-flow.ts";
import { isPageNumberLine } from "../../src/ingest/pdf/running-lines.ts";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(join(here, "../fixtures/pdf", name)));
const samplesDir = join(here, "../../samples");

const texts = (blocks: RawBlock[], kind: RawBlock["kind"]) => blocks.filter((b) => b.kind === kind).map((b) => ("text" in b ? b.text : ""));
const blockText = (block: RawBlock) => (block.kind === "table" ? [block.header, ...block.rows].map((row) => row.join(" | ")).join("\n") : block.text);
const wordCount = (doc: RawDocument) => doc.blocks.map(blockText).join(" ").match(/\S+/g)?.length ?? 0;

async function problemCode(bytes: Uint8Array): Promise<ProblemCode | "no error"> {
  try {
    await readPdf(bytes);
    return "no error";
  } catch (error) {
    if (!isProblemError(error)) throw error;
    return error.problem.code;
  }
}

describe("readPdf on a 3-page plan made by LibreOffice from Word", () => {
  let doc: RawDocument;
  beforeAll(async () => {
    doc = await readPdf(fixture("plan.pdf"));
  });

  it("reports the format and page count", () => {
    expect(doc.format).toBe("pdf");
    expect(doc.pageCount).toBe(3);
    expect(doc.comments).toEqual([]);
    expect(doc.trackedChanges).toEqual([]);
  });

  it("removes the running header (name and date of birth) and the 'Page x of y' footer", () => {
    const all = doc.blocks.map(blockText).join("\n");
    expect(all).not.toMatch(/Page \d+ of \d+/);
    expect(all).not.toContain("DOB 12/03/2015");
    // The title block's own mention of the child stays.
    expect(texts(doc.blocks, "paragraph")[0]).toMatch(/^Name: Oliver Bennett\./);
  });

  it("joins a word hyphenated across a line end and keeps real hyphens", () => {
    const paragraph = texts(doc.blocks, "paragraph").find((t) => t.startsWith("Oliver's teachers describe"));
    expect(paragraph).toBe(
      "Oliver's teachers describe a kind and curious boy whose main barrier to learning is his communication with adults he does not know well, and his low self-esteem. His well-being improves when he has a 30-minute quiet break after lunch, which he asks for himself.",
    );
  });

  it("joins wrapped lines into paragraphs and ends them where the text does", () => {
    const paragraphs = texts(doc.blocks, "paragraph");
    expect(paragraphs).toContain(
      "Oliver lives with his mum, his stepdad and his younger sister Maisie in Northtown. He enjoys building with Lego, drawing maps of imaginary islands and helping his grandad in the allotment at weekends. He is proud of the bird box he made in Year 3 and likes to show visitors how it works.",
    );
    expect(paragraphs).toContain("He has difficulty with:");
    expect(paragraphs).toContain("Where a session is missed because of staff absence, it will be made up within the same fortnight, and parents will be told in the home-school book.");
  });

  it("reads the bulleted and numbered lists, joining an item's wrapped lines", () => {
    const items = doc.blocks.filter((b): b is Extract<RawBlock, { kind: "list-item" }> => b.kind === "list-item");
    expect(items.filter((i) => !i.ordered).map((i) => [i.level, i.text])).toEqual([
      [0, "following instructions with more than two steps;"],
      [0, "finding the right word when he is asked a question in front of the class, especially when he is tired or anxious about what the answer might be;"],
      [0, "joining in with unstructured play at break time."],
    ]);
    expect(items.filter((i) => i.ordered).map((i) => i.text)).toEqual([
      "read a book at his level aloud with 95% accuracy;",
      "follow a three-step instruction in class without an adult repeating it;",
      "tell an adult how he feels when he is worried, using words or his feelings chart.",
    ]);
  });

  it("recognises headings from their wording, with section headings at level 1", () => {
    const headings = doc.blocks.filter((b): b is Extract<RawBlock, { kind: "heading" }> => b.kind === "heading").map((h) => [h.level, h.text, h.location.page]);
    expect(headings).toEqual([
      [2, "Education, Health and Care Plan", 1],
      [1, "Section A: Views, interests and aspirations", 1],
      [1, "Section B: Special educational needs", 1],
      [2, "COMMUNICATION AND INTERACTION", 1],
      [2, "Cognition and Learning", 1],
      [1, "Section C: Health needs related to SEN", 1],
      [1, "Section D: Social care needs", 1],
      [1, "Section E: Outcomes", 1],
      [1, "Part F – Special educational provision", 1],
      [1, "Section I: Placement", 3],
    ]);
  });

  it("reads the ruled table as one table with its header, merged over the page break without the repeated header", () => {
    const tables = doc.blocks.filter((b): b is Extract<RawBlock, { kind: "table" }> => b.kind === "table");
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table!.location).toEqual({ page: 2 });
    expect(table!.header).toEqual(["Provision", "Who will provide it", "How often", "Outcome it supports"]);
    expect(table!.rows).toHaveLength(25);
    expect(table!.rows[0]).toEqual(["Small-group phonics teaching using a structured programme", "Class teacher", "4 x 20 minutes weekly", "Identify all 44 phonemes by July"]);
    expect(table!.rows[1]).toEqual(["Speech and language therapy to develop expressive vocabulary", "Speech and language therapist", "Fortnightly 45-minute session", "Use 20 new topic words in sentences"]);
    // The first row on page 3, after the repeated header.
    expect(table!.rows).toContainEqual(["Review of hearing if concerns arise", "School nurse", "As needed", "Hearing checked promptly"]);
    expect(table!.rows[24]).toEqual(["Preparation for school trips with a social story", "Key adult", "Before each trip", "Take part in school trips"]);
    expect(table!.rows.some((row) => row[0] === "Provision")).toBe(false);
  });

  it("places the table where it was in the text, and does not repeat its text as paragraphs", () => {
    const order = doc.blocks.map((b) => (b.kind === "table" ? "TABLE" : b.text.slice(0, 30)));
    const at = order.indexOf("TABLE");
    expect(order[at - 1]).toBe("Where a session is missed beca");
    expect(order[at + 1]).toBe("Provision will be reviewed at ");
    const flowText = doc.blocks.filter((b) => b.kind !== "table").map(blockText).join("\n");
    expect(flowText).not.toContain("Class teacher");
    expect(flowText).not.toContain("Hearing checked");
  });

  it("gives each block the page it starts on", () => {
    const pageOf = (start: string) => doc.blocks.find((b) => b.kind !== "table" && b.text.startsWith(start))?.location;
    expect(pageOf("Oliver lives with")).toEqual({ page: 1 });
    expect(pageOf("The provision below")).toEqual({ page: 2 });
    expect(pageOf("Provision will be reviewed")).toEqual({ page: 3 });
  });
});

describe("readPdf errors", () => {
  it("rejects a password-protected PDF with ENCRYPTED_PDF and a sentence a caseworker can act on", async () => {
    await expect(readPdf(fixture("encrypted.pdf"))).rejects.toMatchObject({
      problem: { code: "ENCRYPTED_PDF", message: "This PDF is password-protected. Remove the password or upload the Word file." },
    });
  });

  it("rejects a scan without a text layer with NO_TEXT_LAYER", async () => {
    await expect(readPdf(fixture("scanned.pdf"))).rejects.toMatchObject({
      problem: { code: "NO_TEXT_LAYER", message: expect.stringContaining("OCR") },
    });
  });

  it("rejects bytes that start like a PDF but are not one with CORRUPT_FILE, as a coded problem", async () => {
    const garbage = new TextEncoder().encode(`%PDF-1.7\n${"not really a PDF ".repeat(300)}`);
    const error = await readPdf(garbage).catch((e: unknown) => e);
    expect(isProblemError(error)).toBe(true);
    expect(error).toMatchObject({ problem: { code: "CORRUPT_FILE" } });
    expect((error as Error).message).not.toMatch(/exception|structure|xref/i);
  });

  it("rejects a truncated PDF with CORRUPT_FILE", async () => {
    const plan = fixture("plan.pdf");
    expect(await problemCode(plan.subarray(0, Math.floor(plan.length / 2)))).toBe("CORRUPT_FILE");
    expect(await problemCode(new TextEncoder().encode("%PDF-"))).toBe("CORRUPT_FILE");
  });

  it("leaves the caller's bytes intact", async () => {
    const bytes = fixture("plan.pdf");
    const copy = bytes.slice();
    await readPdf(bytes);
    expect(bytes).toEqual(copy);
  });
});

/** Pages of plain lines, as getText() gives them, for the layout rules alone. */
const pagesOf = (...pages: (string[] | { lines: string[]; tables: string[][][] })[]): PageContent[] =>
  pages.map((page, i) => (Array.isArray(page) ? { page: i + 1, lines: page, tables: [] } : { page: i + 1, ...page }));
const blocksOf = (pages: PageContent[]) => blocksFromFlow(flowFromPages(pages));

const FULL = "This line of body text is long enough to count as a full line of the page, as most lines are";

describe("running headers and footers", () => {
  it("drops lines repeated at the top or bottom of most pages, whatever their numbers, and keeps the body", () => {
    const pages = pagesOf(
      ["EHC plan for Amira Khan", FULL, "First page body ends here.", "Page 1 of 4"],
      ["Amira Khan DOB 01/02/2016", FULL, "Second page body ends here.", "Page 2 of 4"],
      ["Amira Khan DOB 01/02/2016", FULL, "Third page body ends here.", "Page 3 of 4"],
      ["Amira Khan DOB 01/02/2016", FULL, "Fourth page body ends here.", "Page 4 of 4"],
    );
    const text = blocksOf(pages).map(blockText).join("\n");
    expect(text).not.toContain("DOB");
    expect(text).not.toContain("Page ");
    expect(text).toContain("EHC plan for Amira Khan"); // on one page only: not a running header
    expect(text).toContain("Fourth page body ends here.");
  });

  it("recognises bare page numbers", () => {
    expect(["3", "Page 3", "Page 3 of 12", "3 / 12", "- 3 -"].every(isPageNumberLine)).toBe(true);
    expect(["Year 3", "3 x 20 minutes", "Page 3 shows"].some(isPageNumberLine)).toBe(false);
  });

  it("does not mistake a table header repeated on every page for a running header", () => {
    const header = ["Need", "Provision"];
    const row = (n: number) => [`Need ${n}`, `Provision number ${n} for the child`];
    const pages = pagesOf(
      { lines: ["Need Provision", "Need 1 Provision number 1 for the child", "Page 1 of 3"], tables: [[header, row(1)]] },
      { lines: ["Need Provision", "Need 2 Provision number 2 for the child", "Page 2 of 3"], tables: [[header, row(2)]] },
      { lines: ["Need Provision", "Need 3 Provision number 3 for the child", "Page 3 of 3"], tables: [[header, row(3)]] },
    );
    const blocks = blocksOf(pages);
    expect(blocks).toEqual([{ kind: "table", header, rows: [row(1), row(2), row(3)], location: { page: 1 } }]);
  });
});

describe("tables from getTable() rows", () => {
  it("puts a row cut by a page break back together, and pads rows shortened by merged cells", () => {
    const pages = pagesOf(
      {
        lines: ["Outcome Provision", "Read fluently Phonics with a trained adult in a small", "Page 1 of 2"],
        tables: [[["Outcome", "Provision"], ["Read fluently", "Phonics with a trained adult in a small"]]],
      },
      { lines: ["group every day", "Daily reading", "Page 2 of 2"], tables: [[["", "group every day"], ["Daily reading"]]] },
    );
    const [table] = blocksOf(pages);
    expect(table).toEqual({
      kind: "table",
      header: ["Outcome", "Provision"],
      rows: [
        ["Read fluently", "Phonics with a trained adult in a small group every day"],
        ["Daily reading", ""],
      ],
      location: { page: 1 },
    });
  });

  it("places tables that share a header row each where its own text was", () => {
    const header = ["Need", "Provision"];
    const talking = ["Talking", "Speech and language therapy in school once a week"];
    const reading = ["Reading", "Phonics teaching one to one every school day"];
    const pages = pagesOf({
      lines: ["Communication", "Need Provision", "Talking Speech and language therapy in school once a week", "Cognition", "Need Provision", "Reading Phonics teaching one to one every school day"],
      tables: [
        [header, talking],
        [header, reading],
      ],
    });
    expect(blocksOf(pages)).toEqual([
      { kind: "heading", level: 2, text: "Communication", location: { page: 1 } },
      { kind: "table", header, rows: [talking], location: { page: 1 } },
      { kind: "heading", level: 2, text: "Cognition", location: { page: 1 } },
      { kind: "table", header, rows: [reading], location: { page: 1 } },
    ]);
  });

  it("joins the rest of a section row cut by a page break, even when it starts a new paragraph", () => {
    const pages = pagesOf(
      { lines: ["Section A", "Views", "Amira likes drawing and", "music."], tables: [[["Section A\nViews", "Amira likes drawing and\nmusic."]]] },
      { lines: ["What her parents say", "They are proud of her."], tables: [[["", "What her parents say\nThey are proud of her."]]] },
    );
    expect(blocksOf(pages)).toEqual([
      { kind: "table", header: [], rows: [["Section A\nViews", "Amira likes drawing and music.\nWhat her parents say\nThey are proud of her."]], location: { page: 1 } },
    ]);
  });

  it("pads a row under a cell merged downwards on the left, and a header spanning columns on the right", () => {
    const rows = [["Outcome", "Provision"], ["Read fluently", "Phonics", "Daily"], ["Reading with an adult", "Weekly"]];
    const pages = pagesOf({ lines: ["Outcome Provision", "Read fluently Phonics Daily", "Reading with an adult Weekly"], tables: [rows] });
    expect(blocksOf(pages)).toEqual([
      {
        kind: "table",
        header: ["Outcome", "Provision", ""],
        rows: [
          ["Read fluently", "Phonics", "Daily"],
          ["", "Reading with an adult", "Weekly"],
        ],
        location: { page: 1 },
      },
    ]);
  });

  it("gives two-column label and value tables no header", () => {
    const rows = [
      ["Name", "Amira Khan"],
      ["Date of birth", "1 February 2016"],
      ["School", "Northtown Primary School"],
    ];
    const pages = pagesOf({ lines: ["Name Amira Khan", "Date of birth 1 February 2016", "School Northtown Primary School"], tables: [rows] });
    expect(blocksOf(pages)).toEqual([{ kind: "table", header: [], rows, location: { page: 1 } }]);
  });

  it("keeps a cell's paragraphs and list items on separate lines, without bullets", () => {
    const cell = "Views, interests and aspirations\nAmira likes drawing and wants to be an artist when she\ngrows up, like her aunt.\n• She likes swimming";
    const pages = pagesOf({ lines: [], tables: [[["Section A", cell], ["Section B", "Special educational needs"]]] });
    const [table] = blocksOf(pages);
    expect(table?.kind === "table" && table.rows[0]?.[1]).toBe("Views, interests and aspirations\nAmira likes drawing and wants to be an artist when she grows up, like her aunt.\nShe likes swimming");
  });
});

describe("paragraphs, lists and headings from lines", () => {
  it("continues a paragraph over a page break when the sentence runs on, and not when it ended", () => {
    const pages = pagesOf([FULL, "and the sentence carries on at the end of the page where it is cut off by the"], ["page break and ends on the next page.", "A new paragraph starts here."]);
    expect(blocksOf(pages)).toEqual([
      { kind: "paragraph", text: `${FULL} and the sentence carries on at the end of the page where it is cut off by the page break and ends on the next page.`, location: { page: 1 } },
      { kind: "paragraph", text: "A new paragraph starts here.", location: { page: 2 } },
    ]);
  });

  it("ends a paragraph after a short line, and reads bullets and numbering of several kinds", () => {
    const pages = pagesOf([FULL, "short last line", "• first bullet", "◦ sub-bullet", "(a) lettered item", "(ii) roman item", "2.1. numbered paragraph"]);
    expect(blocksOf(pages).map((b) => (b.kind === "list-item" ? [b.ordered, b.level, b.text] : b.kind))).toEqual([
      "paragraph",
      [false, 0, "first bullet"],
      [false, 1, "sub-bullet"],
      [true, 1, "lettered item"],
      [true, 2, "roman item"],
      [true, 1, "numbered paragraph"],
    ]);
  });

  it("treats a quantity or a dash inside a sentence as text, not a list", () => {
    expect(listMarker("2.5 hours of support a week")).toBeNull();
    expect(listMarker("3 x 20 minutes weekly")).toBeNull();
    const pages = pagesOf([FULL, "– and this dash carries the sentence on to its end."]);
    expect(blocksOf(pages).map((b) => b.kind)).toEqual(["paragraph"]);
  });

  it("finds headings in the template styles plans use, and not in sentences or labelled fields", () => {
    const pages = pagesOf([
      "1. Views, interests and aspirations (Section A)",
      FULL,
      FULL,
      FULL,
      FULL,
      "Part F: The support I will get",
      FULL,
      "and this paragraph ends here.",
      "Name: Amira Khan",
      "This sentence is short.",
      "Health provision",
      FULL,
      "Section A: Views, interests and aspirations ........ 3",
      "Section B: Special educational needs 4",
      "Preparing for Year 6",
      FULL,
    ]);
    expect(blocksOf(pages).map((b) => (b.kind === "heading" ? `h${b.level} ${b.text}` : b.kind))).toEqual([
      "h1 1. Views, interests and aspirations (Section A)",
      "paragraph",
      "h1 Part F: The support I will get",
      "paragraph",
      "paragraph",
      "paragraph",
      "h2 Health provision",
      "paragraph",
      "paragraph",
      "paragraph",
      "h2 Preparing for Year 6",
      "paragraph",
    ]);
  });
});

describe("hyphenation across line ends", () => {
  /** A document whose only other text is `elsewhere`, with no line-end hyphens of its own. */
  const documentWith = (...elsewhere: string[]) => new Hyphenation([elsewhere.map((text) => `In this document ${text} is written out.`)]);
  const plain = documentWith();

  it.each([
    ["his communi-", "cation with", documentWith("communication"), "his communication with"],
    ["the care-", "giver", documentWith("care-giver"), "the care-giver"],
    ["his well-", "being", plain, "his well-being"],
    ["a 30-", "minute session", plain, "a 30-minute session"],
    ["after post-", "16 options", plain, "after post-16 options"],
    ["Speech-", "Language link", plain, "Speech-Language link"],
    ["one-to-", "one support", plain, "one-to-one support"],
    ["the co-", "ordinator", plain, "the co-ordinator"],
    ["Clicker predictive-", "text software", plain, "Clicker predictive-text software"],
  ])("%s / %s", (left, right, hyphenation, expected) => {
    expect(hyphenation.join(left, right)).toBe(expected);
  });

  it("joins an undecided word in a document that hyphenates words automatically, and keeps real compounds there", () => {
    const hyphenating = new Hyphenation([
      ["The school will support her develop-", "ment in reading and her communi-", "cation with adults.", "Her development and communication are improving."],
    ]);
    expect(hyphenating.join("a new inter-", "vention")).toBe("a new intervention");
    expect(hyphenating.join("her well-", "being")).toBe("her well-being");
  });
});

describe("readPdf on every sample PDF", () => {
  interface ManifestEntry {
    kind: string;
    files: string[];
    runningHeader?: string;
  }
  const manifest = JSON.parse(readFileSync(join(samplesDir, "manifest.json"), "utf8")) as { samples: ManifestEntry[] };
  const samples = readdirSync(samplesDir)
    .filter((name) => name.endsWith(".pdf"))
    .sort()
    .map((name) => ({ name, entry: manifest.samples.find((sample) => sample.files.includes(name)) }));

  it("has every sample PDF described in the manifest", () => {
    expect(samples.filter(({ entry }) => entry === undefined).map(({ name }) => name)).toEqual([]);
  });

  it.each(samples)("$name reads as text with no page furniture left", async ({ name, entry }) => {
    const doc = await readPdf(new Uint8Array(readFileSync(join(samplesDir, name))));
    expect(doc.pageCount).toBeGreaterThan(0);
    expect(doc.blocks.length).toBeGreaterThan(5);
    expect(doc.blocks.every((b) => (b.location.page ?? 0) >= 1 && (b.location.page ?? 0) <= doc.pageCount!)).toBe(true);
    const lines = doc.blocks.flatMap((b) => blockText(b).split("\n"));
    expect(lines.filter((line) => isPageNumberLine(line) || /\bPage \d+ of \d+\b/.test(line))).toEqual([]);
    if (entry?.runningHeader) {
      const header = entry.runningHeader.replace(/\s+/g, " ");
      expect(lines.filter((line) => line.replace(/\s+/g, " ").includes(header))).toEqual([]);
    }
    if (entry?.kind === "plan") expect(wordCount(doc)).toBeGreaterThan(1000);
  });
});
