// Every number the dashboard, the xlsx's summary sheets and the command's closing line show, computed once here from
// the results: so the charts, the sheets and results.csv cannot disagree.
import { VERSION } from "../../index.ts";
import { CATEGORY_IDS, GRADES, type CategoryId, type CheckStatus, type Grade } from "../../model/report.ts";
import { GRADE_LABELS } from "../../report/formatters/common.ts";
import { CATEGORY_TITLES } from "../../report/score.ts";
import type { SharedParagraph } from "../boilerplate.ts";
import type { BatchResult } from "../types.ts";
import { reportFileNames } from "./report-files.ts";

export interface GradeCount {
  grade: Grade;
  label: string;
  count: number;
  /** Percentage of the plans scored, one decimal. */
  percent: number;
}

export interface HistogramBin {
  /** Lowest score in the bin; the bin holds scores from `from` up to, not including, `from + 10` (the last holds 100). */
  from: number;
  label: string;
  count: number;
}

export interface CategorySummary {
  id: CategoryId;
  title: string;
  /** Plans where the category applied (any status but not-applicable). */
  applicable: number;
  pass: number;
  warning: number;
  fail: number;
  /** Percentage of the plans where it applied that passed it (a warning is not a pass), one decimal; null when it never applied. */
  passRate: number | null;
  meanScore: number | null;
}

export interface FailingRule {
  id: string;
  title: string;
  category: CategoryId;
  /** Plans in which this check failed. */
  plans: number;
  /** Percentage of the plans scored, one decimal. */
  percent: number;
  /** The first plan (by id) where it failed with a passage quoted, and that passage. */
  example: { planId: string; section: string | null; excerpt: string } | null;
}

export interface BreakdownGroup {
  value: string;
  plans: number;
  scored: number;
  unreadable: number;
  meanScore: number | null;
  grades: Record<Grade, number>;
}

export interface Breakdown {
  column: string;
  groups: BreakdownGroup[];
}

export interface PlanLine {
  id: string;
  score: number | null;
  grade: Grade | null;
  failedChecks: number | null;
  problemCode: string | null;
  problem: string | null;
  /** reports/<name>.html, for a plan that was scored. */
  reportFile: string | null;
  /** The plan's own file (its path in the batch). */
  planFile: string | null;
  /** The categories that fail, by title, in the report's order (empty when none fails, or the plan was not scored). */
  failingCategories: string[];
  /** The report's first "fix these first" item: where, and what ("Section F, table 1, row 2: ..."). */
  firstFix: string | null;
}

export interface BatchSummary {
  generatedAt: string;
  toolVersion: string;
  ruleset: { name: string; version: string };
  /** The audit dates the reports were made for (one, unless a resumed run changed it). */
  auditDates: string[];
  /** Plans in the batch, finished or not. */
  total: number;
  scored: number;
  unreadable: number;
  /** Plans not scored yet because the run was stopped. */
  pending: number;
  meanScore: number | null;
  medianScore: number | null;
  grades: GradeCount[];
  histogram: HistogramBin[];
  categories: CategorySummary[];
  /** Every check that failed in at least one plan, most frequent first. */
  failingRules: FailingRule[];
  /** Why plans could not be scored: each code and how many plans. */
  problems: { code: string; count: number }[];
  breakdowns: Breakdown[];
  plans: PlanLine[];
  /** Paragraphs found in the plans of different children, most shared first; absent when the plans' paragraphs were not compared. */
  sharedParagraphs?: SharedParagraph[];
}

export const round1 = (value: number): number => Math.round(value * 10) / 10;
export const percent = (part: number, whole: number): number => (whole === 0 ? 0 : round1((part / whole) * 100));
const mean = (values: number[]): number | null => (values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length));

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round1(sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}

export const HISTOGRAM_BINS = 10;
export const histogramBin = (score: number): number => Math.min(HISTOGRAM_BINS - 1, Math.floor(score / 10));

const EXCERPT_LIMIT = 240;
const capExcerpt = (text: string): string => (text.length > EXCERPT_LIMIT ? `${text.slice(0, EXCERPT_LIMIT - 1).trimEnd()}…` : text);

export const BLANK_VALUE = "(blank)";

export interface SummaryInput {
  /** The results, in id order. */
  results: BatchResult[];
  /** The manifest's extra columns (breakdowns are made for each). */
  columns: string[];
  ruleset: { name: string; version: string };
  generatedAt: Date;
  /** Plans not finished (a stopped run). */
  pending?: number;
  sharedParagraphs?: SharedParagraph[];
}

function firstFixOf(result: BatchResult): string | null {
  const first = result.report?.fixFirst?.[0];
  return first ? `${first.place ? `${first.place}: ` : ""}${first.message}` : null;
}

