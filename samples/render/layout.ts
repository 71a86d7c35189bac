// Where each spec block sits: which plan section it belongs to, and how section headings are written in each
// template style. Shared by the DOCX writer, the text writer and the manifest, so all three agree.
import type { SectionId } from "../../src/model/document.ts";
import type { SampleSpec, SpecBlock, TemplateStyle } from "../spec.ts";
import { plainText } from "./markup.ts";

export type SectionBlock = Extract<SpecBlock, { section: unknown }>;

export interface PlacedBlock {
  block: SpecBlock;
  /** The plan section the block belongs to (null: title block, front matter, appendices). */
  section: SectionId | null;
  /** For a section block: its heading as written in the template. */
  heading?: string;
  /** For a section block: 1-based position among the plan's section blocks (numbered templates). */
  ordinal?: number;
}

const COMBINED_H_PART = /^\s*(?:Section\s+|Part\s+)?H\s?([12])\b/i;

/** The heading of a plan section as the template writes it (for "table-sections", the label cell's text on one line). */
export function sectionHeading(template: TemplateStyle, block: SectionBlock, ordinal: number): string {
  const { section, title } = block;
  switch (template) {
    case "section-colon":
      return `Section ${section}: ${title}`;
    case "part-dash":
      return `Part ${section} – ${title}`;
    case "numbered-bracket":
      return `${ordinal}. ${title} (Section ${section})`;
    case "meaning-only":
      return title;
    case "table-sections":
      return `Section ${section} – ${title}`;
  }
}

export function templateOf(spec: SampleSpec): TemplateStyle {
  return spec.template ?? "section-colon";
}

/** Assigns every block to its section: a section block starts one, a level-1 heading ends it, H1/H2 sub-headings split a combined H. */
export function placeBlocks(spec: SampleSpec): PlacedBlock[] {
  const template = templateOf(spec);
  let current: SectionId | null = null;
  let inCombinedH = false;
  let ordinal = 0;
  return spec.blocks.map((block): PlacedBlock => {
    if ("section" in block) {
      ordinal += 1;
      inCombinedH = block.section === "H";
      current = block.section === "H" ? "H1" : block.section;
      return { block, section: current, heading: sectionHeading(template, block, ordinal), ordinal };
    }
    if ("h" in block) {
      if ((block.level ?? 2) === 1) {
        current = null;
        inCombinedH = false;
      } else if (inCombinedH) {
        const part = block.subsection ?? (COMBINED_H_PART.exec(plainText(block.h))?.[1] === "2" ? "H2" : COMBINED_H_PART.test(plainText(block.h)) ? "H1" : undefined);
        if (part) current = part;
      }
    }
    return { block, section: current };
  });
}

/** Section ids in document order, as a reader of the finished document would find them. */
export function sectionsInOrder(spec: SampleSpec): SectionId[] {
  const seen: SectionId[] = [];
  for (const placed of placeBlocks(spec)) {
    if (placed.section && !seen.includes(placed.section)) seen.push(placed.section);
  }
  return seen;
}

/** The entries of a "Contents" block: every plan section heading, in order. */
export function tocEntries(spec: SampleSpec): { section: SectionBlock["section"]; text: string }[] {
  return placeBlocks(spec).flatMap((placed) =>
    placed.heading !== undefined && "section" in placed.block ? [{ section: placed.block.section, text: placed.heading }] : [],
  );
}
