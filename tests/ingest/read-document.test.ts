import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { readDocument, type ReadDocumentOptions } from "../../src/ingest/index.ts";
import { createAuditPool, valueOf } from "../../src/runtime/index.ts";
import { docxPlan } from "./docx-plan.ts";

// Read as the CLI and the service read: in an audit pool child.
const pool = createAuditPool({ processes: 1 });
afterAll(() => pool.close());
const readInPool = async (bytes: Uint8Array, options: Pick<ReadDocumentOptions, "fileName" | "aliases">) =>
  valueOf(await pool.run({ kind: "read", file: { role: "plan", fileName: options.fileName, bytes }, ...(options.aliases ? { aliases: options.aliases } : {}) }));

describe("readDocument: file bytes to the document model", () => {
  it("reads a Word plan: sections past the contents page, facts, comments and tracked changes, the H split, the appendix", async () => {
    const bytes = new Uint8Array(await docxPlan());
    const doc = await readInPool(bytes, { fileName: "folder/ava-draft.docx" });
    expect(doc.format).toBe("docx");
    expect(doc.fileName).toBe("ava-draft.docx");
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.sections.map((section) => section.id)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "K"]);
    expect(doc.facts).toEqual({ childName: "Ava Smith", firstName: "Ava", lastName: "Smith", dateOfBirth: "2016-03-12", status: "draft", requestDate: "2025-01-03" });
    const a = doc.sections[0]!;
    expect(a.blocks.map((block) => block.text)).toEqual(["Ava is nine. She loves drawing horses and wants to work with animals when she is older. She has a pony called Star."]);
    expect(doc.comments).toEqual([expect.objectContaining({ author: "Jo Parent", text: "She is nine and a half.", anchorText: "nine", blockId: a.blocks[0]!.id })]);
    expect(doc.trackedChanges).toEqual([expect.objectContaining({ kind: "insertion", author: "Sam Caseworker", text: "She has a pony called Star.", blockId: a.blocks[0]!.id })]);
    const appendix = doc.blocks.filter((block) => block.text.startsWith("Appendix 1") || block.text.startsWith("Ava's mum"));
    expect(appendix.map((block) => block.section)).toEqual([null, null]);
    expect(doc.sections.find((section) => section.id === "H2")!.heading).toBe("H2: Other social care provision");

    // The same file read in this thread gives the same model.
    const inProcess = await readDocument(new Uint8Array(await docxPlan()), { fileName: "ava-draft.docx" });
    expect(inProcess.sections).toEqual(doc.sections);
  });

  it("reads a PDF plan with its facts and sections", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../fixtures/pdf/plan.pdf", import.meta.url)));
    const doc = await readInPool(bytes, { fileName: "plan.pdf" });
    expect(doc.pageCount).toBe(3);
    expect(doc.sections.map((section) => section.id)).toEqual(["A", "B", "C", "D", "E", "F", "I"]);
    expect(doc.facts).toMatchObject({ childName: "Oliver Bennett", dateOfBirth: "2015-03-12", status: "final" });
    expect(doc.sections.every((section) => section.location.page !== undefined)).toBe(true);
  });

  it("uses the aliases it is given: an LA's own heading phrase", async () => {
    const letter = new Uint8Array(Buffer.from("The family page\n\nAva wants to ride a horse.\n\nOur daily plan\n\nA reading session each day.\n"));
    const withDefaults = await readInPool(letter, { fileName: "plan.txt" });
    expect(withDefaults.sections).toEqual([]);
    const doc = await readInPool(letter, { fileName: "plan.txt", aliases: { A: ["the family page"], F: ["our daily plan"] } });
    expect(doc.sections.map((section) => [section.id, section.heading])).toEqual([
      ["A", "The family page"],
      ["F", "Our daily plan"],
    ]);
  });
});
