// The service as `npm start` runs it (package.json's start command, in its own process, default settings), on
// loopback: one upload at a time first (latency, and the CPU one audit costs the service), then 8 uploads at once,
// then 40 at once (a team's morning). Meanwhile a probe asks /healthz every 50 ms: how long it waits is how long
// any other request waits while audits run. Finally SIGTERM, and how long the service takes to stop.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { BenchFile } from "./audit-vs-bare.ts";
import { processTreeCpuMs } from "./processes.ts";
import { median, percentile } from "./stats.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface Burst {
  uploads: number;
  ok: number;
  /** Answers by HTTP status ("0": no answer). */
  statuses: Record<string, number>;
  /** Latency of the uploads that were answered 200, from sending to having the whole report. */
  p50: number;
  p95: number;
  wallMs: number;
  healthP95: number;
  healthMax: number;
}

export interface ServiceBench {
  command: string;
  file: string;
  /** One upload at a time: median latency, and the service's CPU per audit (every process of it). */
  aloneMs: number;
  cpuPerAuditMs: number;
  eight: Burst;
  forty: Burst;
  stopMs: number;
  exitCode: number | null;
}

/** `npm start`'s command, run directly (not under npm): node, or a binary from node_modules/.bin. */
function startCommand(): { command: string; file: string; args: string[] } {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  // `exec` only makes the shell npm starts give way to the program (so signals reach it); run here, there is no shell.
  const [program, ...args] = scripts.start.replace(/^exec\s+/, "").split(/\s+/);
  const file = program === "node" ? process.execPath : path.join(ROOT, "node_modules", ".bin", program!);
  return { command: scripts.start, file, args };
}

function startService(): Promise<{ url: string; pid: number; stop(): Promise<{ ms: number; code: number | null }> }> {
  const { file, args } = startCommand();
  const child = spawn(file, args, { cwd: ROOT, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    void exited.then((code) => reject(new Error(`the service exited (${code}) before listening`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const url = /ehcp-qa listening on (http:\/\/\S+?)"/.exec(line)?.[1];
      if (!url) return;
      resolve({
        url,
        pid: child.pid!,
        async stop() {
          const started = performance.now();
          child.kill("SIGTERM");
          // A service that does not stop is ended, so the bench itself always ends.
          const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
          const code = await exited;
          clearTimeout(killer);
          return { ms: performance.now() - started, code };
        },
      });
    });
  });
}

export async function serviceBench(file: BenchFile, aloneRuns = 3): Promise<ServiceBench> {
  const service = await startService();
  const send = async (): Promise<{ status: number; ms: number }> => {
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
  // The first upload loads the readers and the rules; it is not measured.
  await send();
  const cpuBefore = processTreeCpuMs(service.pid);
  const alone: number[] = [];
  for (let i = 0; i < aloneRuns; i++) alone.push((await send()).ms);
  const cpuPerAuditMs = (processTreeCpuMs(service.pid) - cpuBefore) / aloneRuns;

  const burst = async (uploads: number): Promise<Burst> => {
    let running = true;
    const health: number[] = [];
    const probe = (async () => {
      while (running) {
        const started = performance.now();
        await fetch(`${service.url}/healthz`).then((r) => r.arrayBuffer()).catch(() => undefined);
        health.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: uploads }, send));
    const wallMs = performance.now() - started;
    running = false;
    await probe;
    const statuses: Record<string, number> = {};
    for (const r of results) statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
    const served = results.filter((r) => r.status === 200).map((r) => r.ms);
    return { uploads, ok: served.length, statuses, p50: percentile(served, 50), p95: percentile(served, 95), wallMs, healthP95: percentile(health, 95), healthMax: Math.max(...health) };
  };
  const eight = await burst(8);
  const forty = await burst(40);
  const stopped = await service.stop();
  return { command: startCommand().command, file: file.fileName, aloneMs: median(alone), cpuPerAuditMs, eight, forty, stopMs: stopped.ms, exitCode: stopped.code };
}
