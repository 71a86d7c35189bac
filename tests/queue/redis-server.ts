// Each queue test file starts its own redis-server on a free port (no fixed port, no Docker, nothing kept on disk).
// Without redis-server on PATH those tests are skipped, and say why.
import { spawnSync } from "node:child_process";
import type { Redis } from "ioredis";
import { startRedisServer, type RedisServer } from "../../src/testing/redis-server.ts";

export const REDIS_SERVER = process.env.EHCP_QA_REDIS_SERVER ?? "redis-server";

/** Why the queue tests cannot run here, or undefined when they can. */
export const redisMissing: string | undefined = (() => {
  const probe = spawnSync(REDIS_SERVER, ["--version"], { encoding: "utf8" });
  return probe.error || probe.status !== 0 ? `${REDIS_SERVER} is not on PATH (apt-get install redis-server; .ci/run installs it)` : undefined;
})();

// CI sets EHCP_QA_REQUIRE_REDIS=1: there, a missing redis-server is a failure, not a skip.
if (redisMissing && process.env.EHCP_QA_REQUIRE_REDIS === "1") throw new Error(`The Redis queue tests must run here, but ${redisMissing}.`);
if (redisMissing) console.warn(`Skipping the Redis queue tests: ${redisMissing}.`);

export type TestRedis = RedisServer;

export const startRedis = (): Promise<TestRedis> => startRedisServer(REDIS_SERVER);

/** Every key in Redis with every value it holds (strings, hashes, lists, sets, sorted sets, streams), as text. */
export async function dumpRedis(client: Redis): Promise<Map<string, string>> {
  const dump = new Map<string, string>();
  for (const key of await client.keys("*")) {
    const type = await client.type(key);
    let value: unknown;
    if (type === "string") value = await client.get(key);
    else if (type === "hash") value = await client.hgetall(key);
    else if (type === "list") value = await client.lrange(key, 0, -1);
    else if (type === "set") value = await client.smembers(key);
    else if (type === "zset") value = await client.zrange(key, "0", "-1");
    else if (type === "stream") value = await client.xrange(key, "-", "+");
    dump.set(key, `${type} ${JSON.stringify(value)}`);
  }
  return dump;
}
