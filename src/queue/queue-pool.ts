// The batch's side of the queue: the runner's pool seam (audit one plan, `threads`, `close()`) backed by BullMQ.
// Each plan becomes one job holding its files (sealed when there is a queue key); any worker on any machine scores
// it and writes the outcome under the plan's key; this side collects outcomes as they arrive. The job, and with it
// the plan's bytes, is removed from Redis as soon as it completes or fails. Plans go out while fewer than
// `maxBytesWaiting` bytes of this batch are in the queue: a big batch waits here rather than filling Redis's memory.
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import { keyPrefix, planKey, sha256 } from "../batch/plan-key.ts";
import { makeJobData, ruleSetRef } from "./payload.ts";
import { AUDIT_QUEUE, connect, deleteMatching, jobIdOf, QUEUE_PREFIX, redisKeys } from "./redis.ts";
import { takeOutcomes, writeOutcome } from "./results.ts";
import { AbandonedError, type AuditPool, type PlanAuditOutcome, type PlanAuditTask } from "./seam.ts";
import { QUEUE_SETTINGS } from "./settings.ts";

export interface QueuePoolOptions {
  url: string;
  ruleSet: LoadedRuleSet;
  /** AES-256-GCM key for payloads and outcomes (queueKeyFromEnv()); without it they are stored as plain JSON. */
  key?: Buffer;
  /** Plans sent and not yet answered (default 64): how many plans this process holds in memory at once. */
  maxPlansInFlight?: number;
  /** Bytes of this batch's jobs waiting or running in Redis (default 256 MB). */
  maxBytesWaiting?: number;
  /** How long outcomes (and the rule set) stay in Redis if this process dies before taking them (default one day). */
  resultTtlSeconds?: number;
  /** How often outcomes are collected (default 250 ms). */
  pollMs?: number;
  /** How often plans with no outcome are looked for in the queue, to find jobs that ended without one (default 2 s). */
  stateCheckMs?: number;
  /** Called once when plans wait and no worker is connected to the queue (again after a worker has answered). */
  onNoWorkers?: () => void;
  batchId?: string;
}

export interface QueuePool extends AuditPool {
  readonly batchId: string;
  /** Bytes of this batch's jobs now in the queue (for tests and progress). */
  bytesWaiting(): number;
}

interface Pending {
  jobId: string;
  resolve: (outcome: PlanAuditOutcome) => void;
  reject: (error: unknown) => void;
  added: boolean;
  /** Consecutive checks that found no job for this plan and no outcome. */
  missing: number;
}

const MB = 1024 * 1024;

/** Why a plan's job ended without an outcome: its worker died (or failed) on it every time it was tried. */
const GAVE_UP: PlanAuditOutcome = {
  ok: false,
  problem: {
    code: "INTERNAL",
    message: `This plan was tried ${QUEUE_SETTINGS.attempts} times and each time the worker scoring it stopped (it was killed, ran out of memory or lost its connection), so it was not scored. Running the batch again tries it again.`,
  },
};

