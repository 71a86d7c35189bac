// Lines up mammoth's blocks with the body's w:p elements, so each block learns its paragraph index and
// each comment or tracked change (found in the XML) learns which block it sits in.
// Both sides list the same content in the same order; mammoth skips empty paragraphs and renders a few
// things differently, so we match by letters-and-digits text, in order, with a forgiving fallback.
import type { BodyParagraph } from "./body-walk.ts";
import { alignmentKey } from "./text.ts";

/** A paragraph as mammoth sees it, or a whole top-level table (which owns every paragraph in its cells). */
export interface BodyUnit {
  kind: "paragraph" | "table";
  /** Body index of the unit's first w:p. */
  firstParagraph: number;
  key: string;
}

export interface BodyUnits {
  units: BodyUnit[];
  /** For each body paragraph index, the unit it belongs to. */
  unitOfParagraph: number[];
}

export function bodyUnits(paragraphs: BodyParagraph[]): BodyUnits {
  const units: BodyUnit[] = [];
  const unitOfParagraph: number[] = [];
  let carried: { first: number; text: string; members: number[] } | null = null;
  let lastTable: number | null = null;

  const flushCarried = (): void => {
    if (!carried) return;
    units.push({ kind: "paragraph", firstParagraph: carried.first, key: alignmentKey(carried.text) });
    for (const member of carried.members) unitOfParagraph[member] = units.length - 1;
    carried = null;
  };

  for (const paragraph of paragraphs) {
    if (paragraph.table !== null) {
      flushCarried();
      const current = units.at(-1);
      if (lastTable === paragraph.table && current?.kind === "table") {
        current.key += alignmentKey(paragraph.text);
      } else {
        units.push({ kind: "table", firstParagraph: paragraph.index, key: alignmentKey(paragraph.text) });
        lastTable = paragraph.table;
      }
      unitOfParagraph[paragraph.index] = units.length - 1;
      continue;
    }
    lastTable = null;
    // A paragraph whose end mark was deleted is shown joined to the next one, as mammoth does.
    const merged: { first: number; text: string; members: number[] } = carried
      ? { first: carried.first, text: carried.text + paragraph.text, members: [...carried.members, paragraph.index] }
      : { first: paragraph.index, text: paragraph.text, members: [paragraph.index] };
    carried = merged;
    if (!paragraph.markDeleted) flushCarried();
  }
  flushCarried();
  return { units, unitOfParagraph };
}

export interface AlignableBlock {
  isTable: boolean;
  text: string;
}

/** How far ahead an exact match is looked for; beyond it, a match is more likely a repeat than the block. */
const EXACT_WINDOW = 400;
const LOOSE_WINDOW = 8;

/** For each block, the index of its unit, or null when no unit fits. */
export function alignBlocks(blocks: AlignableBlock[], units: BodyUnit[]): (number | null)[] {
  let cursor = 0;
  return blocks.map((block) => {
    const key = alignmentKey(block.text);
    const kind = block.isTable ? "table" : "paragraph";
    const match = findExact(units, cursor, kind, key) ?? findLoose(units, cursor, kind, key) ?? findNext(units, cursor, kind);
    if (match === null) return null;
    cursor = match + 1;
    return match;
  });
}

/**
 * A paragraph's search stops at the next table that has text: mammoth never drops such a table, so the
 * paragraph cannot lie beyond it. Tables skip over paragraphs freely.
 */
function blocksSearch(unit: BodyUnit, kind: BodyUnit["kind"]): boolean {
  return kind === "paragraph" && unit.kind === "table" && unit.key !== "";
}

function findExact(units: BodyUnit[], from: number, kind: BodyUnit["kind"], key: string): number | null {
  if (key === "") return null;
  for (let i = from; i < units.length && i < from + EXACT_WINDOW; i++) {
    const unit = units[i]!;
    if (unit.kind === kind && unit.key === key) return i;
    if (blocksSearch(unit, kind)) break;
  }
  return null;
}

function findLoose(units: BodyUnit[], from: number, kind: BodyUnit["kind"], key: string): number | null {
  if (key.length < 4) return null;
  for (let i = from; i < units.length && i < from + LOOSE_WINDOW; i++) {
    const unit = units[i]!;
    if (unit.kind === kind && unit.key.length >= 4 && (unit.key.includes(key) || key.includes(unit.key))) return i;
    if (blocksSearch(unit, kind)) break;
  }
  return null;
}

/** Last resort: the next unit of the same kind that has any text. */
function findNext(units: BodyUnit[], from: number, kind: BodyUnit["kind"]): number | null {
  for (let i = from; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.kind === kind && unit.key !== "") return i;
    if (blocksSearch(unit, kind)) break;
  }
  return null;
}
