// `ehcp-qa batch` end to end over the real samples, with a damaged file and a zip bomb among them and a manifest with
// the auditor's own columns: the outputs agree with each other; a resumed run scores nothing twice; Ctrl-C on the
// real binary stops cleanly and a second run finishes the job; a zip of the same plans gives the same results.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBatchCommand, EXIT_INTERRUPTED, type BatchCommandResult } from "../../src/cli/commands/batch.ts";
import type { Io } from "../../src/cli/problems.ts";
import { SOURCE_CLI } from "../../src/testing/source-cli.ts";
import { EXPECTED_PROBLEMS, expectOutputsAgree, makeBatchFolder, readOutputDir, ROOT, SCORED_IDS, sheets, zipOfFolder, type BatchOutputFiles } from "./helpers.ts";

const AUDIT_DATE = "2026-06-01";
const GENERATED_AT = new Date("2026-06-01T09:00:00Z");
const COLUMNS = ["team", "key stage"];

function captureIo(onError?: (text: string) => void): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => {
      io.err += t;
      onError?.(t);
    },
  };
  return io;
}

let dir: string;
let input: string;
let manifest: string;
let zipPath: string;
let folderRun: BatchCommandResult;
let folderIo: ReturnType<typeof captureIo>;
let folderFiles: BatchOutputFiles;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-batch-"));
  ({ input, manifest } = await makeBatchFolder(dir));
  const files = (await readdir(input, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => path.relative(input, path.join(d.parentPath, d.name)).split(path.sep).join("/"));
  zipPath = path.join(dir, "plans.zip");
  await writeFile(zipPath, await zipOfFolder(input, files.sort()));
  folderIo = captureIo();
  folderRun = await runBatchCommand(input, { out: path.join(dir, "out-folder"), manifest, jobs: "2", auditDate: AUDIT_DATE, generatedAt: GENERATED_AT }, folderIo);
  folderFiles = await readOutputDir(path.join(dir, "out-folder"));
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a batch over the samples", () => {
  it("scores every plan, and each file that cannot be read is a row with its code", async () => {
    expect(folderIo.err).not.toMatch(/error/i);
    expect(folderRun.code).toBe(0);
    const { rows } = await expectOutputsAgree(folderFiles, COLUMNS);
    expect(rows.filter((r) => r.grade !== "").map((r) => r.id)).toEqual(SCORED_IDS);
    expect(Object.fromEntries(rows.filter((r) => r["problem code"] !== "").map((r) => [r.id, r["problem code"]]))).toEqual(EXPECTED_PROBLEMS);
    expect(rows.find((r) => r.id === "bomb")!["problem file"]).toBe("south/bomb-final.docx");
    expect(rows.find((r) => r.id === "broken")!["problem file"]).toBe("north/broken-final.docx");
    // Pairing: the final with its draft and its advice, read once from the Word file; the manifest's columns carried.
    const pair = rows.find((r) => r.id === "pair-1")!;
    expect([pair["plan file"], pair["draft file"], pair["advice files"]]).toEqual(["north/pair-1-final.docx", "north/pair-1-draft.docx", "north/pair-1-advice-ep.docx"]);
    expect([pair.team, pair["key stage"]]).toEqual(["North", "KS2"]);
    expect(folderRun.run!.audited).toBe(5);
    // Files that are part of no plan are named on stderr, never their contents.
    expect(folderIo.err).toContain("notes.txt: a plan or draft is scored from its Word document or PDF");
    expect(folderIo.err).toContain("north/pair-1-advice-ep.pdf: the same document as north/pair-1-advice-ep.docx");
    expect(folderIo.out).toMatch(/^Scored 3 plans: .*\n3 plans could not be scored \(.*FILE_NOT_FOUND 1.*\)/);
  });

  it("writes each scored plan's own report, linked from the dashboard, and nothing the page would fetch", async () => {
    const out = path.join(dir, "out-folder");
    for (const id of SCORED_IDS) {
      expect(existsSync(path.join(out, "reports", `${id}.html`))).toBe(true);
      expect(folderFiles.html).toContain(`<a href="reports/${id}.html">${id}</a>`);
    }
    expect(folderFiles.html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(folderFiles.html).toContain("Content-Security-Policy");
  });

  it("gives the breakdowns by every manifest column in the xlsx", async () => {
    const workbook = await sheets(folderFiles.xlsx);
    expect([...workbook.keys()]).toEqual(["Results", "About", "Grades", "Scores", "Categories", "Failing checks", "Not scored", "By team", "By key stage"]);
    expect(workbook.get("By key stage")!.map((r) => r[0])).toEqual(["key stage", "KS1", "KS2", "KS3"]);
  });

  it("run again with the same --out, scores nothing again and writes the same results", async () => {
    const io = captureIo();
    const again = await runBatchCommand(input, { out: path.join(dir, "out-folder"), manifest, jobs: "2", auditDate: AUDIT_DATE, generatedAt: GENERATED_AT }, io);
    expect(again.code).toBe(0);
    expect(again.run!.audited).toBe(0);
    expect(again.run!.reused).toBe(5);
    expect(io.out).toContain("5 plans were already scored");
    const files = await readOutputDir(path.join(dir, "out-folder"));
    expect(files.csv).toBe(folderFiles.csv);
    expect(files.jsonl).toBe(folderFiles.jsonl);
    expect(files.html).toBe(folderFiles.html);
    expect(Buffer.from(files.xlsx).equals(Buffer.from(folderFiles.xlsx))).toBe(true);
  });
});

