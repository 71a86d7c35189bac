// `ehcp-qa worker --queue redis://host:port [--concurrency N] [--ruleset R ...]`
// A long-running process that scores plans from the batch queue (any number of them, on any machines) and writes
// each outcome back. SIGTERM or Ctrl-C: finish the plans in hand, then exit 0; a second signal returns them to the
// queue at once for another worker. Lines on stderr say what happened to each plan by code and time only, never
// which plan or anything in it.
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { ProblemError } from "../../model/problem.ts";
import type { WorkerEvent } from "../../queue/index.ts";
import { EXIT, processIo, withProblems, type Io } from "../problems.ts";

export interface WorkerCommandOptions {
  queue: string;
  concurrency?: string;
  ruleset?: string[];
  /** For tests: acts as SIGTERM when aborted. */
  signal?: AbortSignal;
}

function parseConcurrency(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new ProblemError({ code: "BAD_REQUEST", message: `--concurrency must be a whole number of plans scored at once, 1 or more; "${text}" is not.` });
  return n;
}

function eventLine(event: WorkerEvent): string {
  switch (event.type) {
    case "scored":
      return `plan done: ${event.code} in ${event.ms} ms`;
    case "retrying":
      return `plan failed inside ehcp-qa (attempt ${event.attempt}); it goes back to the queue`;
    case "already-scored":
      return "plan already done by another worker: not scored again";
    case "error":
      return `queue error (${event.errorName}); reconnecting`;
  }
}

export async function runWorkerCommand(options: WorkerCommandOptions, io: Io = processIo): Promise<number> {
  return withProblems(io, async () => {
    // BullMQ, its Redis client and the rule sets load when a worker starts, not for `--help`.
    const [{ checkQueueUrl, checkReachable, describeUrl, lockMsFromEnv, queueKeyFromEnv, startQueueWorker }, { loadRuleSet }] = await Promise.all([
      import("../../queue/index.ts"),
      import("../../config/loader.ts"),
    ]);
    const url = checkQueueUrl(options.queue);
    const concurrency = parseConcurrency(options.concurrency);
    const key = queueKeyFromEnv();
    const ruleSets = await Promise.all((options.ruleset?.length ? options.ruleset : ["default"]).map((name) => loadRuleSet(name)));
    await checkReachable(url);
    const worker = startQueueWorker({ url, concurrency, ruleSets, lockMs: lockMsFromEnv(), onEvent: (event) => io.stderr(`${eventLine(event)}\n`), ...(key ? { key } : {}) });
    await worker.ready();
    io.stderr(`Worker ready: scoring up to ${concurrency} plan${concurrency === 1 ? "" : "s"} at a time from ${describeUrl(url)}${key ? " (sealed payloads)" : ""}. Stop with Ctrl-C or SIGTERM.\n`);

    await new Promise<void>((resolve) => {
      let stopping: Promise<void> | undefined;
      const stop = () => {
        if (!stopping) {
          io.stderr("Stopping: finishing the plans in hand (signal again to hand them back to the queue at once)...\n");
          stopping = worker.close(false);
        } else {
          void worker.close(true);
        }
        void stopping.then(done, done);
      };
      const done = () => {
        process.off("SIGTERM", stop);
        process.off("SIGINT", stop);
        resolve();
      };
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
      if (options.signal?.aborted) stop();
      else options.signal?.addEventListener("abort", stop, { once: true });
    });
    io.stderr("Worker stopped.\n");
    return EXIT.ok;
  });
}

export function registerWorkerCommand(program: Command, io: Io = processIo): void {
  program
    .command("worker")
    .description("Score plans from a batch queue (Redis) until stopped: run one on each machine that should help with batches.")
    .requiredOption("--queue <url>", "the queue's Redis, e.g. redis://localhost:6379 (EHCP_QA_QUEUE_KEY seals plans in it)")
    .option("--concurrency <n>", `plans scored at once (default: every core, ${availableParallelism()} here)`)
    .option("--ruleset <name|path...>", "rule sets this worker has (others are loaded from the queue, where each batch puts its own)", ["default"])
    .action(async (options: WorkerCommandOptions) => {
      process.exitCode = await runWorkerCommand(options, io);
    });
}
