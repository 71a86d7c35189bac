// bytes -> EhcpDocument: size limit, format by content, zip checks, the format's reader, then sections and facts,
// all in the calling thread. Every failure a file can cause is a ProblemError. A file nobody trusts is read in the
// audit pool (src/runtime), whose child processes have a memory limit and a deadline.
import { createHash } from "node:crypto";
import path from "node:path";
import type { EhcpDocument } from "../model/document.ts";
import { isProblemError, ProblemError } from "../model/problem.ts";
import { loadDefaultAliases } from "./default-aliases.ts";
import { detectFormat } from "./detect.ts";
import { checkFileSize, openWordZip, resolveLimits, type IngestLimits } from "./guard.ts";
import { readRawInProcess } from "./read-raw.ts";
import { buildDocument } from "./sections.ts";
import type { SectionAliases } from "./section-headings.ts";

export type { IngestLimits } from "./guard.ts";
export { DEFAULT_LIMITS, checkFileSize, resolveLimits } from "./guard.ts";
export type { SectionAliases, SectionKey } from "./section-headings.ts";
export { loadDefaultAliases } from "./default-aliases.ts";
export { buildDocument } from "./sections.ts";

export interface ReadDocumentOptions {
  /** The file's name as the user gave it; only its base name is kept in the model and in problems. */
  fileName: string;
  /** Section heading aliases (a rule set's `sections.aliases`); default: those of rules/default.json. */
  aliases?: SectionAliases;
  /** Size and zip limits (see DEFAULT_LIMITS). */
  limits?: Partial<IngestLimits>;
  /** When the whole check must be answered (epoch ms), passed to the format's reader. */
  deadlineAt?: number;
  /**
   * @deprecated Reading is always in the calling thread now; run the whole audit in the audit pool (src/runtime)
   * to contain a hostile file. Kept so callers that asked for in-process reading still compile.
   */
  inProcess?: boolean;
}

export async function readDocument(bytes: Uint8Array, options: ReadDocumentOptions): Promise<EhcpDocument> {
  const fileName = path.basename(options.fileName);
  try {
    const limits = resolveLimits(options.limits);
    checkFileSize(bytes.length, limits);
    const format = detectFormat(bytes);
    // The guard decides before any reader loads; a Word file's parts, inflated by it, are handed to the reader.
    const wordZip = format === "docx" ? await openWordZip(bytes, limits) : undefined;
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const aliases = options.aliases ?? (await loadDefaultAliases());
    const raw = await readRawInProcess(format, bytes, {
      limits,
      ...(options.deadlineAt !== undefined ? { deadlineAt: options.deadlineAt } : {}),
      ...(wordZip ? { wordZip } : {}),
    });
    return buildDocument(raw, { fileName, sha256, aliases });
  } catch (error) {
    if (!isProblemError(error)) throw error;
    const named = new ProblemError({ ...error.problem, file: fileName });
    if (error.cause !== undefined) named.cause = error.cause;
    throw named;
  }
}
