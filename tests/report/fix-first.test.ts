import { describe, expect, it } from "vitest";
import type { CategoryId, CheckResult, Finding, Severity } from "../../src/model/report.ts";
import { fixFirst } from "../../src/report/fix-first.ts";
import { formatReport } from "../../src/report/formatters/index.ts";
import { fixtureReport } from "../engine/fixture.ts";

function check(id: string, category: CategoryId, weight: number, severities: Severity[], critical = false): CheckResult {
  const findings: Finding[] = severities.map((severity, i) => ({
    id: `${id}-${i + 1}`,
    severity,
    message: `${id} finding ${i + 1}`,
    section: "F",
    excerpt: "",
    suggestion: "",
    location: { block: `b${10 + i}`, description: `Section F, table 1, row ${i + 2}` },
  }));
  return { id, category, title: id, status: "fail", score: 0, weight, critical, source: "s", findings };
}

describe("fix these first", () => {
  it("ranks by severity × check weight × statutory importance, at most two per check, never notes", () => {
    const items = fixFirst([
      check("wordy", "outcomes", 1, ["error", "info", "info"]),
      check("vague", "provision-specificity", 3, ["error", "error", "error"]),
      check("advice", "professional-advice", 2, ["warning", "error"]),
      check("dates", "timeliness", 1, ["warning"]),
    ]);
    expect(items.map((i) => i.findingId)).toEqual(["vague-1", "vague-2", "advice-2", "advice-1", "wordy-1"]);
    expect(items[0]).toEqual({ findingId: "vague-1", check: "vague", severity: "error", message: "vague finding 1", section: "F", place: "Section F, table 1, row 2", importance: 18 });
  });

  it("is at the top of every format, each line linking to the full finding", async () => {
    const report = await fixtureReport();
    expect(report.fixFirst!.length).toBeGreaterThan(0);
    const first = report.fixFirst![0]!;
    const text = formatReport(report, "text");
    expect(text.indexOf("Fix these first")).toBeLessThan(text.indexOf("Categories"));
    expect(text).toContain(`[${first.findingId}]`);
    const md = formatReport(report, "markdown");
    expect(md.indexOf("## Fix these first")).toBeLessThan(md.indexOf("## Categories"));
    expect(md).toContain(`](#finding-${first.findingId})`);
    expect(md).toContain(`<a id="finding-${first.findingId}"></a>`);
    const html = formatReport(report, "html");
    expect(html.indexOf("Fix these first")).toBeLessThan(html.indexOf("categories-heading"));
    expect(html).toContain(`href="#finding-${first.findingId}"`);
    expect(html).toContain(`id="finding-${first.findingId}"`);
  });
});
