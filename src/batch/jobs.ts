// Batch jobs for the HTTP service, held in memory only: the uploaded files while the job waits and runs, then its
// outputs until it expires. Jobs run one at a time (each one already uses every worker it is given); the others
// wait, queued. A finished job is forgotten `ttlMs` after it finished, and any job can be deleted at once; a running
// job that is deleted is stopped, and the plans in progress are dropped.
import { randomUUID } from "node:crypto";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { IngestLimits } from "../ingest/guard.ts";
import { buildOutputs, type BatchOutputs } from "./outputs/index.ts";
import { runBatch } from "./runner.ts";
import type { BatchPoolOptions, SharedPool } from "./runner.ts";
import type { BatchSource } from "./source.ts";
import type { BatchPlan } from "./types.ts";
import { oneAtATime } from "./one-at-a-time.ts";

export type BatchJobStatus = "queued" | "running" | "done" | "failed" | "cancelled";

export interface BatchJobSettings {
  /** How long a finished job's results are kept (default one hour). */
  ttlMs: number;
  /** Jobs held at once, queued, running or finished; one more is refused (BUSY). */
  maxJobs: number;
  /** Child processes, timeout and memory limit for the job that runs, when it has its own pool. */
  pool: BatchPoolOptions;
  /** A pool shared with other work (the service's audit pool) instead of one of its own. */
  sharedPool?: SharedPool;
  /** Size and zip limits for each file. */
  limits?: Partial<IngestLimits>;
}

export interface BatchJobInput {
  source: BatchSource;
  plans: BatchPlan[];
  columns: string[];
  ruleSet: LoadedRuleSet;
}

export interface BatchJobView {
  id: string;
  status: BatchJobStatus;
  done: number;
  total: number;
  failures: number;
  createdAt: string;
  /** When a finished job's results will be forgotten. */
  expiresAt?: string;
}

interface Job {
  id: string;
  status: BatchJobStatus;
  input: BatchJobInput | undefined;
  total: number;
  done: number;
  failures: number;
  createdAt: Date;
  finishedAt?: Date;
  outputs?: BatchOutputs;
  abandon: AbortController;
}

export interface BatchJobEvents {
  /** A job ended: counts and timings only, never names or text. */
  onFinished?(facts: { batchId: string; status: BatchJobStatus; plans: number; failures: number; ms: number }): void;
  /** A job failed inside ehcp-qa. */
  onError?(batchId: string, error: unknown): void;
}

export interface BatchJobs {
  /** Queues a job; undefined when `maxJobs` are already held. */
  submit(input: BatchJobInput): BatchJobView | undefined;
  get(id: string): BatchJobView | undefined;
  /** A finished job's outputs (undefined until it is done, or when there is no such job). */
  outputs(id: string): BatchOutputs | undefined;
  /** Forgets a job, stopping it if it runs. False when there is no such job. */
  delete(id: string): boolean;
  /** Stops every job and forgets them all. */
  close(): Promise<void>;
  readonly settings: Readonly<BatchJobSettings>;
}

export function createBatchJobs(settings: BatchJobSettings, clock: () => Date = () => new Date(), events: BatchJobEvents = {}): BatchJobs {
  const jobs = new Map<string, Job>();
  const batches = oneAtATime(run);
  const queue = batches.waiting;

  const view = (job: Job): BatchJobView => ({
    id: job.id,
    status: job.status,
    done: job.done,
    total: job.total,
    failures: job.failures,
    createdAt: job.createdAt.toISOString(),
    ...(job.finishedAt ? { expiresAt: new Date(job.finishedAt.getTime() + settings.ttlMs).toISOString() } : {}),
  });

  function expired(job: Job): boolean {
    return job.finishedAt !== undefined && clock().getTime() - job.finishedAt.getTime() >= settings.ttlMs;
  }

  function sweep(): void {
    for (const job of jobs.values()) if (expired(job)) jobs.delete(job.id);
  }
  const sweeper = setInterval(sweep, Math.max(1_000, Math.min(60_000, settings.ttlMs / 4)));
  sweeper.unref();

  async function run(job: Job): Promise<void> {
    const input = job.input!;
    const started = performance.now();
    job.status = "running";
    try {
      const generatedAt = clock();
      const result = await runBatch({
        source: input.source,
        plans: input.plans,
        ruleSet: input.ruleSet,
        auditDate: generatedAt.toISOString().slice(0, 10),
        generatedAt,
        pool: settings.pool,
        ...(settings.sharedPool ? { sharedPool: settings.sharedPool } : {}),
        ...(settings.limits ? { limits: settings.limits } : {}),
        onProgress: (progress) => {
          job.done = progress.done;
          job.failures = progress.failures;
        },
        abandonSignal: job.abandon.signal,
      });
      if (job.abandon.signal.aborted) {
        job.status = "cancelled";
      } else {
        job.outputs = await buildOutputs({ results: result.results, columns: input.columns, ruleset: { name: input.ruleSet.name, version: input.ruleSet.version }, generatedAt, paragraphs: result.paragraphs });
        job.status = "done";
      }
    } catch (error) {
      job.status = "failed";
      events.onError?.(job.id, error);
    } finally {
      // The uploads are dropped as soon as the job ends: only its outputs are kept, until it expires.
      await input.source.close().catch(() => undefined);
      job.input = undefined;
      job.finishedAt = clock();
      events.onFinished?.({ batchId: job.id, status: job.status, plans: job.total, failures: job.failures, ms: Math.round(performance.now() - started) });
    }
  }

  return {
    settings,
    submit(input) {
      sweep();
      if (jobs.size >= settings.maxJobs) return undefined;
      const job: Job = { id: randomUUID(), status: "queued", input, total: input.plans.length, done: 0, failures: 0, createdAt: clock(), abandon: new AbortController() };
      jobs.set(job.id, job);
      batches.add(job);
      return view(job);
    },
    get(id) {
      const job = jobs.get(id);
      if (!job || expired(job)) {
        if (job) jobs.delete(id);
        return undefined;
      }
      return view(job);
    },
    outputs(id) {
      const job = jobs.get(id);
      return job && !expired(job) && job.status === "done" ? job.outputs : undefined;
    },
    delete(id) {
      const job = jobs.get(id);
      if (!job) return false;
      jobs.delete(id);
      const waiting = queue.indexOf(job);
      if (waiting >= 0) {
        queue.splice(waiting, 1);
        void job.input?.source.close();
        job.input = undefined;
      }
      job.abandon.abort();
      return true;
    },
    async close() {
      clearInterval(sweeper);
      queue.length = 0;
      for (const job of jobs.values()) job.abandon.abort();
      jobs.clear();
      await batches.current();
    },
  };
}
