// The queue's promises, against a real redis-server with workers in this process scoring on stand-in pools (the CLI
// test runs the real thing): one outcome per plan, written once; plan bytes gone from Redis when the batch ends and
// sealed while they wait; ehcp-qa's own failures tried three times; a job lost without an outcome still answered;
// no more bytes waiting in Redis than the limit.
import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { keyPrefix, planKey, sha256 } from "../../src/batch/plan-key.ts";
import { loadRuleSet, type LoadedRuleSet } from "../../src/index.ts";
import type { AuditReport } from "../../src/model/report.ts";
import { createQueuePool, startQueueWorker, type QueuePoolOptions, type QueueWorker } from "../../src/queue/index.ts";
import { AUDIT_QUEUE, QUEUE_PREFIX } from "../../src/queue/redis.ts";
import { writeOutcome } from "../../src/queue/results.ts";
import type { AuditPool, PlanAuditOutcome, PlanAuditTask } from "../../src/queue/seam.ts";
import { dumpRedis, redisMissing, startRedis, type TestRedis } from "./redis-server.ts";

const MARK = "Ottoline Quarrie";
const task = (n: number, extra = ""): PlanAuditTask => ({
  files: [{ role: "plan", fileName: `${MARK.replace(" ", "-")}-${n}-final.docx`, bytes: new TextEncoder().encode(`${MARK} plan number ${n} ${extra}`) }],
  auditDate: "2026-06-01",
  generatedAt: "2026-06-01T09:00:00.000Z",
});
const b64 = (t: PlanAuditTask) => Buffer.from(t.files[0]!.bytes).toString("base64");
const fakeReport = (n: number) => ({ score: n }) as unknown as AuditReport;

/** A stand-in local pool: answers with `answer`, counting calls; what the worker does around it is under test. */
function standIn(answer: (task: PlanAuditTask, call: number) => Promise<PlanAuditOutcome>) {
  const calls: PlanAuditTask[] = [];
  return {
    calls,
    createPool: (): AuditPool => ({
      threads: 2,
      audit: (t) => {
        calls.push(t);
        return answer(t, calls.length);
      },
      close: async () => undefined,
    }),
  };
}
const planNumber = (t: PlanAuditTask) => Number(/plan number (\d+)/.exec(new TextDecoder().decode(t.files[0]!.bytes))![1]);
const scoreIt = async (t: PlanAuditTask): Promise<PlanAuditOutcome> => ({ ok: true, report: fakeReport(planNumber(t)) });

