// The service on loopback under 8 concurrent clients: each sends its share of a fixed number of uploads one after
// another, so the run is bounded and ends by itself. Latency is from sending the upload to having the whole report.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pino } from "pino";
import { createParsePool } from "../src/ingest/index.ts";
import { createApp, listen } from "../src/server/index.ts";
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
  parseThreads: number;
  /** How long the event loop was held at most (ms): the audit itself runs in the main thread. */
  loopDelayMax: number;
  loopDelayP99: number;
  files: string[];
}

export async function serviceLatency(files: BenchFile[], clients = 8, requests = 40): Promise<ServiceLatency> {
  const pool = createParsePool();
  const app = createApp({ env: {}, pool, logger: pino({ level: "silent" }) });
  const service = await listen(app, { port: 0, host: "127.0.0.1", handleSignals: false });
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
  try {
    // One of each file first, so the workers and the rules are loaded before the clock starts.
    for (const file of files) await send(file);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let next = 0;
    const results: { status: number; ms: number }[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let index = next++; index < requests; index = next++) results.push(await send(files[index % files.length]!));
      }),
    );
    const wallMs = performance.now() - started;
    loop.disable();
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
      parseThreads: pool.settings.threads,
      loopDelayMax: loop.max / 1e6,
      loopDelayP99: loop.percentile(99) / 1e6,
      files: files.map((f) => f.fileName),
    };
  } finally {
    await service.stop();
    await pool.close();
  }
}
