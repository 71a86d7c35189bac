// A job on the audit queue: one plan's files, the audit date, the time for its report and a reference to the rule
// set, sealed when there is a queue key. Only the batch id and the plan key (hashes, nothing about the child) stay
// readable, so a worker can find where its result goes; file names are sealed too, since they often name the child.
import { createHash } from "node:crypto";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { BatchRole } from "../batch/types.ts";
import type { PlanAuditTask } from "./seam.ts";
import { unwrap, wrap, type Envelope } from "./sealed.ts";

/** Which rule set scores the plan: workers look it up by hash (theirs, or the copy the batch put in Redis). */
export interface RuleSetRef {
  name: string;
  version: string;
  hash: string;
}

export const ruleSetRef = (ruleSet: Pick<LoadedRuleSet, "name" | "version" | "resolved">): RuleSetRef => ({
  name: ruleSet.name,
  version: ruleSet.version,
  hash: createHash("sha256").update(JSON.stringify(ruleSet.resolved)).digest("hex"),
});

interface PlanPayload {
  files: { role: BatchRole; fileName: string; base64: string }[];
  auditDate: string;
  generatedAt: string;
  ruleSet: RuleSetRef;
}

export interface AuditJobData {
  v: 1;
  batchId: string;
  planKey: string;
  /** Seconds the result is kept in Redis (the batch's lifetime). */
  resultTtlSeconds: number;
  payload: Envelope;
}

export interface OpenedJob {
  task: PlanAuditTask;
  ruleSet: RuleSetRef;
}

export function makeJobData(
  key: Buffer | undefined,
  job: { batchId: string; planKey: string; jobId: string; resultTtlSeconds: number; ruleSet: RuleSetRef },
  task: PlanAuditTask,
): AuditJobData {
  const payload: PlanPayload = {
    files: task.files.map((file) => ({ role: file.role, fileName: file.fileName, base64: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString("base64") })),
    auditDate: task.auditDate,
    generatedAt: task.generatedAt,
    ruleSet: job.ruleSet,
  };
  return { v: 1, batchId: job.batchId, planKey: job.planKey, resultTtlSeconds: job.resultTtlSeconds, payload: wrap(key, payload, job.jobId) };
}

export function openJobData(key: Buffer | undefined, data: AuditJobData, jobId: string): OpenedJob {
  const payload = unwrap(key, data.payload, jobId) as PlanPayload;
  return {
    task: {
      files: payload.files.map((file) => ({ role: file.role, fileName: file.fileName, bytes: new Uint8Array(Buffer.from(file.base64, "base64")) })),
      auditDate: payload.auditDate,
      generatedAt: payload.generatedAt,
    },
    ruleSet: payload.ruleSet,
  };
}
