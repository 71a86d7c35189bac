// Batch scoring over HTTP. POST /api/batches takes a zip of plans, or many files, plus an optional manifest CSV, and
// answers 202 with the job's id; GET /api/batches/:id gives its progress; when it is done, results.csv,
// results.jsonl, quality-return.xlsx, summary.html and each plan's report can be downloaded; DELETE forgets it.
// Uploads and results live in this process's memory only, never on disk, and a finished job is forgotten after
// EHCP_QA_BATCH_TTL_MINUTES (default 60). With REDIS_URL, plans are scored by the queue's workers (`ehcp-qa worker`)
// and each batch's progress and outputs are kept in Redis until they expire, so any instance of the service answers
// for any batch; the uploads themselves still stay in the memory of the instance that took them.
import type { Request, RequestHandler, Response } from "express";
import { Router } from "express";
import multer from "multer";
import { availableParallelism } from "node:os";
import { createBatchJobs, type BatchJobEvents, type BatchJobSettings } from "../batch/jobs.ts";
import { memoryJobStore, type BatchJobStore } from "../batch/job-store.ts";
import { checkQueueUrl, queueKeyFromEnv } from "../queue/index.ts";
import { createRedisBatchJobs } from "../queue/redis-batch-jobs.ts";
import { discoverPlans, DASHBOARD_CSP, isZipName, memorySource, OUTPUT_FILES, parseManifest, planLines, resultLines, zipSource, type BatchSource, type Manifest } from "../batch/index.ts";
import type { Environment, ServiceLimits } from "./config.ts";
import type { ServiceContext } from "./app.ts";
import { fromProblem, methodNotAllowed, ServiceProblem, busy } from "./problems.ts";
import { HTML_REPORT_CSP } from "./report-response.ts";
import { addLogFacts } from "./request-log.ts";
import { ruleSetFromForm } from "./routes/audits.ts";
import { formField, requestSizeLimit } from "./upload.ts";
import { isProblemError } from "../model/problem.ts";

const MB = 1024 * 1024;

export interface BatchServiceSettings {
  /** Minutes a finished batch's results are kept (EHCP_QA_BATCH_TTL_MINUTES, default 60). */
  ttlMinutes: number;
  /** Largest batch upload, all files together (EHCP_QA_BATCH_MAX_MB, default 200 MB). */
  maxUploadBytes: number;
  /** Most files in one batch upload (EHCP_QA_BATCH_MAX_FILES, default 500). */
  maxFiles: number;
  /** Batches held at once, waiting, running or finished (EHCP_QA_BATCH_MAX_JOBS, default 4). */
  maxJobs: number;
  /** Plans of the running batch in the service's audit pool at once (EHCP_QA_BATCH_THREADS, default one less than the cores, at least 1). */
  threads: number;
}

