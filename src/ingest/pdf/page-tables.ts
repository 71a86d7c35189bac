// Ruled tables: pdf-parse's getTable() finds the grid lines LibreOffice and Word draw for table borders and
// fills each cell with the text inside it, but it does not say where on the page the table sits. Its text is
// also in getText()'s page text, in the same content order (both read the page's text items in order), so the
// table is placed by finding its cells' text among the page lines: those lines are removed from the text flow
// (no duplicate paragraphs) and the table goes where the first of them was.
//
// Tables drawn without borders have no grid, are not found by getTable(), and stay in the flow as lines.
import { endsTerminal, tidySpace, withoutSpace } from "./flow.ts";
import type { FlowItem, FlowTable } from "./flow.ts";
// The header judgement is shared with the DOCX reader (a PDF keeps no bold type).
import { firstRowIsHeader } from "../table-header.ts";

/** A line counts as table text when at least this share of its characters matched table cells. */
const TABLE_LINE_SHARE = 0.9;

export interface PlacedTables {
  /** Line indices that are table text and leave the text flow. */
  tableLines: Set<number>;
  /** For each table of the page, in order: the line index it goes before (lines.length = end of page). */
  positions: number[];
}

/**
 * Whether getTable() found a real table: some text, and a row with two columns or more. (A single bordered cell
 * is a box drawn round a paragraph; a row with one filled cell can be the rest of a row cut by a page break.)
 */
export function usefulTable(rows: readonly (readonly string[])[]): boolean {
  return rows.some((row) => row.some((cell) => cell.trim() !== "")) && rows.some((row) => row.length >= 2);
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
  /** Marks the first occurrence of `needle` from `from` that no earlier match has taken (tables often share a header). */
  const mark = (needle: string, from: number): number => {
    if (needle === "") return -1;
    for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
      if (matched.subarray(at, at + needle.length).every((m) => m === 0)) {
        matched.fill(1, at, at + needle.length);
        return at;
      }
    }
    return -1;
  };

  const firstLineOfTable: (number | undefined)[] = [];
  for (const rows of tables) {
    let cursor = 0;
    // Where the table starts: its first whole row found; a lone cell (a word like "Daily" can occur anywhere)
    // only when no row was found whole.
    let firstRow = Infinity;
    let firstCell = Infinity;
    for (const row of rows) {
      const whole = withoutSpace(row.join(""));
      const at = mark(whole, cursor);
      if (at >= 0) {
        firstRow = Math.min(firstRow, at);
        cursor = at + whole.length;
        continue;
      }
      for (const cell of row) {
        const needle = withoutSpace(cell);
        const found = mark(needle, cursor);
        if (found >= 0) {
          firstCell = Math.min(firstCell, found);
          cursor = found + needle.length;
        }
      }
    }
    const first = Number.isFinite(firstRow) ? firstRow : firstCell;
    firstLineOfTable.push(Number.isFinite(first) ? lineOfChar[first] : undefined);
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
 * Whether `next` (the first row on a new page) is the rest of `last` (the last row on the page before), cut by
 * the page break: every filled cell sits under a filled cell, and the row does not read as a row of its own —
 * some cells are empty (their text all fitted before the break), or a cell carries on a sentence in lower case.
 */
function continuesRow(last: readonly string[], next: readonly string[]): boolean {
  const filled = next.filter((cell) => cell.trim() !== "");
  if (last.length !== next.length || filled.length === 0) return false;
  const underFilled = next.every((cell, i) => cell.trim() === "" || (last[i]?.trim() ?? "") !== "");
  const carriesSentence = next.some((cell, i) => /^\p{Ll}/u.test(cell.trim()) && !endsTerminal(last[i] ?? ""));
  return underFilled && (filled.length < next.length || carriesSentence);
}

/**
 * Joins a table continued over a page break back into one: a table that ends its page followed by a table that
 * starts the next page with the same number of columns, when the new page repeats the header row (dropped), or
 * starts with the rest of a row cut by the break (put back together), or the table has a header row and the new
 * page's part does not. Tables of one row per section (a template that sets each section in its own table) are
 * left apart, as in the Word file.
 */
export function mergeContinuedTables(flow: readonly FlowItem[]): FlowItem[] {
  const merged: FlowItem[] = [];
  /** The page the last table in `merged` ends on (a merged table starts on one page and ends on a later one). */
  let lastTablePage = 0;
  for (const item of flow) {
    const previous = merged[merged.length - 1];
    if (item.kind === "table" && previous?.kind === "table" && item.page === lastTablePage + 1 && columnCount(item) === columnCount(previous)) {
      const rows = [...item.rows];
      const repeatsHeader = rows[0] !== undefined && previous.rows[0] !== undefined && sameRow(rows[0], previous.rows[0]);
      if (repeatsHeader) rows.shift();
      const last = previous.rows[previous.rows.length - 1];
      const cutRow = last !== undefined && rows[0] !== undefined && continuesRow(last, rows[0]);
      const headerAbove = firstRowIsHeader(previous.rows.map((row) => row.map(tidySpace))) && !firstRowIsHeader(rows.map((row) => row.map(tidySpace)));
      if (repeatsHeader || cutRow || headerAbove) {
        const joined = [...previous.rows];
        if (cutRow) {
          const rest = rows.shift()!;
          joined[joined.length - 1] = last.map((cell, i) => [cell, rest[i] ?? ""].filter((text) => text.trim() !== "").join("\n"));
        }
        merged[merged.length - 1] = { ...previous, rows: [...joined, ...rows] };
      } else {
        merged.push(item);
      }
    } else {
      merged.push(item);
    }
    if (item.kind === "table") lastTablePage = item.page;
  }
  return merged;
}

const columnCount = (table: FlowTable): number => Math.max(0, ...table.rows.map((row) => row.length));

/**
 * Gives every row the table's full number of cells. getTable() leaves out the positions a merged cell covers,
 * without saying which they are, so this guesses the way plans' tables are usually merged: the first row
 * (a header cell spanning columns) and a row of one cell (a title row across the table) are padded on the right;
 * any other short row sits under a cell merged downwards, which in plans is nearly always in the first columns,
 * so it is padded on the left. As in the DOCX reader, covered positions are "" (not a repeat of the text).
 */
export function squareRows(rows: readonly (readonly string[])[]): string[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row, index) => {
    const padding = Array.from({ length: width - row.length }, () => "");
    return index === 0 || row.length === 1 ? [...row, ...padding] : [...padding, ...row];
  });
}

