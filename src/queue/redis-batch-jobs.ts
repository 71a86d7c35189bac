// The service's batches kept in Redis (REDIS_URL): the batch's progress and, once it is done, its outputs (sealed
// with EHCP_QA_QUEUE_KEY, since they quote the plans), so any instance of the service answers GET /api/batches/<id>
// and its downloads, whichever instance accepted the upload. The instance that accepted it runs it: its plans go to
// the queue's workers, and the uploaded files stay in that instance's memory only, as without Redis. While it runs,
// the instance renews a heartbeat; a batch whose instance stopped renewing is reported as failed rather than
// "running" for ever. Everything expires with the batch (expiresAt).
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { BatchJobStore } from "../batch/job-store.ts";
import type { BatchJobEvents, BatchJobInput, BatchJobStatus, BatchJobView } from "../batch/jobs.ts";
import { buildOutputs } from "../batch/outputs/index.ts";
import { runBatch } from "../batch/runner.ts";
import { createQueuePool, type QueuePoolOptions } from "./queue-pool.ts";
import { connect, QUEUE_PREFIX } from "./redis.ts";
import { unwrap, wrap, type Envelope } from "./sealed.ts";
import { oneAtATime } from "../batch/one-at-a-time.ts";

export interface RedisBatchJobsOptions {
  url: string;
  key?: Buffer;
  /** How long a finished batch's results are kept. */
  ttlMs: number;
  /** Batches held at once across every instance; one more is refused. */
  maxJobs: number;
  clock: () => Date;
  events?: BatchJobEvents;
  /** How often a running batch's instance says it is alive (default 5 s; it is taken as gone after three missed). */
  heartbeatMs?: number;
  /** Settings for the batch's side of the queue (tests make it poll faster). */
  queue?: Partial<Omit<QueuePoolOptions, "url" | "ruleSet" | "key">>;
}

const keys = {
  state: (id: string) => `${QUEUE_PREFIX}:web:${id}`,
  files: (id: string) => `${QUEUE_PREFIX}:web:${id}:files`,
  index: `${QUEUE_PREFIX}:web:index`,
};

type StoredFile = { text: string } | { base64: string };

interface Local {
  id: string;
  input: BatchJobInput | undefined;
  abandon: AbortController;
}

