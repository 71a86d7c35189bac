// results.csv: the results table as CSV (UTF-8 with a byte-order mark, so Excel shows "–" and accents as written).
import { stringify } from "csv-stringify/sync";
import type { Cell, ResultTable } from "./table.ts";

/** A text cell Excel would run as a formula (a file or manifest value starting with "=", "+", "-" or "@") is quoted with "'". */
export const defuseFormula = (cell: Cell): Cell => (typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export function resultsCsv(table: ResultTable): string {
  return stringify([table.headers, ...table.rows.map((row) => row.map(defuseFormula))], { bom: true, record_delimiter: "\r\n" });
}
