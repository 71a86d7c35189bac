// Batch throughput: plans per second over 100 generated plans (the sample plans, finals with their drafts, and
// their PDFs, copied under different ids), scored by the batch runner with one worker and with every core, and the
// ratio between the two. The wall time includes starting the workers, as an auditor's run does.
// Run alone with `npx tsx bench/batch.ts`; `npm run bench` (bench/run.ts) writes it into bench/results.md.
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import type { BatchRun } from "../src/batch/index.ts";
import type { LoadedRuleSet } from "../src/index.ts";
import { processTreeCpuMs } from "./processes.ts";

const SAMPLES = fileURLToPath(new URL("../samples/", import.meta.url));

type BatchApi = typeof import("../src/batch/index.ts") & Pick<typeof import("../src/index.ts"), "loadRuleSet"> & Pick<typeof import("../src/runtime/index.ts"), "createAuditPool" | "MANY_AUDITS">;

/**
 * The batch runner as it ships: dist/ when it is built (its workers run plain Node), the source otherwise (its
 * workers then load every module through tsx, which costs seconds per worker and would swamp the comparison).
 */
async function batchApi(): Promise<BatchApi> {
  const built = new URL("../dist/", import.meta.url);
  const [batch, api, runtime] = existsSync(new URL("batch/index.js", built))
    ? await Promise.all([import(new URL("batch/index.js", built).href), import(new URL("index.js", built).href), import(new URL("runtime/index.js", built).href)])
    : await Promise.all([import("../src/batch/index.ts"), import("../src/index.ts"), import("../src/runtime/index.ts")]);
  const { createAuditPool, MANY_AUDITS } = runtime as typeof import("../src/runtime/index.ts");
  return { ...(batch as typeof import("../src/batch/index.ts")), loadRuleSet: (api as typeof import("../src/index.ts")).loadRuleSet, createAuditPool, MANY_AUDITS };
}

/** Each generated plan is one of these, in turn: a plan alone, or a final with its draft (and letters or advice). */
const VARIANTS: Record<string, string>[] = [
  { final: "plan-isla-thornton.docx" },
  { final: "plan-kai-robinson.docx" },
  { final: "plan-rafi-chowdhury.docx" },
  { final: "plan-jade-whitlock.docx" },
  { final: "plan-freddie-lawson-draft.docx" },
  { final: "plan-isla-thornton.pdf" },
  { final: "plan-kai-robinson.pdf" },
  { final: "plan-rafi-chowdhury.pdf" },
  { final: "plan-jade-whitlock.pdf" },
  { final: "pair-1-final.docx", draft: "pair-1-draft.docx", "advice-ep": "pair-1-advice-ep.docx", "advice-salt": "pair-1-advice-salt.pdf" },
  { final: "pair-2-final.docx", draft: "pair-2-draft.docx" },
  { final: "pair-3-final.pdf", draft: "pair-3-draft.docx", "response-parent": "pair-3-response-parent.txt", "response-school": "pair-3-response-school.pdf" },
];

/** `count` plans named plan-001 ... in memory: file bytes are shared between copies, as the batch never changes them. */
export async function generatedBatch(count: number): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const cache = new Map<string, Uint8Array>();
  const bytesOf = async (name: string) => {
    if (!cache.has(name)) cache.set(name, new Uint8Array(await readFile(path.join(SAMPLES, name))));
    return cache.get(name)!;
  };
  const files: { fileName: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const id = `plan-${String(i + 1).padStart(3, "0")}`;
    for (const [role, sample] of Object.entries(VARIANTS[i % VARIANTS.length]!)) files.push({ fileName: `${id}-${role}${path.extname(sample)}`, bytes: await bytesOf(sample) });
  }
  return files;
}

export interface BatchRunFigures {
  threads: number;
  seconds: number;
  /** CPU time of this process and its audit children (every thread), in seconds: above the wall time when they ran side by side. */
  cpuSeconds: number;
  plansPerSecond: number;
  scored: number;
  failures: number;
}

async function timedRun({ discoverPlans, memorySource, runBatch }: BatchApi, ruleSet: LoadedRuleSet, files: { fileName: string; bytes: Uint8Array }[], threads: number): Promise<BatchRunFigures> {
  const source = memorySource(files, "bench");
  const { plans } = await discoverPlans(source);
  const started = performance.now();
  // The audit children do the work: their CPU counts (they have ended, and been waited for, when runBatch returns).
  const cpu = processTreeCpuMs(process.pid);
  const run: BatchRun = await runBatch({ source, plans, ruleSet, auditDate: "2026-06-01", generatedAt: new Date(), pool: { threads } });
  const seconds = (performance.now() - started) / 1000;
  return { threads, seconds, cpuSeconds: (processTreeCpuMs(process.pid) - cpu) / 1000, plansPerSecond: plans.length / seconds, scored: run.results.filter((r) => r.report).length, failures: run.results.filter((r) => r.problem).length };
}

