// What the command line loads: `--help`, `rules` and `parse` of a Word file must not load the PDF reader, the
// spreadsheet and Word-writing libraries, or the web service; reading a PDF does load the PDF reader (which shows
// the recording sees modules loaded in the parse workers too). Run from source, as the other process tests are.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCE_CLI } from "../../src/testing/source-cli.ts";
import { docxPlan } from "../ingest/docx-plan.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const RECORDER = fileURLToPath(new URL("./record-imports.mjs", import.meta.url));

/** Modules that only some commands need, by the part of their URL that names them. */
const HEAVY = {
  "pdf.js": "/node_modules/pdfjs-dist/",
  "pdf-parse": "/node_modules/pdf-parse/",
  exceljs: "/node_modules/exceljs/",
  docx: "/node_modules/docx/",
  express: "/node_modules/express/",
  "the service": "/src/server/",
};

let dir = "";
let planDocx = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-lazy-"));
  planDocx = path.join(dir, "plan.docx");
  await writeFile(planDocx, await docxPlan());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the CLI and names the heavy modules it loaded. */
async function heavyModulesLoadedBy(name: string, args: string[]): Promise<string[]> {
  const log = path.join(dir, `${name}.log`);
  await writeFile(log, "");
  await promisify(execFile)(process.execPath, [...SOURCE_CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: `--import ${RECORDER}`, EHCP_QA_IMPORT_LOG: log },
    maxBuffer: 20 * 1024 * 1024,
  });
  const urls = (await readFile(log, "utf8")).split("\n");
  expect(urls.some((url) => url.endsWith("/src/cli/main.ts")), "the recording saw the CLI start").toBe(true);
  return Object.entries(HEAVY)
    .filter(([, part]) => urls.some((url) => url.includes(part)))
    .map(([label]) => label);
}

describe.concurrent("what the command line loads", () => {
  it("--help loads none of the readers, writers or the service", async () => {
    expect(await heavyModulesLoadedBy("help", ["--help"])).toEqual([]);
  });

  it("rules list loads none of them", async () => {
    expect(await heavyModulesLoadedBy("rules", ["rules", "list"])).toEqual([]);
  });

  it("parse of a Word file loads no PDF reader, spreadsheet or Word-writing library and no service", async () => {
    expect(await heavyModulesLoadedBy("parse-docx", ["parse", planDocx, "--format", "json"])).toEqual([]);
  });

  it("parse of a PDF loads the PDF reader, in the worker that reads it", async () => {
    expect(await heavyModulesLoadedBy("parse-pdf", ["parse", path.join(ROOT, "samples", "plan-kai-robinson.pdf")])).toEqual(expect.arrayContaining(["pdf.js"]));
  });
});
