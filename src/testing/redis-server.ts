// A throwaway redis-server for the queue tests and the queue bench: a free port, nothing written to disk, stopped
// by the caller. No fixed port and no Docker, so it runs anywhere Debian's redis-server is installed.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";

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

export interface RedisServer {
  url: string;
  /** A client for looking inside. */
  client: Redis;
  stop(): Promise<void>;
}

export async function startRedisServer(command = "redis-server"): Promise<RedisServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const server: ChildProcess = spawn(command, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
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
          if (server.exitCode !== null) return;
          const exited = new Promise((resolve) => server.once("exit", resolve));
          server.kill("SIGTERM");
          await exited;
        },
      };
    }
    // Another process took the port between our probe and redis-server's start: try another.
    server.kill("SIGKILL");
    if (attempt >= 3) throw new Error("redis-server did not start");
  }
}
