// Runs a batch: every plan's files are read from the source, hashed, and either taken from an earlier run (same
// key) or audited in the audit pool's child processes (src/runtime), one plan per child at a time, so memory holds
// only the plans in progress. A plan whose
// files cannot be read or scored becomes a row with its code; nothing one file does stops the batch. Stopping
// (`signal`) lets the plans in progress finish; abandoning (`abandonSignal`) drops them too. Results come back in
// id order, whatever order they finished in.
import { availableParallelism } from "node:os";
import path from "node:path";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { IngestLimits } from "../ingest/guard.ts";
import { isProblemError } from "../model/problem.ts";
import { AbortedTask, type AuditPool, type TaskFile } from "../runtime/index.ts";
import { sortPlans } from "./pairing.ts";
import { keyPrefix, planKey, sha256 } from "./plan-key.ts";
import type { BatchSource } from "./source.ts";
import type { BatchPlan, BatchProblem, BatchProgress, BatchResult } from "./types.ts";
import type { ParagraphPrint } from "./boilerplate.ts";
import { localPlanAuditor, type PlanAuditor } from "./plan-auditor.ts";

export interface BatchPoolOptions {
  /** Plans scored side by side, each in its own child process (default: every core, os.availableParallelism()). */
  threads?: number;
  /** How long one plan (all its files and the audit) may take once a child starts it (default 10 s per file). */
  timeoutMs?: number;
  /** Resident memory a child may reach before it is stopped, in MB (default 1024). */
  memoryLimitMb?: number;
  /** The children's entry module; tests point this at a child that cannot start. */
  entry?: URL;
}

export const defaultBatchThreads = (): number => Math.max(1, availableParallelism());

/** A pool shared with other work (the service's): the batch sends it `lanes` plans at a time, behind interactive work. */
export interface SharedPool {
  pool: AuditPool;
  lanes: number;
}

export interface RunBatchOptions {
  source: BatchSource;
  /** The plans to score (discoverPlans), in any order. */
  plans: BatchPlan[];
  ruleSet: LoadedRuleSet;
  /** "Today" for the date rules (ISO date): the same for every plan of the batch. */
  auditDate: string;
  /** Stamped on every report of this run. */
  generatedAt: Date;
  /** Child processes, timeout and memory limit of the batch's own pool (see BatchPoolOptions). */
  pool?: BatchPoolOptions;
  /** Size and zip limits for each file. */
  limits?: Partial<IngestLimits>;
  /** Results of an earlier run by key: a plan with the same key is not audited again. */
  previous?: ReadonlyMap<string, BatchResult>;
  /** Each result as soon as it is known (results.jsonl is appended from here). */
  onResult?: (result: BatchResult, reused: boolean) => void;
  onProgress?: (progress: BatchProgress) => void;
  /** Stop taking new plans; plans being scored are finished. */
  signal?: AbortSignal;
  /** Stop at once: plans being scored are dropped (they are scored on the next run). */
  abandonSignal?: AbortSignal;
  /** A pool to use instead of making one (the service's). */
  sharedPool?: SharedPool;
  /** Score somewhere else than this machine's audit pool: the workers of a Redis queue (src/queue). */
  batchPool?: PlanAuditor;
}

export interface BatchRun {
  /** One per plan finished, in id order. */
  results: BatchResult[];
  /** Plans audited in this run (not taken from an earlier one). */
  audited: number;
  reused: number;
  /** Plans not finished because the batch was stopped, in id order. */
  pending: string[];
  stopped: boolean;
  /** Each audited plan's paragraph prints, by id, when the audit task gave them (for the shared-paragraph analysis). */
  paragraphs: Map<string, ParagraphPrint[]>;
}

/** Problems that may not happen again (the machine was busy, or slow): a resumed run tries these plans again. */
const TRANSIENT = new Set(["BUSY", "PARSE_TIMEOUT", "INTERNAL"]);

export function isReusable(result: BatchResult): boolean {
  return result.report !== undefined || (result.problem !== undefined && !TRANSIENT.has(result.problem.code));
}

