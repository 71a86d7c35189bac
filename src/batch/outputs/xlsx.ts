// quality-return.xlsx: the results table (the same rows as results.csv) and summary sheets made from the batch
// summary: grades, scores, categories, every failing check, plans not scored, and a sheet per manifest column.
// The workbook's dates and the zip's entry dates are the batch's generated-at time, so the same inputs give the
// same bytes.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { GRADES } from "../../model/report.ts";
import { GRADE_LABELS } from "../../report/formatters/common.ts";
import type { BatchSummary } from "./summary.ts";
import type { Cell, ResultTable } from "./table.ts";

export const SHEETS = {
  results: "Results",
  about: "About",
  grades: "Grades",
  scores: "Scores",
  categories: "Categories",
  failing: "Failing checks",
  unreadable: "Not scored",
} as const;

/** "By <column>", cut to Excel's 31 characters without the characters sheet names may not hold, unique. */
export function breakdownSheetNames(columns: string[]): string[] {
  const used = new Set<string>(Object.values(SHEETS).map((s) => s.toLowerCase()));
  return columns.map((column) => {
    const base = `By ${column}`.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31).trim();
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function addSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][], widths: number[] = []): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === null ? null : cell)));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = widths[index] ?? Math.min(60, Math.max(10, headers[index]?.length ?? 10) + 2);
  });
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } };
  return sheet;
}

export async function qualityReturnXlsx(table: ResultTable, summary: BatchSummary): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const when = new Date(summary.generatedAt);
  workbook.creator = "ehcp-qa";
  workbook.lastModifiedBy = "ehcp-qa";
  workbook.created = when;
  workbook.modified = when;

  const results = addSheet(workbook, SHEETS.results, table.headers, table.rows, [24]);
  results.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];

  addSheet(
    workbook,
    SHEETS.about,
    ["", ""],
    [
      ["Plans in the batch", summary.total],
      ["Scored", summary.scored],
      ["Could not be scored", summary.unreadable],
      ["Not scored yet (run stopped)", summary.pending],
      ["Mean score", summary.meanScore],
      ["Median score", summary.medianScore],
      ["Rule set", `${summary.ruleset.name} ${summary.ruleset.version}`],
      ["Audit date", summary.auditDates.join(", ")],
      ["Made", summary.generatedAt],
      ["By", `ehcp-qa ${summary.toolVersion}`],
    ],
    [30, 40],
  );
  addSheet(workbook, SHEETS.grades, ["Grade", "Plans", "% of plans scored"], summary.grades.map((g) => [g.label, g.count, g.percent]), [24, 10, 18]);
  addSheet(workbook, SHEETS.scores, ["Score", "Plans"], summary.histogram.map((b) => [b.label, b.count]), [12, 10]);
  addSheet(
    workbook,
    SHEETS.categories,
    ["Category", "Category id", "Applied to", "Pass", "Warning", "Fail", "Pass rate %", "Mean score"],
    summary.categories.map((c) => [c.title, c.id, c.applicable, c.pass, c.warning, c.fail, c.passRate, c.meanScore]),
    [34, 24],
  );
  addSheet(
    workbook,
    SHEETS.failing,
    ["Check", "Check id", "Category", "Plans failing", "% of plans scored", "Example plan", "Example section", "Example passage"],
    summary.failingRules.map((r) => [r.title, r.id, r.category, r.plans, r.percent, r.example?.planId ?? null, r.example?.section ?? null, r.example?.excerpt ?? null]),
    [44, 30, 22, 14, 18, 20, 16, 80],
  );
  const notScored = summary.plans.filter((p) => p.problemCode !== null);
  addSheet(workbook, SHEETS.unreadable, ["id", "Problem code", "Problem"], notScored.map((p) => [p.id, p.problemCode, p.problem]), [24, 18, 100]);
  const names = breakdownSheetNames(summary.breakdowns.map((b) => b.column));
  summary.breakdowns.forEach((breakdown, index) => {
    addSheet(
      workbook,
      names[index]!,
      [breakdown.column, "Plans", "Scored", "Not scored", "Mean score", ...GRADES.map((g) => GRADE_LABELS[g])],
      breakdown.groups.map((g) => [g.value, g.plans, g.scored, g.unreadable, g.meanScore, ...GRADES.map((grade) => g.grades[grade])]),
      [24],
    );
  });

  const written = await workbook.xlsx.writeBuffer();
  // exceljs dates each zip entry with the clock: date them all with the batch's time instead.
  const zip = await JSZip.loadAsync(written as ArrayBuffer);
  const fixed = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    fixed.file(name, await entry.async("uint8array"), { date: when, createFolders: false });
  }
  return fixed.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
