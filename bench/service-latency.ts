// The service as `npm start` runs it (server.ts in its own process, default settings) under 8 concurrent clients on
// loopback: each client sends its share of a fixed number of uploads one after another, so the run is bounded and
// ends by itself. Latency is from sending the upload to having the whole report. Meanwhile a probe asks /healthz
// every 100 ms: how long it waits is how long any other request waits while audits run.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { BenchFile } from "./audit-vs-bare.ts";
import { percentile } from "./stats.ts";

export interface ServiceLatency {
  clients: number;
  requests: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  max: number;
  wallMs: number;
  /** /healthz response times during the burst. */
  healthP95: number;
  healthMax: number;
  /** The service stopped by itself within this long of SIGTERM (ms), with exit code 0. */
  stopMs: number;
  exitCode: number | null;
  files: string[];
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Starts server.ts on a free port; resolves with its address once it logs that it is listening. */
function startService(): Promise<{ url: string; stop(): Promise<{ ms: number; code: number | null }> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: ROOT, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    void exited.then((code) => reject(new Error(`server.ts exited (${code}) before listening`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const url = /ehcp-qa listening on (http:\/\/\S+?)"/.exec(line)?.[1];
      if (!url) return;
      resolve({
        url,
        async stop() {
          const started = performance.now();
          child.kill("SIGTERM");
          const code = await exited;
          return { ms: performance.now() - started, code };
        },
      });
    });
  });
}

export async function serviceLatency(files: BenchFile[], clients = 8, requests = 40): Promise<ServiceLatency> {
  const service = await startService();
  const send = async (file: BenchFile): Promise<{ status: number; ms: number }> => {
    const form = new FormData();
    form.append("plan", new Blob([new Uint8Array(file.bytes)]), file.fileName);
    const started = performance.now();
    try {
      const response = await fetch(`${service.url}/api/audits`, { method: "POST", body: form, headers: { Accept: "application/json" } });
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - started };
    } catch {
      return { status: 0, ms: performance.now() - started };
    }
  };
  // One of each file first, so the workers and the rules are loaded before the clock starts.
  for (const file of files) await send(file);

  let next = 0;
  let running = true;
  const health: number[] = [];
  const probe = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${service.url}/healthz`).then((r) => r.arrayBuffer()).catch(() => undefined);
      health.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const results: { status: number; ms: number }[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let index = next++; index < requests; index = next++) results.push(await send(files[index % files.length]!));
    }),
  );
  const wallMs = performance.now() - started;
  running = false;
  await probe;
  const stopped = await service.stop();

  const times = results.map((r) => r.ms);
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
  const ok = results.filter((r) => r.status === 200).length;
  return {
    clients,
    requests,
    ok,
    errors: requests - ok,
    statuses,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    wallMs,
    healthP95: percentile(health, 95),
    healthMax: Math.max(...health),
    stopMs: stopped.ms,
    exitCode: stopped.code,
    files: files.map((f) => f.fileName),
  };
}
