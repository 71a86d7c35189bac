// What `ehcp-qa batch <folder|zip>` was given: a folder of plans, or a zip of them (read in place).
import { stat } from "node:fs/promises";
import type { IngestLimits } from "../ingest/guard.ts";
import { ProblemError } from "../model/problem.ts";
import { folderSource, type BatchSource } from "./source.ts";
import { isZipName, zipSource } from "./zip-source.ts";

export async function openBatchInput(input: string, limits: Partial<IngestLimits> = {}, exclude: string[] = []): Promise<BatchSource> {
  let info;
  try {
    info = await stat(input);
  } catch {
    throw new ProblemError({ code: "FILE_NOT_FOUND", message: `There is no folder or zip at ${input}. Check the name and where it is.` });
  }
  if (info.isDirectory()) return folderSource(input, limits, exclude);
  if (isZipName(input)) return zipSource({ zipPath: input }, limits);
  throw new ProblemError({
    code: "BAD_REQUEST",
    message: `${input} is a single file. Give a folder of plans or a .zip of them (to check one plan, use "ehcp-qa audit").`,
  });
}
