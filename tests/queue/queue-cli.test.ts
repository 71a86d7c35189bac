// `ehcp-qa batch --queue` end to end: a redis-server, two `ehcp-qa worker` processes, 16 invented plans and a damaged
// file. One worker is killed (SIGKILL) once results arrive; its plan goes back to the queue when its lock runs out
// and the other worker scores it. The batch exits 0 with exactly one result per plan, the same results in the same
// order as the same batch scored on this machine's threads, and Redis is left holding none of the plans.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchResult } from "../../src/batch/types.ts";
import { runBatchCommand } from "../../src/cli/commands/batch.ts";
import { truncatedDocx, ROOT } from "../batch/helpers.ts";
import { children, planDocx } from "./generated-plans.ts";
import { dumpRedis, redisMissing, startRedis, type TestRedis } from "./redis-server.ts";

const BIN = path.join(ROOT, "bin", "ehcp-qa.js");
const AUDIT_DATE = "2026-06-01";
const PLANS = 16;

interface Running {
  child: ChildProcess;
  err: string;
  out: string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const running: Running = { child, err: "", out: "", exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))) };
  child.stderr!.on("data", (chunk: Buffer) => (running.err += chunk.toString()));
  child.stdout!.on("data", (chunk: Buffer) => (running.out += chunk.toString()));
  return running;
}

async function waitFor(running: Running, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(running.err)) {
    if (running.child.exitCode !== null) throw new Error(`exited ${running.child.exitCode} before ${pattern}: ${running.err.slice(-500)}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms: ${running.err.slice(-500)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A result without the time it was made (the two runs are made at different moments). */
function timeless(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(timeless);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "generatedAt").map(([key, v]) => [key, timeless(v)]));
}

const readResults = async (out: string): Promise<BatchResult[]> =>
  (await readFile(path.join(out, "results.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line) as BatchResult);

describe.skipIf(redisMissing !== undefined)("ehcp-qa batch --queue with two workers", () => {
  let redis: TestRedis;
  let dir: string;
  let input: string;
  const planFiles: Buffer[] = [];
  const started: Running[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-queue-"));
    input = path.join(dir, "plans");
    await mkdir(input);
    for (const [index, child] of children(PLANS).entries()) {
      const bytes = await planDocx(child, index, { shared: index % 3 === 0 });
      planFiles.push(bytes);
      await writeFile(path.join(input, `${child.id}-final.docx`), bytes);
    }
    await writeFile(path.join(input, "damaged-final.docx"), await truncatedDocx());
  });

  afterAll(async () => {
    for (const running of started) if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill("SIGKILL");
    await redis?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("survives a worker killed mid-batch, scores every plan once, and leaves no plan in Redis", async () => {
    // A short lock so the killed worker's plan is taken again within seconds, not half a minute.
    const env = { EHCP_QA_QUEUE_LOCK_MS: "1500" };
    const doomed = run(["worker", "--queue", redis.url, "--concurrency", "1"], env);
    const survivor = run(["worker", "--queue", redis.url, "--concurrency", "1"], env);
    started.push(doomed, survivor);
    await Promise.all([waitFor(doomed, /Worker ready/), waitFor(survivor, /Worker ready/)]);

    const out = path.join(dir, "out-queue");
    const batch = run(["batch", input, "--out", out, "--queue", redis.url, "--audit-date", AUDIT_DATE], env);
    started.push(batch);
    // The doomed worker has finished a plan and taken the next: kill it without warning.
    await waitFor(doomed, /plan done/);
    doomed.child.kill("SIGKILL");
    expect(await batch.exited, batch.err.slice(-800)).toBe(0);

    const results = await readResults(out);
    const ids = [...children(PLANS).map((c) => c.id), "damaged"].sort();
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(results.find((r) => r.id === "damaged")?.problem?.code).toBe("CORRUPT_FILE");
    expect(results.filter((r) => r.report).length).toBe(PLANS);
    expect(results.filter((r) => r.problem).map((r) => r.id)).toEqual(["damaged"]);
    // The survivor scored what the killed worker left: no plan twice between them, none lost.
    expect(survivor.err).toMatch(/plan done/);

    // The same batch on this machine's threads gives the same results in the same order.
    const local = path.join(dir, "out-local");
    const io = { stdout: () => undefined, stderr: () => undefined };
    expect((await runBatchCommand(input, { out: local, auditDate: AUDIT_DATE, jobs: "2" }, io)).code).toBe(0);
    expect(timeless(results)).toEqual(timeless(await readResults(local)));
    const csv = async (o: string) => (await readFile(path.join(o, "results.csv"), "utf8")).split("\n").map((line) => line.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, "")).join("\n");
    expect(await csv(out)).toEqual(await csv(local));

    // Run again into the same folder: every plan is taken from results.jsonl, none is sent to the queue.
    const again = run(["batch", input, "--out", out, "--queue", redis.url, "--audit-date", AUDIT_DATE], env);
    started.push(again);
    expect(await again.exited, again.err.slice(-500)).toBe(0);
    expect(again.out).toContain(`${PLANS + 1} plans were already scored`);
    expect(timeless(await readResults(out))).toEqual(timeless(results));

    // Nothing of any plan is left in Redis: no job, no outcome, no bytes.
    survivor.child.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);
    expect(survivor.err).toMatch(/Worker stopped/);
    const dump = [...(await dumpRedis(redis.client))].map(([key, value]) => `${key} ${value}`).join("\n");
    expect(/:result:/.test(dump), "an outcome left in Redis").toBe(false);
    expect(/"data"/.test(dump), "a job left in Redis").toBe(false);
    for (const [index, bytes] of planFiles.entries()) expect(dump.includes(bytes.subarray(0, 600).toString("base64").slice(0, 200)), `plan ${index + 1}'s bytes in Redis`).toBe(false);
    for (const child of children(PLANS)) expect(dump.includes(child.name), "a child's name in Redis").toBe(false);
  }, 180_000); // About 20 s on an idle machine; room for a busy one (two batch runs of 17 plans each).
});
