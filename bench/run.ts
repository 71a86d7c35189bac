// npm run bench: measures, in one run, (1) the audit of the largest DOCX and PDF samples and of a ~30-page plan
// in-process against bare mammoth / pdf-parse on the same file, and (2) the service's latency for 8 concurrent
// uploads on loopback. Writes the figures to bench/results.md. Not a test: it asserts nothing and takes minutes.
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadRuleSet, VERSION } from "../src/index.ts";
import { auditVsBare, describeAuditVsBare, type BenchFile } from "./audit-vs-bare.ts";
import { appendBatchBench } from "./batch.ts";
import { buildLongPlan } from "./long-plan.ts";
import { serviceLatency } from "./service-latency.ts";
import { defaultProcesses as defaultThreads } from "../src/runtime/index.ts";
import { markdownTable, ms } from "./stats.ts";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SAMPLES = path.join(ROOT, "samples");
const RESULTS = path.join(ROOT, "bench", "results.md");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const log = (line: string) => process.stderr.write(`${line}\n`);

async function largestSample(extension: string): Promise<BenchFile> {
  const names = (await readdir(SAMPLES)).filter((name) => name.endsWith(extension));
  const sized = await Promise.all(names.map(async (name) => ({ name, size: (await stat(path.join(SAMPLES, name))).size })));
  const { name } = sized.sort((a, b) => b.size - a.size)[0]!;
  return { label: `largest ${extension.slice(1).toUpperCase()} sample (${name})`, fileName: name, bytes: await readFile(path.join(SAMPLES, name)) };
}

function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(", ");
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} logical CPUs (${os.availableParallelism()} available), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}, ehcp-qa ${VERSION}`,
    `- Load average when the run started: ${load} (other work on the machine inflates every figure below)`,
  ].join("\n");
}

async function main(): Promise<void> {
  const started = performance.now();
  const header = machine();
  const ruleSet = await loadRuleSet("default");

  log("building the long plan (DOCX, then PDF with LibreOffice)…");
  const long = await buildLongPlan();
  const files: BenchFile[] = [await largestSample(".docx"), await largestSample(".pdf"), { label: `long plan (${long.docx.fileName})`, ...long.docx }];
  if (long.pdf) files.push({ label: `long plan (${long.pdf.fileName})`, fileName: long.pdf.fileName, bytes: long.pdf.bytes });

  const compared = [];
  for (const file of files) {
    log(`audit vs bare extraction: ${file.label}…`);
    compared.push(await auditVsBare(file, ruleSet, RUNS));
  }

  log("service: 8 concurrent clients, 40 uploads…");
  const service = await serviceLatency(files.slice(0, 2));

  const report = [
    "# Bench results",
    "",
    "Written by `npm run bench` (bench/run.ts). Figures are medians of timed runs after one warm-up run.",
    "",
    header,
    "",
    "## The audit in-process against bare text extraction",
    "",
    `Each file is read and audited in this thread (\`readPlan(..., { inProcess: true })\` then \`audit\` with the default rule set), ${RUNS} runs; ` +
      "the bare figure is `mammoth.convertToHtml` (DOCX) or pdf-parse `getText` (PDF) on the same bytes. " +
      "\"Read\" is the document model (the format reader, comments and tracked changes, tables, sections, facts); \"rules\" is every rule and the score.",
    "",
    markdownTable(["file", "size", "words", "bare extraction", "read", "rules", "whole audit", "audit ÷ bare"], compared.map(describeAuditVsBare)),
    "",
    long.pdfNote ? `Note: ${long.pdfNote}.` : `The long plan is the longest sample plan with the content of every other sample plan and final plan added to each of its sections (${long.pdf?.pages ?? "?"} pages as PDF).`,
    "",
    "## The service: 8 concurrent uploads on loopback",
    "",
    `server.ts runs in its own process with its default settings (${plural(defaultThreads(), "parse worker thread")} on this machine, at most 8 checks in progress). ` +
      `${service.clients} clients send ${service.requests} uploads in all (each client one after another), alternating ${service.files.join(" and ")}. ` +
      "Latency is from sending the upload to receiving the whole JSON report. Meanwhile /healthz is asked every 100 ms: its answer time is how long any other request waits while audits run.",
    "",
    markdownTable(
      ["requests", "ok", "errors", "p50", "p95", "max", "wall time", "throughput", "/healthz p95 (max)"],
      [
        [
          String(service.requests),
          String(service.ok),
          `${service.errors}${service.errors > 0 ? ` (${Object.entries(service.statuses).filter(([s]) => s !== "200").map(([s, n]) => `${n}× ${s === "0" ? "no answer" : s}`).join(", ")})` : ""}`,
          ms(service.p50),
          ms(service.p95),
          ms(service.max),
          ms(service.wallMs),
          `${((service.requests / service.wallMs) * 1000).toFixed(2)} audits/s`,
          `${ms(service.healthP95)} (${ms(service.healthMax)})`,
        ],
      ],
    ),
    "",
    "Files are parsed in the worker pool; the rules run in the service's main thread, so while one audit's rules run, other requests wait (the /healthz column).",
    `After the burst the service was sent SIGTERM and exited with code ${service.exitCode} after ${ms(service.stopMs)}.`,
    "",
    `Whole bench: ${Math.round((performance.now() - started) / 1000)} s.`,
    "",
  ].join("\n");
  await writeFile(RESULTS, report);
  process.stdout.write(report);
}

await main();
await appendBatchBench(RESULTS);