export function createRedisBatchJobs(options: RedisBatchJobsOptions): BatchJobStore {
  const redis: Redis = connect(options.url);
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const local = new Map<string, Local>();
  const batches = oneAtATime(run);
  const waiting = batches.waiting;

  const fileField = (id: string, name: string) => `${keys.files(id)}/${name}`;

  function view(id: string, state: Record<string, string>): BatchJobView {
    let status = state.status as BatchJobStatus;
    let finishedAt = state.finishedAt;
    // The instance running it stopped (it was killed, or lost Redis): the batch will not finish.
    if ((status === "queued" || status === "running") && Number(state.aliveUntil) < Date.now()) {
      status = "failed";
      finishedAt = new Date(options.clock().getTime()).toISOString();
    }
    return {
      id,
      status,
      done: Number(state.done),
      total: Number(state.total),
      failures: Number(state.failures),
      createdAt: state.createdAt!,
      ...(finishedAt ? { expiresAt: new Date(new Date(finishedAt).getTime() + options.ttlMs).toISOString() } : {}),
    };
  }

  async function setState(id: string, fields: Record<string, string | number>, expireMs: number): Promise<void> {
    await redis.multi().hset(keys.state(id), fields).pexpire(keys.state(id), expireMs).exec();
  }

  async function run(job: Local): Promise<void> {
    const input = job.input!;
    const started = performance.now();
    let status: BatchJobStatus = "failed";
    let done = 0;
    let failures = 0;
    let pool;
    try {
      await setState(job.id, { status: "running", aliveUntil: Date.now() + heartbeatMs * 3 }, options.ttlMs + heartbeatMs * 3);
      pool = await createQueuePool({ url: options.url, ruleSet: input.ruleSet, ...(options.key ? { key: options.key } : {}), resultTtlSeconds: Math.ceil(options.ttlMs / 1000), ...options.queue });
      const generatedAt = options.clock();
      let progressWrite = Promise.resolve();
      const result = await runBatch({
        source: input.source,
        plans: input.plans,
        ruleSet: input.ruleSet,
        auditDate: generatedAt.toISOString().slice(0, 10),
        generatedAt,
        batchPool: pool,
        onProgress: (progress) => {
          done = progress.done;
          failures = progress.failures;
          progressWrite = progressWrite.then(() => redis.hset(keys.state(job.id), { done, failures })).then(() => undefined, () => undefined);
        },
        abandonSignal: job.abandon.signal,
      });
      await progressWrite;
      if (job.abandon.signal.aborted) {
        status = "cancelled";
      } else {
        const outputs = await buildOutputs({ results: result.results, columns: input.columns, ruleset: { name: input.ruleSet.name, version: input.ruleSet.version }, generatedAt, paragraphs: result.paragraphs });
        const files: Record<string, string> = {};
        for (const [name, content] of outputs.files) {
          const stored: StoredFile = typeof content === "string" ? { text: content } : { base64: Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString("base64") };
          files[name] = JSON.stringify(wrap(options.key, stored, fileField(job.id, name)));
        }
        if ((await redis.exists(keys.state(job.id))) === 1) {
          await redis.multi().hset(keys.files(job.id), files).pexpire(keys.files(job.id), options.ttlMs).exec();
          status = "done";
        } else status = "cancelled";
      }
    } catch (error) {
      status = "failed";
      options.events?.onError?.(job.id, error);
    } finally {
      await pool?.close().catch(() => undefined);
      await input.source.close().catch(() => undefined);
      job.input = undefined;
      local.delete(job.id);
      if (status !== "cancelled" && (await redis.exists(keys.state(job.id)).catch(() => 0)) === 1) {
        await setState(job.id, { status, done, failures, finishedAt: options.clock().toISOString() }, options.ttlMs).catch(() => undefined);
      }
      options.events?.onFinished?.({ batchId: job.id, status, plans: input.plans.length, failures, ms: Math.round(performance.now() - started) });
    }
  }

  // Every batch this instance holds, queued or running, is renewed; one deleted through another instance is stopped.
  const heartbeat = setInterval(() => {
    for (const job of local.values()) {
      void (async () => {
        if ((await redis.exists(keys.state(job.id))) === 0) return dropLocal(job);
        await setState(job.id, { aliveUntil: Date.now() + heartbeatMs * 3 }, options.ttlMs + heartbeatMs * 3);
      })().catch(() => undefined);
    }
  }, heartbeatMs);
  heartbeat.unref();

  function dropLocal(job: Local): void {
    const queued = waiting.indexOf(job);
    if (queued >= 0) {
      waiting.splice(queued, 1);
      void job.input?.source.close();
      job.input = undefined;
      local.delete(job.id);
    }
    job.abandon.abort();
  }

  /** Batches held across every instance (their records not yet expired). */
  async function held(): Promise<number> {
    const ids = await redis.zrange(keys.index, "0", "-1");
    let count = 0;
    for (const id of ids) {
      if ((await redis.exists(keys.state(id))) === 1) count++;
      else await redis.zrem(keys.index, id);
    }
    return count;
  }

  return {
    async submit(input) {
      if ((await held()) >= options.maxJobs) return undefined;
      const id = randomUUID();
      const createdAt = options.clock().toISOString();
      await setState(id, { status: "queued", total: input.plans.length, done: 0, failures: 0, createdAt, aliveUntil: Date.now() + heartbeatMs * 3 }, options.ttlMs + heartbeatMs * 3);
      await redis.zadd(keys.index, Date.now(), id);
      const job: Local = { id, input, abandon: new AbortController() };
      local.set(id, job);
      batches.add(job);
      return { id, status: "queued", done: 0, total: input.plans.length, failures: 0, createdAt };
    },
    async get(id) {
      const state = await redis.hgetall(keys.state(id));
      return state.status ? view(id, state) : undefined;
    },
    async outputFile(id, name) {
      const stored = await redis.hget(keys.files(id), name);
      if (stored === null) return undefined;
      const file = unwrap(options.key, JSON.parse(stored) as Envelope, fileField(id, name)) as StoredFile;
      return "text" in file ? file.text : new Uint8Array(Buffer.from(file.base64, "base64"));
    },
    async delete(id) {
      const existed = (await redis.del(keys.state(id), keys.files(id))) > 0;
      await redis.zrem(keys.index, id);
      const job = local.get(id);
      if (job) dropLocal(job);
      return existed;
    },
    async close() {
      clearInterval(heartbeat);
      for (const job of waiting.splice(0)) {
        void job.input?.source.close();
        await redis.del(keys.state(job.id), keys.files(job.id)).catch(() => undefined);
      }
      for (const job of local.values()) job.abandon.abort();
      await batches.current();
      await redis.quit().catch(() => undefined);
    },
  };
}
