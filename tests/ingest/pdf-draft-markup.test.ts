// A draft's review markup read from a PDF (sticky notes, struck-through and underlined text) gives the same
// comments and tracked changes as its DOCX. Fixture: tests/fixtures/pdf/make-draft-fixture.ts (LibreOffice's PDF of
// a built DOCX with Word comments and tracked changes).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/ingest/index.ts";
import { noteAuthor, pageNotes, pdfDate } from "../../src/ingest/pdf/annotations.ts";
import { placeRuns, type TextItemLike } from "../../src/ingest/pdf/placed-runs.ts";
import { textMarks, type HorizontalRule, type VerticalRule } from "../../src/ingest/pdf/text-marks.ts";

const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string) => readDocument(new Uint8Array(readFileSync(join(here, "../fixtures/pdf", name))), { fileName: name, inProcess: true });

describe("a draft's comments and tracked changes, from its PDF and its DOCX", async () => {
  const [pdf, docx] = await Promise.all([read("draft-markup.pdf"), read("draft-markup.docx")]);
  const sectionOf = (doc: typeof pdf, blockId: string | null) => doc.blocks.find((block) => block.id === blockId)?.section ?? null;
  const comments = (doc: typeof pdf) => doc.comments.map((c) => ({ author: c.author, text: c.text, anchorText: c.anchorText, section: sectionOf(doc, c.blockId) }));
  const changes = (doc: typeof pdf) => doc.trackedChanges.map((c) => ({ kind: c.kind, text: c.text, section: sectionOf(doc, c.blockId) }));

  it("reads each sticky note as the same comment: author, text, the text it is anchored to, its section", () => {
    expect(comments(pdf)).toEqual(comments(docx));
    expect(comments(pdf).map((c) => c.section)).toEqual(["A", "F"]);
  });

  it("reads struck-through text as deletions and underlined text as insertions, in the same sections", () => {
    expect(changes(pdf)).toEqual(changes(docx));
    expect(changes(pdf).map((c) => c.kind)).toEqual(["deletion", "insertion", "insertion"]);
  });

  it("tells changes by different reviewers apart by their colour", () => {
    const [deletion, tableInsertion, insertion] = pdf.trackedChanges;
    expect(deletion!.author).toBe(insertion!.author);
    expect(tableInsertion!.author).not.toBe(insertion!.author);
  });

  it("leaves deleted text out of the draft's blocks, as the DOCX reader does, and keeps inserted text", () => {
    const text = (doc: typeof pdf) => doc.blocks.filter((block) => block.section === "B").map((block) => block.text).join(" ");
    expect(text(pdf)).toBe(text(docx));
    expect(text(pdf)).not.toMatch(/rude/);
    expect(pdf.blocks.some((block) => block.text.includes("and a symbol card to ask for a break"))).toBe(true);
  });
});

