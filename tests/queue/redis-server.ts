// Each queue test file starts its own redis-server on a free port (no fixed port, no Docker, nothing kept on disk).
// Without redis-server on PATH those tests are skipped, and say why.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";

export const REDIS_SERVER = process.env.EHCP_QA_REDIS_SERVER ?? "redis-server";

/** Why the queue tests cannot run here, or undefined when they can. */
export const redisMissing: string | undefined = (() => {
  const probe = spawnSync(REDIS_SERVER, ["--version"], { encoding: "utf8" });
  return probe.error || probe.status !== 0 ? `${REDIS_SERVER} is not on PATH (apt-get install redis-server; .ci/run installs it)` : undefined;
})();

// CI sets EHCP_QA_REQUIRE_REDIS=1: there, a missing redis-server is a failure, not a skip.
if (redisMissing && process.env.EHCP_QA_REQUIRE_REDIS === "1") throw new Error(`The Redis queue tests must run here, but ${redisMissing}.`);
if (redisMissing) console.warn(`Skipping the Redis queue tests: ${redisMissing}.`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface TestRedis {
  url: string;
  /** A client for looking inside. */
  client: Redis;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const server: ChildProcess = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const url = `redis://127.0.0.1:${port}`;
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    client.on("error", () => undefined);
    const deadline = Date.now() + 5_000;
    let up = false;
    while (!up && Date.now() < deadline && server.exitCode === null) {
      try {
        await client.connect();
        up = (await client.ping()) === "PONG";
      } catch {
        client.disconnect();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    if (up) {
      return {
        url,
        client,
        async stop() {
          client.disconnect();
          const exited = new Promise((resolve) => server.once("exit", resolve));
          server.kill("SIGTERM");
          await exited;
        },
      };
    }
    server.kill("SIGKILL");
    if (attempt >= 3) throw new Error("redis-server did not start");
  }
}

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
