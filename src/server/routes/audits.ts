// POST /api/audits: the plan (and optionally its draft, response letters and advice reports) in, the report out.
// Files are read in the shared parse pool (a slow or hostile file costs a worker, never this thread), then audited
// through the public API exactly as the CLI does.
import { Router } from "express";
import { audit, isProblemError, readPlan, type AuditInputs, type EhcpDocument, type LoadedRuleSet } from "../../index.ts";
import type { ParsePool } from "../../ingest/index.ts";
import type { Admission } from "../admission.ts";
import type { ServiceLimits } from "../config.ts";
import { fromProblem, methodNotAllowed, ServiceProblem } from "../problems.ts";
import { needsPlanBytes, requestedFormat, sendReport } from "../report-response.ts";
import { addLogFacts } from "../request-log.ts";
import type { RuleSetCatalog } from "../rule-sets.ts";
import { auditUploadParser, auditUploads, formField, requestSizeLimit, type AuditUploads, type Upload } from "../upload.ts";

export interface AuditRouteDeps {
  ruleSets: RuleSetCatalog;
  pool: ParsePool;
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

const thousands = (n: number): string => n.toLocaleString("en-GB");

/** Reads every upload in the pool; a file that cannot be read rejects with its problem and the field it came in. */
export async function readUploads(
  uploads: AuditUploads,
  ruleSet: LoadedRuleSet,
  pool: ParsePool,
  limits: Pick<ServiceLimits, "maxFileBytes" | "maxWordsPerDocument" | "maxWordsPerCheck">,
): Promise<AuditInputs> {
  let totalWords = 0;
  const read = async (upload: Upload): Promise<EhcpDocument> => {
    let document: EhcpDocument;
    try {
      // The bytes are handed to the worker rather than copied: one copy of each upload in memory at a time.
      document = await readPlan(upload, ruleSet, { pool, limits: { maxFileBytes: limits.maxFileBytes }, transferBytes: true });
    } catch (error) {
      if (isProblemError(error)) throw fromProblem(error.problem, upload.role);
      throw error;
    }
    const tooLong = (detail: string) => new ServiceProblem("TOO_LARGE", detail, { file: document.fileName, role: upload.role });
    if (document.wordCount > limits.maxWordsPerDocument) {
      throw tooLong(
        `This document has ${thousands(document.wordCount)} words, far more than a plan or report (a 30-page plan has about 10,000), so it was not checked. The limit is ${thousands(limits.maxWordsPerDocument)} words: check that this is the right file.`,
      );
    }
    totalWords += document.wordCount;
    if (totalWords > limits.maxWordsPerCheck) {
      throw tooLong(`The documents in this check have more than ${thousands(limits.maxWordsPerCheck)} words together, so they were not checked. Check fewer or shorter documents at once.`);
    }
    return document;
  };
  const [plan, draft, responses, advice] = await Promise.all([
    read(uploads.plan),
    uploads.draft ? read(uploads.draft) : undefined,
    Promise.all(uploads.responses.map(read)),
    Promise.all(uploads.advice.map(read)),
  ]);
  return draft ? { plan, draft, responses, advice } : { plan, responses, advice };
}

const allUploads = (uploads: AuditUploads): Upload[] => [uploads.plan, ...(uploads.draft ? [uploads.draft] : []), ...uploads.responses, ...uploads.advice];

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

    // The uploads' bytes move to the parse workers; the plan's own file is needed again to add the comments.
    const planBytes = needsPlanBytes(format) ? Uint8Array.from(uploads.plan.bytes) : undefined;
    const readStarted = performance.now();
    const inputs = await readUploads(uploads, ruleSet, deps.pool, deps.limits);
    const auditStarted = performance.now();
    const report = audit(inputs, ruleSet, { generatedAt: deps.clock() });
    addLogFacts(res, { readMs: Math.round(auditStarted - readStarted), auditMs: Math.round(performance.now() - auditStarted) });
    await sendReport(res, report, format, planBytes);
  });
  router.all("/api/audits", methodNotAllowed(["POST"]));
  return router;
}
