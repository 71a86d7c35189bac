// A task's outcome as the CLI wants it: the value, or the coded ProblemError a reader would have thrown (INTERNAL,
// ehcp-qa's own failure, as a plain Error: exit 3, not 2).
import { ProblemError } from "../model/problem.ts";
import type { TaskOutcome } from "./tasks.ts";

export function valueOf<V>(outcome: TaskOutcome<V>): V {
  if (outcome.ok) return outcome.value;
  const { role: _role, code, ...problem } = outcome.problem;
  if (code === "INTERNAL") throw new Error(outcome.detail ?? problem.message);
  const error = new ProblemError({ ...problem, code });
  if (outcome.detail !== undefined) error.cause = outcome.detail;
  throw error;
}
