// Ruled tables: pdf-parse's getTable() finds the grid lines LibreOffice and Word draw for table borders and
// fills each cell with the text inside it, but it does not say where on the page the table sits. Its text is
// also in getText()'s page text, in the same content order (both read the page's text items in order), so the
// table is placed by finding its cells' text among the page lines: those lines are removed from the text flow
// (no duplicate paragraphs) and the table goes where the first of them was.
//
// Tables drawn without borders have no grid, are not found by getTable(), and stay in the flow as lines.
import { tidySpace, withoutSpace } from "./flow.ts";
import type { FlowItem, FlowTable } from "./flow.ts";

/** A line counts as table text when at least this share of its characters matched table cells. */
const TABLE_LINE_SHARE = 0.9;

export interface PlacedTables {
  /** Line indices that are table text and leave the text flow. */
  tableLines: Set<number>;
  /** For each table of the page, in order: the line index it goes before (lines.length = end of page). */
  positions: number[];
}

/** Whether getTable() found a real table: at least two filled cells, and a row with two columns or more. */
export function usefulTable(rows: readonly (readonly string[])[]): boolean {
  const cells = rows.flat().filter((cell) => cell.trim() !== "");
  // A single bordered cell is a box drawn round a paragraph, not a table.
  return cells.length >= 2 && rows.some((row) => row.length >= 2);
}

/**
 * Finds each table's text among the page's lines. Matching ignores white space, because getText() and the cell
 * filling space runs differently. Rows are matched whole first (unique and cheap); a row whose text is not
 * found in one piece (cells in an unusual order) is matched cell by cell.
 */
export function placeTables(lines: readonly string[], tables: readonly (readonly (readonly string[])[])[]): PlacedTables {
  const lineOfChar: number[] = [];
  let text = "";
  lines.forEach((line, index) => {
    const stripped = withoutSpace(line);
    text += stripped;
    for (let i = 0; i < stripped.length; i++) lineOfChar.push(index);
  });
  const matched = new Uint8Array(text.length);
  const mark = (needle: string, from: number): number => {
    const at = needle === "" ? -1 : text.indexOf(needle, from);
    if (at >= 0) matched.fill(1, at, at + needle.length);
    return at;
  };

  const firstLineOfTable: (number | undefined)[] = [];
  for (const rows of tables) {
    let cursor = 0;
    let first: number | undefined;
    const note = (at: number) => {
      if (at >= 0 && (first === undefined || at < first)) first = at;
    };
    for (const row of rows) {
      const whole = withoutSpace(row.join(""));
      const at = mark(whole, cursor);
      note(at);
      if (at >= 0) {
        cursor = at + whole.length;
        continue;
      }
      for (const cell of row) {
        const needle = withoutSpace(cell);
        const found = mark(needle, cursor);
        note(found);
        if (found >= 0) cursor = found + needle.length;
      }
    }
    firstLineOfTable.push(first === undefined ? undefined : lineOfChar[first]);
  }

  const matchedPerLine = new Map<number, number>();
  matched.forEach((m, i) => {
    if (m) matchedPerLine.set(lineOfChar[i]!, (matchedPerLine.get(lineOfChar[i]!) ?? 0) + 1);
  });
  const tableLines = new Set<number>();
  lines.forEach((line, index) => {
    const length = withoutSpace(line).length;
    if (length > 0 && (matchedPerLine.get(index) ?? 0) >= length * TABLE_LINE_SHARE) tableLines.add(index);
  });
  // A table whose text was not found at all still keeps its structure: it goes at the end of the page.
  return { tableLines, positions: firstLineOfTable.map((line) => line ?? lines.length) };
}

const sameRow = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((cell, i) => tidySpace(cell).toLowerCase() === tidySpace(b[i] ?? "").toLowerCase());

/**
 * Joins a table continued over a page break back into one: a table that ends its page followed by a table that
 * starts the next page with the same number of columns. A repeated header row on the new page is dropped.
 */
export function mergeContinuedTables(flow: readonly FlowItem[]): FlowItem[] {
  const merged: FlowItem[] = [];
  for (const item of flow) {
    const previous = merged[merged.length - 1];
    if (item.kind === "table" && previous?.kind === "table" && item.page === previous.page + 1 && columnCount(item) === columnCount(previous)) {
      const [first, ...rest] = item.rows;
      const repeatsHeader = first !== undefined && previous.rows[0] !== undefined && sameRow(first, previous.rows[0]);
      merged[merged.length - 1] = { ...previous, rows: [...previous.rows, ...(repeatsHeader ? rest : item.rows)] };
      continue;
    }
    merged.push(item);
  }
  return merged;
}

const columnCount = (table: FlowTable): number => Math.max(0, ...table.rows.map((row) => row.length));

const LABEL_MAX_WORDS = 8;

/**
 * Whether the first row reads as column labels ("Provision", "Who will provide it", "How often"): every cell
 * filled, short, not a sentence, and there are rows beneath it.
 */
export function firstRowIsHeader(rows: readonly (readonly string[])[]): boolean {
  const [first] = rows;
  if (first === undefined || rows.length < 2 || first.length < 2) return false;
  return first.every((cell) => {
    const text = tidySpace(cell);
    const words = text.split(" ").filter(Boolean).length;
    return text !== "" && words <= LABEL_MAX_WORDS && !/[.;]$/.test(text) && /\p{L}/u.test(text);
  });
}
