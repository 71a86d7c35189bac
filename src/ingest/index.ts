// bytes -> EhcpDocument: size limit, format by content, zip checks, the format's reader (in a worker thread
// unless asked otherwise), then sections and facts. Every failure a file can cause is a ProblemError.
import { createHash } from "node:crypto";
import path from "node:path";
import type { EhcpDocument } from "../model/document.ts";
import { isProblemError, ProblemError } from "../model/problem.ts";
import { loadDefaultAliases } from "./default-aliases.ts";
import { detectFormat } from "./detect.ts";
import { checkFileSize, checkWordZip, resolveLimits, type IngestLimits } from "./guard.ts";
import { readRawInProcess } from "./read-raw.ts";
import { buildDocument } from "./sections.ts";
import type { SectionAliases } from "./section-headings.ts";
import { defaultParsePool, type ParsePool } from "./worker-pool.ts";

export type { IngestLimits } from "./guard.ts";
export { DEFAULT_LIMITS, checkFileSize, resolveLimits } from "./guard.ts";
export type { SectionAliases, SectionKey } from "./section-headings.ts";
export { loadDefaultAliases } from "./default-aliases.ts";
export { buildDocument } from "./sections.ts";
export { closeDefaultParsePool, createParsePool, defaultParsePool, type ParsePool, type ParsePoolOptions } from "./worker-pool.ts";

export interface ReadDocumentOptions {
  /** The file's name as the user gave it; only its base name is kept in the model and in problems. */
  fileName: string;
  /** Section heading aliases (a rule set's `sections.aliases`); default: those of rules/default.json. */
  aliases?: SectionAliases;
  /** Size and zip limits (see DEFAULT_LIMITS). */
  limits?: Partial<IngestLimits>;
  /** Read in this thread instead of a worker: no memory cap or timeout, for trusted files and tests. */
  inProcess?: boolean;
  /** The worker pool to read in (default: the shared pool). */
  pool?: ParsePool;
  /** Hand `bytes`' memory to the worker instead of copying it; the caller's array is left empty afterwards. */
  transferBytes?: boolean;
  /** When the audit must have its answer (epoch ms); the reader checks it between pages and steps. */
  deadlineAt?: number;
}

export async function readDocument(bytes: Uint8Array, options: ReadDocumentOptions): Promise<EhcpDocument> {
  const fileName = path.basename(options.fileName);
  try {
    const limits = resolveLimits(options.limits);
    checkFileSize(bytes.length, limits);
    const format = detectFormat(bytes);
    if (format === "docx") await checkWordZip(bytes, limits);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const aliases = options.aliases ?? (await loadDefaultAliases());
    const raw = options.inProcess
      ? await readRawInProcess(format, bytes, { limits, ...(options.deadlineAt !== undefined ? { deadlineAt: options.deadlineAt } : {}) })
      : await (options.pool ?? defaultParsePool()).parse(format, bytes, { transfer: options.transferBytes === true });
    return buildDocument(raw, { fileName, sha256, aliases });
  } catch (error) {
    if (!isProblemError(error)) throw error;
    const named = new ProblemError({ ...error.problem, file: fileName });
    if (error.cause !== undefined) named.cause = error.cause;
    throw named;
  }
}