function number(env: Environment, name: string): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a number above 0 (it is "${text}").`);
  return value;
}

export function batchSettingsFromEnv(env: Environment): BatchServiceSettings {
  const maxMb = number(env, "EHCP_QA_BATCH_MAX_MB");
  return {
    ttlMinutes: number(env, "EHCP_QA_BATCH_TTL_MINUTES") ?? 60,
    maxUploadBytes: Math.round((maxMb ?? 200) * MB),
    maxFiles: Math.round(number(env, "EHCP_QA_BATCH_MAX_FILES") ?? 500),
    maxJobs: Math.round(number(env, "EHCP_QA_BATCH_MAX_JOBS") ?? 4),
    // One core is left for the service's own requests.
    threads: Math.round(number(env, "EHCP_QA_BATCH_THREADS") ?? Math.max(1, availableParallelism() - 1)),
  };
}

export interface BatchRouter extends Router {
  readonly jobs: BatchJobStore;
  /** Stops running batches and forgets every batch (the app's close() calls it). */
  close(): Promise<void>;
}

const megabytes = (bytes: number): string => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** Multer's limits in this route's own words (the audit route's messages speak of one plan). */
function batchUpload(settings: BatchServiceSettings): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    defParamCharset: "utf8",
    limits: { fileSize: settings.maxUploadBytes, files: settings.maxFiles + 1, fields: 10, fieldSize: 1024, fieldNameSize: 100, parts: settings.maxFiles + 11 },
  }).fields([
    { name: "files", maxCount: settings.maxFiles },
    { name: "manifest", maxCount: 1 },
  ]);
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const e = error as { name?: string; code?: string; field?: string };
      if (e.name !== "MulterError") return next(error);
      if (e.code === "LIMIT_FILE_SIZE") return next(new ServiceProblem("TOO_LARGE", `A file in this batch is over the ${megabytes(settings.maxUploadBytes)} limit for a whole batch. Split the batch into smaller ones.`));
      if (e.code === "LIMIT_FILE_COUNT") return next(new ServiceProblem("TOO_LARGE", `Too many files: a batch can have at most ${settings.maxFiles}. Split it into smaller batches, or send one zip.`));
      if (e.code === "LIMIT_UNEXPECTED_FILE") {
        return next(new ServiceProblem("BAD_REQUEST", `The upload has a file in a field called "${e.field ?? ""}". Send the plans (or one zip of them) as "files", and the manifest CSV as "manifest".`));
      }
      return next(new ServiceProblem("BAD_REQUEST", "The batch upload is malformed. Send the files as multipart/form-data: the plans as \"files\", the manifest as \"manifest\"."));
    });
  };
}

type UploadedFiles = Record<string, Express.Multer.File[] | undefined>;
const bytesOf = (file: Express.Multer.File): Uint8Array => new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength);

/** The batch's files as a source: one zip read in place, or the documents themselves. */
function sourceFrom(files: Express.Multer.File[], limits: ServiceLimits): BatchSource {
  const fileLimits = { maxFileBytes: limits.maxFileBytes };
  const zips = files.filter((file) => isZipName(file.originalname));
  if (zips.length > 0) {
    if (files.length > 1) throw new ServiceProblem("BAD_REQUEST", "Send either one zip of plans or the plans themselves, not a zip together with other files.");
    return zipSource({ buffer: files[0]!.buffer, label: files[0]!.originalname }, fileLimits);
  }
  try {
    return memorySource(files.map((file) => ({ fileName: file.originalname, bytes: bytesOf(file) })), "upload", fileLimits);
  } catch (error) {
    if (isProblemError(error)) throw fromProblem(error.problem);
    throw error;
  }
}

/** EHCP_QA_QUEUE_KEY, when set: batches, their plans and their outputs are sealed in Redis. */
function optionalKey(env: Environment): { key?: Buffer } {
  const key = queueKeyFromEnv(env);
  return key ? { key } : {};
}

function sendOutput(res: Response, body: string | Uint8Array, type: string, download?: string): void {
  if (download) res.attachment(download);
  res.type(type).send(typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}

export function batchRoutes(context: ServiceContext, env: Environment = process.env, overrides: Partial<BatchServiceSettings> = {}): BatchRouter {
  const settings = { ...batchSettingsFromEnv(env), ...overrides };
  const jobSettings: BatchJobSettings = {
    ttlMs: settings.ttlMinutes * 60_000,
    maxJobs: settings.maxJobs,
    pool: {},
    // A batch shares the service's children, behind the uploads someone is waiting for.
    sharedPool: { pool: context.pool, lanes: settings.threads },
    limits: { maxFileBytes: context.limits.maxFileBytes },
  };
  const events: BatchJobEvents = {
    onFinished: (facts) => context.logger.info(facts, "batch finished"),
    onError: (batchId, error) => context.logger.error({ batchId, errorName: error instanceof Error ? error.name : typeof error }, "batch failed"),
  };
  const redisUrl = env.REDIS_URL?.trim();
  const jobs: BatchJobStore = redisUrl
    ? createRedisBatchJobs({ url: checkQueueUrl(redisUrl), ...optionalKey(env), ttlMs: jobSettings.ttlMs, maxJobs: settings.maxJobs, clock: context.clock, events })
    : memoryJobStore(createBatchJobs(jobSettings, context.clock, events));
  const router = Router();

  const notFound = (id: string) => new ServiceProblem("NOT_FOUND", `There is no batch ${id}: it may have expired (results are kept for ${settings.ttlMinutes} minutes after a batch ends) or been deleted.`);
  const jobOf = async (req: Request) => {
    const id = String(req.params.id);
    const job = await jobs.get(id);
    if (!job) throw notFound(id);
    return job;
  };
  /** One output of a finished batch; 404 while it is still running, undefined when it has no such file. */
  const outputOf = async (req: Request, name: string) => {
    const job = await jobOf(req);
    if (job.status !== "done") {
      const where = job.status === "queued" ? "waiting to start" : job.status === "running" ? `still running (${job.done} of ${job.total} plans done)` : job.status === "cancelled" ? "cancelled" : "stopped by an internal problem";
      throw new ServiceProblem("NOT_FOUND", `The results of batch ${job.id} are not ready: it is ${where}. GET /api/batches/${job.id} shows its progress.`);
    }
    return jobs.outputFile(job.id, name);
  };

  router.post("/api/batches", requestSizeLimit({ maxRequestBytes: settings.maxUploadBytes }), batchUpload(settings), async (req, res) => {
    if (!req.is("multipart/form-data")) throw new ServiceProblem("BAD_REQUEST", 'Send the plans as a file upload (multipart/form-data): one zip, or the files themselves, in the field "files".');
    const uploaded = (req.files ?? {}) as UploadedFiles;
    const files = uploaded.files ?? [];
    if (files.length === 0) throw new ServiceProblem("BAD_REQUEST", 'No plans were sent. Send one zip of plans, or the plans themselves, in the field "files".');
    addLogFacts(res, { files: files.length, fileBytes: files.reduce((sum, f) => sum + f.size, 0) });
    const ruleSet = await ruleSetFromForm(context.ruleSets, formField(req, "ruleset"));
    let manifest: Manifest | undefined;
    const [manifestFile] = uploaded.manifest ?? [];
    const source = sourceFrom(files, context.limits);
    try {
      if (manifestFile) manifest = parseManifest(bytesOf(manifestFile), manifestFile.originalname || "manifest.csv");
      const discovery = await discoverPlans(source, manifest);
      if (discovery.plans.length === 0) {
        throw new ServiceProblem(
          "BAD_REQUEST",
          "No plans were found in the upload. Name each plan <id>-final.docx or <id>-final.pdf (its draft <id>-draft.docx, letters <id>-response-*.pdf, advice <id>-advice-*.pdf), or send a manifest that lists them.",
        );
      }
      const job = await jobs.submit({ source, plans: discovery.plans, columns: manifest?.columns ?? [], ruleSet });
      if (!job) throw busy(context.limits.retryAfterSeconds, `The checker already holds ${settings.maxJobs} batches. Try again when one has finished, or delete the results of one you have downloaded.`);
      addLogFacts(res, { batchId: job.id, plans: job.total, ruleset: ruleSet.name });
      // The files that are not part of any plan, and why: the page lists them while the batch runs.
      res.status(202).location(`/api/batches/${job.id}`).json({ id: job.id, status: job.status, total: job.total, skipped: discovery.skipped });
    } catch (error) {
      await source.close();
      if (isProblemError(error)) throw fromProblem(error.problem);
      throw error;
    }
  });
  router.all("/api/batches", methodNotAllowed(["POST"]));

  router.get("/api/batches/:id", async (req, res) => {
    res.json(await jobOf(req));
  });
  router.delete("/api/batches/:id", async (req, res) => {
    const id = String(req.params.id);
    if (!(await jobs.delete(id))) throw notFound(id);
    res.status(204).end();
  });
  router.all("/api/batches/:id", methodNotAllowed(["GET", "DELETE"]));

  /** A batch-wide output: every finished batch has it (a store that lost it is ehcp-qa's problem, not the user's). */
  const wholeBatchOutput = async (req: Request, name: string) => {
    const file = await outputOf(req, name);
    if (file === undefined) throw new Error(`The finished batch has no ${name}.`);
    return file;
  };
  router.get(`/api/batches/:id/${OUTPUT_FILES.csv}`, async (req, res) => sendOutput(res, await wholeBatchOutput(req, OUTPUT_FILES.csv), "text/csv; charset=utf-8", OUTPUT_FILES.csv));
  router.get(`/api/batches/:id/${OUTPUT_FILES.jsonl}`, async (req, res) => sendOutput(res, await wholeBatchOutput(req, OUTPUT_FILES.jsonl), "application/jsonl; charset=utf-8", OUTPUT_FILES.jsonl));
  router.get(`/api/batches/:id/${OUTPUT_FILES.xlsx}`, async (req, res) =>
    sendOutput(res, await wholeBatchOutput(req, OUTPUT_FILES.xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", OUTPUT_FILES.xlsx),
  );
  router.get(`/api/batches/:id/${OUTPUT_FILES.html}`, async (req, res) => {
    const html = await wholeBatchOutput(req, OUTPUT_FILES.html);
    res.setHeader("Content-Security-Policy", `${DASHBOARD_CSP}; frame-ancestors 'none'`);
    sendOutput(res, html, "text/html; charset=utf-8");
  });
  // The batch page's results table: one line per plan (grade, score, failing categories, the first fix, its report),
  // made from results.jsonl, which every store keeps.
  router.get("/api/batches/:id/plans", async (req, res) => {
    const jsonl = await wholeBatchOutput(req, OUTPUT_FILES.jsonl);
    const results = resultLines(typeof jsonl === "string" ? jsonl : new TextDecoder().decode(jsonl));
    res.json({ plans: planLines(results) });
  });
  router.get("/api/batches/:id/reports/:file", async (req, res) => {
    const report = await outputOf(req, `reports/${String(req.params.file)}`);
    if (report === undefined) throw new ServiceProblem("NOT_FOUND", "There is no such plan report in this batch. The links in its summary.html name every one.");
    res.setHeader("Content-Security-Policy", HTML_REPORT_CSP);
    sendOutput(res, report, "text/html; charset=utf-8");
  });

  return Object.assign(router, { jobs, close: () => jobs.close() }) as BatchRouter;
}

/** The batch routes for /api/openapi.json (the service's document adds them to its paths). */
export function batchOpenApiPaths(): Record<string, unknown> {
  const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });
  const id = { name: "id", in: "path", required: true, schema: { type: "string" } };
  const progress = {
    type: "object",
    required: ["id", "status", "done", "total", "failures"],
    properties: {
      id: { type: "string" },
      status: { type: "string", enum: ["queued", "running", "done", "failed", "cancelled"] },
      done: { type: "integer", description: "Plans finished (scored or not)." },
      total: { type: "integer" },
      failures: { type: "integer", description: "Plans that could not be scored (each is a row with its code in results.csv)." },
      createdAt: { type: "string", format: "date-time" },
      expiresAt: { type: "string", format: "date-time", description: "When a finished batch's results will be forgotten." },
    },
  };
  const output = (summary: string, type: string) => ({
    get: {
      summary,
      parameters: [id],
      responses: { "200": { description: summary, content: { [type]: { schema: { type: "string", ...(type.includes("sheet") ? { contentEncoding: "binary" } : {}) } } } }, "404": problem("No such batch, or not finished yet.") },
    },
  });
  return {
    "/api/batches": {
      post: {
        summary: "Score a batch of plans: one zip of them, or the files themselves, with an optional manifest CSV.",
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["files"],
                properties: {
                  files: { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" }, description: "One .zip of plans, or the plans, drafts, response letters and advice reports, named <id>-final.docx, <id>-draft.docx, <id>-response*.pdf, <id>-advice-*.pdf." },
                  manifest: { type: "string", contentMediaType: "text/csv", description: "Columns id, plan, draft, response, advice (several files separated by ;) and any of your own." },
                  ruleset: { type: "string" },
                },
              },
            },
          },
        },
        responses: {
          "202": {
            description: "Accepted: the batch is queued.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["id", "status", "total"],
                  properties: {
                    id: { type: "string" },
                    status: { type: "string" },
                    total: { type: "integer" },
                    skipped: {
                      type: "array",
                      description: "Files in the upload that are not part of any plan, and why (a second copy of a plan in PDF, a file the naming does not match...).",
                      items: { type: "object", required: ["path", "reason"], properties: { path: { type: "string" }, reason: { type: "string" } } },
                    },
                  },
                },
              },
            },
          },
          "400": problem("No plans, a bad manifest, or a malformed upload."),
          "413": problem("The upload is over the batch limits."),
          "422": problem("The zip is damaged or a zip bomb."),
          "503": problem("The checker already holds as many batches as it may."),
        },
      },
    },
    "/api/batches/{id}": {
      get: { summary: "A batch's progress.", parameters: [id], responses: { "200": { description: "Progress.", content: { "application/json": { schema: progress } } }, "404": problem("No such batch (or it expired).") } },
      delete: { summary: "Forget a batch now (stopping it if it runs).", parameters: [id], responses: { "204": { description: "Forgotten." }, "404": problem("No such batch.") } },
    },
    "/api/batches/{id}/plans": {
      get: {
        summary: "One line per plan, for the batch page's results table: id, plan file, score, grade, failing categories, the first fix, the report's file or why the plan was not scored.",
        parameters: [id],
        responses: { "200": { description: "The plans.", content: { "application/json": { schema: { type: "object", properties: { plans: { type: "array", items: { type: "object" } } } } } } }, "404": problem("No such batch, or not finished yet.") },
      },
    },
    "/api/batches/{id}/results.csv": output("One row per plan.", "text/csv"),
    "/api/batches/{id}/results.jsonl": output("Every report, one per line.", "application/jsonl"),
    "/api/batches/{id}/quality-return.xlsx": output("The results and summary sheets.", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "/api/batches/{id}/summary.html": output("The dashboard.", "text/html"),
    "/api/batches/{id}/reports/{file}": {
      get: {
        summary: "One plan's HTML report, as linked from summary.html.",
        parameters: [id, { name: "file", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "The report.", content: { "text/html": { schema: { type: "string" } } } }, "404": problem("No such report.") },
      },
    },
  };
}
