// Scoring: a pure function of the checks and the rule set's weights and grade bands.
import { CATEGORY_IDS, GRADES, type CategoryId, type CategoryResult, type CheckResult, type CheckStatus, type Grade } from "../model/report.ts";
import type { GradeBands } from "../config/rule-set.ts";

export const CATEGORY_TITLES: Record<CategoryId, string> = {
  structure: "Structure and required content",
  "provision-specificity": "Specific, quantified provision",
  "child-voice": "The child's voice",
  "professional-advice": "Professional advice used",
  "draft-corrections": "Draft corrections carried over",
  outcomes: "SMART outcomes",
  consistency: "Consistency and accuracy",
  timeliness: "Statutory timescales",
};

export interface Score {
  score: number;
  grade: Grade;
  gradeCapped: boolean;
  categories: CategoryResult[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** fail if any check fails, else warning if any warns, else pass if any passed, else not-applicable. */
export function combinedStatus(statuses: readonly CheckStatus[]): CheckStatus {
  for (const status of ["fail", "warning", "pass"] as const) if (statuses.includes(status)) return status;
  return "not-applicable";
}

/**
 * Weighted mean of applicable checks' scores, 0..100; null when no applicable check carries weight
 * (a weight of 0 means "reported, not scored").
 */
function weightedScore(checks: readonly CheckResult[]): number | null {
  const applicable = checks.filter((c) => c.status !== "not-applicable" && c.weight > 0);
  const total = applicable.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return null;
  return (100 * applicable.reduce((sum, c) => sum + c.weight * c.score, 0)) / total;
}

export function gradeFor(score: number, bands: GradeBands): Grade {
  if (score >= bands.outstanding) return "outstanding";
  if (score >= bands.good) return "good";
  if (score >= bands["requires-improvement"]) return "requires-improvement";
  return "inadequate";
}

/**
 * Category scores and statuses (all eight categories, always), the overall score (weighted mean of the categories
 * that have a score, one decimal; 0 when none has), the grade from the bands, and the critical cap: a failed critical
 * check lowers a better grade to requires-improvement.
 */
export function scoreChecks(checks: readonly CheckResult[], weights: Record<CategoryId, number>, bands: GradeBands): Score {
  const unrounded = CATEGORY_IDS.map((id) => {
    const own = checks.filter((c) => c.category === id);
    return { id, score: weightedScore(own), status: combinedStatus(own.map((c) => c.status)) };
  });
  const scored = unrounded.filter((c): c is typeof c & { score: number } => c.score !== null && weights[c.id] > 0);
  const totalWeight = scored.reduce((sum, c) => sum + weights[c.id], 0);
  const score = totalWeight === 0 ? 0 : round1(scored.reduce((sum, c) => sum + weights[c.id] * c.score, 0) / totalWeight);
  const uncapped = gradeFor(score, bands);
  const criticalFailure = checks.some((c) => c.critical && c.status === "fail");
  const capped = criticalFailure && GRADES.indexOf(uncapped) < GRADES.indexOf("requires-improvement");
  return {
    score,
    grade: capped ? "requires-improvement" : uncapped,
    gradeCapped: capped,
    categories: unrounded.map((c) => ({ id: c.id, title: CATEGORY_TITLES[c.id], score: c.score === null ? null : round1(c.score), status: c.status })),
  };
}
