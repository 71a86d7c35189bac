// Queue throughput: plans per second through `ehcp-qa batch --queue`'s machinery (createQueuePool + runBatch) with
// one and with two `ehcp-qa worker --concurrency 1` processes on a throwaway redis-server, and the ratio. Each
// worker process is started and warmed up (its first plan loads the checker) before the clock starts, as workers
// that stay up between batches are. The batch side runs in this process, as the CLI's does.
// Run alone with `npx tsx bench/queue-workers.ts` (BENCH_QUEUE_PLANS, default 48); bench/run.ts can append it to
// bench/results.md with appendQueueBench(RESULTS).
import { spawn, type ChildProcess } from "node:child_process";
import { appendFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { discoverPlans, memorySource, runBatch } from "../src/batch/index.ts";
import { loadRuleSet, type LoadedRuleSet } from "../src/index.ts";
import { createQueuePool } from "../src/queue/index.ts";
import { startRedisServer } from "../src/testing/redis-server.ts";
import { generatedBatch } from "./batch.ts";

const BIN = fileURLToPath(new URL("../bin/ehcp-qa.js", import.meta.url));

interface QueueRunFigures {
  workers: number;
  seconds: number;
  plansPerSecond: number;
  scored: number;
  failures: number;
  load: number;
}

export interface QueueBench {
  plans: number;
  one: QueueRunFigures;
  two: QueueRunFigures;
  /** Plans per second with two workers ÷ with one. */
  ratio: number;
}

/**
 * The same document with different bytes: copies of one sample would share a plan key, and the queue scores a key
 * once. A DOCX gets an extra zip entry no reader looks at; a PDF or text file a comment line at its end.
 */
async function distinctCopy(fileName: string, bytes: Uint8Array): Promise<Uint8Array> {
  if (fileName.endsWith(".docx")) {
    const zip = await JSZip.loadAsync(bytes);
    zip.file("bench/copy.txt", fileName);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }
  const mark = fileName.endsWith(".pdf") ? `\n%${fileName}\n` : `\n`.repeat(1 + (fileName.length % 3)) + fileName.replace(/\D/g, "");
  return new Uint8Array(Buffer.concat([Buffer.from(bytes), Buffer.from(mark)]));
}

function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, "worker", "--queue", url, "--concurrency", "1"], { stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      if (err.includes("Worker ready")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`worker exited ${code}: ${err.slice(-300)}`)));
  });
}

async function scoreThroughQueue(url: string, ruleSet: LoadedRuleSet, files: { fileName: string; bytes: Uint8Array }[], label: string) {
  const source = memorySource(files, label);
  const { plans } = await discoverPlans(source);
  const pool = await createQueuePool({ url, ruleSet });
  const started = performance.now();
  try {
    const run = await runBatch({ source, plans, ruleSet, auditDate: "2026-06-01", generatedAt: new Date(), batchPool: pool });
    return { seconds: (performance.now() - started) / 1000, plans: plans.length, scored: run.results.filter((r) => r.report).length, failures: run.results.filter((r) => r.problem).length };
  } finally {
    await pool.close();
  }
}

export async function queueThroughput(plans = 48, log: (line: string) => void = () => undefined): Promise<QueueBench> {
  const ruleSet = await loadRuleSet("default");
  const redis = await startRedisServer();
  const workers: ChildProcess[] = [];
  try {
    const batchOf = async (count: number, offset: number) =>
      Promise.all(
        (await generatedBatch(count)).map(async (f) => {
          const fileName = f.fileName.replace(/^plan-(\d+)/, (_, n: string) => `plan-${Number(n) + offset}`);
          return { fileName, bytes: await distinctCopy(fileName, f.bytes) };
        }),
      );
    const measured: QueueRunFigures[] = [];
    for (const count of [1, 2]) {
      while (workers.length < count) workers.push(await startWorker(redis.url));
      log(`queue: warming up ${count} worker${count === 1 ? "" : "s"}…`);
      await scoreThroughQueue(redis.url, ruleSet, await batchOf(count * 2, 1000 * count), "warm-up");
      log(`queue: ${plans} plans with ${count} worker${count === 1 ? "" : "s"}…`);
      const load = os.loadavg()[0]!;
      // Same files, but the warm-up did not score them: a new batch id, so nothing is taken from an earlier run.
      const run = await scoreThroughQueue(redis.url, ruleSet, await batchOf(plans, 0), `bench-${count}`);
      measured.push({ workers: count, seconds: run.seconds, plansPerSecond: run.plans / run.seconds, scored: run.scored, failures: run.failures, load });
    }
    const [one, two] = measured as [QueueRunFigures, QueueRunFigures];
    return { plans, one, two, ratio: two.plansPerSecond / one.plansPerSecond };
  } finally {
    for (const worker of workers) worker.kill("SIGTERM");
    await Promise.all(workers.map((worker) => new Promise((resolve) => (worker.exitCode !== null ? resolve(null) : worker.once("exit", resolve)))));
    await redis.stop();
  }
}

export function describeQueueBench(bench: QueueBench): string {
  const row = (f: QueueRunFigures) => `| ${f.workers} | ${f.seconds.toFixed(1)} s | ${f.plansPerSecond.toFixed(2)} | ${f.scored} | ${f.failures} | ${f.load.toFixed(2)} |`;
  const perHour = bench.two.plansPerSecond * 3600;
  return [
    "## Batch scoring on the Redis queue: 1 and 2 workers",
    "",
    `${bench.plans} generated plans (as in the section above) through \`ehcp-qa batch --queue\`'s batch side, scored by \`ehcp-qa worker --concurrency 1\` processes on this machine, after a warm-up. ` +
      "Wall time from the first plan sent to the last result.",
    "",
    "| queue workers | wall time | plans per second | scored | not scored | load average before |",
    "|---|---|---|---|---|---|",
    row(bench.one),
    row(bench.two),
    "",
    `Two workers against one: **${bench.ratio.toFixed(2)}×** the plans per second (${os.availableParallelism()} cores here; a load average above that means other work competed). ` +
      `At ${bench.two.plansPerSecond.toFixed(2)} plans per second for two single-plan workers, 100,000 plans in an hour need ${Math.ceil(100_000 / 3600 / (bench.two.plansPerSecond / 2))} such workers (about one core each).`,
    "",
    `(${Math.round(perHour)} plans an hour with the two workers here.)`,
    "",
  ].join("\n");
}

export async function appendQueueBench(resultsFile: string, plans = 48): Promise<void> {
  const section = describeQueueBench(await queueThroughput(plans, (line) => process.stderr.write(`${line}\n`)));
  await appendFile(resultsFile, `\n${section}`);
  process.stdout.write(`\n${section}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(describeQueueBench(await queueThroughput(Number(process.env.BENCH_QUEUE_PLANS ?? 48), (line) => process.stderr.write(`${line}\n`))));
}
