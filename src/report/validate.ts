// Checks a report against the published JSON Schema (src/report/report.schema.json) plus the rules a schema cannot
// state (every check's category is listed, a category's status follows from its checks).
import { validateAgainst } from "../config/ajv.ts";
import { GRADES, type AuditReport } from "../model/report.ts";
import schema from "./report.schema.json" with { type: "json" };

/** The report's JSON Schema (2020-12). Typed here so the published .d.ts does not import the JSON file itself. */
export const reportSchema: Readonly<Record<string, unknown>> = schema;

/** Every way `value` departs from the report contract (empty when it is a valid report). */
export function reportProblems(value: unknown): string[] {
  const problems = validateAgainst(reportSchema, value).map((p) => `${p.pointer || "/"}: ${p.message}`);
  if (problems.length > 0) return problems;
  const report = value as AuditReport;
  for (const category of report.categories) {
    const checks = report.checks.filter((c) => c.category === category.id);
    const statuses = new Set(checks.map((c) => c.status));
    const expected = statuses.has("fail") ? "fail" : statuses.has("warning") ? "warning" : statuses.has("pass") ? "pass" : "not-applicable";
    if (category.status !== expected) problems.push(`/categories/${category.id}: status is ${category.status} but its checks make it ${expected}`);
  }
  problems.push(...gradeProblems(report));
  const findingIds = report.checks.flatMap((c) => c.findings.map((f) => f.id)).filter((id) => id !== undefined);
  if (new Set(findingIds).size !== findingIds.length) problems.push("/checks: repeated finding ids");
  for (const item of report.fixFirst ?? []) if (!findingIds.includes(item.findingId)) problems.push(`/fixFirst: no finding has the id ${item.findingId}`);
  const ids = report.checks.map((c) => c.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0) problems.push(`/checks: repeated check ids ${repeated.join(", ")}`);
  return problems;
}

/** The grade must keep within the limits the report gives for it: never above its cap, never below its floor. */
function gradeProblems(report: AuditReport): string[] {
  const rank = (grade: (typeof GRADES)[number]) => GRADES.indexOf(grade);
  const problems: string[] = [];
  if (report.gradeCap && rank(report.grade) < rank(report.gradeCap.grade)) problems.push(`/grade: ${report.grade} is better than the cap ${report.gradeCap.grade}`);
  if (report.gradeFloor && rank(report.grade) > rank(report.gradeFloor)) problems.push(`/grade: ${report.grade} is worse than the floor ${report.gradeFloor}`);
  const failing = new Set(report.categories.filter((c) => c.status === "fail").map((c) => c.id));
  if (report.gradeFloor && failing.size > 0) problems.push("/gradeFloor: a floor applies only when no category fails");
  for (const id of report.gradeCap?.failingCategories ?? []) if (!failing.has(id)) problems.push(`/gradeCap/failingCategories: ${id} does not fail`);
  return problems;
}
