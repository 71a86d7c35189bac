// A section read as lines (sentences of paragraphs, list items, table cells), each with the sub-heading it
// sits under: "Parents' views", a table's label column or column header. Used to tell whose words a line is.
import type { Block, SectionId } from "../../model/document.ts";
import { splitSentences } from "../scope.ts";
import { countWords } from "../../text/words.ts";

export interface SectionLine {
  /** Verbatim text of the sentence, list item or table cell. */
  text: string;
  /** The whole block text the line comes from (quotes can span sentences). */
  blockText: string;
  /** Where the line starts inside blockText (-1 for table cells). */
  start: number;
  blockId: string;
  section: SectionId | null;
  /** The nearest sub-heading above the line inside the section (a heading, a "Label:" line, a table label), or null. */
  heading: string | null;
  /** Position among the section's lines. */
  index: number;
}


/** A short paragraph ending in a colon ("Parents' views:") works as a sub-heading. */
export function isLabelLine(text: string): boolean {
  const trimmed = text.trim();
  return /:$/.test(trimmed) && countWords(trimmed) <= 10;
}

/**
 * A short line with no sentence ending works as a sub-heading when the file gave it no heading style ("What Sam says").
 * A short statement in the first person ("I like trains") is the child's words, not a heading.
 */
export function isHeadingLike(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && countWords(trimmed) <= 8 && /^[\p{Lu}\p{N}]/u.test(trimmed) && !/^I(?:['’]\p{L}+)?\s/u.test(trimmed) && !/[.!?;,”"’)]$/.test(trimmed);
}

/** Split a two-column table row ("My views | I like ...") into its label and content, when it is one. */
function labelOf(cell: string): string | null {
  const trimmed = cell.trim().replace(/:$/, "");
  return trimmed !== "" && countWords(trimmed) <= 10 && !/[.!?]$/.test(trimmed) ? trimmed : null;
}

/** The lines of a run of blocks (a section's blocks), in order. */
export function sectionLines(blocks: readonly Block[]): SectionLine[] {
  const lines: SectionLine[] = [];
  let heading: string | null = null;
  const push = (block: Block, text: string, start: number, under: string | null) => {
    if (text.trim() === "") return;
    lines.push({ text: text.trim(), blockText: block.text, start, blockId: block.id, section: block.section, heading: under, index: lines.length });
  };
  for (const block of blocks) {
    if (block.kind === "heading") {
      heading = block.text.trim();
      continue;
    }
    if (block.kind === "table") {
      const twoColumnLabels = block.rows.length > 0 && [block.header, ...block.rows].every((row) => row.length === 0 || row.length === 2);
      const rows = twoColumnLabels && block.header.length === 2 ? [block.header, ...block.rows] : block.rows;
      for (const row of rows) {
        const label = twoColumnLabels ? labelOf(row[0] ?? "") : null;
        row.forEach((cell, column) => {
          if (label !== null && column === 0) return;
          const under = label ?? (block.header[column] ? block.header[column]!.trim() : null) ?? heading;
          for (const sentence of splitSentences(cell)) push(block, sentence.text, -1, under ?? heading);
        });
      }
      continue;
    }
    if (isLabelLine(block.text) || (block.kind === "paragraph" && isHeadingLike(block.text))) {
      heading = block.text.trim().replace(/:$/, "");
      continue;
    }
    // "Parents' views: We would like ..." — a label at the start of a paragraph sets the heading for that paragraph only.
    const inline = /^([^.:!?]{3,60}):\s+(?=\S)/.exec(block.text);
    const under = inline && countWords(inline[1]!) <= 6 ? inline[1]!.trim() : heading;
    for (const sentence of splitSentences(block.text)) push(block, sentence.text, sentence.start, under);
  }
  return lines;
}