describe("struck-through and underlined runs", () => {
  // Two lines of 10-point text: "Tom likes cats. Tom likes dogs." and "He walks to school." below.
  const text = "Tom likes cats. Tom likes dogs.\nHe walks to school.";
  const items: TextItemLike[] = [
    { str: "Tom likes cats. ", transform: [10, 0, 0, 10, 50, 700], width: 80 },
    { str: "Tom likes dogs.", transform: [10, 0, 0, 10, 130, 700], width: 75 },
    { str: "He walks to school.", transform: [10, 0, 0, 10, 50, 686], width: 95 },
  ];
  const runs = placeRuns(items, text);
  // A change bar in the left margin beside both lines, as LibreOffice and Word print for edited lines.
  const changeBar: VerticalRule = { x: 40, y0: 684, y1: 710 };
  const marked = (rules: HorizontalRule[], vertical = [changeBar]) => textMarks(runs, { horizontal: rules, vertical }, text).map((mark) => [mark.kind, text.slice(mark.start, mark.end)]);

  it("a line through the middle of a run is a deletion, whatever its colour", () => {
    expect(marked([{ x0: 130, x1: 205, y: 703, colour: "#000000" }])).toEqual([["deletion", "Tom likes dogs."]]);
  });

  it("a coloured line just under a run is an insertion; a black one is ordinary underlining", () => {
    expect(marked([{ x0: 130, x1: 205, y: 699, colour: "#2a7f3c" }])).toEqual([["insertion", "Tom likes dogs."]]);
    expect(marked([{ x0: 130, x1: 205, y: 699, colour: "#000000" }])).toEqual([]);
  });

  it("a coloured underline with no change bar beside its line is formatting (a template's heading), not an insertion", () => {
    expect(marked([{ x0: 130, x1: 205, y: 699, colour: "#2a7f3c" }], [])).toEqual([]);
    // A table border inside the text column is not a change bar.
    expect(marked([{ x0: 130, x1: 205, y: 699, colour: "#2a7f3c" }], [{ x: 120, y0: 684, y1: 710 }])).toEqual([]);
  });

  it("a line under part of a run marks the words it covers", () => {
    // "walks to" is roughly characters 3-11 of "He walks to school." (95 points wide, 19 characters).
    expect(marked([{ x0: 65, x1: 105, y: 689, colour: "#c00000" }])).toEqual([["deletion", "walks to"]]);
  });

  it("a table border running well past the text is not a mark", () => {
    expect(marked([{ x0: 40, x1: 400, y: 699, colour: "#c00000" }])).toEqual([]);
  });

  it("an edit marked on two lines is one change", () => {
    expect(
      marked([
        { x0: 130, x1: 205, y: 703, colour: "#c00000" },
        { x0: 50, x1: 145, y: 689, colour: "#c00000" },
      ]),
    ).toEqual([["deletion", "Tom likes dogs.\nHe walks to school."]]);
  });

  it("a sticky note is anchored to its sentence, up to where its icon sits", () => {
    const [note] = pageNotes([{ subtype: "Text", id: "7R", rect: [205, 695, 225, 715], titleObj: { str: "Ada Lane (Parent), 03/04/25, " }, contentsObj: { str: "He has a cat." } }], runs, []);
    expect(note).toMatchObject({ author: "Ada Lane (Parent)", text: "He has a cat.", anchorText: "Tom likes dogs." });
    // A highlight with a note is a comment on the highlighted words; a bare strike-out asks for its words to go.
    const quad = (x0: number, x1: number, y0: number, y1: number) => [x0, y1, x1, y1, x0, y0, x1, y0];
    const [highlight, strikeOut] = pageNotes(
      [
        { subtype: "Highlight", id: "8R", quadPoints: quad(50, 130, 697, 709), titleObj: { str: "Ada Lane" }, contentsObj: { str: "Which cats?" } },
        { subtype: "StrikeOut", id: "9R", quadPoints: quad(75, 106, 684, 695), titleObj: { str: "Ada Lane" } },
      ],
      runs,
      [],
    );
    expect(highlight).toMatchObject({ text: "Which cats?", anchorText: "Tom likes cats." });
    expect(strikeOut).toMatchObject({ deletion: true, anchorText: "walks to" });
    // A Popup repeats its parent's text and is not another note.
    expect(pageNotes([{ subtype: "Popup", contentsObj: { str: "He has a cat." }, rect: [0, 0, 1, 1] }], runs, [])).toEqual([]);
  });
});

describe("note titles and dates", () => {
  it("takes the author from a title that also carries a date and time", () => {
    expect(noteAuthor("Ada Lane (Parent), 03/04/25, ")).toBe("Ada Lane (Parent)");
    expect(noteAuthor("Ada Lane, 2025-03-04, 10:15")).toBe("Ada Lane");
    expect(noteAuthor("SENCo")).toBe("SENCo");
  });

  it("reads PDF dates and ignores zeroed ones", () => {
    expect(pdfDate("D:20250304101500+01'00'")).toBe("2025-03-04T10:15:00");
    expect(pdfDate("D:00000000000000Z")).toBeUndefined();
    expect(pdfDate(null)).toBeUndefined();
  });
});
