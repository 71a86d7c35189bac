// Parsing runs in worker threads (piscina) with a memory cap and a clock, so a hostile or broken file costs a
// worker, never the process: a worker that runs out of memory or time is terminated and the caller gets a coded
// problem. One pool is shared by everything that reads files (CLI, HTTP service, batch scoring). Idle workers do
// not keep the process alive (piscina unrefs them), and `close()` ends them at once.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { DocumentFormat } from "../model/document.ts";
import { ProblemError } from "../model/problem.ts";
import { ZIP_BOMB_MESSAGE } from "./guard.ts";
import { TASK_STARTED, type ParseOutcome, type ParseTask } from "./parse-worker.ts";
import type { RawDocument } from "./raw.ts";
import { entryExecArgv, entryUrl } from "../runtime/entry-url.ts";
import { problemErrorFrom } from "./read-raw.ts";

export interface ParsePoolOptions {
  /** Worker threads at most (default: one less than the CPU count, 1 to 4). */
  threads?: number;
  /** How long one file may take to read once a worker starts it (default 30 s). */
  timeoutMs?: number;
  /** Files that may wait for a free worker; one more is refused with BUSY (default 64). */
  maxQueue?: number;
  /** Heap cap per worker (default 512 MB). */
  maxMemoryMb?: number;
  /** How long an idle worker is kept warm for the next file (default 10 s). */
  idleTimeoutMs?: number;
  /** The worker's entry file; tests point this at a worker with test-only tasks. */
  workerUrl?: URL;
}

export interface ParseRequestOptions {
  /** Hand the bytes' memory to the worker rather than copy it; the caller's array is left empty. */
  transfer?: boolean;
}

export interface ParsePool {
  parse(format: DocumentFormat, bytes: Uint8Array, options?: ParseRequestOptions): Promise<RawDocument>;
  /** Ends every worker at once; files still being read or waiting are refused with BUSY. */
  close(): Promise<void>;
  readonly settings: Readonly<Required<Omit<ParsePoolOptions, "workerUrl">>>;
}

const DEFAULT_WORKER_URL = entryUrl("./parse-worker", import.meta.url);

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

const OUT_OF_MEMORY: Record<DocumentFormat, ProblemError> = {
  docx: new ProblemError({ code: "ZIP_BOMB", message: ZIP_BOMB_MESSAGE }),
  pdf: new ProblemError({
    code: "CORRUPT_FILE",
    message: "This PDF needs far more memory to read than a plan could, so it was stopped; it may be damaged. Export or save it again as a PDF, or upload the Word file.",
  }),
  text: new ProblemError({
    code: "TOO_LARGE",
    message: "This text file is too large to read. Upload a shorter file, or the Word document.",
  }),
};

function timedOut(timeoutMs: number): ProblemError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new ProblemError({
    code: "PARSE_TIMEOUT",
    message: `Reading this file took longer than ${seconds} seconds, so it was stopped. It may be damaged or unusually complex: save a fresh copy from Word (.docx) or export a new PDF, and try again.`,
  });
}

const BUSY = (): ProblemError =>
  new ProblemError({ code: "BUSY", message: "The checker is busy reading other files. Please try again in a minute." });

export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const settings = {
    threads: options.threads ?? defaultThreads(),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxQueue: options.maxQueue ?? 64,
    maxMemoryMb: options.maxMemoryMb ?? 512,
    idleTimeoutMs: options.idleTimeoutMs ?? 10_000,
  };
  const workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  const piscina = new Piscina<ParseTask, ParseOutcome>({
    filename: workerUrl.href,
    execArgv: entryExecArgv(workerUrl),
    // One worker at least: piscina replaces a terminated worker (timeout, out of memory) only up to minThreads,
    // and with none, files queued behind it would wait forever. Idle workers are unref'd: they never keep the
    // process alive.
    minThreads: 1,
    maxThreads: settings.threads,
    idleTimeout: settings.idleTimeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: settings.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, settings.maxMemoryMb / 8)) },
  });
  // A worker failing between tasks is reported as a pool 'error': it must never become an uncaught exception.
  piscina.on("error", () => undefined);

  let nextTaskId = 1;
  const onStart = new Map<number, () => void>();
  piscina.on("message", (message: unknown) => {
    const id = typeof message === "object" && message !== null ? (message as Record<string, unknown>)[TASK_STARTED] : undefined;
    if (typeof id === "number") onStart.get(id)?.();
  });
  let closed = false;
  // piscina's own maxQueue does not count tasks that carry an AbortSignal (they wait in another queue), so the
  // pool counts the files it has in hand itself.
  let inHand = 0;

  async function parse(format: DocumentFormat, bytes: Uint8Array, request: ParseRequestOptions = {}): Promise<RawDocument> {
    if (closed || inHand >= settings.threads + settings.maxQueue) throw BUSY();
    inHand++;
    const taskId = nextTaskId++;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let timeout = false;
    // The clock starts when a worker starts the task: time spent waiting in the queue is not the file's fault.
    onStart.set(taskId, () => {
      timer = setTimeout(() => {
        timeout = true;
        controller.abort();
      }, settings.timeoutMs);
      timer.unref();
    });
    const transferable = request.transfer === true && bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    try {
      const outcome = await piscina.run({ taskId, format, bytes }, { signal: controller.signal, ...(transferable ? { transferList: [bytes.buffer as ArrayBuffer] } : {}) });
      if (!outcome.ok) throw problemErrorFrom(outcome);
      return outcome.raw;
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      if (timeout) throw timedOut(settings.timeoutMs);
      throw poolProblem(error, format);
    } finally {
      inHand--;
      clearTimeout(timer);
      onStart.delete(taskId);
    }
  }

  return {
    parse,
    settings,
    async close() {
      closed = true;
      await piscina.destroy();
    },
  };
}

/** What a failed worker means for the user. */
function poolProblem(error: unknown, format: DocumentFormat): ProblemError {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory|heap limit/i.test(message)) return withCause(OUT_OF_MEMORY[format], message);
  if (/queue is at limit|no task queue available|terminating worker thread|pool is closed/i.test(message)) return withCause(BUSY(), message);
  // A worker that died any other way (a crash inside a library) could not read the file.
  return problemErrorFrom({ problem: { code: "CORRUPT_FILE", message: "This file could not be read; it may be damaged. Save a fresh copy as .docx or .pdf and try again." }, detail: message });
}

function withCause(problem: ProblemError, cause: string): ProblemError {
  return problemErrorFrom({ problem: { ...problem.problem }, detail: cause });
}

let sharedPool: ParsePool | null = null;

/** The process's shared pool, created on first use with default settings. */
export function defaultParsePool(): ParsePool {
  sharedPool ??= createParsePool();
  return sharedPool;
}

/** Closes the shared pool if it was ever created (the CLI does this when a command ends). */
export async function closeDefaultParsePool(): Promise<void> {
  const pool = sharedPool;
  sharedPool = null;
  await pool?.close();
}
