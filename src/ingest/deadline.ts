// The audit's deadline as the readers see it: checked between pages and steps, so a reader that can stop
// answers in time by itself. A single library call that never yields is not theirs to stop: the process that
// runs the reader is ended at the deadline (the parse pool's job).
import { ProblemError } from "../model/problem.ts";

/** How long a reader may take when no deadline is given (the audit's default deadline). */
export const DEFAULT_READ_BUDGET_MS = 10_000;

export function resolveDeadline(deadlineAt: number | undefined): number {
  return deadlineAt ?? Date.now() + DEFAULT_READ_BUDGET_MS;
}

export function readingTooLong(): ProblemError {
  return new ProblemError({
    code: "PARSE_TIMEOUT",
    message:
      "Reading this file took longer than the checker allows, so it was stopped. It may be damaged or unusually complex: save a fresh copy from Word (.docx) or export a new PDF, and try again.",
  });
}

/** Marks a step that ran out of its time. */
export const OUT_OF_TIME: unique symbol = Symbol("out of time");

/**
 * The step's result, or OUT_OF_TIME when `at` (epoch ms) comes first. The step itself is not stopped (the caller
 * ends the work it belongs to, e.g. by destroying the document), and its later failure is not left unhandled.
 */
export async function beforeDeadline<T>(step: Promise<T>, at: number): Promise<T | typeof OUT_OF_TIME> {
  const left = at - Date.now();
  if (left <= 0) {
    step.catch(() => undefined);
    return OUT_OF_TIME;
  }
  let timer: NodeJS.Timeout | undefined;
  const clock = new Promise<typeof OUT_OF_TIME>((resolve) => {
    timer = setTimeout(() => resolve(OUT_OF_TIME), left);
  });
  try {
    return await Promise.race([step, clock]);
  } finally {
    clearTimeout(timer);
    step.catch(() => undefined);
  }
}

/** PARSE_TIMEOUT once the deadline has passed. */
export function checkDeadline(deadlineAt: number): void {
  if (Date.now() > deadlineAt) throw readingTooLong();
}

/**
 * The step's result, or PARSE_TIMEOUT when the deadline comes first (or had passed by the time the step gave its
 * result: a step that kept the clock from running is not let off).
 */
export async function withinDeadline<T>(step: Promise<T>, at: number): Promise<T> {
  const result = await beforeDeadline(step, at);
  if (result === OUT_OF_TIME) throw readingTooLong();
  checkDeadline(at);
  return result;
}
