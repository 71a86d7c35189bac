// The batch's worker pool (piscina): one worker per core by default, each reading and auditing whole plans. Each
// worker has a memory cap, and each plan a clock that starts when a worker picks it up, so a hostile or broken file
// costs one worker (piscina starts another) and becomes that plan's row, never the end of the batch.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { IngestLimits } from "../ingest/guard.ts";
import { AUDIT_STARTED, type AuditOutcome, type AuditTask, type AuditWorkerData } from "./audit-worker.ts";
import type { BatchProblem } from "./types.ts";
import { entryExecArgv, entryUrl } from "../runtime/entry-url.ts";

export interface BatchPoolOptions {
  /** Worker threads (default: every core, os.availableParallelism()). */
  threads?: number;
  /** How long one plan (all its files and the audit) may take once a worker starts it (default 120 s). */
  timeoutMs?: number;
  /** Heap cap per worker (default 1024 MB). */
  maxMemoryMb?: number;
  /** Size and zip limits for each file (see DEFAULT_LIMITS). */
  limits?: Partial<IngestLimits>;
  /** How long a plan may wait for a worker to pick it up before the workers are taken to be stuck (default 5 min). */
  startTimeoutMs?: number;
  /** The worker's entry file; tests point this at a worker that cannot start. */
  workerUrl?: URL;
}

export interface BatchPool {
  /** Audits one plan. Rejects only when `signal` abandons it (the batch was stopped); every other failure is an outcome. */
  audit(task: Omit<AuditTask, "taskId">, signal?: AbortSignal): Promise<AuditOutcome>;
  readonly threads: number;
  close(): Promise<void>;
}

const WORKER_URL = entryUrl("./audit-worker", import.meta.url);

export const defaultBatchThreads = (): number => Math.max(1, availableParallelism());

export class AbandonedError extends Error {
  constructor() {
    super("The batch was stopped before this plan was scored.");
    this.name = "AbandonedError";
  }
}

export function createBatchPool(ruleSet: LoadedRuleSet, options: BatchPoolOptions = {}): BatchPool {
  const threads = Math.max(1, Math.round(options.threads ?? defaultBatchThreads()));
  const timeoutMs = options.timeoutMs ?? 120_000;
  const startTimeoutMs = options.startTimeoutMs ?? 300_000;
  const maxMemoryMb = options.maxMemoryMb ?? 1024;
  const workerData: AuditWorkerData = { ruleSet: ruleSet.resolved, ruleSetLabel: `rule set ${ruleSet.name}`, ...(options.limits ? { limits: options.limits } : {}) };
  const workerUrl = options.workerUrl ?? WORKER_URL;
  const piscina = new Piscina<AuditTask, AuditOutcome>({
    filename: workerUrl.href,
    execArgv: entryExecArgv(workerUrl),
    // Every worker is kept for the whole batch, and one killed by a timeout or its memory cap is replaced.
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 5_000,
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, maxMemoryMb / 8)) },
  });
  piscina.on("error", () => undefined);
  let nextTaskId = 1;
  const onStart = new Map<number, () => void>();
  piscina.on("message", (message: unknown) => {
    const id = typeof message === "object" && message !== null ? (message as Record<string, unknown>)[AUDIT_STARTED] : undefined;
    if (typeof id === "number") onStart.get(id)?.();
  });

  // Set when a worker could not start or died for no reason of a file's: piscina does not recover from a worker that
  // fails to load, so every later plan would wait for ever. They are answered INTERNAL at once instead.
  let broken: AuditOutcome | undefined;
  /** Plans handed to piscina that no worker has started yet: given up at once when the pool turns out broken. */
  const waiting = new Map<number, () => void>();

  async function audit(task: Omit<AuditTask, "taskId">, signal?: AbortSignal): Promise<AuditOutcome> {
    if (signal?.aborted) throw new AbandonedError();
    if (broken) return broken;
    const taskId = nextTaskId++;
    const controller = new AbortController();
    let timedOut = false;
    let neverStarted = false;
    // A plan no worker picks up (the lanes never send more plans than there are workers) means the workers are stuck.
    const giveUp = () => {
      neverStarted = true;
      controller.abort();
    };
    let timer: NodeJS.Timeout | undefined = setTimeout(giveUp, startTimeoutMs);
    timer.unref();
    waiting.set(taskId, giveUp);
    onStart.set(taskId, () => {
      waiting.delete(taskId);
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      timer.unref();
    });
    const abandon = () => controller.abort();
    signal?.addEventListener("abort", abandon, { once: true });
    try {
      return await piscina.run({ ...task, taskId }, { signal: controller.signal });
    } catch (error) {
      if (timedOut) return { ok: false, problem: timeoutProblem(timeoutMs) };
      if (signal?.aborted) throw new AbandonedError();
      const outcome: AuditOutcome = { ok: false, problem: neverStarted ? INTERNAL : workerProblem(error), detail: error instanceof Error ? error.message : String(error) };
      if (outcome.problem.code === "INTERNAL") {
        broken = outcome;
        for (const other of waiting.values()) other();
      }
      return outcome;
    } finally {
      clearTimeout(timer);
      onStart.delete(taskId);
      waiting.delete(taskId);
      signal?.removeEventListener("abort", abandon);
    }
  }

  return {
    audit,
    threads,
    async close() {
      await piscina.destroy();
    },
  };
}

function timeoutProblem(timeoutMs: number): BatchProblem {
  return {
    code: "PARSE_TIMEOUT",
    message: `Reading and checking this plan took longer than ${Math.round(timeoutMs / 1000)} seconds, so it was stopped. A file may be damaged or unusually complex: save fresh copies from Word (.docx) or export new PDFs, and run the batch again.`,
  };
}

/**
 * A task that ended without an outcome. Reading and auditing errors come back as outcomes, so this is a worker that
 * ran out of memory (a file built or damaged to need far more than a plan could: the file's problem) or one that
 * could not start or died some other way (ehcp-qa's problem, tried again by a resumed run).
 */
function workerProblem(error: unknown): BatchProblem {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory|heap limit/i.test(message)) {
    return {
      code: "CORRUPT_FILE",
      message: "Reading this plan's files needed far more memory than a plan could, so it was stopped; a file may be damaged or built to overload the checker. Save fresh copies as .docx or .pdf and run the batch again.",
    };
  }
  return INTERNAL;
}

const INTERNAL: BatchProblem = {
  code: "INTERNAL",
  message: "ehcp-qa had an internal problem and could not score this plan. Please report it; running the batch again tries this plan again.",
};
