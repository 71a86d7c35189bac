// CPU time and peak memory of whole processes, for the bench's start-up, CLI and service rows. CPU comes from the
// kernel's accounting (/proc, Linux), so it counts everything a process does, Node's own start included, in every
// thread and in every child it waited for; it does not depend on how loaded the machine is.
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces); index 0 is the state (field 3). */
function statFields(pid: number | "self"): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // the process ended meanwhile
  }
}

const ticksToMs = (ticks: number): number => (ticks * 1000) / TICKS_PER_SECOND;

/** CPU of this process's children that have ended and been waited for, in ms (utime + stime of them all). */
function endedChildrenCpuMs(): number {
  const fields = statFields("self")!;
  return ticksToMs(Number(fields[13]) + Number(fields[14]));
}

/** CPU used so far by `pid` and every process below it (their own time and that of their ended children), in ms. */
export function processTreeCpuMs(pid: number): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (!fields) continue;
    parent.set(Number(name), Number(fields[1]));
    cpu.set(Number(name), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
  }
  const inTree = (candidate: number): boolean => {
    for (let at: number | undefined = candidate; at !== undefined && at > 1; at = parent.get(at)) if (at === pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [candidate, used] of cpu) if (inTree(candidate)) ticks += used;
  return ticksToMs(ticks);
}

const PEAK_MEMORY_PRELOAD = fileURLToPath(new URL("./report-peak-memory.mjs", import.meta.url));

export interface ProcessRun {
  /** CPU of the process and its children, in ms. */
  cpuMs: number;
  /** The sum of the peak resident memory of every Node process of the run (an upper bound of the peak together), in MB. */
  peakMb: number;
  code: number | null;
  stdout: string;
}

/** Runs `node ...args` to the end, and measures it. One run at a time: the CPU figure is this process's children's. */
export async function runNode(args: string[], options: { cwd: string; peakMemory?: boolean }): Promise<ProcessRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ehcp-qa-bench-rss-"));
  const peakFile = path.join(dir, "peaks");
  const before = endedChildrenCpuMs();
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    // The memory report is preloaded only when asked: CPU runs are the process exactly as a user starts it.
    env: options.peakMemory ? { ...process.env, NODE_OPTIONS: `--import ${PEAK_MEMORY_PRELOAD}`, EHCP_QA_BENCH_PEAK_FILE: peakFile } : process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode) => resolve(exitCode));
  });
  const cpuMs = endedChildrenCpuMs() - before;
  // Each process's highest report (a process reports its peak so far, several times), added up over the processes.
  const peakByPid = new Map<string, number>();
  try {
    for (const line of readFileSync(peakFile, "utf8").split("\n")) {
      const [pid, kb] = line.split(" ");
      if (pid && Number(kb) > (peakByPid.get(pid) ?? 0)) peakByPid.set(pid, Number(kb));
    }
  } catch {
    // no Node process reported (it did not start)
  }
  const peakKb = [...peakByPid.values()].reduce((sum, kb) => sum + kb, 0);
  rmSync(dir, { recursive: true, force: true });
  return { cpuMs, peakMb: peakKb / 1024, code, stdout };
}

/** The mean CPU (ms) of `runs` runs of `node ...args`, after one unmeasured run (which warms the disk cache). */
export async function meanCpuMs(args: string[], runs: number, cwd: string): Promise<number> {
  let cpu = 0;
  for (let i = -1; i < runs; i++) {
    const run = await runNode(args, { cwd });
    if (run.code !== 0) throw new Error(`node ${args.join(" ")} exited with ${run.code}`);
    if (i >= 0) cpu += run.cpuMs;
  }
  return cpu / runs;
}