/** One line per plan for a results table, in the results' order (report file names as summary.html links them). */
export function planLines(results: BatchResult[]): PlanLine[] {
  const reportFiles = reportFileNames(results);
  return results.map(
    (result): PlanLine => ({
      id: result.id,
      score: result.report?.score ?? null,
      grade: result.report?.grade ?? null,
      failedChecks: result.report ? result.report.checks.filter((check) => check.status === "fail").length : null,
      problemCode: result.problem?.code ?? null,
      problem: result.problem?.message ?? null,
      reportFile: reportFiles.get(result.id) ?? null,
      planFile: result.files.find((file) => file.role === "plan")?.path ?? null,
      failingCategories: result.report?.categories.filter((c) => c.status === "fail").map((c) => c.title) ?? [],
      firstFix: firstFixOf(result),
    }),
  );
}

export function summarise({ results, columns, ruleset, generatedAt, pending = 0, sharedParagraphs }: SummaryInput): BatchSummary {
  const scored = results.filter((r) => r.report);
  const scores = scored.map((r) => r.report!.score);

  const grades = GRADES.map((grade): GradeCount => {
    const count = scored.filter((r) => r.report!.grade === grade).length;
    return { grade, label: GRADE_LABELS[grade], count, percent: percent(count, scored.length) };
  });

  const histogram = Array.from({ length: HISTOGRAM_BINS }, (_, bin): HistogramBin => ({
    from: bin * 10,
    label: bin === HISTOGRAM_BINS - 1 ? "90–100" : `${bin * 10}–${bin * 10 + 9}.9`,
    count: scores.filter((score) => histogramBin(score) === bin).length,
  }));

  const categories = CATEGORY_IDS.map((id): CategorySummary => {
    const statuses: CheckStatus[] = [];
    const categoryScores: number[] = [];
    for (const result of scored) {
      const category = result.report!.categories.find((c) => c.id === id);
      if (!category || category.status === "not-applicable") continue;
      statuses.push(category.status);
      if (category.score !== null) categoryScores.push(category.score);
    }
    const count = (status: CheckStatus) => statuses.filter((s) => s === status).length;
    return {
      id,
      title: CATEGORY_TITLES[id],
      applicable: statuses.length,
      pass: count("pass"),
      warning: count("warning"),
      fail: count("fail"),
      passRate: statuses.length === 0 ? null : percent(count("pass"), statuses.length),
      meanScore: mean(categoryScores),
    };
  });

  const failing = new Map<string, FailingRule>();
  for (const result of scored) {
    for (const check of result.report!.checks) {
      if (check.status !== "fail") continue;
      const rule = failing.get(check.id) ?? { id: check.id, title: check.title, category: check.category, plans: 0, percent: 0, example: null };
      rule.plans++;
      if (!rule.example) {
        const finding = [...check.findings].sort((a, b) => Number(b.severity === "error") - Number(a.severity === "error")).find((f) => f.excerpt.trim() !== "" && (f.document ?? "plan") === "plan");
        if (finding) rule.example = { planId: result.id, section: finding.section, excerpt: capExcerpt(finding.excerpt) };
      }
      failing.set(check.id, rule);
    }
  }
  const failingRules = [...failing.values()]
    .map((rule) => ({ ...rule, percent: percent(rule.plans, scored.length) }))
    .sort((a, b) => b.plans - a.plans || (a.id < b.id ? -1 : 1));

  const problemCounts = new Map<string, number>();
  for (const result of results) if (result.problem) problemCounts.set(result.problem.code, (problemCounts.get(result.problem.code) ?? 0) + 1);

  const breakdowns = columns.map((column): Breakdown => {
    const byValue = new Map<string, BatchResult[]>();
    for (const result of results) {
      const value = (result.columns[column] ?? "").trim() || BLANK_VALUE;
      byValue.set(value, [...(byValue.get(value) ?? []), result]);
    }
    const values = [...byValue.keys()].sort((a, b) => Number(a === BLANK_VALUE) - Number(b === BLANK_VALUE) || a.localeCompare(b, "en", { numeric: true }));
    return {
      column,
      groups: values.map((value): BreakdownGroup => {
        const group = byValue.get(value)!;
        const groupScored = group.filter((r) => r.report);
        return {
          value,
          plans: group.length,
          scored: groupScored.length,
          unreadable: group.length - groupScored.length,
          meanScore: mean(groupScored.map((r) => r.report!.score)),
          grades: Object.fromEntries(GRADES.map((grade) => [grade, groupScored.filter((r) => r.report!.grade === grade).length])) as Record<Grade, number>,
        };
      }),
    };
  });

  return {
    generatedAt: generatedAt.toISOString(),
    toolVersion: VERSION,
    ruleset,
    auditDates: [...new Set(results.map((r) => r.auditDate))].sort(),
    total: results.length + pending,
    scored: scored.length,
    unreadable: results.length - scored.length,
    pending,
    meanScore: mean(scores),
    medianScore: median(scores),
    grades,
    histogram,
    categories,
    failingRules,
    problems: [...problemCounts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
    breakdowns,
    plans: planLines(results),
    ...(sharedParagraphs ? { sharedParagraphs } : {}),
  };
}
