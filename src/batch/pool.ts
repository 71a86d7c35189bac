// The batch's worker pool (piscina): one worker per core by default, each reading and auditing whole plans. Each
// worker has a memory cap, and each plan a clock that starts when a worker picks it up, so a hostile or broken file
// costs one worker (piscina starts another) and becomes that plan's row, never the end of the batch.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { IngestLimits } from "../ingest/guard.ts";
import { AUDIT_STARTED, type AuditOutcome, type AuditTask, type AuditWorkerData } from "./audit-worker.ts";
import type { BatchProblem } from "./types.ts";

export interface BatchPoolOptions {
  /** Worker threads (default: every core, os.availableParallelism()). */
  threads?: number;
  /** How long one plan (all its files and the audit) may take once a worker starts it (default 120 s). */
  timeoutMs?: number;
  /** Heap cap per worker (default 1024 MB). */
  maxMemoryMb?: number;
  /** Size and zip limits for each file (see DEFAULT_LIMITS). */
  limits?: Partial<IngestLimits>;
}

export interface BatchPool {
  /** Audits one plan. Rejects only when `signal` abandons it (the batch was stopped); every other failure is an outcome. */
  audit(task: Omit<AuditTask, "taskId">, signal?: AbortSignal): Promise<AuditOutcome>;
  readonly threads: number;
  close(): Promise<void>;
}

const WORKER_URL = new URL("./audit-worker.js", import.meta.url);

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
  const maxMemoryMb = options.maxMemoryMb ?? 1024;
  const workerData: AuditWorkerData = { ruleSet: ruleSet.resolved, ruleSetLabel: `rule set ${ruleSet.name}`, ...(options.limits ? { limits: options.limits } : {}) };
  const piscina = new Piscina<AuditTask, AuditOutcome>({
    filename: WORKER_URL.href,
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

  async function audit(task: Omit<AuditTask, "taskId">, signal?: AbortSignal): Promise<AuditOutcome> {
    if (signal?.aborted) throw new AbandonedError();
    const taskId = nextTaskId++;
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    onStart.set(taskId, () => {
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
      return { ok: false, problem: workerProblem(error), detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
      onStart.delete(taskId);
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

/** A worker that died: out of memory means a file built or damaged to need far more than a plan could. */
function workerProblem(error: unknown): BatchProblem {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory|heap limit/i.test(message)) {
    return {
      code: "CORRUPT_FILE",
      message: "Reading this plan's files needed far more memory than a plan could, so it was stopped; a file may be damaged or built to overload the checker. Save fresh copies as .docx or .pdf and run the batch again.",
    };
  }
  return { code: "CORRUPT_FILE", message: "This plan's files could not be read; one may be damaged. Save fresh copies as .docx or .pdf and run the batch again." };
}
