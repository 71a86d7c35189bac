// The audit pool's settings from the environment, the same for the CLI and the service:
//   EHCP_QA_PARSE_TIMEOUT_S  seconds per document for the whole check (reading and rules), default 10
//   EHCP_QA_MEMORY_MB        resident memory one child process may reach, default 1024
//   EHCP_QA_PARSE_THREADS    child processes (default one per core, at least 2)
//   EHCP_QA_PARSE_QUEUE      checks that may wait for a child beyond one per child (default 256)
import type { AuditPoolOptions } from "./audit-pool.ts";

export type Environment = Record<string, string | undefined>;

/** A setting's number: undefined when unset; an Error naming the variable when it is not a number above 0. */
export function positiveSetting(value: string | undefined, name: string): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const number = Number(text);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a number above 0 (it is "${text}").`);
  return number;
}

export function poolOptionsFromEnv(env: Environment): Pick<AuditPoolOptions, "processes" | "maxQueue" | "timeoutMs" | "memoryLimitMb"> {
  const seconds = positiveSetting(env.EHCP_QA_PARSE_TIMEOUT_S, "EHCP_QA_PARSE_TIMEOUT_S");
  const memoryMb = positiveSetting(env.EHCP_QA_MEMORY_MB, "EHCP_QA_MEMORY_MB");
  const processes = positiveSetting(env.EHCP_QA_PARSE_THREADS, "EHCP_QA_PARSE_THREADS");
  // 0 is a queue length that makes sense (no waiting), so it is read apart from the others.
  const queueText = env.EHCP_QA_PARSE_QUEUE?.trim();
  const maxQueue = queueText ? Number(queueText) : undefined;
  if (maxQueue !== undefined && (!Number.isInteger(maxQueue) || maxQueue < 0)) throw new Error(`EHCP_QA_PARSE_QUEUE must be a whole number of 0 or more (it is "${queueText}").`);
  return {
    ...(seconds !== undefined ? { timeoutMs: seconds * 1000 } : {}),
    ...(memoryMb !== undefined ? { memoryLimitMb: memoryMb } : {}),
    ...(processes !== undefined ? { processes: Math.max(1, Math.round(processes)) } : {}),
    ...(maxQueue !== undefined ? { maxQueue } : {}),
  };
}
