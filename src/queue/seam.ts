// The one place the queue touches this machine's audit pool: the queue is another implementation of the runner's
// seam (src/batch/plan-auditor.ts), and a queue worker scores its jobs on a local auditor.
import { AbandonedError, localPlanAuditor, type PlanAuditor } from "../batch/plan-auditor.ts";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { IngestLimits } from "../ingest/guard.ts";

export type { PlanAuditFile, PlanAuditOutcome, PlanAuditTask } from "../batch/plan-auditor.ts";

/** What the batch runner needs from a pool. */
export type AuditPool = PlanAuditor;

export interface LocalPoolOptions {
  threads: number;
  /** The audit deadline for one plan once a child starts it. */
  timeoutMs: number;
  limits?: Partial<IngestLimits>;
}

/** The runner takes this error to mean "dropped because the batch was stopped", not a failure of the plan. */
export { AbandonedError };


export const createLocalPool = (ruleSet: LoadedRuleSet, options: LocalPoolOptions): AuditPool => localPlanAuditor(ruleSet, options);
/** The local pool's deadline when none is given (the batch pool's default). */
export const DEFAULT_AUDIT_DEADLINE_MS = 120_000;
