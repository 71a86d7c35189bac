// The one pool that runs audits (and the CLI's `parse`) for the CLI, the service and batches: child processes
// (node:child_process fork, IPC), one task each at a time. A child's whole resident memory is watched, not only its
// V8 heap: a watchdog samples it every `sampleMs` and kills the child past `memoryLimitMb` (pdf.js image and font
// buffers live outside the heap, which --max-old-space-size alone would let grow to gigabytes). Each task has one
// deadline; at the deadline its child is killed and the task answered PARSE_TIMEOUT. A killed child is replaced when
// there is work for it. Idle children do not keep the process alive, and end when the process that started them does.
import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { ZIP_BOMB_MESSAGE } from "../ingest/guard.ts";
import { childV8Flags, DEFAULT_CHILD_MEMORY_MB, ONE_AUDIT, snapshotArgs, type ChildProfile } from "./child-snapshot.ts";
import { entryExecArgv, entryUrl } from "./entry-url.ts";
import { residentBytes } from "./memory.ts";
import type { FromChild, Task, TaskOutcome, TaskProblem, TaskProgress, TaskResult, TaskValue } from "./tasks.ts";

export interface AuditPoolOptions {
  /** Children that run tasks side by side (default: one per core, at least 2 so one slow file never blocks all). */
  processes?: number;
  /**
   * Extra children started only while every child is busy with a task that has run longer than `slowTaskMs`, so that
   * ordinary plans keep their normal time while hostile files run to their deadline (default 1). They end when idle.
   */
  spareProcesses?: number;
  slowTaskMs?: number;
  /** Resident memory a child may reach before it is killed, in MB (default 1024); its V8 heap is capped below it. */
  memoryLimitMb?: number;
  /** Time allowed per document of a task when the caller sets no deadline, in ms (default 10 s). */
  timeoutMs?: number;
  /** Tasks that may wait beyond one per child; one more is answered BUSY (default 256). */
  maxQueue?: number;
  /**
   * How the children are tuned (src/runtime/child-snapshot.ts): ONE_AUDIT (the default: a command that audits and
   * ends) or MANY_AUDITS (children that audit plan after plan: the service's, a batch's).
   */
  children?: ChildProfile;
  /** How often the watchdog samples busy children's memory, in ms (default 50). */
  sampleMs?: number;
  /** Start the children now and load the audit's modules in them (the service), rather than on first use (the CLI). */
  warm?: boolean;
  /** The children's entry module; tests point this at a child with test-only tasks. */
  entry?: URL;
}

export interface RunOptions {
  /**
   * When the caller's clock started (epoch ms: the request was admitted, the command started). The deadline is
   * `startedAt + timeoutMs`, time waiting behind other files included (past it a task still waiting is answered
   * BUSY); the checker's own start-up (starting a child, loading code) moves it back. Without it, the clock starts
   * when a child starts the task (a batch: waiting for a lane is not the plan's fault).
   */
  startedAt?: number;
  /** The task's time (default: the pool's `timeoutMs` per document). */
  timeoutMs?: number;
  /** Abandon the task: it is dropped from the queue or its child killed, and the call rejects with AbortedTask. */
  signal?: AbortSignal;
  /** Background work (a batch in the service) waits behind tasks someone is waiting for. */
  background?: boolean;
}

export interface AuditPool {
  /** Runs a task. Resolves with its outcome whatever happens to the file or the child; rejects only when `signal` abandons it. */
  run<T extends Task>(task: T, options?: RunOptions): Promise<TaskOutcome<TaskValue<T>>>;
  /** Ends every child at once; tasks running or waiting are answered BUSY. */
  close(): Promise<void>;
  readonly settings: Readonly<Required<Omit<AuditPoolOptions, "entry">>>;
  /** Children alive now (for tests and /healthz). */
  readonly children: () => number;
}

/** What `run` rejects with when the caller's signal abandons the task. */
export class AbortedTask extends Error {
  constructor() {
    super("The task was abandoned before it finished.");
    this.name = "AbortedTask";
  }
}

const MB = 1024 * 1024;

const DEFAULT_ENTRY = entryUrl("./child", import.meta.url);

export const defaultProcesses = (): number => Math.max(2, Math.min(8, availableParallelism()));

/** Seconds as a caseworker reads them: tenths from one second up, else one significant figure ("0.01", not "0"). */
const seconds = (ms: number): string => String(ms >= 1000 ? Math.round(ms / 100) / 10 : Number((ms / 1000).toPrecision(1)));

