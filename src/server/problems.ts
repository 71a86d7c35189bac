// Every error the service answers is an RFC 9457 problem details object (application/problem+json) with the stable
// code of the failure and a sentence a caseworker can act on. The code decides the HTTP status, in this one table.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { isProblemError, type Problem, type ProblemCode, type RuleSetIssue } from "../model/problem.ts";

/** The ingest and rule-set codes, plus the few that only HTTP has. */
export type ServiceProblemCode = ProblemCode | "UNAUTHORIZED" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "RATE_LIMITED" | "INTERNAL";

export const PROBLEM_TYPES: Readonly<Record<ServiceProblemCode, { status: number; title: string }>> = Object.freeze({
  BAD_REQUEST: { status: 400, title: "The request is incomplete or malformed" },
  UNAUTHORIZED: { status: 401, title: "An access key is needed" },
  FILE_NOT_FOUND: { status: 404, title: "There is no rule set with this name" },
  NOT_FOUND: { status: 404, title: "There is nothing at this address" },
  METHOD_NOT_ALLOWED: { status: 405, title: "This address does not accept this kind of request" },
  TOO_LARGE: { status: 413, title: "The upload is too large" },
  UNSUPPORTED_FORMAT: { status: 415, title: "The file is not a Word document or a PDF" },
  EMPTY_FILE: { status: 422, title: "The file is empty" },
  CORRUPT_FILE: { status: 422, title: "The file is damaged" },
  ENCRYPTED_PDF: { status: 422, title: "The PDF is password-protected" },
  NO_TEXT_LAYER: { status: 422, title: "The PDF has no text to read" },
  ZIP_BOMB: { status: 422, title: "The file expands to far more data than a plan could hold" },
  PARSE_TIMEOUT: { status: 422, title: "Reading the file took too long" },
  NOT_A_PLAN: { status: 422, title: "The file does not look like an EHC plan" },
  BLANK_TEMPLATE: { status: 422, title: "The file is a blank plan template" },
  INVALID_RULESET: { status: 422, title: "The rule set has mistakes" },
  RATE_LIMITED: { status: 429, title: "Too many requests" },
  INTERNAL: { status: 500, title: "The checker had an internal problem" },
  BUSY: { status: 503, title: "The checker is busy" },
});

export const PROBLEM_CODES = Object.keys(PROBLEM_TYPES) as ServiceProblemCode[];

/** The problem `type` URI: a tag URI (RFC 4151), as RFC 9457 suggests for types that are not web pages. */
export const problemType = (code: ServiceProblemCode): string => `tag:ehcp-qa,2025:problem:${code.toLowerCase().replace(/_/g, "-")}`;

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ServiceProblemCode;
  /** urn:uuid of the request: quote it when reporting a problem (the logs carry the same id). */
  instance: string;
  requestId: string;
  /** The uploaded file the problem is about (its name, as sent). */
  file?: string;
  /** Which upload the file was: plan, draft, response or advice. */
  role?: UploadRole;
  /** INVALID_RULESET: every mistake in the rule set. */
  issues?: RuleSetIssue[];
  /** BUSY and RATE_LIMITED: seconds to wait (also in the Retry-After header). */
  retryAfter?: number;
}

export type UploadRole = "plan" | "draft" | "response" | "advice";

/** A failure the service itself decides (missing upload, wrong key, busy...): thrown, and turned into problem details. */
export class ServiceProblem extends Error {
  readonly code: ServiceProblemCode;
  readonly extra: Partial<Pick<ProblemDetails, "file" | "role" | "issues" | "retryAfter">>;
  readonly headers: Record<string, string>;
  constructor(code: ServiceProblemCode, detail: string, extra: ServiceProblem["extra"] = {}, headers: Record<string, string> = {}) {
    super(detail);
    this.name = "ServiceProblem";
    this.code = code;
    this.extra = extra;
    this.headers = headers;
  }
}

/** A coded Problem from ingest or the rule-set loader, with the upload it came from. */
export function fromProblem(problem: Problem, role?: UploadRole): ServiceProblem {
  return new ServiceProblem(problem.code, problem.message, {
    ...(problem.file !== undefined ? { file: problem.file } : {}),
    ...(role ? { role } : {}),
    ...(problem.issues ? { issues: problem.issues } : {}),
  });
}

export const busy = (retryAfterSeconds: number, detail = "The checker is busy reading other plans. Please try again in a minute."): ServiceProblem =>
  new ServiceProblem("BUSY", detail, { retryAfter: retryAfterSeconds }, { "Retry-After": String(retryAfterSeconds) });

const MEGABYTE = 1024 * 1024;
const megabytes = (bytes: number): string => `${Math.round((bytes / MEGABYTE) * 10) / 10} MB`;

