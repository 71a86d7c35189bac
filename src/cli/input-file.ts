// Reading a file named on the command line: a missing file, a folder or a file over the size limit is a coded
// problem, and an oversized file is refused before it is read into memory.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { checkFileSize, resolveLimits, type IngestLimits } from "../ingest/guard.ts";
import { ProblemError } from "../model/problem.ts";

export interface InputFile {
  bytes: Uint8Array;
  /** The file's base name: what reports and problems show. */
  fileName: string;
}

function unreadable(file: string, code: string | undefined): ProblemError {
  const message =
    code === "ENOENT"
      ? `There is no file at ${file}. Check the name and the folder.`
      : code === "EISDIR"
        ? `${file} is a folder, not a file. Give the plan's own file name (for example ${path.join(file, "plan.docx")}); to score every plan in a folder, use ehcp-qa batch.`
        : code === "EACCES" || code === "EPERM"
          ? `You do not have permission to open ${file}.`
          : `The file ${file} could not be opened (${code ?? "unknown reason"}).`;
  return new ProblemError({ code: "FILE_NOT_FOUND", message, file: path.basename(file) });
}

export async function readInputFile(file: string, limits: Partial<IngestLimits> = {}): Promise<InputFile> {
  const fileName = path.basename(file);
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw unreadable(file, "EISDIR");
    checkFileSize(info.size, resolveLimits(limits));
    return { bytes: await readFile(file), fileName };
  } catch (error) {
    if (error instanceof ProblemError) throw new ProblemError({ ...error.problem, file: fileName });
    throw unreadable(file, (error as NodeJS.ErrnoException).code);
  }
}
