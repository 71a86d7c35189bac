// POST /api/audits: the plan (and optionally its draft, response letters and advice reports) in, the report out.
// The files are read and audited in the audit pool (a child process with a memory limit and a deadline counted
// from when the check was admitted): a slow or hostile file costs a child, never this thread or other users.
import { Router } from "express";
import { isProblemError, type LoadedRuleSet } from "../../index.ts";
import { ruleSetData, type AuditPool, type AuditValue, type TaskFile } from "../../runtime/index.ts";
import { admittedAt, type Admission } from "../admission.ts";
import type { ServiceLimits } from "../config.ts";
import { busy, fromProblem, methodNotAllowed, ServiceProblem } from "../problems.ts";
import { needsPlanBytes, requestedFormat, sendReport } from "../report-response.ts";
import { addLogFacts } from "../request-log.ts";
import type { RuleSetCatalog } from "../rule-sets.ts";
import { auditUploadParser, auditUploads, formField, requestSizeLimit, type AuditUploads, type Upload } from "../upload.ts";

export interface AuditRouteDeps {
  ruleSets: RuleSetCatalog;
  pool: AuditPool;
  limits: ServiceLimits;
  admission: Admission;
  clock: () => Date;
  logFileNames: boolean;
}

export const DEFAULT_RULESET = "default";

/** A rule set named in a form: an unknown name is a mistake in the request, not a missing page. */
export async function ruleSetFromForm(ruleSets: RuleSetCatalog, name: string | undefined): Promise<LoadedRuleSet> {
  try {
    return await ruleSets.load(name ?? DEFAULT_RULESET);
  } catch (error) {
    if (isProblemError(error) && error.problem.code === "FILE_NOT_FOUND") throw new ServiceProblem("BAD_REQUEST", error.problem.message);
    throw error;
  }
}

const allUploads = (uploads: AuditUploads): Upload[] => [uploads.plan, ...(uploads.draft ? [uploads.draft] : []), ...uploads.responses, ...uploads.advice];

/** Reads and audits the uploads in the pool; a file that cannot be read rejects with its problem and the field it came in. */
export async function auditUploadsInPool(
  uploads: AuditUploads,
  ruleSet: LoadedRuleSet,
  deps: Pick<AuditRouteDeps, "pool" | "limits" | "clock">,
  startedAt: number,
): Promise<AuditValue> {
  const files: TaskFile[] = allUploads(uploads).map(({ role, fileName, bytes }) => ({ role, fileName, bytes }));
  const { limits } = deps;
  const outcome = await deps.pool.run(
    {
      kind: "audit",
      files,
      ruleSet: ruleSetData(ruleSet),
      generatedAt: deps.clock().toISOString(),
      limits: { maxFileBytes: limits.maxFileBytes },
      words: { perDocument: limits.maxWordsPerDocument, perCheck: limits.maxWordsPerCheck },
    },
    { startedAt },
  );
  if (outcome.ok) return outcome.value;
  const { problem } = outcome;
  if (problem.code === "INTERNAL") throw new Error(`audit pool: ${outcome.detail ?? problem.message}`);
  if (problem.code === "BUSY") throw busy(limits.retryAfterSeconds, problem.message);
  const { role, code, ...rest } = problem;
  throw fromProblem({ ...rest, code }, role);
}

export function auditsRouter(deps: AuditRouteDeps): Router {
  const router = Router();
  router.post("/api/audits", deps.admission.gate, requestSizeLimit(deps.limits), auditUploadParser(deps.limits), async (req, res) => {
    const format = requestedFormat(req);
    const uploads = auditUploads(req);
    const files = allUploads(uploads);
    addLogFacts(res, {
      files: files.length,
      fileBytes: files.map((file) => file.bytes.byteLength),
      ...(deps.logFileNames ? { fileNames: files.map((file) => file.fileName) } : {}),
      format,
    });
    const ruleSet = await ruleSetFromForm(deps.ruleSets, formField(req, "ruleset"));
    addLogFacts(res, { ruleset: ruleSet.name });

    const { report, readMs, rulesMs } = await auditUploadsInPool(uploads, ruleSet, deps, admittedAt(res));
    addLogFacts(res, { readMs: Math.round(readMs), auditMs: Math.round(rulesMs) });
    await sendReport(res, report, format, needsPlanBytes(format) ? uploads.plan.bytes : undefined);
  });
  router.all("/api/audits", methodNotAllowed(["POST"]));
  return router;
}
