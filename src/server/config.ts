// The service's limits and switches: defaults, and how environment variables change them. createApp takes them as
// dependencies, so tests lower a limit without touching the environment.
import { poolOptionsFromEnv, type AuditPoolOptions } from "../runtime/index.ts";

const MB = 1024 * 1024;

export interface ServiceLimits {
  /** Largest single uploaded file, in bytes (EHCP_QA_MAX_FILE_MB, default 20 MB). */
  maxFileBytes: number;
  /** Most files in one check: plan, draft, response letters and advice reports together (EHCP_QA_MAX_FILES, default 20). */
  maxFiles: number;
  /** Most plain form fields (such as `ruleset`) in one upload. */
  maxFields: number;
  /** Longest plain form field value, in bytes. */
  maxFieldBytes: number;
  /** Largest whole upload, judged from its Content-Length before any of it is read (EHCP_QA_MAX_REQUEST_MB, default 100 MB). */
  maxRequestBytes: number;
  /**
   * Most words in one document once read (EHCP_QA_MAX_WORDS, default 100,000; a 30-page plan has about 10,000). A
   * file stuffed with text would hold a child process for its whole deadline: past this it is refused as TOO_LARGE
   * before any rule runs.
   */
  maxWordsPerDocument: number;
  /** Most words in all the documents of one check together (default 250,000). */
  maxWordsPerCheck: number;
  /** Largest JSON body: a rule set to validate, or a report to format. */
  maxJsonBytes: number;
  /** Checks in progress at once: uploads read and audits in the pool (EHCP_QA_MAX_CONCURRENT_AUDITS, default 8). */
  maxConcurrentAudits: number;
  /** Checks that may wait, unread, for a place; one more is answered 503 (EHCP_QA_MAX_QUEUED_AUDITS, default 64). */
  maxQueuedAudits: number;
  /** Declared bytes of the waiting uploads together (EHCP_QA_MAX_QUEUED_MB, default 512 MB). */
  maxQueuedBytes: number;
  /** How long a check may wait for a place before it is answered 503 (EHCP_QA_MAX_QUEUE_WAIT_S, default 15 s). */
  maxQueueWaitMs: number;
  /** What Retry-After says when the service is busy. */
  retryAfterSeconds: number;
  /** Requests to /api per client per minute; 0 switches the limit off (EHCP_QA_RATE_LIMIT, default 300). */
  rateLimitPerMinute: number;
}

export const DEFAULT_SERVICE_LIMITS: Readonly<ServiceLimits> = Object.freeze({
  maxFileBytes: 20 * MB,
  maxFiles: 20,
  maxFields: 10,
  maxFieldBytes: 1024,
  maxRequestBytes: 100 * MB,
  maxWordsPerDocument: 100_000,
  maxWordsPerCheck: 250_000,
  maxJsonBytes: 10 * MB,
  maxConcurrentAudits: 8,
  maxQueuedAudits: 64,
  maxQueuedBytes: 512 * MB,
  // With the 10 s deadline of a one-document check, a client waiting in the queue has its answer within 25 s, before
  // a 30 s client timeout.
  maxQueueWaitMs: 15_000,
  retryAfterSeconds: 30,
  rateLimitPerMinute: 300,
});

export interface ServiceSettings {
  limits: ServiceLimits;
  /** API keys; empty means no key is asked for (EHCP_QA_API_KEYS, comma-separated). */
  apiKeys: string[];
  /** Log uploaded file names (EHCP_QA_LOG_FILENAMES=1). Off by default: a file name can identify a child. */
  logFileNames: boolean;
  /** Origins allowed to call the API from a browser page elsewhere (EHCP_QA_CORS_ORIGINS); empty: CORS off. */
  corsOrigins: string[];
  /** Express "trust proxy" (EHCP_QA_TRUST_PROXY): set it behind a reverse proxy so rate limits see the real client. */
  trustProxy: boolean | number | string;
  /** The audit pool: child processes, queue, deadline per document, memory per child (see src/runtime/settings.ts). */
  pool: Pick<AuditPoolOptions, "processes" | "maxQueue" | "timeoutMs" | "memoryLimitMb">;
}

export type Environment = Record<string, string | undefined>;

function positiveNumber(env: Environment, name: string): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of 0 or more (it is "${text}").`);
  return value;
}

const list = (text: string | undefined): string[] =>
  (text ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

function trustProxy(text: string | undefined): ServiceSettings["trustProxy"] {
  const value = text?.trim();
  if (!value || value === "0" || value === "false") return false;
  if (value === "true") return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The settings the environment gives; anything not set keeps its default. Throws on a malformed number. */
export function settingsFromEnv(env: Environment): ServiceSettings {
  const mb = (name: string) => {
    const value = positiveNumber(env, name);
    return value === undefined ? undefined : Math.round(value * MB);
  };
  const seconds = (name: string) => {
    const value = positiveNumber(env, name);
    return value === undefined ? undefined : value * 1000;
  };
  const chosen: Partial<ServiceLimits> = {
    maxFileBytes: mb("EHCP_QA_MAX_FILE_MB"),
    maxRequestBytes: mb("EHCP_QA_MAX_REQUEST_MB"),
    maxFiles: positiveNumber(env, "EHCP_QA_MAX_FILES"),
    maxWordsPerDocument: positiveNumber(env, "EHCP_QA_MAX_WORDS"),
    maxConcurrentAudits: positiveNumber(env, "EHCP_QA_MAX_CONCURRENT_AUDITS"),
    maxQueuedAudits: positiveNumber(env, "EHCP_QA_MAX_QUEUED_AUDITS"),
    maxQueuedBytes: mb("EHCP_QA_MAX_QUEUED_MB"),
    maxQueueWaitMs: seconds("EHCP_QA_MAX_QUEUE_WAIT_S"),
    rateLimitPerMinute: positiveNumber(env, "EHCP_QA_RATE_LIMIT"),
  };
  return {
    limits: { ...DEFAULT_SERVICE_LIMITS, ...Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined)) },
    apiKeys: list(env.EHCP_QA_API_KEYS),
    logFileNames: env.EHCP_QA_LOG_FILENAMES === "1" || env.EHCP_QA_LOG_FILENAMES === "true",
    corsOrigins: list(env.EHCP_QA_CORS_ORIGINS),
    trustProxy: trustProxy(env.EHCP_QA_TRUST_PROXY),
    pool: poolOptionsFromEnv(env),
  };
}
