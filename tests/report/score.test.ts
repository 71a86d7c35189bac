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
    expect(capped).toMatchObject({ grade: "requires-improvement", gradeCapped: true });

    const already = scoreChecks([critical, check("outcomes", "fail", 0)], equal, DEFAULT_GRADES);
    expect(already).toMatchObject({ grade: "inadequate", gradeCapped: false });

    const warnOnly = scoreChecks([check("structure", "warning", 0.9, 1, true)], equal, DEFAULT_GRADES);
    expect(warnOnly).toMatchObject({ grade: "outstanding", gradeCapped: false });
  });

  it("no scored category at all gives 0 (nothing was measured)", () => {
    expect(scoreChecks([check("timeliness", "not-applicable", 0)], equal, DEFAULT_GRADES)).toMatchObject({ score: 0, grade: "inadequate" });
  });
});
