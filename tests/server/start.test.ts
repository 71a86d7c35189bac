// The service as `npm start` runs it (the command of package.json's start script, spawned without npm), stopped
// by SIGTERM as a process manager stops it: it exits by itself, promptly, with code 0, leaving no child behind.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, startCommand } from "../../src/testing/start-command.ts";

const ROOT = PROJECT_ROOT;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start", () => {
  it("stops on SIGTERM within 5 seconds with exit code 0, its audit children ended", async () => {
    const server = spawn(process.execPath, startCommand(), { cwd: ROOT, env: { ...process.env, PORT: "0", EHCP_QA_PARSE_THREADS: "2" }, stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => server.once("exit", (code, signal) => resolve({ code, signal })));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        void exited.then(({ code }) => reject(new Error(`the server exited (${code}) before listening`)));
        createInterface({ input: server.stdout }).on("line", (line) => {
          const found = /ehcp-qa listening on (http:\/\/\S+?)"/.exec(line)?.[1];
          if (found) resolve(found);
        });
      });
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      const children = readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
      expect(children.length).toBeGreaterThanOrEqual(2);

      const signalled = performance.now();
      server.kill("SIGTERM");
      const { code, signal } = await exited;
      expect(performance.now() - signalled).toBeLessThan(5_000);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      for (const pid of children) expect(alive(pid), `child ${pid}`).toBe(false);
    } finally {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    }
  });
});