/**
 * The same plans on one child that has scored them all once already, in seconds: what the plans themselves cost,
 * without a worker's start (loading the checker's code) and the first runs of its code. A pool like the batch's own
 * (one child, tuned for many audits) is lent to the runner for both passes.
 */
async function warmPassSeconds(api: BatchApi, ruleSet: LoadedRuleSet, files: { fileName: string; bytes: Uint8Array }[]): Promise<number> {
  const pool = api.createAuditPool({ processes: 1, spareProcesses: 0, children: api.MANY_AUDITS });
  try {
    const source = api.memorySource(files, "bench");
    const { plans } = await api.discoverPlans(source);
    const pass = () => api.runBatch({ source, plans, ruleSet, auditDate: "2026-06-01", generatedAt: new Date(), sharedPool: { pool, lanes: 1 } });
    await pass();
    const started = performance.now();
    await pass();
    return (performance.now() - started) / 1000;
  } finally {
    await pool.close();
  }
}

export interface BatchBench {
  plans: number;
  /** The machine's load average (1 minute) before each run: other work on it slows every figure. */
  load: [number, number];
  one: BatchRunFigures;
  all: BatchRunFigures;
  /** Plans per second with every core ÷ with one worker. */
  ratio: number;
  /** The one-worker batch again on a child already warm (warmPassSeconds). */
  warmSeconds: number;
}

export async function batchThroughput(plans = 100, log: (line: string) => void = () => undefined): Promise<BatchBench> {
  const api = await batchApi();
  const ruleSet = await api.loadRuleSet("default");
  const files = await generatedBatch(plans);
  log(`batch: ${plans} plans with 1 worker…`);
  const loadOne = os.loadavg()[0]!;
  const one = await timedRun(api, ruleSet, files, 1);
  const cores = os.availableParallelism();
  log(`batch: ${plans} plans with ${cores} workers…`);
  const loadAll = os.loadavg()[0]!;
  const all = await timedRun(api, ruleSet, files, cores);
  log(`batch: ${plans} plans twice on one worker, to time them warm…`);
  const warmSeconds = await warmPassSeconds(api, ruleSet, files);
  return { plans, load: [loadOne, loadAll], one, all, ratio: all.plansPerSecond / one.plansPerSecond, warmSeconds };
}

export function describeBatchBench(bench: BatchBench): string {
  const row = (f: BatchRunFigures, load: number) => `| ${f.threads} | ${f.seconds.toFixed(1)} s | ${f.cpuSeconds.toFixed(1)} s | ${f.plansPerSecond.toFixed(2)} | ${f.scored} | ${f.failures} | ${load.toFixed(2)} |`;
  return [
    "## Batch scoring: plans per second",
    "",
    `${bench.plans} generated plans (the sample plans as DOCX and PDF, and the three finals with their drafts, advice and response letters, copied under different ids), ` +
      "scored by the batch runner (`runBatch`, files in memory, the default rule set). Wall time from the first plan read to the last result, including starting the workers.",
    "",
    "| worker threads | wall time | CPU time (every process and thread) | plans per second | scored | not scored | load average before |",
    "|---|---|---|---|---|---|---|",
    row(bench.one, bench.load[0]),
    row(bench.all, bench.load[1]),
    "",
    `Every core (${bench.all.threads}) against one worker: **${bench.ratio.toFixed(2)}×** the plans per second. ` +
      `With ${os.availableParallelism()} cores, a load average above ${os.availableParallelism()} means other work was competing for them: the workers then cannot run side by side and the ratio falls towards 1. ` +
      `${bench.all.threads} workers used ${(bench.all.cpuSeconds - bench.one.cpuSeconds).toFixed(1)} s more CPU than one: each worker loads the checker's code and warms up its compiler itself, a cost a short batch does not spread far.`,
    "",
    `The same ${bench.plans} plans scored again by one worker that had already scored them took ${bench.warmSeconds.toFixed(1)} s: the rest of the one-worker run ` +
      `(${Math.max(0, bench.one.seconds - bench.warmSeconds).toFixed(1)} s) went on starting the worker and on the first runs of its code, which every worker pays for itself.`,
    "",
  ].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(describeBatchBench(await batchThroughput(Number(process.env.BENCH_BATCH_PLANS ?? 100), (line) => process.stderr.write(`${line}\n`))));
}
