// results.jsonl in an output folder is also what a resumed run reads back: every result of the earlier runs, by
// key. During a run each new result is appended as soon as it is known, so a run stopped by Ctrl-C, a crash or a
// power cut loses at most the plans in progress; a last line cut short is ignored.
import { appendFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { BatchResult } from "./types.ts";

export interface PreviousResults {
  byKey: Map<string, BatchResult>;
  /** The audit date most of the earlier results were made for: a resumed run keeps it, so its plans stay comparable. */
  auditDate: string | undefined;
}

function isResult(value: unknown): value is BatchResult {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Partial<BatchResult>;
  return typeof r.id === "string" && (typeof r.key === "string" || r.key === null) && typeof r.auditDate === "string" && Array.isArray(r.files) && (r.report !== undefined || r.problem !== undefined);
}

/** The results a results.jsonl holds, in its order; lines that are not a result (or were cut short) are skipped. */
export function resultLines(text: string): BatchResult[] {
  const results: BatchResult[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isResult(value)) results.push(value);
    } catch {
      // A last line cut short by a crash.
    }
  }
  return results;
}

export async function readPreviousResults(file: string): Promise<PreviousResults> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { byKey: new Map(), auditDate: undefined };
  }
  const byKey = new Map<string, BatchResult>();
  const dates = new Map<string, number>();
  for (const value of resultLines(text)) {
    if (typeof value.key !== "string") continue;
    byKey.set(value.key, value);
    dates.set(value.auditDate, (dates.get(value.auditDate) ?? 0) + 1);
  }
  const auditDate = [...dates].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]?.[0];
  return { byKey, auditDate };
}

export function appendResult(file: string, result: BatchResult): void {
  appendFileSync(file, `${JSON.stringify(result)}\n`);
}
