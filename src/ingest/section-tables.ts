// Templates that lay a plan out as tables: the first column holds the section's letter or name
// ("Section A" / "Views, interests and aspirations") and the next column its content. Such a table is
// unfolded into what a heading-based template would have given: a heading per labelled row, followed by
// the content cell's paragraphs (and any table nested in it, which the readers flatten to "a | b" lines).
import { listMarker } from "./pdf/line-blocks.ts";
import type { RawBlock } from "./raw.ts";
import { matchSectionHeading, type AliasIndex, type HeadingMatch } from "./section-headings.ts";
import { countWords } from "../text/words.ts";
import { areaOfNeedOf } from "./section-meaning.ts";
import type { SectionFoundBy } from "../model/document.ts";

/** A block before ids and sections are given; `label` marks a heading made from a table's label cell. */
export type UnitBlock =
  | { kind: "heading"; level: number; text: string; label?: HeadingMatch; foundBy?: SectionFoundBy }
  | { kind: "paragraph"; text: string }
  | { kind: "list-item"; level: number; ordered: boolean; text: string }
  | { kind: "table"; header: string[]; rows: string[][] };

/** Content needed beside a label found by meaning alone, so a "Placement | Oakfield" fact row is not a section. */
const MEANING_LABEL_MIN_CONTENT_WORDS = 8;

/** A contents entry laid out as a table row: a label, a title perhaps, and a page number in the last filled cell. */
export function isContentsRow(row: readonly string[]): boolean {
  const filled = row.filter((cell) => cell.trim() !== "");
  return filled.length >= 2 && /^\d{1,3}$/.test(filled.at(-1)!.trim());
}

/** The label a first-column cell holds, if any. */
function labelOf(cell: string | undefined, aliases: AliasIndex): HeadingMatch | null {
  if (!cell) return null;
  return matchSectionHeading(cell.replace(/\n/g, " "), "table-label", aliases);
}

/** The heading as written: a label cell of two lines ("Section A" / "Views, ...") is read as "Section A – Views, ...". */
function labelHeading(cell: string): string {
  const lines = cell.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  if (lines.length > 1 && /^(?:(?:section|part)\s+)?(?:H\s?[12]|[A-K])$/i.test(lines[0]!)) return `${lines[0]} – ${lines.slice(1).join(" ")}`;
  return lines.join(" ");
}

/**
 * The table unfolded into headings and content, or null when it is an ordinary table. `explicitOnly`:
 * the document names its sections by letter, so a first-column cell naming a section by meaning alone
 * ("Outcomes" in a provision table) is a column entry, not a section.
 */
export function unfoldSectionTable(table: Extract<RawBlock, { kind: "table" }>, aliases: AliasIndex, explicitOnly: boolean): UnitBlock[] | null {
  // A header row naming two or more sections ("Special educational needs | Outcomes | Provision") is column titles.
  const headerIsColumnTitles = new Set(table.header.map((cell) => labelOf(cell, aliases)?.id).filter((id) => id !== undefined)).size >= 2;
  const columnHeader = headerIsColumnTitles || table.header.length === 0 || labelOf(table.header[0], aliases) === null ? table.header : [];
  const rows = columnHeader === table.header ? table.rows : [table.header, ...table.rows];

  // A one-cell table is a banner: the template's way of drawing a heading.
  const banner = rows.length === 1 && rows[0]!.filter((cell) => cell.trim() !== "").length === 1;
  const labels = rows.map((row) => {
    const label = labelOf(row[0], aliases);
    if (!label || label.contentsEntry || (!label.explicit && explicitOnly)) return null;
    // A row named by the meaning of its words alone needs a section's worth of text beside it: "School | Oakfield"
    // and "Date of request | 3 June 2024" are title facts.
    if (label.by === "meaning" && !banner && rowContentWords(row) < MEANING_LABEL_MIN_CONTENT_WORDS) return null;
    return label;
  });
  const labelled = labels.flatMap((label, index) => (label ? [{ label, index }] : []));
  if (labelled.length === 0) return null;
  // A contents page laid out as a table: every labelled row ends in a page number.
  if (labelled.every(({ index }) => isContentsRow(rows[index]!))) return null;
  const meaningIds = new Set(labelled.filter(({ label }) => !label.explicit).map(({ label }) => label.id));
  const trusted = banner || labelled.some(({ label }) => label.explicit) || meaningIds.size >= 2;
  if (!trusted) {
    const [only] = labelled;
    const contentWords = rowContentWords(rows[only!.index]!);
    if (only!.index !== 0 || contentWords < MEANING_LABEL_MIN_CONTENT_WORDS) return null;
  }

  const out: UnitBlock[] = [];
  const firstLabel = labelled[0]!.index;
  if (columnHeader.length > 0 || firstLabel > 0) out.push(...rowsContent(rows.slice(0, firstLabel), columnHeader, true));
  for (let at = 0; at < labelled.length; at++) {
    const { label, index } = labelled[at]!;
    const end = labelled[at + 1]?.index ?? rows.length;
    const row = rows[index]!;
    out.push({ kind: "heading", level: 1, text: labelHeading(row[0]!), label, foundBy: banner ? "banner" : "table" });
    out.push(...rowsContent([row.slice(1)], columnHeader.slice(1), false), ...rowsContent(rows.slice(index + 1, end), columnHeader, false));
  }
  return out;
}

