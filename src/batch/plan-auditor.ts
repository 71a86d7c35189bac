// How a batch has one plan scored: the seam between the runner and whatever scores it. By default this machine's
// audit pool (child processes with a memory limit and a deadline, src/runtime), the batch's own or the service's;
// with --queue, the workers of a Redis queue (src/queue), which implement the same face.
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { IngestLimits } from "../ingest/guard.ts";
import type { AuditReport } from "../model/report.ts";
import { AbortedTask, createAuditPool, MANY_AUDITS, ruleSetData, type AuditPool } from "../runtime/index.ts";
import type { ParagraphPrint } from "./boilerplate.ts";
import type { BatchProblem, BatchRole } from "./types.ts";

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

/** `paragraphs`: the plan's paragraph prints (the batch compares them across plans). */
export type PlanAuditOutcome = { ok: true; report: AuditReport; paragraphs?: ParagraphPrint[] } | { ok: false; problem: BatchProblem; detail?: string };

export interface PlanAuditor {
  /** Rejects (with AbandonedError) only when `signal` abandons the plan; every other failure is an outcome. */
  audit(task: PlanAuditTask, signal?: AbortSignal): Promise<PlanAuditOutcome>;
  /** Plans it scores side by side. */
  readonly threads: number;
  close(): Promise<void>;
}

/** The error a plan dropped because its batch was stopped rejects with: not a failure of the plan. */
export { AbortedTask as AbandonedError };

export interface LocalAuditorOptions {
  /** Plans scored side by side (the pool's child processes, or lanes of a shared pool). */
  threads: number;
  /** How long one plan (all its files and the audit) may take once a child starts it (default: the pool's, per file). */
  timeoutMs?: number;
  /** Resident memory a child may reach before it is stopped, in MB. */
  memoryLimitMb?: number;
  /** The children's entry module; tests point this at a child that cannot start. */
  entry?: URL;
  limits?: Partial<IngestLimits>;
  /** A pool shared with other work (the service's): used behind interactive work, and not closed here. */
  shared?: AuditPool;
}

const INTERNAL: BatchProblem = {
  code: "INTERNAL",
  message: "ehcp-qa had an internal problem and could not score this plan. Please report it; running the batch again tries this plan again.",
};

export function localPlanAuditor(ruleSet: LoadedRuleSet, options: LocalAuditorOptions): PlanAuditor {
  const pool =
    options.shared ??
    createAuditPool({
      processes: options.threads,
      spareProcesses: 0,
      children: MANY_AUDITS,
      ...(options.memoryLimitMb ? { memoryLimitMb: options.memoryLimitMb } : {}),
      ...(options.entry ? { entry: options.entry } : {}),
    });
  const data = ruleSetData(ruleSet);
  return {
    threads: options.threads,
    async audit(task, signal) {
      const outcome = await pool.run(
        { kind: "audit", ...task, ruleSet: data, paragraphPrints: true, ...(options.limits ? { limits: options.limits } : {}) },
        { ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}), ...(signal ? { signal } : {}), background: options.shared !== undefined },
      );
      if (outcome.ok) return { ok: true, report: outcome.value.report, ...(outcome.value.paragraphs ? { paragraphs: outcome.value.paragraphs } : {}) };
      // BUSY: the service's pool was closed under the batch (the service is stopping); the plan is scored next run.
      const problem: BatchProblem = outcome.problem.code === "INTERNAL" ? { ...INTERNAL } : { ...outcome.problem };
      return { ok: false, problem, ...(outcome.detail !== undefined ? { detail: outcome.detail } : {}) };
    },
    async close() {
      if (!options.shared) await pool.close();
    },
  };
}
