// The worker's side of the queue: takes audit jobs, scores each plan on a local pool (threads with a memory cap and
// the audit deadline, so a hostile file costs a thread, never the worker), and writes the outcome under the plan's
// key, once. A job whose plan already has an outcome (it ran before, and its worker died after writing) is not
// scored again. Closing finishes the jobs in hand; closing with `force` returns them to the queue for another worker.
// Nothing of a plan (not its name, not its text) is logged: events carry counts and codes only.
import { Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { parseRuleSet } from "../config/loader.ts";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { IngestLimits } from "../ingest/guard.ts";
import { isProblemError } from "../model/problem.ts";
import { openJobData, ruleSetRef, type AuditJobData, type RuleSetRef } from "./payload.ts";
import { AUDIT_QUEUE, connect, QUEUE_PREFIX, redisKeys } from "./redis.ts";
import { hasOutcome, writeOutcome } from "./results.ts";
import { createLocalPool, DEFAULT_AUDIT_DEADLINE_MS, type AuditPool, type LocalPoolOptions, type PlanAuditOutcome } from "./seam.ts";
import { MAX_STALLED, QUEUE_SETTINGS } from "./settings.ts";

export type WorkerEvent =
  | { type: "scored"; code: string; ms: number }
  | { type: "retrying"; attempt: number }
  | { type: "already-scored" }
  | { type: "error"; errorName: string };

export interface QueueWorkerOptions {
  url: string;
  /** Plans scored at once (threads of the local pool). */
  concurrency: number;
  /** Rule sets this worker has: a job naming another one loads it from the copy its batch put in Redis. */
  ruleSets?: LoadedRuleSet[];
  key?: Buffer;
  /** The audit deadline per plan (default two minutes). */
  deadlineMs?: number;
  lockMs?: number;
  limits?: Partial<IngestLimits>;
  /** The local pool (tests give a pool that dies on purpose). */
  createPool?: (ruleSet: LoadedRuleSet, options: LocalPoolOptions) => AuditPool;
  onEvent?: (event: WorkerEvent) => void;
}

export interface QueueWorker {
  /** Finishes the jobs in hand (`force`: returns them to the queue at once), then disconnects. */
  close(force?: boolean): Promise<void>;
  /** Resolves when connected and taking jobs. */
  ready(): Promise<void>;
}

const ruleSetMissing = (ref: RuleSetRef): PlanAuditOutcome => ({
  ok: false,
  problem: { code: "INVALID_RULESET", message: `The rule set ${ref.name} ${ref.version} this batch uses is no longer on the queue (it expires with the batch), so the plan was not scored. Run the batch again.` },
});

const unopenable: PlanAuditOutcome = {
  ok: false,
  problem: { code: "INTERNAL", message: "A worker could not open this plan's job: it has no EHCP_QA_QUEUE_KEY, or a different one from the batch. Give every worker and batch the same key and run the batch again." },
};

export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const redis: Redis = connect(options.url);
  const deadlineMs = options.deadlineMs ?? DEFAULT_AUDIT_DEADLINE_MS;
  const lockMs = options.lockMs ?? QUEUE_SETTINGS.lockMs;
  const makePool = options.createPool ?? createLocalPool;
  const ruleSets = new Map<string, Promise<LoadedRuleSet | undefined>>();
  for (const ruleSet of options.ruleSets ?? []) ruleSets.set(ruleSetRef(ruleSet).hash, Promise.resolve(ruleSet));
  const pools = new Map<string, AuditPool>();

  function ruleSetFor(ref: RuleSetRef): Promise<LoadedRuleSet | undefined> {
    let found = ruleSets.get(ref.hash);
    if (!found) {
      found = (async () => {
        const stored = await redis.get(redisKeys.ruleSet(ref.hash));
        if (stored === null) return undefined;
        const { resolved } = JSON.parse(stored) as { resolved: unknown };
        return parseRuleSet(resolved, { file: `rule set ${ref.name} (from the queue)` });
      })();
      ruleSets.set(ref.hash, found);
      // Not found now may be found later (another batch puts it back): do not remember a miss.
      void found.then((ruleSet) => ruleSet ?? ruleSets.delete(ref.hash), () => ruleSets.delete(ref.hash));
    }
    return found;
  }

  function poolFor(ref: RuleSetRef, ruleSet: LoadedRuleSet): AuditPool {
    let pool = pools.get(ref.hash);
    if (!pool) {
      pool = makePool(ruleSet, { threads: options.concurrency, timeoutMs: deadlineMs, ...(options.limits ? { limits: options.limits } : {}) });
      pools.set(ref.hash, pool);
    }
    return pool;
  }

  async function score(job: Job<AuditJobData>, signal?: AbortSignal): Promise<PlanAuditOutcome | undefined> {
    let opened;
    try {
      opened = openJobData(options.key, job.data, job.id!);
    } catch {
      return unopenable;
    }
    let ruleSet: LoadedRuleSet | undefined;
    try {
      ruleSet = await ruleSetFor(opened.ruleSet);
    } catch (error) {
      if (isProblemError(error)) return { ok: false, problem: error.problem };
      throw error;
    }
    if (!ruleSet) return ruleSetMissing(opened.ruleSet);
    const outcome = await poolFor(opened.ruleSet, ruleSet).audit(opened.task, signal);
    opened = undefined;
    return outcome;
  }

  async function processJob(job: Job<AuditJobData>, _token?: string, signal?: AbortSignal): Promise<null> {
    const at = { batchId: job.data.batchId, planKey: job.data.planKey, ttlSeconds: job.data.resultTtlSeconds };
    if (await hasOutcome(redis, at.batchId, at.planKey)) {
      options.onEvent?.({ type: "already-scored" });
      return null;
    }
    const started = performance.now();
    const outcome = await score(job, signal);
    if (!outcome) return null;
    const attempt = job.attemptsMade + 1;
    // ehcp-qa's own failures may not happen again on another try (or another machine); a file's problems would.
    if (!outcome.ok && outcome.problem.code === "INTERNAL" && outcome !== unopenable && attempt < (job.opts.attempts ?? 1)) {
      options.onEvent?.({ type: "retrying", attempt });
      throw new Error("ehcp-qa had an internal problem with this plan; it is tried again");
    }
    await writeOutcome(redis, options.key, at, outcome);
    options.onEvent?.({ type: "scored", code: outcome.ok ? "OK" : outcome.problem.code, ms: Math.round(performance.now() - started) });
    return null;
  }

  const worker = new Worker<AuditJobData, null>(AUDIT_QUEUE, processJob, {
    connection: redis,
    prefix: QUEUE_PREFIX,
    concurrency: options.concurrency,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: MAX_STALLED,
  });
  worker.on("error", (error) => options.onEvent?.({ type: "error", errorName: error.name }));

  return {
    ready: async () => {
      await worker.waitUntilReady();
    },
    async close(force = false) {
      await worker.close(force);
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      await redis.quit().catch(() => undefined);
    },
  };
}
