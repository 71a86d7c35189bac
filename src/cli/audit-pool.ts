// The CLI's audit pool and deadline: files are read and audited in a child process with a memory limit, and the
// whole command has one deadline from when it started (--timeout seconds per document, else EHCP_QA_PARSE_TIMEOUT_S,
// else 10 s). The pool's idle children never keep the command running; runCli closes the pool when it ends.
import { ProblemError } from "../model/problem.ts";
import { defaultAuditPool, poolOptionsFromEnv, type AuditPool } from "../runtime/index.ts";

function badSetting(message: string): ProblemError {
  return new ProblemError({ code: "BAD_REQUEST", message });
}

export function cliAuditPool(env: NodeJS.ProcessEnv = process.env): AuditPool {
  try {
    return defaultAuditPool({ ...poolOptionsFromEnv(env), spareProcesses: 0 });
  } catch (error) {
    throw badSetting(error instanceof Error ? error.message : String(error));
  }
}

/** The time for a check of `documents` files from --timeout (seconds per document); undefined: the pool's default. */
export function commandTimeoutMs(flag: string | undefined, documents: number): number | undefined {
  if (flag === undefined) return undefined;
  const seconds = Number(flag);
  if (flag.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) throw badSetting(`--timeout must be a number of seconds above 0; "${flag}" is not.`);
  return seconds * 1000 * Math.max(1, documents);
}
