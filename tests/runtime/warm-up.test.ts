import { describe, expect, it } from "vitest";
import { loadRuleSet, readPlan } from "../../src/index.ts";
import { warmUp } from "../../src/runtime/run-task.ts";
import { warmUpDocx } from "../../src/runtime/warm-up-docx.ts";

describe("a long-lived child's warm-up", () => {
  it("reads its invented Word file as a plan: headings by style, a numbered item and a table", async () => {
    const bytes = await warmUpDocx(["Section A: About me", "Robin likes drawing maps.", "Section F: Special educational provision", "An adult will read the task aloud with Robin."]);
    const plan = await readPlan({ fileName: "warm-up.docx", bytes }, await loadRuleSet("default"));
    expect(plan.format).toBe("docx");
    expect(plan.sections.map((section) => section.id)).toEqual(["A", "F"]);
    expect(plan.blocks.some((block) => block.kind === "table")).toBe(true);
    expect(plan.blocks.some((block) => block.kind === "list-item")).toBe(true);
  });

  it("audits its plan as text and as a Word file without an error", async () => {
    await expect(warmUp()).resolves.toBeUndefined();
  });
});
