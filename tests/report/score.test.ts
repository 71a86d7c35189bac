import { describe, expect, it } from "vitest";
import type { CategoryId, CheckResult, CheckStatus } from "../../src/model/report.ts";
import { CATEGORY_IDS } from "../../src/model/report.ts";
import { combinedStatus, gradeFor, scoreChecks } from "../../src/report/score.ts";
import { DEFAULT_GRADES } from "../../src/config/rule-set.ts";

const equal = Object.fromEntries(CATEGORY_IDS.map((id) => [id, 1])) as Record<CategoryId, number>;
let n = 0;
function check(category: CategoryId, status: CheckStatus, score: number, weight = 1, critical = false): CheckResult {
  n += 1;
  return { id: `c${n}`, category, title: `Check ${n}`, status, score, weight, critical, source: "test", findings: [] };
}

describe("scoreChecks", () => {
  it("weights checks within a category and excludes not-applicable ones", () => {
    const result = scoreChecks(
      [check("structure", "pass", 1, 3), check("structure", "fail", 0, 1), check("structure", "not-applicable", 0, 10)],
      equal,
      DEFAULT_GRADES,
    );
    expect(result.categories.find((c) => c.id === "structure")).toEqual({ id: "structure", title: "Structure and required content", score: 75, status: "fail" });
  });

  it("lists all eight categories in contract order; one with only not-applicable checks (or none) has a null score", () => {
    const result = scoreChecks([check("outcomes", "pass", 1), check("draft-corrections", "not-applicable", 0)], equal, DEFAULT_GRADES);
    expect(result.categories.map((c) => c.id)).toEqual([...CATEGORY_IDS]);
    expect(result.categories.find((c) => c.id === "draft-corrections")).toMatchObject({ score: null, status: "not-applicable" });
    expect(result.categories.find((c) => c.id === "timeliness")).toMatchObject({ score: null, status: "not-applicable" });
    expect(result.score).toBe(100);
  });

  it("overall score is the weighted mean of category scores, to one decimal", () => {
    const checks = [check("structure", "pass", 1), check("outcomes", "warning", 0.5), check("consistency", "pass", 2 / 3)];
    expect(scoreChecks(checks, equal, DEFAULT_GRADES).score).toBe(72.2); // (100 + 50 + 66.67) / 3
    const weighted = { ...equal, outcomes: 2 };
    expect(scoreChecks(checks, weighted, DEFAULT_GRADES).score).toBe(66.7); // (100 + 100 + 66.67) / 4
    expect(scoreChecks(checks, { ...equal, outcomes: 0 }, DEFAULT_GRADES).score).toBe(83.3);
  });

  it("a weight-0 check is reported but does not move the score", () => {
    const result = scoreChecks([check("structure", "fail", 0, 1), check("structure", "pass", 1, 0)], equal, DEFAULT_GRADES);
    expect(result.categories[0]).toMatchObject({ score: 0, status: "fail" });
  });

  it("category status: fail beats warning beats pass beats not-applicable", () => {
    expect(combinedStatus(["pass", "warning", "not-applicable"])).toBe("warning");
    expect(combinedStatus(["pass", "fail", "warning"])).toBe("fail");
    expect(combinedStatus(["not-applicable", "pass"])).toBe("pass");
    expect(combinedStatus([])).toBe("not-applicable");
  });

  it("grades from the bands, boundaries inclusive", () => {
    expect([85, 84.9, 70, 69.9, 50, 49.9].map((s) => gradeFor(s, DEFAULT_GRADES))).toEqual(["outstanding", "good", "good", "requires-improvement", "requires-improvement", "inadequate"]);
    expect(gradeFor(82, { outstanding: 80, good: 65, "requires-improvement": 45 })).toBe("outstanding");
  });

  it("a failed critical check caps the grade at requires-improvement, and says so only when it lowered it", () => {
    const critical = check("structure", "fail", 0, 0.01, true);
    const many = [check("structure", "pass", 1, 10), check("outcomes", "pass", 1)];
    const capped = scoreChecks([critical, ...many], equal, DEFAULT_GRADES);
    expect(capped.score).toBeGreaterThanOrEqual(85);
    expect(capped).toMatchObject({ grade: "requires-improvement", gradeCapped: true, gradeCap: { grade: "requires-improvement", failingCategories: ["structure"], criticalChecks: [critical.id] } });
    expect(capped.gradeReason).toContain(`structure fails; the critical check "${critical.title}" fails`);

    const already = scoreChecks([critical, check("outcomes", "fail", 0)], equal, DEFAULT_GRADES);
    expect(already).toMatchObject({ grade: "inadequate", gradeCapped: false });

    const warnOnly = scoreChecks([check("structure", "warning", 0.9, 1, true)], equal, DEFAULT_GRADES);
    expect(warnOnly).toMatchObject({ grade: "outstanding", gradeCapped: false });
  });

  it("one failing category rules out Outstanding; one of high statutory weight holds the grade at Requires improvement", () => {
    const lowWeight = scoreChecks([check("outcomes", "fail", 0.6, 1), check("structure", "pass", 1, 9)], equal, DEFAULT_GRADES);
    expect(lowWeight).toMatchObject({ score: 80, scoreGrade: "good", grade: "good", gradeCapped: false, gradeFloor: null });
    const high = scoreChecks([check("outcomes", "pass", 1), check("structure", "pass", 1), check("outcomes", "fail", 0.9, 1)], equal, DEFAULT_GRADES);
    expect(high).toMatchObject({ scoreGrade: "outstanding", grade: "good", gradeCapped: true, gradeCap: { grade: "good", failingCategories: ["outcomes"] } });
    expect(high.gradeReason).toBe("Capped at Good: outcomes fails (the score of 97.5 alone would give Outstanding).");

    const statutory = scoreChecks([check("professional-advice", "fail", 0.8), check("structure", "pass", 1), check("outcomes", "pass", 1)], equal, DEFAULT_GRADES);
    expect(statutory).toMatchObject({ score: 93.3, grade: "requires-improvement", gradeCap: { grade: "requires-improvement", failingCategories: ["professional-advice"], criticalChecks: [] } });
    expect(statutory.gradeReason).toBe("Capped at Requires improvement: professional advice fails (the score of 93.3 alone would give Outstanding).");
  });

  it("two failing categories cap the grade at Requires improvement, three at Inadequate, and the reason names them", () => {
    const passes = [check("structure", "pass", 1), check("timeliness", "pass", 1), check("consistency", "pass", 1)];
    const two = scoreChecks([...passes, check("professional-advice", "fail", 0.9), check("draft-corrections", "fail", 0.9)], equal, DEFAULT_GRADES);
    expect(two).toMatchObject({ grade: "requires-improvement", gradeCap: { failingCategories: ["professional-advice", "draft-corrections"] } });
    expect(two.gradeReason).toBe("Capped at Requires improvement: professional advice and draft corrections fail (the score of 96.0 alone would give Outstanding).");
    const three = scoreChecks([...passes, check("outcomes", "fail", 0.9), check("consistency", "fail", 0.9), check("timeliness", "fail", 0.9)], equal, DEFAULT_GRADES);
    expect(three).toMatchObject({ grade: "inadequate", gradeCap: { grade: "inadequate", failingCategories: ["outcomes", "consistency", "timeliness"] } });
    expect(three.gradeReason).toMatch(/^Capped at Inadequate: outcomes, consistency and timescales fail \(/);
  });

  it("a plan in which no category fails is at least Good, and the reason says why", () => {
    const warned = scoreChecks([check("structure", "warning", 0.5), check("outcomes", "warning", 0.4)], equal, DEFAULT_GRADES);
    expect(warned).toMatchObject({ score: 45, scoreGrade: "inadequate", grade: "good", gradeFloor: "good", gradeCap: null, gradeCapped: false });
    expect(warned.gradeReason).toBe("Good: no category fails, only warnings, and warnings alone do not take a plan below Good (the score of 45.0 alone would give Inadequate).");
    expect(scoreChecks([check("structure", "pass", 1)], equal, DEFAULT_GRADES).gradeReason).toBe("Outstanding: score 100.0 and no category fails.");
    const noFloor = scoreChecks([check("structure", "warning", 0.4)], equal, { ...DEFAULT_GRADES, floor: "inadequate" });
    expect(noFloor).toMatchObject({ grade: "inadequate", gradeFloor: null });
  });

  it("the caps are data: a rule set's own caps replace the default ones", () => {
    const checks = [check("structure", "pass", 1), check("outcomes", "fail", 0.9), check("timeliness", "fail", 0.9)];
    expect(scoreChecks(checks, equal, DEFAULT_GRADES).grade).toBe("requires-improvement");
    const lenient = { ...DEFAULT_GRADES, caps: [{ failing: 3, grade: "requires-improvement" as const }] };
    expect(scoreChecks(checks, equal, lenient)).toMatchObject({ grade: "outstanding", gradeCap: null, gradeCapped: false });
  });

  it("when the score is below every cap, the grade is the score's and the reason still names the failing categories", () => {
    const result = scoreChecks([check("structure", "fail", 0.4), check("outcomes", "pass", 0.5)], equal, DEFAULT_GRADES);
    expect(result).toMatchObject({ score: 45, grade: "inadequate", gradeCapped: false });
    expect(result.gradeReason).toBe("Inadequate by its score of 45.0; structure fails.");
  });

  it("no scored category at all gives 0 (nothing was measured)", () => {
    expect(scoreChecks([check("timeliness", "not-applicable", 0)], equal, DEFAULT_GRADES)).toMatchObject({ score: 0, grade: "inadequate" });
  });
});
