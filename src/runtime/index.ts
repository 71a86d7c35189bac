// How audits run: one pool of child processes with a memory limit and a deadline, for the CLI, the service and batches.
export { AbortedTask, closeDefaultAuditPool, createAuditPool, defaultAuditPool, defaultProcesses, type AuditPool, type AuditPoolOptions, type RunOptions } from "./audit-pool.ts";
export { MANY_AUDITS, ONE_AUDIT, type ChildProfile } from "./child-snapshot.ts";
export { ruleSetData } from "./rule-set-data.ts";
export type { AuditTask, AuditValue, ReadTask, Task, TaskFile, TaskOutcome, TaskProblem, TaskProgress, TaskRole, TaskValue, WordLimits } from "./tasks.ts";
export { valueOf } from "./outcome.ts";
export { poolOptionsFromEnv, type Environment } from "./settings.ts";
