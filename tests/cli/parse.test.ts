// `ehcp-qa parse` end to end through the real binary (exit codes, stdout, stderr), and in-process for the details.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runParse } from "../../src/cli/commands/parse.ts";
import { runCli } from "../../src/cli/program.ts";
import type { Io } from "../../src/cli/problems.ts";
import { closeDefaultAuditPool } from "../../src/runtime/index.ts";
import type { EhcpDocument } from "../../src/model/document.ts";
import { SOURCE_CLI } from "../../src/testing/source-cli.ts";
import { docxPlan } from "../ingest/docx-plan.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (name: string): string => path.join(ROOT, "tests", "fixtures", name);

let dir = "";
let planDocx = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-parse-"));
  planDocx = path.join(dir, "ava-draft.docx");
  await writeFile(planDocx, await docxPlan());
});
afterAll(async () => {
  await closeDefaultAuditPool();
  await rm(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...SOURCE_CLI, ...args], { cwd: ROOT, maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function captureIo(): Io & { out: string; err: string } {
  const io = { out: "", err: "", stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text) };
  return io;
}

describe("ehcp-qa parse (the binary)", () => {
  it("prints the document model as JSON, a summary as text, and coded errors with exit 2", async () => {
    const [json, text, bomb, missing] = await Promise.all([
      cli("parse", planDocx, "--format", "json"),
      cli("parse", fixture("pdf/plan.pdf")),
      cli("parse", fixture("bad/zip-bomb.docx")),
      cli("parse", path.join(dir, "no-such-plan.docx"), "--format", "json"),
    ]);

    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as EhcpDocument;
    expect(doc.fileName).toBe("ava-draft.docx");
    expect(doc.sections.map((section) => section.id)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "K"]);
    expect(doc.comments[0]).toMatchObject({ author: "Jo Parent", anchorText: "nine" });

    expect(text.code).toBe(0);
    expect(text.stdout).toContain("plan.pdf: PDF, 3 pages");
    expect(text.stdout).toContain("Child: Oliver Bennett; Date of birth: 12 March 2015; Status: final");
    expect(text.stdout).toMatch(/^ {2}F {3}Part F – Special educational provision +\d+ paragraphs?, 1 table; [\d,]+ words$/m);
    expect(text.stdout).toContain("Not found: G, H1, H2, J, K");

    for (const [result, code] of [
      [bomb, "ZIP_BOMB"],
      [missing, "FILE_NOT_FOUND"],
    ] as const) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(new RegExp(`^error ${code}: [A-Z]`));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

});

describe("the command line (in process)", () => {
  it("treats a wrong option or a missing argument as exit 2 with the same kind of message, and help as exit 0", async () => {
    const wrongFormat = captureIo();
    expect(await runCli(["node", "ehcp-qa", "parse", planDocx, "--format", "yaml"], wrongFormat)).toBe(2);
    expect(wrongFormat.err).toBe('error BAD_REQUEST: --format must be one of text, json; "yaml" is not.\n');
    const missing = captureIo();
    expect(await runCli(["node", "ehcp-qa", "parse"], missing)).toBe(2);
    expect(missing.err).toMatch(/^error BAD_REQUEST: missing required argument 'file'\n/);
    const unknown = captureIo();
    expect(await runCli(["node", "ehcp-qa", "parse", planDocx, "--colour"], unknown)).toBe(2);
    expect(unknown.err).toMatch(/^error BAD_REQUEST: unknown option '--colour'/);
    const help = captureIo();
    expect(await runCli(["node", "ehcp-qa", "parse", "--help"], help)).toBe(0);
    expect(help.out).toMatch(/Usage: ehcp-qa parse \[options\] <file>/);
  });
});

describe("runParse (in process)", () => {
  it("summarises sections, facts, comments, tracked changes and words outside sections", async () => {
    const io = captureIo();
    expect(await runParse(planDocx, {}, io)).toBe(0);
    expect(io.out).toContain("ava-draft.docx: Word document,");
    expect(io.out).toContain("Title block: Child: Ava Smith; Date of birth: 12 March 2016; Status: draft; Request for assessment: 3 January 2025");
    expect(io.out).toContain("Sections found: 11 of 12");
    expect(io.out).toMatch(/^ {2}H1 {2}Section H: Social care +1 paragraph, 1 sub-heading; 12 words$/m);
    expect(io.out).toContain("Not found: J");
    expect(io.out).toMatch(/Outside any section \(title block, contents, appendices\): \d+ blocks, [\d,]+ words/);
    expect(io.out).toContain("Word comments: 1; tracked changes: 1 (1 insertion, 0 deletions)");
    expect(io.err).toBe("");
  });

  it.each([
    ["bad/empty.docx", "EMPTY_FILE"],
    ["bad/old-word.doc", "UNSUPPORTED_FORMAT"],
    ["bad/truncated.docx", "CORRUPT_FILE"],
    ["pdf/encrypted.pdf", "ENCRYPTED_PDF"],
  ])("%s -> exit 2, error %s", async (name, code) => {
    const io = captureIo();
    expect(await runParse(fixture(name), { format: "json" }, io)).toBe(2);
    expect(io.out).toBe("");
    expect(io.err).toMatch(new RegExp(`^error ${code}: .+\\n$`));
  });

  it("refuses a folder, and reads headings with a named rule set's aliases", async () => {
    const io = captureIo();
    expect(await runParse(dir, {}, io)).toBe(2);
    expect(io.err).toMatch(/^error FILE_NOT_FOUND: .* is a folder, not a file\. Give the plan.s own file name .+\n$/);
    const withRules = captureIo();
    expect(await runParse(planDocx, { ruleset: "default", format: "json" }, withRules)).toBe(0);
    expect((JSON.parse(withRules.out) as EhcpDocument).sections).toHaveLength(11);
  });
});
