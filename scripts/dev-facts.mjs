#!/usr/bin/env node
// Dev check of the title facts: reads every plan of the development corpus (outside this repository) with
// `ehcp-qa parse --format json`, turns its facts into the report's `documents[i].facts` with the same function
// the report uses, and compares them with what the case's title block states. Prints figures per fact and the
// runs that differ. Nothing from the corpus is written anywhere.
//
//   node scripts/dev-facts.mjs [--corpus /work/shared/dev-corpus] [--cases id1,id2] [--jobs 2] [--cli-root <checkout>]
//
// --cli-root parses with another checkout's CLI (e.g. main, for a before/after comparison).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { reportFacts } = await import("../src/rules/plan-dates.ts");

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
};
const corpus = option("--corpus", "/work/shared/dev-corpus");
const only = option("--cases", "")
  .split(",")
  .filter(Boolean);
const jobs = Math.max(1, Number(option("--jobs", "2")) | 0);
const cliRoot = path.resolve(option("--cli-root", ROOT));

const FIELDS = ["childName", "knownAs", "dateOfBirth", "status", "requestDate", "draftDate", "issueDate", "planDate", "reviewDate"];

/** A date the case writes in words ("7 April 2025"), as ISO; only for fields the case's metadata does not give. */
function isoOfWords(text) {
  const time = Date.parse(`${text.replace(/(\d)(st|nd|rd|th)\b/, "$1")} UTC`);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** What the case's title block states, in the report's terms (the case's metadata gives the ISO dates). */
function expectedFacts(kase) {
  const rows = kase.titleBlock ?? [];
  const row = (pattern) => rows.find(([label]) => pattern.test(label));
  const statusRow = rows.find(([, value]) => /^(?:final|draft|amended)\b/i.test(value) || /\b(?:final|draft|amended) (?:ehc )?plan\b/i.test(value));
  const statusText = statusRow?.[1] ?? kase.title ?? "";
  const status = /amended/i.test(statusText) ? "amended" : /draft/i.test(statusText) ? "draft" : /final/i.test(statusText) ? "final" : null;
  const knownAs = row(/known as|preferred name/i)?.[1] ?? null;
  const draftRow = row(/draft/i);
  return {
    childName: kase.child?.name ?? null,
    knownAs,
    dateOfBirth: kase.child?.dob ?? null,
    status,
    requestDate: row(/request/i) ? (kase.meta?.requestDate ?? null) : null,
    draftDate: draftRow ? isoOfWords(draftRow[1]) : null,
    issueDate: kase.meta?.issueDate ?? null,
    planDate: kase.meta?.planDate ?? null,
    reviewDate: kase.meta?.reviewDate ?? null,
  };
}

function parse(file) {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(cliRoot, "bin/ehcp-qa.js"), "parse", file, "--format", "json"], { cwd: cliRoot, maxBuffer: 256 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      if (error) resolve({ error: (stderr || String(error)).split("\n")[0] });
      else resolve({ doc: JSON.parse(stdout) });
    });
  });
}

const caseIds = fs
  .readdirSync(path.join(corpus, "cases"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.slice(0, -5))
  .filter((id) => only.length === 0 || only.includes(id))
  .sort();
const runs = caseIds.flatMap((id) => ["docx", "pdf"].map((format) => ({ id, format, file: path.join(corpus, "build", id, `plan.${format}`) }))).filter((run) => fs.existsSync(run.file));

const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: jobs }, async () => {
    while (next < runs.length) {
      const run = runs[next++];
      const kase = JSON.parse(fs.readFileSync(path.join(corpus, "cases", `${run.id}.json`), "utf8"));
      const { doc, error } = await parse(run.file);
      results.push({ ...run, expected: expectedFacts(kase), actual: doc ? reportFacts(doc.facts) : null, error });
    }
  }),
);
results.sort((a, b) => a.id.localeCompare(b.id) || a.format.localeCompare(b.format));

const tally = Object.fromEntries(FIELDS.map((field) => [field, { right: 0, missing: 0, wrong: 0, extra: 0 }]));
let allRight = 0;
for (const result of results) {
  if (!result.actual) {
    console.log(`${result.id} ${result.format}: could not be read (${result.error})`);
    continue;
  }
  const wrong = [];
  for (const field of FIELDS) {
    const expected = result.expected[field];
    const actual = result.actual[field];
    const counts = tally[field];
    if (expected === actual) counts.right++;
    else if (actual === null) counts.missing++;
    else if (expected === null) counts.extra++;
    else counts.wrong++;
    if (expected !== actual) wrong.push(`${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  if (wrong.length === 0) allRight++;
  else console.log(`${result.id.padEnd(26)} ${result.format.padEnd(4)} ${wrong.join("; ")}`);
}

console.log("");
console.log(`${"fact".padEnd(12)} right missing wrong extra   (of ${results.length} runs)`);
for (const field of FIELDS) {
  const { right, missing, wrong, extra } = tally[field];
  console.log(`${field.padEnd(12)} ${String(right).padStart(5)} ${String(missing).padStart(7)} ${String(wrong).padStart(5)} ${String(extra).padStart(5)}`);
}
const total = FIELDS.reduce((sum, field) => sum + tally[field].right, 0);
console.log(`facts: ${total}/${FIELDS.length * results.length} right; runs with every fact right: ${allRight}/${results.length}`);
