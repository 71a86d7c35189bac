// Batch scoring: a folder or zip of plans in, a quality return and a dashboard out. See "Batch scoring for auditors" in the README.
export { discoverPlans } from "./discover.ts";
export { applyManifest, parseManifest, type Manifest } from "./manifest.ts";
export { openBatchInput } from "./open-input.ts";
export { pairByConvention, nameFile, type Discovery } from "./pairing.ts";
export { appendResult, readPreviousResults, resultLines } from "./results-log.ts";
export { defaultBatchThreads, isReusable, runBatch, type BatchPoolOptions, type BatchRun, type RunBatchOptions, type SharedPool } from "./runner.ts";
export { AbandonedError, localPlanAuditor, type PlanAuditor, type PlanAuditOutcome, type PlanAuditTask } from "./plan-auditor.ts";
export { folderSource, memorySource, type BatchSource } from "./source.ts";
export { isZipName, zipSource } from "./zip-source.ts";
export { buildOutputs, OUTPUT_FILES, resultsJsonl, writeOutputs, type BatchOutputs } from "./outputs/index.ts";
export { DASHBOARD_CSP } from "./outputs/dashboard.ts";
export type { BatchSummary } from "./outputs/summary.ts";
export { planLines } from "./outputs/summary.ts";
export type * from "./types.ts";
