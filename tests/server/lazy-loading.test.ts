// What the service's main process loads: it only handles HTTP (audits run in its children), so the libraries that
// read PDFs and write Word files stay out of it until a reviewed plan is asked for. pdf.js in particular brings core-js,
// which replaces engine built-ins for the whole process.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, startCommand } from "../../src/testing/start-command.ts";

const RECORDER = fileURLToPath(new URL("../cli/record-imports.mjs", import.meta.url));

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-service-lazy-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Whether a process other than the service's main one loaded the audit child's entry. */
async function childRecorded(log: string, mainPid: number | undefined): Promise<boolean> {
  return (await readFile(log, "utf8")).split("\n").some((line) => !line.startsWith(`${mainPid} `) && line.includes("/runtime/child."));
}

describe("the service's main process", () => {
  it("loads neither pdf.js nor the Word writer to start and answer", async () => {
    const log = path.join(dir, "imports.log");
    await writeFile(log, "");
    const server = spawn(process.execPath, startCommand(), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: "0", EHCP_QA_PARSE_THREADS: "2", NODE_OPTIONS: `--import ${RECORDER}`, EHCP_QA_IMPORT_LOG: log },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        void exited.then((code) => reject(new Error(`the server exited (${code}) before listening`)));
        createInterface({ input: server.stdout }).on("line", (line) => {
          const found = /ehcp-qa listening on (http:\/\/\S+?)"/.exec(line)?.[1];
          if (found) resolve(found);
        });
      });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/`)).status).toBe(200);
      // The recording must see an audit child too, so the first check below is about the main process alone.
      for (let waited = 0; waited < 20_000 && !(await childRecorded(log, server.pid)); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      server.kill("SIGTERM");
      await exited;
    }
    const lines = (await readFile(log, "utf8")).split("\n").filter(Boolean);
    const loadedBy = (pid: number | undefined, part: string) => lines.some((line) => line.startsWith(`${pid} `) && line.includes(part));
    expect(loadedBy(server.pid, "/server/main."), "the recording saw the service start").toBe(true);
    expect(loadedBy(server.pid, "/node_modules/pdfjs-dist/")).toBe(false);
    expect(loadedBy(server.pid, "/node_modules/docx/")).toBe(false);
    expect(await childRecorded(log, server.pid), "the recording saw an audit child start").toBe(true);
  });
});
