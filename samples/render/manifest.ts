// samples/manifest.json: the ground truth of every sample as plain JSON, so tests in any language can read what each
// sample contains and what a checker should find, without importing the TypeScript specs.
import { createHash } from "node:crypto";
import type { SectionId } from "../../src/model/document.ts";
import type { Expectations, SampleSpec, SpecItem, SpecText } from "../spec.ts";
import { commentAnchors, countWords, plainText, revisionTexts } from "./markup.ts";
import { placeBlocks, templateOf } from "./layout.ts";

export interface ManifestExpectation extends Expectations {
  block: "paragraph" | "list-item" | "table-row";
  section: SectionId | null;
  /** Markup stripped, tracked changes accepted; a table row's cells joined with " | ". */
  text: string;
}

export interface ManifestEntry {
  id: string;
  kind: SampleSpec["kind"];
  template?: SampleSpec["template"];
  files: string[];
  /** sha256 of the spec: tests compare it with the spec to tell when `npm run samples` needs running again. */
  specHash: string;
  /** Words in the document body (markup stripped, tracked changes accepted, contents page left out). */
  wordCount: number;
  runningHeader?: string;
  expect: SampleSpec["expect"];
  expectations: ManifestExpectation[];
  comments: { id: string; author: string; date: string; text: string; anchorText: string; correction?: Expectations["correction"] }[];
  revisions: { id: string; kind: "insertion" | "deletion"; author: string; date: string; text: string; correction?: Expectations["correction"] }[];
}

export function specHash(spec: SampleSpec): string {
  return createHash("sha256").update(JSON.stringify(spec)).digest("hex");
}

/** Every piece of marked-up text in the spec, in document order (headings, paragraphs, list items, table cells). */
export function specTexts(spec: SampleSpec): SpecText[] {
  const itemText = (item: SpecItem): SpecText => (typeof item === "string" ? item : item.text);
  return spec.blocks.flatMap((block): SpecText[] => {
    if ("section" in block) return [block.title];
    if ("h" in block) return [block.h];
    if ("p" in block) return [block.p];
    if ("ul" in block) return block.ul.map(itemText);
    if ("ol" in block) return block.ol.map(itemText);
    if ("table" in block) return [...block.table.header, ...block.table.rows.flat()];
    return [];
  });
}

function pickExpectations(source: Expectations | null | undefined): Expectations | undefined {
  if (!source) return undefined;
  const picked: Expectations = {};
  if (source.provision) picked.provision = source.provision;
  if (source.notProvision) picked.notProvision = source.notProvision;
  if (source.correction) picked.correction = source.correction;
  if (source.recommendation) picked.recommendation = source.recommendation;
  if (source.outcome) picked.outcome = source.outcome;
  return Object.keys(picked).length > 0 ? picked : undefined;
}

export function blockExpectations(spec: SampleSpec): ManifestExpectation[] {
  return placeBlocks(spec).flatMap(({ block, section }): ManifestExpectation[] => {
    if ("p" in block) {
      const expected = pickExpectations(block);
      return expected ? [{ block: "paragraph", section, text: plainText(block.p), ...expected }] : [];
    }
    if ("ul" in block || "ol" in block) {
      const items = "ul" in block ? block.ul : block.ol;
      return items.flatMap((item) => {
        const expected = typeof item === "string" ? undefined : pickExpectations(item);
        return expected && typeof item !== "string" ? [{ block: "list-item" as const, section, text: plainText(item.text), ...expected }] : [];
      });
    }
    if ("table" in block) {
      return block.table.rows.flatMap((row, index) => {
        const expected = pickExpectations(block.table.expect?.[index]);
        return expected ? [{ block: "table-row" as const, section, text: row.map((cell) => plainText(cell).replace(/\n/g, " ")).join(" | "), ...expected }] : [];
      });
    }
    return [];
  });
}

export function bodyWordCount(spec: SampleSpec): number {
  return countWords(specTexts(spec).map(plainText).join(" "));
}

export function manifestEntry(spec: SampleSpec, files: string[]): ManifestEntry {
  const anchors = new Map<string, string>();
  const revisions = new Map<string, { kind: "insertion" | "deletion"; text: string }>();
  for (const text of specTexts(spec)) {
    for (const [id, anchor] of commentAnchors(text)) anchors.set(id, (anchors.get(id) ?? "") + anchor);
    for (const [id, revision] of revisionTexts(text)) revisions.set(id, { kind: revision.kind, text: (revisions.get(id)?.text ?? "") + revision.text });
  }
  return {
    id: spec.id,
    kind: spec.kind,
    ...(spec.kind === "plan" ? { template: templateOf(spec) } : spec.template ? { template: spec.template } : {}),
    files,
    specHash: specHash(spec),
    wordCount: bodyWordCount(spec),
    ...(spec.runningHeader ? { runningHeader: spec.runningHeader } : {}),
    expect: spec.expect,
    expectations: blockExpectations(spec),
    comments: (spec.comments ?? []).map((comment) => ({
      id: comment.id,
      author: comment.author,
      date: comment.date,
      text: comment.text,
      anchorText: anchors.get(comment.id) ?? "",
      ...(comment.correction ? { correction: comment.correction } : {}),
    })),
    revisions: (spec.revisions ?? []).map((revision) => {
      const found = revisions.get(revision.id);
      return {
        id: revision.id,
        kind: found?.kind ?? "insertion",
        author: revision.author,
        date: revision.date,
        text: found?.text ?? "",
        ...(revision.correction ? { correction: revision.correction } : {}),
      };
    }),
  };
}
