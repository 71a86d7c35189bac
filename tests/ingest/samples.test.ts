// Every sample in samples/manifest.json, in each format it exists in: the sections found are exactly those the
// sample has, the title facts are read, and a plan's DOCX and PDF renderings agree section by section.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/ingest/index.ts";
import { countWords } from "../../src/text/words.ts";
import type { EhcpDocument, SectionId, TitleFacts } from "../../src/model/document.ts";

interface Sample {
  id: string;
  kind: "plan" | "advice-report" | "response-letter";
  template?: string;
  files: string[];
  expect: { sections: SectionId[]; facts?: TitleFacts };
}

const SAMPLES = new URL("../../samples/", import.meta.url);
const samples = (JSON.parse(readFileSync(new URL("manifest.json", SAMPLES), "utf8")) as { samples: Sample[] }).samples;
// Each file is read once, then shared by the tests about it.
const cache = new Map<string, Promise<EhcpDocument>>();
const read = (file: string): Promise<EhcpDocument> => {
  if (!cache.has(file)) cache.set(file, readDocument(new Uint8Array(readFileSync(new URL(file, SAMPLES))), { fileName: file, inProcess: true }));
  return cache.get(file)!;
};
const FORMAT_OF_EXTENSION: Record<string, EhcpDocument["format"]> = { docx: "docx", pdf: "pdf", txt: "text" };
const sectionWords = (doc: EhcpDocument): Map<SectionId, number> =>
  new Map(doc.sections.map((section) => [section.id, section.blocks.reduce((sum, block) => sum + countWords(block.text), 0)]));

/** DOCX and PDF of one plan may differ this much per section (PDF text loses and gains a little in layout). */
const WORD_COUNT_TOLERANCE = 0.05;

describe.each(samples)("$id ($kind, $template)", (sample) => {
  it.each(sample.files)("%s: the sections it has, and its title facts", async (file) => {
    const doc = await read(file);
    expect(doc.format).toBe(FORMAT_OF_EXTENSION[file.split(".").pop()!]);
    expect(doc.sections.map((section) => section.id)).toEqual(sample.expect.sections);
    if (sample.expect.facts) expect(doc.facts).toEqual(withNameParts(sample.expect.facts));
  });

});

describe.each(samples.filter((sample) => sample.kind === "plan"))("$id: DOCX and PDF", (sample) => {
  it("agree: same sections, word counts per section within 5%", async () => {
    const [docx, pdf] = await Promise.all([read(`${sample.id}.docx`), read(`${sample.id}.pdf`)]);
    expect(pdf.sections.map((section) => section.id)).toEqual(docx.sections.map((section) => section.id));
    const pdfWords = sectionWords(pdf);
    for (const [id, words] of sectionWords(docx)) {
      const difference = Math.abs((pdfWords.get(id) ?? 0) - words);
      expect(difference, `section ${id}: ${words} words in the DOCX, ${pdfWords.get(id)} in the PDF`).toBeLessThanOrEqual(Math.max(1, words * WORD_COUNT_TOLERANCE));
    }
  });
});

/** The manifest gives the child's full name; the model also splits it into first and last name. */
function withNameParts(facts: TitleFacts): TitleFacts {
  if (!facts.childName) return facts;
  const words = facts.childName.split(" ");
  return { ...facts, firstName: words[0], ...(words.length > 1 ? { lastName: words.at(-1) } : {}) };
}
