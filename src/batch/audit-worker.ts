// The task a batch worker runs: read one plan's files (in this thread, after the ingest guard's size and zip checks)
// and audit them with the batch's rule set, which each worker rebuilds once from its plain data. Results cross the
// thread boundary as plain data: the report, or the coded problem of the file that could not be read.
import { parentPort, workerData } from "node:worker_threads";
import { audit, parseRuleSet, readPlan, type EhcpDocument, type LoadedRuleSet } from "../index.ts";
import type { IngestLimits } from "../ingest/guard.ts";
import { isProblemError } from "../model/problem.ts";
import type { AuditReport } from "../model/report.ts";
import type { BatchProblem, BatchRole } from "./types.ts";

export interface AuditWorkerData {
  /** The rule set's `resolved` data: parseRuleSet gives the same rule set back. */
  ruleSet: Record<string, unknown>;
  /** How problems with the rule set would name it. */
  ruleSetLabel: string;
  limits?: Partial<IngestLimits>;
}

export interface AuditTaskFile {
  role: BatchRole;
  fileName: string;
  bytes: Uint8Array;
}

export interface AuditTask {
  /** Numbers the task so the pool starts its clock when a worker starts it. */
  taskId: number;
  files: AuditTaskFile[];
  auditDate: string;
  /** ISO date-time stamped on the report. */
  generatedAt: string;
}

export type AuditOutcome = { ok: true; report: AuditReport } | { ok: false; problem: BatchProblem; detail?: string };

/** The message a worker posts when it starts a task. */
export const AUDIT_STARTED = "ehcpQaAuditStarted";

const data = workerData as AuditWorkerData;
let ruleSet: Promise<LoadedRuleSet> | undefined;

export default async function auditTask(task: AuditTask): Promise<AuditOutcome> {
  parentPort?.postMessage({ [AUDIT_STARTED]: task.taskId });
  const rules = await (ruleSet ??= parseRuleSet(data.ruleSet, { file: data.ruleSetLabel }));
  const read: { role: BatchRole; document: EhcpDocument }[] = [];
  // One file at a time: a plan's files are never all being parsed at once in one worker.
  for (const file of task.files) {
    try {
      read.push({ role: file.role, document: await readPlan({ bytes: file.bytes, fileName: file.fileName }, rules, { inProcess: true, ...(data.limits ? { limits: data.limits } : {}) }) });
    } catch (error) {
      if (isProblemError(error)) return { ok: false, problem: { ...error.problem, role: file.role } };
      return internal(error);
    }
  }
  const of = (role: BatchRole) => read.filter((r) => r.role === role).map((r) => r.document);
  const [plan] = of("plan");
  const [draft] = of("draft");
  if (!plan) return { ok: false, problem: { code: "FILE_NOT_FOUND", message: "This plan has no plan file to score." } };
  try {
    const inputs = { plan, ...(draft ? { draft } : {}), responses: of("response"), advice: of("advice") };
    return { ok: true, report: audit(inputs, rules, { auditDate: task.auditDate, generatedAt: new Date(task.generatedAt) }) };
  } catch (error) {
    // NOT_A_PLAN, BLANK_TEMPLATE: the file read fine but is not a plan to grade; it becomes a row with its code like any unreadable file.
    if (isProblemError(error)) return { ok: false, problem: { ...error.problem, role: "plan" } };
    return internal(error);
  }
}

function internal(error: unknown): AuditOutcome {
  return {
    ok: false,
    problem: { code: "INTERNAL", message: "ehcp-qa had an internal problem with this plan, so it was not scored. Please report it; the other plans are not affected." },
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}
