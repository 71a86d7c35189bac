// The batch on the audit pool when things go wrong: a plan that runs out of time costs its child (another takes its place and the
// batch goes on), and children that cannot start are ehcp-qa's problem (INTERNAL), not the files'.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverPlans, memorySource, runBatch } from "../../src/batch/index.ts";
import { loadRuleSet } from "../../src/index.ts";
import { SAMPLES } from "./helpers.ts";

async function twoPlans() {
  const bytes = await readFile(path.join(SAMPLES, "plan-kai-robinson.docx"));
  const source = memorySource([
    { fileName: "a-final.docx", bytes },
    { fileName: "b-final.docx", bytes },
  ]);
  return { source, plans: (await discoverPlans(source)).plans };
}

describe("the batch pool", () => {
  it("stops a plan that runs out of time, replaces its child, and goes on with the next plan", async () => {
    const ruleSet = await loadRuleSet("default");
    const { source, plans } = await twoPlans();
    const run = await runBatch({ source, plans, ruleSet, auditDate: "2026-06-01", generatedAt: new Date(), pool: { threads: 1, timeoutMs: 1 } });
    expect(run.results.map((r) => [r.id, r.problem?.code])).toEqual([
      ["a", "PARSE_TIMEOUT"],
      ["b", "PARSE_TIMEOUT"],
    ]);
    // Whether the time ran out while its file was read (the reader stops itself, or its child is ended) or while it was
    // checked, the sentence gives the time allowed.
    expect(run.results[0]!.problem!.message).toMatch(/^Reading (this file|and checking this plan) took longer than 0\.001 seconds, so it was stopped/);
    expect(run.audited).toBe(2);
  });

  it("makes INTERNAL rows, not file problems, when its child processes cannot start", async () => {
    const ruleSet = await loadRuleSet("default");
    const { source, plans } = await twoPlans();
    for (const threads of [1, 2]) {
      const run = await runBatch({ source, plans, ruleSet, auditDate: "2026-06-01", generatedAt: new Date(), pool: { threads, entry: new URL("../runtime/broken-child.ts", import.meta.url) } });
      expect(run.results.map((r) => r.problem?.code), `${threads} threads`).toEqual(["INTERNAL", "INTERNAL"]);
    }
    const run = await runBatch({ source, plans, ruleSet, auditDate: "2026-06-01", generatedAt: new Date(), pool: { threads: 1, entry: new URL("../runtime/broken-child.ts", import.meta.url) } });
    expect(run.results[0]!.problem!.message).toContain("running the batch again tries this plan again");
  });
});
