// Checks a sample spec is self-consistent before anything is written, so a mistake in the ground truth is caught
// by the generator (and by tests/samples.test.ts) rather than by a confused rule test later.
import { SECTION_IDS } from "../../src/model/document.ts";
import type { SampleSpec } from "../spec.ts";
import { commentAnchors, parseMarkup, plainText, revisionTexts } from "./markup.ts";
import { placeBlocks, sectionsInOrder } from "./layout.ts";
import { blockExpectations, specTexts } from "./manifest.ts";

const PROVISION_SECTIONS = new Set(["F", "G", "H1", "H2"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with one spec, as sentences; empty when the spec is sound. */
export function specProblems(spec: SampleSpec): string[] {
  const problems: string[] = [];
  const usedComments = new Set<string>();
  const usedRevisions = new Set<string>();
  for (const text of specTexts(spec)) {
    try {
      parseMarkup(text);
      for (const id of commentAnchors(text).keys()) usedComments.add(id);
      for (const id of revisionTexts(text).keys()) usedRevisions.add(id);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  for (const comment of spec.comments ?? []) if (!usedComments.has(comment.id)) problems.push(`comment "${comment.id}" is never anchored in the text`);
  for (const revision of spec.revisions ?? []) if (!usedRevisions.has(revision.id)) problems.push(`revision "${revision.id}" never appears in the text`);
  for (const id of usedComments) if (!spec.comments?.some((comment) => comment.id === id)) problems.push(`text anchors comment "${id}", which is not declared`);
  for (const id of usedRevisions) if (!spec.revisions?.some((revision) => revision.id === id)) problems.push(`text uses revision "${id}", which is not declared`);

  for (const block of spec.blocks) {
    if (!("table" in block)) continue;
    const { header, rows, expect, widths } = block.table;
    const columns = header.length || (rows[0]?.length ?? 0);
    rows.forEach((row, index) => {
      if (row.length !== columns) problems.push(`table "${header.join(" | ")}" row ${index + 1} has ${row.length} cells, the table has ${columns} columns`);
    });
    if (expect && expect.length > rows.length) problems.push(`table "${header.join(" | ")}" has more expectations than rows`);
    if (widths && widths.length !== columns) problems.push(`table "${header.join(" | ")}" has ${widths.length} widths for ${columns} columns`);
  }

  if (spec.kind === "plan") {
    const found = sectionsInOrder(spec);
    if (found.join(",") !== spec.expect.sections.join(",")) problems.push(`expect.sections is ${spec.expect.sections.join(",")} but the blocks give ${found.join(",")}`);
    const order = found.map((id) => SECTION_IDS.indexOf(id));
    if (order.some((position, index) => index > 0 && position < (order[index - 1] ?? -1))) problems.push("sections are out of order");
    for (const expectation of blockExpectations(spec)) {
      if ((expectation.provision || expectation.notProvision) && !PROVISION_SECTIONS.has(expectation.section ?? "")) {
        problems.push(`provision expectation outside F, G, H1, H2 (in ${expectation.section ?? "no section"}): "${expectation.text.slice(0, 60)}"`);
      }
      if (expectation.outcome && expectation.section !== "E") problems.push(`outcome expectation outside Section E: "${expectation.text.slice(0, 60)}"`);
    }
  }
  for (const [name, value] of Object.entries(spec.expect.facts ?? {})) {
    if (name.endsWith("Date") || name === "dateOfBirth") {
      if (typeof value !== "string" || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) problems.push(`facts.${name} is not a YYYY-MM-DD date: ${String(value)}`);
    }
  }
  return problems.map((problem) => `${spec.id}: ${problem}`);
}

/** Statements in F, G, H1 or H2 that carry neither `provision` nor `notProvision` (the ground truth would be incomplete). */
export function unmarkedProvisionStatements(spec: SampleSpec): string[] {
  const unmarked: string[] = [];
  for (const { block, section } of placeBlocks(spec)) {
    if (!PROVISION_SECTIONS.has(section ?? "")) continue;
    const marked = (expectation: { provision?: unknown; notProvision?: unknown } | null | undefined): boolean => Boolean(expectation?.provision || expectation?.notProvision);
    if ("p" in block && !marked(block)) unmarked.push(plainText(block.p));
    if ("ul" in block || "ol" in block) {
      for (const item of "ul" in block ? block.ul : block.ol) if (typeof item === "string" || !marked(item)) unmarked.push(plainText(typeof item === "string" ? item : item.text));
    }
    if ("table" in block) block.table.rows.forEach((row, index) => !marked(block.table.expect?.[index]) && unmarked.push(row.map(plainText).join(" | ")));
  }
  return unmarked;
}
