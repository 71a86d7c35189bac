// The results table: one row per plan, the same in results.csv and the xlsx's Results sheet. Columns: id; the files
// by role; score, grade and whether a critical failure capped it; for each category its score, status and number
// of failed checks; the three most important failed checks; the problem that stopped a plan being scored; then the
// manifest's own columns, as written.
import { CATEGORY_IDS, type AuditReport, type CheckResult } from "../../model/report.ts";
import type { BatchResult, BatchRole } from "../types.ts";

export type Cell = string | number | null;

export interface ResultTable {
  headers: string[];
  rows: Cell[][];
}

export const FAILED_CHECK_COLUMNS = 3;

const FILE_COLUMNS: [BatchRole, string][] = [
  ["plan", "plan file"],
  ["draft", "draft file"],
  ["response", "response files"],
  ["advice", "advice files"],
];

export const categoryHeaders = (id: string) => ({ score: `${id} score`, status: `${id} status`, failures: `${id} failed checks` });

export function fixedHeaders(): string[] {
  return [
    "id",
    ...FILE_COLUMNS.map(([, header]) => header),
    "score",
    "grade",
    "grade capped",
    ...CATEGORY_IDS.flatMap((id) => Object.values(categoryHeaders(id))),
    ...Array.from({ length: FAILED_CHECK_COLUMNS }, (_, i) => `failed check ${i + 1}`),
    "problem code",
    "problem",
    "problem file",
  ];
}

/** A manifest column that has a built-in column's name is shown as "manifest: <name>". */
export function extraHeaders(columns: string[]): string[] {
  const fixed = new Set(fixedHeaders().map((h) => h.toLowerCase()));
  return columns.map((column) => (fixed.has(column.toLowerCase()) ? `manifest: ${column}` : column));
}

/** The failed checks that matter most: critical ones first, then by weight, then the lowest score, then report order. */
export function mostImportantFailures(report: AuditReport, count = FAILED_CHECK_COLUMNS): CheckResult[] {
  return report.checks
    .map((check, index) => ({ check, index }))
    .filter(({ check }) => check.status === "fail")
    .sort((a, b) => Number(b.check.critical) - Number(a.check.critical) || b.check.weight - a.check.weight || a.check.score - b.check.score || a.index - b.index)
    .slice(0, count)
    .map(({ check }) => check);
}

export const failedChecksIn = (report: AuditReport, category: string): number => report.checks.filter((c) => c.category === category && c.status === "fail").length;

export function resultTable(results: BatchResult[], columns: string[]): ResultTable {
  const headers = [...fixedHeaders(), ...extraHeaders(columns)];
  const rows = results.map((result): Cell[] => {
    const files = FILE_COLUMNS.map(([role]) => result.files.filter((f) => f.role === role).map((f) => f.path).join("; "));
    const report = result.report;
    const categoryCells = CATEGORY_IDS.flatMap((id): Cell[] => {
      const category = report?.categories.find((c) => c.id === id);
      return category && report ? [category.score, category.status, failedChecksIn(report, id)] : [null, null, null];
    });
    const failures = report ? mostImportantFailures(report).map((c) => c.title) : [];
    return [
      result.id,
      ...files,
      report?.score ?? null,
      report?.grade ?? null,
      report ? (report.gradeCapped ? "yes" : "no") : null,
      ...categoryCells,
      ...Array.from({ length: FAILED_CHECK_COLUMNS }, (_, i) => failures[i] ?? null),
      result.problem?.code ?? null,
      result.problem?.message ?? null,
      result.problem?.file ?? null,
      ...columns.map((column) => result.columns[column] ?? ""),
    ];
  });
  return { headers, rows };
}
