// The task a parse worker runs: read one file's bytes into a RawDocument. Results cross the thread boundary as
// plain data; a ProblemError becomes its Problem, and worker-pool.ts throws it again as the same ProblemError.
import { parentPort } from "node:worker_threads";
import type { DocumentFormat } from "../model/document.ts";
import type { Problem } from "../model/problem.ts";
import type { RawDocument } from "./raw.ts";
import { problemFromError, readRaw } from "./read-raw.ts";

export interface ParseTask {
  /** Numbers the task so the pool can start its clock when the worker starts it (not while it queues). */
  taskId: number;
  format: DocumentFormat;
  bytes: Uint8Array;
}

export type ParseOutcome = { ok: true; raw: RawDocument } | { ok: false; problem: Problem; detail?: string };

/** The message a worker posts when it starts a task (piscina passes other messages on as the pool's "message" event). */
export const TASK_STARTED = "ehcpQaParseStarted";

export default async function parseTask(task: ParseTask): Promise<ParseOutcome> {
  parentPort?.postMessage({ [TASK_STARTED]: task.taskId });
  try {
    return { ok: true, raw: await readRaw(task.format, task.bytes) };
  } catch (error) {
    return { ok: false, ...problemFromError(error, task.format) };
  }
}
