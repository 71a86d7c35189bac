// The audit pool's supervision: deadlines, the resident-memory watchdog, crashes, the queue, closing. Most tests use
// a child with test-only tasks (test-child.ts); two run the real readers and rules.
import { readFileSync } from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterEach, describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/index.ts";
import { AbortedTask, createAuditPool, MANY_AUDITS, ruleSetData, type AuditPool, type AuditPoolOptions, type ReadTask, type TaskOutcome } from "../../src/runtime/index.ts";

const TEST_CHILD = new URL("./test-child.ts", import.meta.url);
const GB = 1024 ** 3;

const pools: AuditPool[] = [];
const pool = (options: AuditPoolOptions = {}): AuditPool => {
  const created = createAuditPool({ processes: 1, spareProcesses: 0, entry: TEST_CHILD, ...options });
  pools.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const read = (text: string, fileName = "plan.txt"): ReadTask => ({ kind: "read", file: { role: "plan", fileName, bytes: new Uint8Array(Buffer.from(text, "latin1")) } });

function problemOf(outcome: TaskOutcome<unknown>) {
  if (outcome.ok) throw new Error("expected a problem");
  return outcome.problem;
}

describe("the audit pool", () => {
  it("stops a task that runs too long with PARSE_TIMEOUT, and the pool keeps working", async () => {
    const audits = pool({ timeoutMs: 300 });
    const started = performance.now();
    const problem = problemOf(await audits.run(read("spin", "slow.docx")));
    expect(problem).toMatchObject({ code: "PARSE_TIMEOUT", file: "slow.docx", role: "plan" });
    expect(problem.message).toMatch(/took longer than 0.3 seconds/);
    expect(performance.now() - started).toBeLessThan(10_000);
    const outcome = await audits.run(read("Still alive."));
    expect(outcome.ok && outcome.value.blocks[0]).toMatchObject({ text: "Still alive." });
  });

  it("starts children with the heap capped below the memory limit, tuned for one audit or for many", async () => {
    const flagsOf = async (audits: AuditPool) => {
      const outcome = await audits.run(read("flags"));
      if (!outcome.ok) throw new Error(outcome.problem.message);
      return outcome.value as unknown as string[];
    };
    const standard = await flagsOf(pool({ memoryLimitMb: 500 }));
    expect(standard).toEqual(expect.arrayContaining(["--max-old-space-size=425", "--max-semi-space-size=2", "--interrupt-budget=1081344"]));
    expect(standard).not.toContain("--heap-growing-percent=300");
    const longLived = await flagsOf(pool({ children: MANY_AUDITS }));
    expect(longLived).toEqual(expect.arrayContaining(["--max-semi-space-size=32", "--heap-growing-percent=300", "--interrupt-budget=1081344"]));
  });

  it("counts the deadline from the caller's start, and says how long it was", async () => {
    const audits = pool();
    // A child ready first: the time before a child is free is the checker's, answered BUSY (tested below).
    expect((await audits.run(read("Warm up."))).ok).toBe(true);
    const problem = problemOf(await audits.run(read("spin"), { startedAt: Date.now() - 1_000, timeoutMs: 1_500 }));
    expect(problem.code).toBe("PARSE_TIMEOUT");
    expect(problem.message).toMatch(/took longer than 1.5 seconds/);
  });

  it("kills a child whose memory outside the V8 heap passes the limit, and answers the file's coded problem", async () => {
    const audits = pool({ memoryLimitMb: 400 });
    const outcome = await audits.run(read("rss", "images.pdf"));
    expect(problemOf(outcome)).toMatchObject({ code: "CORRUPT_FILE", file: "images.pdf" });
    expect(problemOf(outcome).message).toMatch(/needs far more memory to read than a plan could/);
    // The watchdog saw it pass the limit, and stopped it well short of taking the machine's memory.
    expect(outcome.peakRssBytes).toBeGreaterThan(400 * 1024 ** 2);
    expect(outcome.peakRssBytes).toBeLessThan(GB);
    expect((await audits.run(read("Next file."))).ok).toBe(true);
  });

  it("turns a child that runs out of heap into a coded problem (ZIP_BOMB for a Word file)", async () => {
    const audits = pool({ memoryLimitMb: 160, sampleMs: 10_000 });
    const problem = problemOf(await audits.run(read("heap", "bomb.docx")));
    expect(problem.code).toBe("ZIP_BOMB");
    expect(problem.message).toMatch(/far more data than a plan could hold/);
    expect((await audits.run(read("Next file."))).ok).toBe(true);
  });

  it("brings a child's coded problem back as it was", async () => {
    const problem = problemOf(await pool().run(read("problem", "scan.pdf")));
    expect(problem).toEqual({ code: "NO_TEXT_LAYER", message: "This PDF is a scan." });
  });

  it("reports a child that dies while reading as CORRUPT_FILE", async () => {
    expect(problemOf(await pool().run(read("exit", "odd.docx")))).toMatchObject({ code: "CORRUPT_FILE", file: "odd.docx" });
  });

  it("refuses work with BUSY when the queue is full, and reads the file that waited once the child is replaced", async () => {
    const audits = pool({ maxQueue: 1, timeoutMs: 30_000 });
    const running = audits.run(read("spin"), { timeoutMs: 1_000 });
    const queued = audits.run(read("Queued."));
    expect(problemOf(await audits.run(read("One too many.")))).toMatchObject({ code: "BUSY" });
    expect(problemOf(await running).code).toBe("PARSE_TIMEOUT");
    const outcome = await queued;
    expect(outcome.ok && outcome.value.blocks[0]).toMatchObject({ text: "Queued." });
  });

  it("answers BUSY when a caller's deadline passes before any child is free", async () => {
    const audits = pool({ timeoutMs: 5_000 });
    const holding = audits.run(read("spin"));
    const waiting = await audits.run(read("Waiting."), { startedAt: Date.now(), timeoutMs: 300 });
    expect(problemOf(waiting).code).toBe("BUSY");
    expect(problemOf(await holding).code).toBe("PARSE_TIMEOUT");
  });

  it("gives a queue stuck behind slow files a spare child", async () => {
    const audits = pool({ spareProcesses: 1, slowTaskMs: 200, timeoutMs: 20_000 });
    const slow = audits.run(read("spin"));
    const quick = await audits.run(read("Quick."));
    expect(quick.ok).toBe(true);
    expect(audits.children()).toBe(2);
    await audits.close();
    expect(problemOf(await slow).code).toBe("BUSY");
  });

  it("drops an abandoned task, killing its child", async () => {
    const audits = pool({ timeoutMs: 20_000 });
    const controller = new AbortController();
    const running = audits.run(read("hold"), { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toBeInstanceOf(AbortedTask);
    expect((await audits.run(read("After."))).ok).toBe(true);
  });

  it("answers INTERNAL at once, for every task, when its children cannot start", async () => {
    const audits = pool({ processes: 2, entry: new URL("./broken-child.ts", import.meta.url) });
    const outcomes = await Promise.all([audits.run(read("One.")), audits.run(read("Two.")), audits.run(read("Three."))]);
    expect(outcomes.map((outcome) => problemOf(outcome).code)).toEqual(["INTERNAL", "INTERNAL", "INTERNAL"]);
  });

  it("refuses work after close", async () => {
    const audits = pool();
    await audits.close();
    expect(problemOf(await audits.run(read("Late."))).code).toBe("BUSY");
  });

  it("reads and audits a real plan in a child, and says what memory it took", async () => {
    const audits = createAuditPool({ processes: 1 });
    pools.push(audits);
    const ruleSet = await loadRuleSet("default");
    const plan = new Uint8Array(readFileSync(new URL("../../samples/plan-kai-robinson.docx", import.meta.url)));
    const outcome = await audits.run({ kind: "audit", files: [{ role: "plan", fileName: "plan-kai-robinson.docx", bytes: plan }], ruleSet: ruleSetData(ruleSet), generatedAt: "2026-06-01T09:00:00Z" });
    expect(outcome.ok, JSON.stringify(!outcome.ok && outcome)).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.report.documents[0]).toMatchObject({ role: "plan", fileName: "plan-kai-robinson.docx" });
    expect(outcome.peakRssBytes).toBeGreaterThan(10 * 1024 ** 2);
    expect(outcome.peakRssBytes).toBeLessThan(GB);
  });

  it("stops the real PDF reader at its deadline", async () => {
    const audits = createAuditPool({ processes: 1 });
    pools.push(audits);
    // 150 pages of text: seconds of pdf.js work, far more than the 5 ms it is given once its code has loaded.
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    for (let page = 1; page <= 150; page++) {
      const sheet = document.addPage();
      for (let line = 0; line < 40; line++) sheet.drawText(`Page ${page}, line ${line}: the child will have a reading session every morning.`, { x: 40, y: 780 - line * 18, size: 10, font });
    }
    const pdf = await document.save();
    const problem = problemOf(await audits.run({ kind: "read", file: { role: "plan", fileName: "long.pdf", bytes: pdf } }, { timeoutMs: 5 }));
    expect(problem).toMatchObject({ code: "PARSE_TIMEOUT", file: "long.pdf" });
  });
});