export async function runBatch(options: RunBatchOptions): Promise<BatchRun> {
  const plans = sortPlans([...options.plans]);
  const prefix = keyPrefix({ ruleSet: options.ruleSet, auditDate: options.auditDate });
  const results: BatchResult[] = [];
  const progress: BatchProgress = { done: 0, total: plans.length, failures: 0, reused: 0 };
  let audited = 0;
  const threads = options.batchPool?.threads ?? options.sharedPool?.lanes ?? Math.max(1, Math.round(options.pool?.threads ?? defaultBatchThreads()));
  const paragraphs = new Map<string, ParagraphPrint[]>();
  let auditor = options.batchPool;
  const ownAuditor = auditor === undefined;
  const stopped = () => options.signal?.aborted === true || options.abandonSignal?.aborted === true;

  const finish = (result: BatchResult, reused: boolean) => {
    results.push(result);
    progress.done++;
    if (result.problem) progress.failures++;
    if (reused) progress.reused++;
    options.onResult?.(result, reused);
    options.onProgress?.({ ...progress });
  };

  async function score(plan: BatchPlan): Promise<void> {
    const base = { id: plan.id, files: plan.files, columns: plan.columns, auditDate: options.auditDate };
    if (plan.problem) return finish({ ...base, key: null, problem: plan.problem }, false);
    const files: (TaskFile & { sha256: string })[] = [];
    for (const ref of plan.files) {
      try {
        const bytes = await options.source.read(ref.path);
        files.push({ role: ref.role, fileName: path.posix.basename(ref.path), bytes, sha256: sha256(bytes) });
      } catch (error) {
        if (!isProblemError(error)) throw error;
        return finish({ ...base, key: null, problem: { ...error.problem, file: ref.path, role: ref.role } }, false);
      }
    }
    const key = planKey(prefix, files);
    const earlier = options.previous?.get(key);
    if (earlier && isReusable(earlier)) {
      const { report, problem } = earlier;
      if (earlier.paragraphPrints) paragraphs.set(plan.id, earlier.paragraphPrints);
      return finish({ ...base, key, auditDate: earlier.auditDate, ...(report ? { report } : { problem: problem! }), ...(earlier.paragraphPrints ? { paragraphPrints: earlier.paragraphPrints } : {}) }, true);
    }
    auditor ??= localPlanAuditor(options.ruleSet, {
      threads,
      ...options.pool,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.sharedPool ? { shared: options.sharedPool.pool } : {}),
    });
    const outcome = await auditor.audit(
      { files: files.map(({ role, fileName, bytes }) => ({ role, fileName, bytes })), auditDate: options.auditDate, generatedAt: options.generatedAt.toISOString() },
      options.abandonSignal,
    );
    audited++;
    if (outcome.ok) {
      if (outcome.paragraphs) paragraphs.set(plan.id, outcome.paragraphs);
      return finish({ ...base, key, report: outcome.report, ...(outcome.paragraphs ? { paragraphPrints: outcome.paragraphs } : {}) }, false);
    }
    const problem: BatchProblem = { ...outcome.problem };
    // The worker names the file by its base name; the row gives its path in the batch.
    if (problem.role !== undefined) problem.file = plan.files.find((f) => f.role === problem.role && path.posix.basename(f.path) === problem.file)?.path ?? problem.file;
    return finish({ ...base, key, problem }, false);
  }

  let next = 0;
  async function lane(): Promise<void> {
    while (!stopped() && next < plans.length) {
      const plan = plans[next++]!;
      try {
        await score(plan);
      } catch (error) {
        if (error instanceof AbortedTask) return;
        throw error;
      }
    }
  }

  options.onProgress?.({ ...progress });
  try {
    await Promise.all(Array.from({ length: Math.min(threads, Math.max(plans.length, 1)) }, lane));
  } finally {
    if (ownAuditor && auditor) await auditor.close();
  }
  const finished = new Set(results.map((r) => r.id));
  return {
    results: sortPlans(results),
    audited,
    reused: progress.reused,
    pending: plans.filter((p) => !finished.has(p.id)).map((p) => p.id),
    stopped: stopped() && finished.size < plans.length,
    paragraphs,
  };
}
