// Scoring: a pure function of the checks and the rule set's weights and grade bands.
import { CATEGORY_IDS, GRADES, type GradeCap as ReportGradeCap, type CategoryId, type CategoryResult, type CheckResult, type CheckStatus, type Grade } from "../model/report.ts";
import type { GradeBands, GradeCap, GradeRules } from "../config/rule-set.ts";

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

/** How each category is named inside a sentence ("capped at Requires improvement: professional advice fails"). */
export const CATEGORY_NAMES_IN_TEXT: Record<CategoryId, string> = {
  structure: "structure",
  "provision-specificity": "provision specificity",
  "child-voice": "the child's voice",
  "professional-advice": "professional advice",
  "draft-corrections": "draft corrections",
  outcomes: "outcomes",
  consistency: "consistency",
  timeliness: "timescales",
};

export const GRADE_LABELS: Record<Grade, string> = {
  outstanding: "Outstanding",
  good: "Good",
  "requires-improvement": "Requires improvement",
  inadequate: "Inadequate",
};

/** The ceiling the category verdicts (and failed critical checks) put on the grade, and what set it. */
export type GradeCeiling = ReportGradeCap;

export interface Score {
  score: number;
  grade: Grade;
  /** True when the verdicts lowered the grade below the one its score alone gives. */
  gradeCapped: boolean;
  /** The grade the score alone gives. */
  scoreGrade: Grade;
  gradeCap: GradeCeiling | null;
  /** The lowest grade allowed because no category fails; null when some category fails (or the floor is off). */
  gradeFloor: Grade | null;
  /** Why the plan has this grade, in one sentence. */
  gradeReason: string;
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

/** The worse of two grades (GRADES runs best to worst). */
const worse = (a: Grade, b: Grade): Grade => (GRADES.indexOf(a) >= GRADES.indexOf(b) ? a : b);
const isWorse = (a: Grade, than: Grade): boolean => GRADES.indexOf(a) > GRADES.indexOf(than);

/** The lowest ceiling among the caps that apply (and the critical-check cap), or null when none applies. */
export function gradeCeiling(failing: readonly CategoryId[], failedCritical: readonly string[], caps: readonly GradeCap[]): GradeCeiling | null {
  let ceiling: GradeCeiling | null = null;
  for (const cap of caps) {
    const counted = cap.of ? failing.filter((id) => cap.of!.includes(id)) : [...failing];
    if (counted.length < cap.failing) continue;
    // Between equal ceilings, the one naming more failing categories explains the grade better.
    const better = ceiling === null || isWorse(cap.grade, ceiling.grade) || (cap.grade === ceiling.grade && counted.length > ceiling.failingCategories.length);
    if (better) ceiling = { grade: cap.grade, failingCategories: counted, criticalChecks: [] };
  }
  // A failed critical check holds the grade at requires-improvement at best (its category fails too).
  if (failedCritical.length === 0) return ceiling;
  if (ceiling === null || isWorse("requires-improvement", ceiling.grade)) return { grade: "requires-improvement", failingCategories: [], criticalChecks: [...failedCritical] };
  return ceiling.grade === "requires-improvement" ? { ...ceiling, criticalChecks: [...failedCritical] } : ceiling;
}

/** "a", "a and b", "a, b and c". */
export const listInWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

function failingText(categories: readonly CategoryId[]): string {
  return `${listInWords(categories.map((id) => CATEGORY_NAMES_IN_TEXT[id]))} ${categories.length === 1 ? "fails" : "fail"}`;
}

interface GradeDecision {
  grade: Grade;
  score: number;
  scoreGrade: Grade;
  failing: CategoryId[];
  cap: GradeCeiling | null;
  floor: Grade | null;
  criticalTitles: Record<string, string>;
}

/** One sentence a QA officer can repeat: what decided the grade. */
function gradeReason(d: GradeDecision): string {
  const label = GRADE_LABELS[d.grade];
  const scoreWords = `the score of ${d.score.toFixed(1)} alone would give ${GRADE_LABELS[d.scoreGrade]}`;
  if (d.cap && d.grade === d.cap.grade && isWorse(d.grade, d.scoreGrade)) {
    const why = [
      d.cap.failingCategories.length > 0 ? failingText(d.cap.failingCategories) : "",
      d.cap.criticalChecks.length > 0 ? `the critical check${d.cap.criticalChecks.length === 1 ? "" : "s"} ${listInWords(d.cap.criticalChecks.map((id) => `"${d.criticalTitles[id] ?? id}"`))} ${d.cap.criticalChecks.length === 1 ? "fails" : "fail"}` : "",
    ].filter(Boolean);
    return `Capped at ${label}: ${why.join("; ")} (${scoreWords}).`;
  }
  if (d.floor && d.grade === d.floor && isWorse(d.scoreGrade, d.grade)) {
    return `${label}: no category fails, only warnings, and warnings alone do not take a plan below ${label} (${scoreWords}).`;
  }
  if (d.failing.length === 0) return `${label}: score ${d.score.toFixed(1)} and no category fails.`;
  return `${label} by its score of ${d.score.toFixed(1)}; ${failingText(d.failing)}.`;
}

/**
 * Category scores and statuses (all eight categories, always), the overall score (weighted mean of the categories
 * that have a score, one decimal; 0 when none has), then the grade: the category verdicts first (the lowest cap that
 * applies; the floor when no category fails and something was measured), then the score bands within those limits.
 */
export function scoreChecks(checks: readonly CheckResult[], weights: Record<CategoryId, number>, rules: GradeRules): Score {
  const unrounded = CATEGORY_IDS.map((id) => {
    const own = checks.filter((c) => c.category === id);
    return { id, score: weightedScore(own), status: combinedStatus(own.map((c) => c.status)) };
  });
  const scored = unrounded.filter((c): c is typeof c & { score: number } => c.score !== null && weights[c.id] > 0);
  const totalWeight = scored.reduce((sum, c) => sum + weights[c.id], 0);
  const score = totalWeight === 0 ? 0 : round1(scored.reduce((sum, c) => sum + weights[c.id] * c.score, 0) / totalWeight);
  const scoreGrade = gradeFor(score, rules);

  const failing = unrounded.filter((c) => c.status === "fail").map((c) => c.id);
  const failedCritical = checks.filter((c) => c.critical && c.status === "fail");
  const cap = gradeCeiling(failing, failedCritical.map((c) => c.id), rules.caps);
  // Nothing measured is not "nothing fails": a plan no check could score keeps the grade its score of 0 gives.
  const floor = failing.length === 0 && scored.length > 0 && rules.floor !== "inadequate" ? rules.floor : null;
  let grade = cap ? worse(scoreGrade, cap.grade) : scoreGrade;
  if (floor && isWorse(grade, floor)) grade = floor;

  const criticalTitles = Object.fromEntries(failedCritical.map((c) => [c.id, c.title]));
  return {
    score,
    grade,
    gradeCapped: isWorse(grade, scoreGrade),
    scoreGrade,
    gradeCap: cap,
    gradeFloor: floor,
    gradeReason: gradeReason({ grade, score, scoreGrade, failing, cap, floor, criticalTitles }),
    categories: unrounded.map((c) => ({ id: c.id, title: CATEGORY_TITLES[c.id], score: c.score === null ? null : round1(c.score), status: c.status })),
  };
}