/** A child killed at its memory limit: the file it was reading needs far more than a plan could. */
function outOfMemory(progress: TaskProgress | undefined): TaskProblem {
  const file = progress?.stage === "reading" ? { file: progress.fileName, role: progress.role } : {};
  const format = progress?.stage === "reading" ? progress.format : undefined;
  if (format === "docx") return { code: "ZIP_BOMB", message: ZIP_BOMB_MESSAGE, ...file };
  if (format === "pdf") {
    return {
      code: "CORRUPT_FILE",
      message: "This PDF needs far more memory to read than a plan could, so it was stopped; it may be damaged. Export or save it again as a PDF, or upload the Word file.",
      ...file,
    };
  }
  if (format === "text") return { code: "TOO_LARGE", message: "This text file is too large to read. Upload a shorter file, or the Word document.", ...file };
  return {
    code: "CORRUPT_FILE",
    message: "Reading and checking this plan needed far more memory than a plan could, so it was stopped; a file may be damaged or built to overload the checker. Save fresh copies as .docx or .pdf and try again.",
  };
}

/**
 * A reader that stops itself at the deadline does not know how long it was given: its PARSE_TIMEOUT gets the same
 * sentence, with the seconds, as a child the pool ends at the deadline.
 */
function withTimeoutSeconds<T>(result: TaskResult<T>, job: { timeoutMs: number; progress?: TaskProgress | undefined }): TaskResult<T> {
  if (result.ok || result.problem.code !== "PARSE_TIMEOUT") return result;
  return { ...result, problem: { ...result.problem, message: timedOut(job.timeoutMs, job.progress).message } };
}

function timedOut(timeoutMs: number, progress: TaskProgress | undefined): TaskProblem {
  if (progress?.stage === "reading") {
    return {
      code: "PARSE_TIMEOUT",
      message: `Reading this file took longer than ${seconds(timeoutMs)} seconds, so it was stopped. It may be damaged or unusually complex: save a fresh copy from Word (.docx) or export a new PDF, and try again.`,
      file: progress.fileName,
      role: progress.role,
    };
  }
  return {
    code: "PARSE_TIMEOUT",
    message: `Reading and checking this plan took longer than ${seconds(timeoutMs)} seconds, so it was stopped. A file may be damaged or unusually complex: save fresh copies from Word (.docx) or export new PDFs, and try again.`,
  };
}

const BUSY: TaskProblem = { code: "BUSY", message: "The checker is busy with other plans right now. Please try again in a minute." };
const INTERNAL: TaskProblem = {
  code: "INTERNAL",
  message: "ehcp-qa had an internal problem and could not check this plan. Please report it; trying again later may work.",
};
/** A child that died of something other than its limits while reading: a library crashed on the file. */
const CRASHED: TaskProblem = { code: "CORRUPT_FILE", message: "This file could not be read; it may be damaged. Save a fresh copy as .docx or .pdf and try again." };

type KillReason = "timeout" | "memory" | "abandoned" | "closing" | "idle";

interface Job {
  id: number;
  task: Task;
  timeoutMs: number;
  /** Set once known: at submission when the caller's clock started, else when a child starts the job. */
  deadlineAt?: number;
  /** Time the checker spent starting a child and loading code for this job: added to its deadline, not the file's fault. */
  credit: number;
  /** When the child began on the files (its first progress), after loading code. */
  begunAt?: number;
  submittedAt: number;
  background: boolean;
  signal?: AbortSignal;
  onAbort?: () => void;
  timer?: NodeJS.Timeout;
  child?: Child;
  progress?: TaskProgress;
  peakRssBytes: number;
  settle(result: TaskResult<unknown> | AbortedTask, peakRssBytes?: number): void;
}

interface Child {
  process: ChildProcess;
  spawnedAt: number;
  readyAt?: number;
  ready: boolean;
  spare: boolean;
  job?: Job;
  jobStartedAt?: number;
  killed?: KillReason;
  idleTimer?: NodeJS.Timeout;
  /** Started with the build's start-up snapshot. */
  fromSnapshot: boolean;
  /** The end of what it wrote on stderr: how V8 says it ran out of heap. Never logged (it could quote a document). */
  stderrTail: string;
}