/**
 * Rows of content: a row whose only filled cell is one long cell becomes that cell's paragraphs;
 * rows with several filled cells stay a table (consecutive ones together).
 */
function rowsContent(rows: string[][], header: string[], keepEmptyHeader: boolean): UnitBlock[] {
  const out: UnitBlock[] = [];
  let tableRows: string[][] = [];
  const flushTable = (): void => {
    if (tableRows.length > 0 || (keepEmptyHeader && header.length > 0)) out.push({ kind: "table", header, rows: tableRows });
    tableRows = [];
  };
  for (const row of rows) {
    const filled = row.filter((cell) => cell.trim() !== "");
    if (filled.length === 0) continue;
    if (filled.length === 1) {
      flushTable();
      out.push(...cellBlocks(filled[0]!));
    } else {
      tableRows.push(row);
    }
  }
  flushTable();
  return out;
}

/** A content cell's lines as blocks; runs of "a | b" lines (a table nested in the cell) become a table again. */
export function cellBlocks(cell: string): UnitBlock[] {
  const lines = cell.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const cellsOf = (line: string): string[] => line.split(" | ").map((part) => part.trim());
  const out: UnitBlock[] = [];
  for (let at = 0; at < lines.length; ) {
    const width = cellsOf(lines[at]!).length;
    let end = at + 1;
    while (width >= 2 && end < lines.length && cellsOf(lines[end]!).length === width) end++;
    if (width >= 2 && end - at >= 2) {
      const [header, ...rows] = lines.slice(at, end).map(cellsOf);
      out.push({ kind: "table", header: header!, rows });
      at = end;
      continue;
    }
    const line = lines[at]!;
    const marker = listMarker(line);
    out.push(marker ? { kind: "list-item", level: marker.level, ordered: marker.ordered, text: marker.text } : { kind: "paragraph", text: line });
    at++;
  }
  return out;
}

/**
 * A table whose columns are sections: "Needs | Provision | Outcomes", one row per area of need or per need.
 * Each row is read across: the column's title as a heading, then the cell, so each section gets its own text
 * (and a row's area of need, when a column or the row's first cell names it, stays with it). Only when the
 * columns include needs (B) and every other column title names a section or an area: a provision table with
 * "Frequency" and "Staff" columns is an ordinary table of Section F.
 */
export function unfoldColumnTable(table: Extract<RawBlock, { kind: "table" }>, aliases: AliasIndex, letteredIds: ReadonlySet<string>): UnitBlock[] | null {
  if (table.header.length < 2) return null;
  const columns = table.header.map((cell) => {
    const match = matchSectionHeading(cell.replace(/\n/g, " "), "table-label", aliases);
    return match && match.ids.length === 1 && !match.contentsEntry ? match : null;
  });
  const ids = new Set(columns.flatMap((match) => (match ? [match.id] : [])));
  // Where the plan names these sections by letter elsewhere, the table sits inside one of them (a provision table).
  if (ids.size < 2 || !ids.has("B") || [...ids].some((id) => letteredIds.has(id))) return null;
  const areaColumns = table.header.map((cell, index) => columns[index] === null && cell.trim() !== "" && /\barea|need/i.test(cell));
  if (table.header.some((cell, index) => cell.trim() !== "" && columns[index] === null && !areaColumns[index])) return null;

  const out: UnitBlock[] = [];
  for (const row of table.rows) {
    row.forEach((cell, index) => {
      if (areaColumns[index] || (columns[index] === null && areaOfNeedOf(cell) !== null)) {
        if (cell.trim() !== "") out.push({ kind: "paragraph", text: cell.trim() });
      }
    });
    row.forEach((cell, index) => {
      const label = columns[index];
      if (!label || cell.trim() === "") return;
      out.push({ kind: "heading", level: 3, text: table.header[index]!.replace(/\s+/g, " ").trim(), label, foundBy: "column" });
      out.push(...cellBlocks(cell));
    });
  }
  return out;
}

function rowContentWords(row: string[]): number {
  return row.slice(1).reduce((sum, cell) => sum + countWords(cell), 0);
}
