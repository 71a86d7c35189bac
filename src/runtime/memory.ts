// Resident memory of a child process: what the operating system counts, images and font buffers included, not
// only the V8 heap (which --max-old-space-size caps). On Linux it is read from /proc (cheap enough to sample every
// 50 ms); elsewhere from pidusage, loaded only there (every command that starts a child loads this module).
import { readFile } from "node:fs/promises";

const MEBIBYTE = 1024 * 1024;
export const megabytes = (bytes: number): number => Math.round(bytes / MEBIBYTE);

/** The resident set size of `pid` in bytes, or undefined when the process is gone. */
export async function residentBytes(pid: number): Promise<number | undefined> {
  if (process.platform === "linux") {
    try {
      const status = await readFile(`/proc/${pid}/status`, "utf8");
      const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return kib === undefined ? undefined : Number(kib) * 1024;
    } catch {
      return undefined;
    }
  }
  try {
    const { default: pidusage } = await import("pidusage");
    return (await pidusage(pid)).memory;
  } catch {
    return undefined;
  }
}
