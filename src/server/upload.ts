// Uploads are read into memory (multer's memory storage) and nowhere else: nothing is written to disk, and the
// buffers are dropped with the request. Limits are enforced while the upload streams in, so an oversized file is
// refused without being held whole.
import type { Request, RequestHandler } from "express";
import multer from "multer";
import type { InputFile } from "../index.ts";
import type { ServiceLimits } from "./config.ts";
import { ServiceProblem, type UploadRole } from "./problems.ts";

/** One uploaded file and the field it came in. */
export interface Upload extends InputFile {
  role: UploadRole;
}

export interface AuditUploads {
  plan: Upload;
  draft?: Upload;
  responses: Upload[];
  advice: Upload[];
}

const FILE_FIELDS: { name: UploadRole; single: boolean }[] = [
  { name: "plan", single: true },
  { name: "draft", single: true },
  { name: "response", single: false },
  { name: "advice", single: false },
];

/** Refuses an upload whose declared length is over the limit before a byte of it is read. */
export function requestSizeLimit(limits: Pick<ServiceLimits, "maxRequestBytes">): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limits.maxRequestBytes) {
      // The body is not read: the connection is closed after the answer rather than drained.
      req.on("error", () => undefined);
      res.setHeader("Connection", "close");
      throw new ServiceProblem("TOO_LARGE", `This upload is ${Math.round(declared / 1024 / 1024)} MB in all, over the ${Math.round(limits.maxRequestBytes / 1024 / 1024)} MB limit for one check. Check fewer files at once.`);
    }
    next();
  };
}

/** The multipart parser for an audit: plan, draft, response (0..n), advice (0..n), and plain fields. */
export function auditUploadParser(limits: ServiceLimits): RequestHandler {
  return multer({
    storage: multer.memoryStorage(),
    // Browsers send file names as UTF-8; busboy would otherwise read them as Latin-1 ("ZoÃ«").
    defParamCharset: "utf8",
    limits: {
      fileSize: limits.maxFileBytes,
      files: limits.maxFiles,
      fields: limits.maxFields,
      fieldSize: limits.maxFieldBytes,
      fieldNameSize: 100,
      parts: limits.maxFiles + limits.maxFields,
    },
  }).fields(FILE_FIELDS.map(({ name, single }) => (single ? { name, maxCount: 1 } : { name, maxCount: limits.maxFiles })));
}

/** The files of an audit upload, by role. BAD_REQUEST when the request is not a form or has no plan. */
export function auditUploads(req: Request): AuditUploads {
  if (!req.is("multipart/form-data")) {
    throw new ServiceProblem("BAD_REQUEST", 'Send the plan as a file upload (multipart/form-data) in a field called "plan".');
  }
  const fields = (req.files ?? {}) as Record<string, Express.Multer.File[] | undefined>;
  const take = (role: UploadRole): Upload[] =>
    (fields[role] ?? []).map((file) => ({ role, fileName: file.originalname, bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength) }));
  const [plan] = take("plan");
  if (!plan) {
    const sent = Object.keys(fields);
    throw new ServiceProblem(
      "BAD_REQUEST",
      sent.length > 0
        ? `No plan was sent: the upload has ${sent.map((f) => `"${f}"`).join(" and ")} but no "plan". Choose the plan to check.`
        : 'No plan was sent. Choose the plan to check (a Word document or a PDF) and send it in the field "plan".',
    );
  }
  const [draft] = take("draft");
  return { plan, ...(draft ? { draft } : {}), responses: take("response"), advice: take("advice") };
}

/** The value of a plain form field, or undefined when absent or blank. */
export function formField(req: Request, name: string): string | undefined {
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new ServiceProblem("BAD_REQUEST", `The field "${name}" was sent more than once; send it once.`);
  return value.trim() || undefined;
}