/** Multer's and body-parser's errors, in the user's words. `limits` phrases the size and count limits. */
function fromLibraryError(error: unknown, limits: { maxFileBytes: number; maxFiles: number; maxJsonBytes: number }): ServiceProblem | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { name?: string; code?: string; field?: string; filename?: string; type?: string; status?: number; expose?: boolean };
  if (e.name === "MulterError") {
    const file = e.filename ? { file: e.filename } : {};
    switch (e.code) {
      case "LIMIT_FILE_SIZE":
        return new ServiceProblem("TOO_LARGE", `This file is over the ${megabytes(limits.maxFileBytes)} limit. Remove large pictures from the plan or compress them, save it again as .docx or .pdf, and try again.`, file);
      case "LIMIT_FILE_COUNT":
        return new ServiceProblem("TOO_LARGE", `Too many files: at most ${limits.maxFiles} can be checked together (the plan, its draft, response letters and advice reports).`);
      case "LIMIT_UNEXPECTED_FILE":
        return new ServiceProblem(
          "BAD_REQUEST",
          `The upload has a file in a field called "${e.field ?? ""}". Send the plan as "plan", and optionally one "draft", and any number of "response" and "advice" files.`,
          file,
        );
      default:
        return new ServiceProblem("BAD_REQUEST", `The upload form is not as expected (${(error as Error).message.toLowerCase()}). Send the files as multipart/form-data with the fields plan, draft, response, advice and ruleset.`);
    }
  }
  if (e.type === "entity.too.large") return new ServiceProblem("TOO_LARGE", `The request body is over the ${megabytes(limits.maxJsonBytes)} limit.`);
  if (e.type === "entity.parse.failed") return new ServiceProblem("BAD_REQUEST", "The request body is not valid JSON. Check for a missing comma or quote.");
  // busboy's complaints about a malformed form ("Unexpected end of form", "Malformed part header") and any other
  // client error a library marks as safe to show.
  if (e.status !== undefined && e.status >= 400 && e.status < 500) return new ServiceProblem("BAD_REQUEST", "The request could not be understood. Check that the files are sent as a complete multipart/form-data upload.");
  // The client went away mid-upload: nobody will read the answer, but it is not the service's fault.
  if (error instanceof Error && /^Request (aborted|closed)$/.test(error.message)) return new ServiceProblem("BAD_REQUEST", "The upload was interrupted before it was complete. Send the files again.");
  if (error instanceof Error && /^(Unexpected end of form|Malformed part header|Multipart: Boundary not found|Unexpected end of multipart data)/i.test(error.message)) {
    return new ServiceProblem("BAD_REQUEST", "The upload ended early or is malformed. Check the files were sent as a complete multipart/form-data upload, and try again.");
  }
  return undefined;
}

export function toServiceProblem(error: unknown, limits: Parameters<typeof fromLibraryError>[1]): ServiceProblem {
  if (error instanceof ServiceProblem) return error;
  if (isProblemError(error)) return fromProblem(error.problem);
  return (
    fromLibraryError(error, limits) ??
    new ServiceProblem("INTERNAL", "Something went wrong inside the checker. Please try again; if it keeps happening, give your IT team the reference shown with this message.")
  );
}

export function requestIdOf(res: Response): string {
  return String(res.locals.requestId ?? "");
}

export function sendProblem(res: Response, problem: ServiceProblem): void {
  const { status, title } = PROBLEM_TYPES[problem.code];
  const requestId = requestIdOf(res);
  const body: ProblemDetails = {
    type: problemType(problem.code),
    title,
    status,
    detail: problem.message,
    code: problem.code,
    instance: `urn:uuid:${requestId}`,
    requestId,
    ...problem.extra,
  };
  res.locals.problemCode = problem.code;
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.status(status).type("application/problem+json").send(JSON.stringify(body));
}

/** The last handler: every error becomes problem details; an internal error is logged without its message. */
export function problemHandler(
  limits: Parameters<typeof fromLibraryError>[1] & { retryAfterSeconds: number },
  onInternal: (error: unknown, req: Request) => void,
): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    let problem = toServiceProblem(error, limits);
    // BUSY from the audit pool comes without a wait: every 503 says when to try again.
    if (problem.code === "BUSY" && problem.extra.retryAfter === undefined) problem = busy(limits.retryAfterSeconds, problem.message);
    if (problem.code === "INTERNAL") onInternal(error, req);
    sendProblem(res, problem);
  };
}

export const notFound: RequestHandler = (req) => {
  throw new ServiceProblem("NOT_FOUND", `There is nothing at ${req.method} ${req.path}. The API is described at /api/openapi.json.`);
};

/** For a path that exists but not with this method. */
export function methodNotAllowed(allowed: string[]): RequestHandler {
  return (req, res) => {
    res.setHeader("Allow", allowed.join(", "));
    throw new ServiceProblem("METHOD_NOT_ALLOWED", `${req.path} accepts ${allowed.join(" and ")} requests only.`);
  };
}