export async function createQueuePool(options: QueuePoolOptions): Promise<QueuePool> {
  const batchId = options.batchId ?? randomUUID();
  const maxPlans = Math.max(1, options.maxPlansInFlight ?? 64);
  const maxBytes = Math.max(1, options.maxBytesWaiting ?? 256 * MB);
  const ttlSeconds = options.resultTtlSeconds ?? 86_400;
  const pollMs = options.pollMs ?? 250;
  const stateCheckMs = options.stateCheckMs ?? 2_000;
  const redis: Redis = connect(options.url);
  const queue = new Queue(AUDIT_QUEUE, { connection: redis, prefix: QUEUE_PREFIX });
  queue.on("error", () => undefined);
  const ref = ruleSetRef(options.ruleSet);
  // Workers without this rule set load it from here; it is data, nothing about a child.
  await redis.set(redisKeys.ruleSet(ref.hash), JSON.stringify({ name: options.ruleSet.name, version: options.ruleSet.version, resolved: options.ruleSet.resolved }), "EX", ttlSeconds);

  const prefixes = new Map<string, string>();
  const prefixFor = (auditDate: string) => prefixes.get(auditDate) ?? prefixes.set(auditDate, keyPrefix({ ruleSet: options.ruleSet, auditDate })).get(auditDate)!;
  /** Every plan asked for, by key: a second plan with the same files and date shares the first one's outcome. */
  const asked = new Map<string, Promise<PlanAuditOutcome>>();
  const pending = new Map<string, Pending>();
  let bytesWaiting = 0;
  const roomWaiters: (() => void)[] = [];
  let closed = false;

  async function makeRoom(bytes: number, signal?: AbortSignal): Promise<void> {
    // One plan bigger than the limit still goes, alone: the limit keeps Redis bounded, it must not stop the batch.
    while (bytesWaiting > 0 && bytesWaiting + bytes > maxBytes) {
      if (signal?.aborted) throw new AbandonedError();
      await new Promise<void>((resolve) => roomWaiters.push(resolve));
    }
    if (signal?.aborted) throw new AbandonedError();
    bytesWaiting += bytes;
  }
  function freeRoom(bytes: number): void {
    bytesWaiting -= bytes;
    for (const wake of roomWaiters.splice(0)) wake();
  }

  async function send(key: string, task: PlanAuditTask, signal?: AbortSignal): Promise<PlanAuditOutcome> {
    const jobId = jobIdOf(batchId, key);
    let data: ReturnType<typeof makeJobData> | undefined = makeJobData(options.key, { batchId, planKey: key, jobId, resultTtlSeconds: ttlSeconds, ruleSet: ref }, task);
    const bytes = JSON.stringify(data.payload).length;
    await makeRoom(bytes, signal);
    let pendingEntry: Pending | undefined;
    const outcome = new Promise<PlanAuditOutcome>((resolve, reject) => {
      pendingEntry = { jobId, resolve, reject, added: false, missing: 0 };
      pending.set(key, pendingEntry);
    });
    const abandon = () => {
      if (pending.get(key) !== pendingEntry) return;
      pending.delete(key);
      // A job no worker has taken is removed with its bytes; one being scored finishes and its outcome expires.
      void queue.remove(jobId).catch(() => undefined);
      pendingEntry!.reject(new AbandonedError());
    };
    signal?.addEventListener("abort", abandon, { once: true });
    try {
      await queue.add("audit", data, {
        jobId,
        attempts: QUEUE_SETTINGS.attempts,
        backoff: { type: "fixed", delay: QUEUE_SETTINGS.retryDelayMs },
        // The job (and the plan's bytes in it) is deleted the moment it completes or fails.
        removeOnComplete: true,
        removeOnFail: true,
      });
      data = undefined;
      pendingEntry!.added = true;
      return await outcome;
    } catch (error) {
      // Redis refused the job: nothing waits for this plan any more.
      if (pending.get(key) === pendingEntry) pending.delete(key);
      throw error;
    } finally {
      signal?.removeEventListener("abort", abandon);
      freeRoom(bytes);
    }
  }

  let quietSince = Date.now();
  let toldNoWorkers = false;
  let lastStateCheck = Date.now();

  async function checkMissing(): Promise<void> {
    for (const [key, entry] of pending) {
      if (!entry.added) continue;
      const state = await queue.getJobState(entry.jobId);
      if (state !== "unknown") {
        entry.missing = 0;
        continue;
      }
      // The job is gone; its outcome, if it wrote one, is taken on the next round. Twice gone with none: it failed.
      if (++entry.missing >= 2) await writeOutcome(redis, options.key, { batchId, planKey: key, ttlSeconds }, GAVE_UP);
    }
  }

  async function round(): Promise<void> {
    const outcomes = await takeOutcomes(redis, options.key, batchId, [...pending.keys()]);
    for (const [key, outcome] of outcomes) {
      const entry = pending.get(key);
      if (!entry) continue;
      pending.delete(key);
      entry.resolve(outcome);
    }
    const now = Date.now();
    if (outcomes.size > 0 || pending.size === 0) {
      quietSince = now;
      toldNoWorkers = false;
    }
    if (now - lastStateCheck >= stateCheckMs && pending.size > 0) {
      lastStateCheck = now;
      await checkMissing();
      if (!toldNoWorkers && options.onNoWorkers && now - quietSince >= Math.max(stateCheckMs * 5, 10_000) && (await queue.getWorkersCount()) === 0) {
        toldNoWorkers = true;
        options.onNoWorkers();
      }
    }
  }

  const collector = (async () => {
    while (!closed) {
      try {
        await round();
      } catch {
        // Redis unreachable for a moment: ioredis reconnects; the next round carries on.
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  })();

  return {
    batchId,
    threads: maxPlans,
    bytesWaiting: () => bytesWaiting,
    audit(task, signal) {
      if (closed || signal?.aborted) return Promise.reject(new AbandonedError());
      const key = planKey(
        prefixFor(task.auditDate),
        task.files.map((file) => ({ role: file.role, sha256: sha256(file.bytes) })),
      );
      const earlier = asked.get(key);
      if (earlier) return earlier;
      const outcome = send(key, task, signal);
      asked.set(key, outcome);
      outcome.catch(() => asked.delete(key));
      return outcome;
    },
    async close() {
      if (closed) return;
      closed = true;
      await collector;
      for (const [key, entry] of pending) {
        pending.delete(key);
        await queue.remove(entry.jobId).catch(() => undefined);
        entry.reject(new AbandonedError());
      }
      await deleteMatching(redis, redisKeys.batchPattern(batchId));
      await queue.close();
      await redis.quit().catch(() => undefined);
    },
  };
}
