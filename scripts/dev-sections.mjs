#!/usr/bin/env node
// Development check: do the sections `ehcp-qa parse` finds equal each labelled case's sections?
// Usage: node scripts/dev-sections.mjs [corpus-dir] [case-id-substring ...]
// Reads a labelled corpus laid out as <corpus>/cases/<id>.json and <corpus>/build/<id>/plan.{docx,pdf};
// prints one line per run (missing / extra section ids) and a total. Prints no document text.
import { execFile } from "node:child_process";
import { readdir, readFile, access } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const [corpusArg, ...filters] = process.argv.slice(2);
const corpus = resolve(corpusArg ?? "../shared/dev-corpus");
const cli = new URL("../bin/ehcp-qa.js", import.meta.url).pathname;

const caseIds = (await readdir(join(corpus, "cases")))
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.slice(0, -5))
  .filter((id) => filters.length === 0 || filters.some((filter) => id.includes(filter)))
  .sort();

async function foundSections(file) {
  const { stdout } = await run("node", [cli, "parse", file, "--format", "json"], { maxBuffer: 64 * 1024 * 1024 });
  return new Set(JSON.parse(stdout).sections.map((section) => section.id));
}

let right = 0;
let runs = 0;
const jobs = [];
for (const id of caseIds) {
  const labelled = JSON.parse(await readFile(join(corpus, "cases", `${id}.json`), "utf8"));
  const expected = new Set(labelled.sections.flatMap((section) => section.id.split("+")));
  for (const format of ["docx", "pdf"]) {
    const file = join(corpus, "build", id, `plan.${format}`);
    jobs.push({ id, format, file, expected });
  }
}

// Two at a time: the machine is shared.
const results = new Array(jobs.length);
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const at = next++;
    const job = jobs[at];
    try {
      await access(job.file);
      const found = await foundSections(job.file);
      const missing = [...job.expected].filter((id) => !found.has(id));
      const extra = [...found].filter((id) => !job.expected.has(id));
      results[at] = { ...job, missing, extra };
    } catch (error) {
      results[at] = { ...job, error: String(error.message ?? error).split("\n")[0] };
    }
  }
}
await Promise.all([worker(), worker()]);

for (const result of results) {
  runs++;
  const ok = !result.error && result.missing.length === 0 && result.extra.length === 0;
  if (ok) right++;
  const detail = result.error ? `error: ${result.error}` : ok ? "ok" : `missing [${result.missing.join(" ")}] extra [${result.extra.join(" ")}]`;
  console.log(`${result.id.padEnd(28)} ${result.format.padEnd(4)} ${detail}`);
}
console.log(`sections right: ${right}/${runs}`);