describe.skipIf(redisMissing !== undefined)("the audit queue", () => {
  let redis: TestRedis;
  let ruleSet: LoadedRuleSet;
  const workers: QueueWorker[] = [];
  const fast = (extra: Partial<QueuePoolOptions> = {}) => createQueuePool({ url: redis.url, ruleSet, pollMs: 20, stateCheckMs: 200, ...extra });
  const worker = async (createPool: () => AuditPool, key?: Buffer) => {
    const w = startQueueWorker({ url: redis.url, concurrency: 2, ruleSets: [ruleSet], createPool, lockMs: 2_000, ...(key ? { key } : {}) });
    workers.push(w);
    await w.ready();
    return w;
  };

  beforeAll(async () => {
    redis = await startRedis();
    ruleSet = await loadRuleSet("default");
  });
  afterAll(async () => {
    await redis?.stop();
  });
  beforeEach(async () => {
    for (const w of workers.splice(0)) await w.close(true);
    await redis.client.flushall();
  });

  it("scores every plan once, shares one outcome between plans with the same files, and leaves no plan in Redis", async () => {
    const pool = standIn(scoreIt);
    await worker(pool.createPool);
    const batch = await fast();
    const tasks = [task(1), task(2), task(3)];
    const outcomes = await Promise.all([...tasks, task(1)].map((t) => batch.audit(t)));
    expect(outcomes.map((o) => (o.ok ? (o.report as unknown as { score: number }).score : o.problem.code))).toEqual([1, 2, 3, 1]);
    expect(pool.calls).toHaveLength(3);
    await batch.close();
    const dump = [...(await dumpRedis(redis.client))].map(([k, v]) => `${k} ${v}`).join("\n");
    for (const t of tasks) expect(dump.includes(b64(t)), "plan bytes in Redis").toBe(false);
    expect(dump.includes("Ottoline"), "a file name in Redis").toBe(false);
    expect(/:result:/.test(dump), "an outcome left in Redis").toBe(false);
    expect(await redis.client.keys(`${QUEUE_PREFIX}:${AUDIT_QUEUE}:${batch.batchId}-*`)).toEqual([]);
  });

  it("seals a waiting plan with EHCP_QA_QUEUE_KEY, and a worker without the key answers INTERNAL without scoring it", async () => {
    const key = randomBytes(32);
    const batch = await fast({ key });
    const t = task(7);
    const outcome = batch.audit(t);
    const queue = new Queue(AUDIT_QUEUE, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
    await expect.poll(() => queue.getWaitingCount(), { timeout: 5_000 }).toBe(1);
    const dump = [...(await dumpRedis(redis.client)).values()].join("\n");
    expect(dump.includes(b64(t)), "plan bytes in Redis").toBe(false);
    expect(dump.includes("Ottoline"), "a file name in Redis").toBe(false);
    expect(dump.includes("sealed"), "the payload is sealed").toBe(true);
    await queue.close();

    const keyless = standIn(scoreIt);
    await worker(keyless.createPool);
    const answer = await outcome;
    expect(answer.ok ? "scored" : answer.problem.code).toBe("INTERNAL");
    expect(!answer.ok && answer.problem.message).toMatch(/EHCP_QA_QUEUE_KEY/);
    expect(keyless.calls).toHaveLength(0);
    await batch.close();

    for (const w of workers.splice(0)) await w.close();
    const keyed = standIn(scoreIt);
    await worker(keyed.createPool, key);
    const sealedBatch = await fast({ key });
    const scored = await sealedBatch.audit(task(8));
    expect(scored.ok && (scored.report as unknown as { score: number }).score).toBe(8);
    // The outcome was sealed too: the report quotes the plan.
    await sealedBatch.close();
  });

  it("tries a plan three times when ehcp-qa fails on it, and records the last failure", async () => {
    const flaky = standIn(async (t, call) => (call < 3 ? { ok: false, problem: { code: "INTERNAL", message: "worker thread died" } } : scoreIt(t)));
    await worker(flaky.createPool);
    const batch = await fast();
    const first = await batch.audit(task(1));
    expect(first.ok).toBe(true);
    expect(flaky.calls).toHaveLength(3);
    for (const w of workers.splice(0)) await w.close();

    const broken = standIn(async () => ({ ok: false, problem: { code: "INTERNAL", message: "worker thread died" } }));
    await worker(broken.createPool);
    const second = await batch.audit(task(2));
    expect(second.ok ? "scored" : second.problem.code).toBe("INTERNAL");
    expect(broken.calls).toHaveLength(3);
    // A file's own problem is an answer, not a failure: it is not tried again.
    for (const w of workers.splice(0)) await w.close();
    const corrupt = standIn(async () => ({ ok: false, problem: { code: "CORRUPT_FILE", message: "damaged" } }));
    await worker(corrupt.createPool);
    const third = await batch.audit(task(3));
    expect(third.ok ? "scored" : third.problem.code).toBe("CORRUPT_FILE");
    expect(corrupt.calls).toHaveLength(1);
    await batch.close();
  });

  it("does not score a plan again whose outcome was already written (its job ran before)", async () => {
    const batch = await fast({ batchId: "b-once" });
    const t = task(4);
    const key = planKey(keyPrefix({ ruleSet, auditDate: t.auditDate }), [{ role: "plan", sha256: sha256(t.files[0]!.bytes) }]);
    expect(await writeOutcome(redis.client, undefined, { batchId: "b-once", planKey: key, ttlSeconds: 60 }, { ok: true, report: fakeReport(40) })).toBe(true);
    expect(await writeOutcome(redis.client, undefined, { batchId: "b-once", planKey: key, ttlSeconds: 60 }, { ok: true, report: fakeReport(41) })).toBe(false);
    const pool = standIn(scoreIt);
    await worker(pool.createPool);
    const outcome = await batch.audit(t);
    expect(outcome.ok && (outcome.report as unknown as { score: number }).score).toBe(40);
    // The worker took the job, found the plan done, and completed it without scoring.
    const queue = new Queue(AUDIT_QUEUE, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
    await expect.poll(async () => (await queue.getJobCounts("waiting", "active")) as Record<string, number>, { timeout: 5_000 }).toEqual({ waiting: 0, active: 0 });
    await queue.close();
    expect(pool.calls).toHaveLength(0);
    await batch.close();
  });

  it("answers a plan whose job disappeared without an outcome, rather than waiting for ever", async () => {
    const batch = await fast();
    const outcome = batch.audit(task(5));
    const queue = new Queue(AUDIT_QUEUE, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
    await expect.poll(() => queue.getWaitingCount(), { timeout: 5_000 }).toBe(1);
    const [job] = await queue.getWaiting();
    await job!.remove();
    const answer = await outcome;
    expect(answer.ok ? "scored" : answer.problem.code).toBe("INTERNAL");
    expect(!answer.ok && answer.problem.message).toMatch(/tried 3 times/);
    await queue.close();
    await batch.close();
  });

  it("keeps no more than the byte limit of plans waiting in Redis", async () => {
    const batch = await fast({ maxBytesWaiting: 10 });
    const outcomes = [1, 2, 3].map((n) => batch.audit(task(n, "x".repeat(100))));
    const queue = new Queue(AUDIT_QUEUE, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
    await expect.poll(() => queue.getWaitingCount(), { timeout: 5_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await queue.getWaitingCount()).toBe(1);
    const pool = standIn(scoreIt);
    await worker(pool.createPool);
    expect((await Promise.all(outcomes)).map((o) => o.ok)).toEqual([true, true, true]);
    expect(batch.bytesWaiting()).toBe(0);
    await queue.close();
    await batch.close();
  });
});
