// Connections to the queue's Redis, and the names of everything the queue keeps there. BullMQ keeps its jobs under
// `ehcp-qa:audits:*`; results, rule sets and (for the service) batches live beside them under `ehcp-qa:*`.
import { Redis } from "ioredis";
import { ProblemError } from "../model/problem.ts";

export const QUEUE_PREFIX = "ehcp-qa";
export const AUDIT_QUEUE = "audits";

export const redisKeys = {
  /** A plan's outcome for one batch, by its plan key: written once (SET NX). */
  result: (batchId: string, planKey: string) => `${QUEUE_PREFIX}:batch:${batchId}:result:${planKey}`,
  /** A rule set's resolved data, by its hash: workers that do not have it load it from here. */
  ruleSet: (hash: string) => `${QUEUE_PREFIX}:ruleset:${hash}`,
  /** Everything a batch keeps, for clean-up. */
  batchPattern: (batchId: string) => `${QUEUE_PREFIX}:batch:${batchId}:*`,
};

/** The BullMQ job id of a plan in a batch (BullMQ ids may not hold ":"). Neither part says anything about the child. */
export const jobIdOf = (batchId: string, planKey: string): string => `${batchId}-${planKey}`;

export function checkQueueUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ProblemError({ code: "BAD_REQUEST", message: `--queue must be a Redis address such as redis://localhost:6379; "${text}" is not.` });
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    throw new ProblemError({ code: "BAD_REQUEST", message: `--queue must be a Redis address starting redis:// or rediss:// (for TLS); "${text}" is not.` });
  }
  return text;
}

/** The address without any password, for messages. */
export function describeUrl(text: string): string {
  const url = new URL(text);
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ""}`;
}

/** A connection BullMQ can share (commands wait through reconnections rather than failing). */
export function connect(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  // Connection errors are retried by ioredis; the commands waiting on them report what matters.
  redis.on("error", () => undefined);
  return redis;
}

/** Fails fast, with a sentence, when there is no Redis at the address (rather than waiting for ever). */
export async function checkReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs, enableOfflineQueue: false });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new ProblemError({
      code: "BAD_REQUEST",
      message: `The queue at ${describeUrl(url)} could not be reached (${error instanceof Error ? error.message.replace(/\s+/g, " ").slice(0, 120) : "no answer"}). Check that Redis is running there and the address is right.`,
    });
  } finally {
    probe.disconnect();
  }
}

/** Deletes every key matching a pattern (SCAN, never KEYS: a big Redis is not stopped for it). */
export async function deleteMatching(redis: Redis, pattern: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== "0");
  return deleted;
}