export function createAuditPool(options: AuditPoolOptions = {}): AuditPool {
  const settings = {
    processes: Math.max(1, Math.round(options.processes ?? defaultProcesses())),
    spareProcesses: Math.max(0, Math.round(options.spareProcesses ?? 1)),
    // Longer than an ordinary plan takes on a busy machine, so that only files running towards their deadline count.
    slowTaskMs: options.slowTaskMs ?? 4_000,
    memoryLimitMb: options.memoryLimitMb ?? DEFAULT_CHILD_MEMORY_MB,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxQueue: options.maxQueue ?? 256,
    sampleMs: options.sampleMs ?? 50,
    children: options.children ?? ONE_AUDIT,
    warm: options.warm ?? false,
  };
  const entry = options.entry ?? DEFAULT_ENTRY;
  const memoryLimitBytes = settings.memoryLimitMb * MB;
  const v8Flags = childV8Flags(settings.memoryLimitMb, settings.children);
  // Compiled children start from the build's snapshot (the language model already in the heap) when there is one;
  // if a child cannot start from it (a blob V8 refuses), the pool carries on without it.
  let snapshot = entry.pathname.endsWith(".ts") ? [] : snapshotArgs(v8Flags);

  const children = new Set<Child>();
  const urgent: Job[] = [];
  const background: Job[] = [];
  let nextId = 1;
  let closed = false;
  /** Set when a child could not even start: every task is answered INTERNAL at once rather than waiting for ever. */
  let broken: TaskResult<never> | undefined;

  function spawnChild(spare: boolean): Child {
    const child: Child = {
      process: fork(fileURLToPath(entry), [], {
        execArgv: [...entryExecArgv(entry), ...snapshot, ...v8Flags],
        serialization: "advanced",
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      }),
      spawnedAt: Date.now(),
      ready: false,
      spare,
      fromSnapshot: snapshot.length > 0,
      stderrTail: "",
    };
    children.add(child);
    child.process.stderr?.setEncoding("utf8");
    child.process.stderr?.on("data", (chunk: string) => {
      child.stderrTail = (child.stderrTail + chunk).slice(-2048);
    });
    child.process.on("message", (message: FromChild) => onMessage(child, message));
    child.process.on("error", () => undefined);
    child.process.once("exit", (code, signal) => onExit(child, code, signal));
    // A child started for waiting work keeps the process alive until it has taken that work; one started ahead
    // of work (warm) does not.
    // A spare is not warmed up: it exists to take the queue now, and warming would only compete with that.
    if (settings.warm && !spare) {
      idle(child);
      child.process.send({ type: "warm" });
    }
    return child;
  }

  /** An idle child never keeps the process alive; a busy one does, so a CLI waits for its answer. */
  function idle(child: Child): void {
    child.process.unref();
    child.process.channel?.unref();
    (child.process.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    if (child.spare && child.ready) {
      child.idleTimer = setTimeout(() => kill(child, "idle"), 30_000);
      child.idleTimer.unref();
    }
  }

  function busy(child: Child): void {
    clearTimeout(child.idleTimer);
    child.process.ref();
    child.process.channel?.ref();
    (child.process.stderr as unknown as { ref?: () => void } | null)?.ref?.();
  }

  function kill(child: Child, reason: KillReason): void {
    if (child.killed) return;
    child.killed = reason;
    child.process.kill("SIGKILL");
  }

  function onMessage(child: Child, message: FromChild): void {
    if (message.type === "ready") {
      child.ready = true;
      child.readyAt = Date.now();
      dispatch();
      if (!child.job) idle(child);
      return;
    }
    const job = child.job;
    if (!job || job.id !== message.id) return;
    if (message.type === "progress") {
      job.progress = message.progress;
      if (job.begunAt === undefined) {
        job.begunAt = Date.now();
        // A child started for this job: the time it took to start was the checker's.
        const startedFor = child.readyAt !== undefined && child.spawnedAt > job.submittedAt - 1 ? child.readyAt - Math.max(job.submittedAt, child.spawnedAt) : 0;
        job.credit += Math.max(0, startedFor) + (message.preparedMs ?? 0);
        armDeadline(job);
      }
      return;
    }
    child.job = undefined;
    child.jobStartedAt = undefined;
    job.settle(withTimeoutSeconds(message.result, job), message.peakRssBytes);
    // A child that needed over half its limit keeps much of it (V8 and pdf.js rarely give memory back): it is
    // retired, so the next file does not start near the limit and get stopped for another file's size.
    if (message.peakRssBytes > memoryLimitBytes / 2) kill(child, "idle");
    else idle(child);
    dispatch();
  }

  function onExit(child: Child, code: number | null, signal: NodeJS.Signals | null): void {
    children.delete(child);
    clearTimeout(child.idleTimer);
    const job = child.job;
    child.job = undefined;
    if (job) {
      const reason = child.killed;
      if (reason === "timeout") job.settle({ ok: false, problem: timedOut(job.timeoutMs, job.progress) });
      else if (reason === "memory") job.settle({ ok: false, problem: outOfMemory(job.progress) });
      else if (reason === "closing") job.settle({ ok: false, problem: BUSY });
      else if (reason === "abandoned") job.settle(new AbortedTask());
      else if (/heap out of memory|allocation failed/i.test(child.stderrTail) || signal === "SIGABRT") {
        job.settle({ ok: false, problem: outOfMemory(job.progress), detail: "V8 heap limit" });
      } else if (!child.ready) {
        brokenPool(job, code, signal);
      } else {
        const detail = `child exited (code ${code}, signal ${signal})`;
        job.settle({ ok: false, problem: job.progress?.stage === "reading" ? { ...CRASHED, file: job.progress.fileName, role: job.progress.role } : INTERNAL, detail });
      }
    } else if (!child.ready && !child.killed && !closed) {
      // A snapshot this Node will not load ends a child before it is ready: the next ones start without it.
      if (child.fromSnapshot) snapshot = [];
      else brokenPool(undefined, code, signal);
    }
    dispatch();
  }

  /** A child that died before it was ready: ehcp-qa cannot start its children, which no file can cause. */
  function brokenPool(job: Job | undefined, code: number | null, signal: NodeJS.Signals | null): void {
    broken = { ok: false, problem: INTERNAL, detail: `a child process could not start (code ${code}, signal ${signal})` };
    job?.settle(broken);
    for (const waiting of [...urgent.splice(0), ...background.splice(0)]) waiting.settle(broken);
  }

  function startJob(child: Child, job: Job): void {
    child.job = job;
    child.jobStartedAt = Date.now();
    job.child = child;
    if (job.deadlineAt === undefined) {
      job.deadlineAt = Date.now() + job.timeoutMs;
      armDeadline(job);
    }
    busy(child);
    child.process.send({ type: "task", id: job.id, task: job.task, deadlineAt: job.deadlineAt });
    watch();
  }

  /** How long past its deadline a child may take to load its code before it is taken to be stuck. */
  const STARTUP_GRACE_MS = 60_000;

  function armDeadline(job: Job, inMs = job.deadlineAt! + job.credit - Date.now()): void {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => onDeadline(job), Math.max(0, inMs));
  }

  function onDeadline(job: Job): void {
    const due = job.deadlineAt! + job.credit;
    const now = Date.now();
    if (now < due) return armDeadline(job);
    const starting = [...children].some((child) => !child.ready && !child.killed);
    if (!job.child) {
      // Waiting for a child that is starting is the checker's time; waiting behind other files means it is busy.
      if (starting) return armDeadline(job, 100);
      remove(job);
      return job.settle({ ok: false, problem: BUSY });
    }
    // The child is still loading its code: the file has not been touched yet.
    if (job.begunAt === undefined && now < due + STARTUP_GRACE_MS) return armDeadline(job, 100);
    kill(job.child, "timeout");
  }

  function remove(job: Job): void {
    for (const queue of [urgent, background]) {
      const at = queue.indexOf(job);
      if (at >= 0) queue.splice(at, 1);
    }
  }

  const queued = (): number => urgent.length + background.length;

  function dispatch(): void {
    if (closed) return;
    for (;;) {
      if (queued() === 0) return;
      const free = [...children].find((child) => child.ready && !child.job && !child.killed);
      if (!free) {
        const alive = [...children].filter((child) => !child.killed);
        // Work waits for these: they keep the process alive until they have taken it (a warm child starts unref'd).
        for (const child of alive) if (!child.ready) busy(child);
        let starting = alive.filter((child) => !child.ready).length;
        let count = alive.length;
        while (count < settings.processes && starting < queued()) {
          spawnChild(false);
          count++;
          starting++;
        }
        // Every child is busy with a slow task (a hostile file running to its deadline): one spare takes the queue.
        const now = Date.now();
        const allSlow = alive.every((child) => child.job !== undefined && now - child.jobStartedAt! > settings.slowTaskMs);
        if (starting === 0 && allSlow && count < settings.processes + settings.spareProcesses) spawnChild(true);
        return;
      }
      const job = urgent.shift() ?? background.shift()!;
      startJob(free, job);
    }
  }

  let watchdog: NodeJS.Timeout | undefined;
  let sampling = false;
  /** Samples busy children's resident memory while any task runs; a child past the limit is killed. */
  function watch(): void {
    if (watchdog) return;
    watchdog = setInterval(() => {
      if (sampling) return;
      const busyChildren = [...children].filter((child) => child.job && !child.killed);
      if (busyChildren.length === 0 && queued() === 0) {
        clearInterval(watchdog);
        watchdog = undefined;
        return;
      }
      // A queue behind children that have all been busy a while may be owed a spare child.
      if (queued() > 0) dispatch();
      sampling = true;
      void Promise.all(
        busyChildren.map(async (child) => {
          const pid = child.process.pid;
          const rss = pid === undefined ? undefined : await residentBytes(pid);
          const job = child.job;
          if (rss === undefined || !job) return;
          job.peakRssBytes = Math.max(job.peakRssBytes, rss);
          if (rss > memoryLimitBytes) kill(child, "memory");
        }),
      ).finally(() => (sampling = false));
    }, settings.sampleMs);
    watchdog.unref();
  }

  function documentsIn(task: Task): number {
    return task.kind === "audit" ? Math.max(1, task.files.length) : 1;
  }

  function run<T extends Task>(task: T, runOptions: RunOptions = {}): Promise<TaskOutcome<TaskValue<T>>> {
    const submittedAt = performance.now();
    return new Promise((resolve, reject) => {
      let settled = false;
      const job: Job = {
        id: nextId++,
        task,
        timeoutMs: runOptions.timeoutMs ?? settings.timeoutMs * documentsIn(task),
        submittedAt,
        background: runOptions.background === true,
        credit: 0,
        peakRssBytes: 0,
        settle(result, peakRssBytes = 0) {
          if (settled) return;
          settled = true;
          clearTimeout(job.timer);
          if (job.onAbort) job.signal?.removeEventListener("abort", job.onAbort);
          if (result instanceof AbortedTask) return reject(result);
          const peak = Math.max(job.peakRssBytes, peakRssBytes);
          resolve({ ...(result as TaskResult<TaskValue<T>>), peakRssBytes: peak, ms: performance.now() - submittedAt });
        },
        ...(runOptions.signal ? { signal: runOptions.signal } : {}),
      };
      if (runOptions.signal?.aborted) return job.settle(new AbortedTask());
      if (broken) return job.settle(broken);
      // The tasks in hand: one per child (running, or waiting for a child that is starting) and `maxQueue` more.
      const running = [...children].filter((child) => child.job).length;
      if (closed || running + queued() >= settings.processes + settings.maxQueue) return job.settle({ ok: false, problem: BUSY });
      if (runOptions.signal) {
        job.onAbort = () => {
          if (job.child) kill(job.child, "abandoned");
          else {
            remove(job);
            job.settle(new AbortedTask());
          }
        };
        runOptions.signal.addEventListener("abort", job.onAbort, { once: true });
      }
      if (runOptions.startedAt !== undefined) {
        job.deadlineAt = runOptions.startedAt + job.timeoutMs;
        armDeadline(job);
      }
      (job.background ? background : urgent).push(job);
      dispatch();
      watch();
    });
  }

  if (settings.warm) for (let i = 0; i < settings.processes; i++) spawnChild(false);

  return {
    run,
    settings,
    children: () => [...children].filter((child) => !child.killed).length,
    async close() {
      closed = true;
      for (const job of [...urgent.splice(0), ...background.splice(0)]) job.settle({ ok: false, problem: BUSY });
      const exits = [...children].map((child) => new Promise<void>((resolve) => (child.process.exitCode !== null || child.process.signalCode !== null ? resolve() : child.process.once("exit", () => resolve()))));
      for (const child of children) {
        // Held until it has gone: an idle child is unref'd, and the process must not end while close() waits.
        busy(child);
        kill(child, "closing");
      }
      clearInterval(watchdog);
      watchdog = undefined;
      await Promise.all(exits);
    },
  };
}

let sharedPool: AuditPool | null = null;

/** The process's shared pool (the CLI's), created on first use with default settings and `options`. */
export function defaultAuditPool(options: AuditPoolOptions = {}): AuditPool {
  sharedPool ??= createAuditPool(options);
  return sharedPool;
}

/** Closes the shared pool if it was ever created (the CLI does this when a command ends). */
export async function closeDefaultAuditPool(): Promise<void> {
  const pool = sharedPool;
  sharedPool = null;
  await pool?.close();
}
