// The one place the queue touches the in-process audit pool. The queue is another implementation of the runner's
// pool seam (audit one plan, `threads`, `close()`), and a queue worker scores its jobs on a local pool; when the
// pool's module changes, only the imports below follow it.
import { AbandonedError, createBatchPool } from "../batch/pool.ts";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { IngestLimits } from "../ingest/guard.ts";
import type { AuditReport } from "../model/report.ts";
import type { BatchProblem, BatchRole } from "../batch/types.ts";
import type { ParagraphPrint } from "../batch/boilerplate.ts";

export interface PlanAuditFile {
  role: BatchRole;
  fileName: string;
  bytes: Uint8Array;
}

/** One plan to score: its files, "today" for the date rules, and the time stamped on its report. */
export interface PlanAuditTask {
  files: PlanAuditFile[];
  auditDate: string;
  /** ISO date-time. */
  generatedAt: string;
}

/** `paragraphs`: the plan's paragraph prints, when the audit task gives them (the batch compares them across plans). */
export type PlanAuditOutcome = { ok: true; report: AuditReport; paragraphs?: ParagraphPrint[] } | { ok: false; problem: BatchProblem; detail?: string };

/** What the batch runner needs from a pool (structurally the runner's BatchPool). */
export interface AuditPool {
  /** Rejects (with AbandonedError) only when `signal` abandons the plan; every other failure is an outcome. */
  audit(task: PlanAuditTask, signal?: AbortSignal): Promise<PlanAuditOutcome>;
  readonly threads: number;
  close(): Promise<void>;
}

export interface LocalPoolOptions {
  threads: number;
  /** The audit deadline for one plan once a thread starts it. */
  timeoutMs: number;
  limits?: Partial<IngestLimits>;
}

/** The runner takes this error to mean "dropped because the batch was stopped", not a failure of the plan. */
export { AbandonedError };

export const createLocalPool = (ruleSet: LoadedRuleSet, options: LocalPoolOptions): AuditPool => createBatchPool(ruleSet, options);

/** The local pool's deadline when none is given (the batch pool's default). */
export const DEFAULT_AUDIT_DEADLINE_MS = 120_000;