/** Runs the real binary and sends it Ctrl-C (SIGINT) once the first plan is done. */
function interruptedBinaryRun(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SOURCE_CLI, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let sent = false;
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && /Scored 1 of/.test(stderr)) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("a zip of the same plans, stopped with Ctrl-C and run again", () => {
  it("stops cleanly, then finishes without scoring a plan twice, with the same results as the folder", async () => {
    const out = path.join(dir, "out-zip");
    const stopped = await interruptedBinaryRun(["batch", zipPath, "--out", out, "--manifest", manifest, "--jobs", "2", "--audit-date", AUDIT_DATE]);
    expect(stopped.stderr).toContain("Stopping: finishing the plans being scored");
    expect(stopped.stderr).not.toMatch(/error|at .*\.ts:\d+/);
    expect(stopped.code).toBe(EXIT_INTERRUPTED);
    expect(stopped.stdout).toMatch(/not scored yet: run the same command again to finish/);
    const partial = await readOutputDir(out);
    const doneFirst = partial.jsonl.trim().split("\n").length;
    expect(doneFirst).toBeGreaterThanOrEqual(1);
    expect(doneFirst).toBeLessThan(6);
    expect(partial.html).toContain("This run was stopped before the end");

    const io = captureIo();
    const resumed = await runBatchCommand(zipPath, { out, manifest, jobs: "2", generatedAt: GENERATED_AT }, io);
    expect(resumed.code).toBe(0);
    expect(io.err).toContain(`Carrying on from the results already in ${out} (audit date ${AUDIT_DATE})`);
    // Every plan the first run finished is taken from it (the manifest row with no files has no key to keep).
    const finishedWithKey = partial.jsonl.trim().split("\n").filter((line) => !line.includes('"key":null')).length;
    expect(resumed.run!.reused).toBe(finishedWithKey);
    expect(resumed.run!.audited).toBe(5 - finishedWithKey);

    const files = await readOutputDir(out);
    await expectOutputsAgree(files, COLUMNS);
    expect(files.csv).toBe(folderFiles.csv);
    const withoutTimes = (jsonl: string) => jsonl.replace(/"generatedAt":"[^"]*"/g, '"generatedAt":""');
    expect(withoutTimes(files.jsonl)).toBe(withoutTimes(folderFiles.jsonl));
    expect(files.html).toBe(folderFiles.html);
  });
});
