// npm run bench: every row of issue 15's table, measured in one run, as ratios (so the machine's load matters
// little), printed and written to bench/results.md. CPU time for the CLI and in-process rows; latency for the
// service rows; throughput for batch. Not a test: it asserts nothing. About two minutes on 2 cores.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadRuleSet, VERSION } from "../src/index.ts";
import { auditVsBare, WARM_UP_RUNS, describeAuditVsBare, type AuditVsBare, type BenchFile } from "./audit-vs-bare.ts";
import { batchThroughput, describeBatchBench } from "./batch.ts";
import { appendQueueBench } from "./queue-workers.ts";
import { cliBench } from "./cli.ts";
import { buildLongPlan } from "./long-plan.ts";
import { serviceBench, type Burst } from "./service-latency.ts";
import { markdownTable, ms } from "./stats.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SAMPLES = path.join(ROOT, "samples");
const RESULTS = path.join(ROOT, "bench", "results.md");
/** Few enough that the whole bench stays under two minutes. */
const QUEUE_PLANS = 12;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const BATCH_PLANS = Number(process.env.BENCH_BATCH_PLANS ?? 12);
/** Whole processes vary less than a few milliseconds of work in one, and each audit costs seconds: fewer runs. */
const PROCESS_RUNS = Math.min(RUNS, 3);

const log = (line: string) => process.stderr.write(`${line}\n`);

/** The newest modification time under `dir` (ms). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** The CLI and the service run dist/: build it when it is missing or older than src/, so the bench measures the code. */
function ensureBuilt(): void {
  const built = path.join(ROOT, "dist", "cli", "main.js");
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  if (!scripts.build) return; // a checkout without a build step runs its source
  if (existsSync(built) && statSync(built).mtimeMs >= newest(path.join(ROOT, "src"))) return;
  log("dist/ is missing or older than src/: npm run build…");
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}

async function largestSample(extension: string): Promise<BenchFile> {
  const names = (await readdir(SAMPLES)).filter((name) => name.endsWith(extension));
  const sized = await Promise.all(names.map(async (name) => ({ name, size: (await stat(path.join(SAMPLES, name))).size })));
  const { name } = sized.sort((a, b) => b.size - a.size)[0]!;
  return sample(name, `largest ${extension.slice(1).toUpperCase()} sample`);
}

async function sample(name: string, label: string): Promise<BenchFile> {
  return { label: `${label} (${name})`, fileName: name, bytes: await readFile(path.join(SAMPLES, name)) };
}

function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(", ");
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} logical CPUs (${os.availableParallelism()} available), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}, ehcp-qa ${VERSION}`,
    `- Load average when the run started: ${load} (other work on the machine slows the service and batch rows most)`,
  ].join("\n");
}

const times = (ratio: number): string => `${ratio.toFixed(2)}×`;
const met = (ok: boolean): string => (ok ? "yes" : "**no**");
const statusText = (burst: Burst): string =>
  Object.entries(burst.statuses)
    .map(([status, n]) => `${n}× ${status === "0" ? "no answer" : status}`)
    .join(", ");

async function main(): Promise<void> {
  const started = performance.now();
  const header = machine();
  ensureBuilt();
  const ruleSet = await loadRuleSet("default");
  const docx = await largestSample(".docx");
  const pdf = await largestSample(".pdf");

  log(`the command line as a process: --help, and an audit of ${docx.fileName}…`);
  const cli = await cliBench(path.join(SAMPLES, docx.fileName), PROCESS_RUNS);

  log("building the long plan…");
  const long = await buildLongPlan({ withPdf: false });
  const base = await sample(`${long.baseId}.docx`, "the sample it grew from");
  const compared: AuditVsBare[] = [];
  for (const file of [docx, pdf, base, { label: `long plan (${long.docx.fileName})`, ...long.docx }]) {
    log(`audit vs bare extraction, in this process: ${file.label}…`);
    compared.push(await auditVsBare(file, ruleSet, RUNS));
  }
  const [docxRow, pdfRow, baseRow, longRow] = compared as [AuditVsBare, AuditVsBare, AuditVsBare, AuditVsBare];
  const perWord = (row: AuditVsBare) => row.rulesMs / row.words;
  const growth = perWord(longRow) / perWord(baseRow);

  log("the service: one upload at a time, then 8 and 40 at once…");
  const service = await serviceBench(docx);
  const cores = os.availableParallelism();
  const fortyBudget = (40 * service.cpuPerAuditMs) / cores;
  // The soonest 8 CPU-bound audits can all finish on these cores, whatever the service does.
  const eightFloor = (8 * service.cpuPerAuditMs) / cores;

  log(`batch: ${BATCH_PLANS} plans on 1 worker, then on ${cores}…`);
  const batch = await batchThroughput(BATCH_PLANS, log);

  const summary = markdownTable(
    ["what", "measured", "ratio", "goal", "met"],
    [
      ["`ehcp-qa --help`, whole process, vs `node -e 1` (CPU)", `${ms(cli.helpCpuMs)} vs ${ms(cli.nodeCpuMs)}`, times(cli.helpCpuMs / cli.nodeCpuMs), "≤ 4×", met(cli.helpCpuMs / cli.nodeCpuMs <= 4)],
      [
        `\`ehcp-qa audit ${cli.file} --format json\`, whole process, vs a process that only runs mammoth on it (CPU)`,
        `${ms(cli.auditCpuMs)} vs ${ms(cli.mammothCpuMs)}`,
        times(cli.auditCpuMs / cli.mammothCpuMs),
        "≤ 2.5×",
        met(cli.auditCpuMs / cli.mammothCpuMs <= 2.5),
      ],
      [`in one process: read + rules vs mammoth, ${docx.fileName} (CPU)`, `${ms(docxRow.totalMs)} vs ${ms(docxRow.bareMs)}`, times(docxRow.ratio), "≤ 1.5×", met(docxRow.ratio <= 1.5)],
      [`in one process: read + rules vs pdf-parse, ${pdf.fileName} (CPU)`, `${ms(pdfRow.totalMs)} vs ${ms(pdfRow.bareMs)}`, times(pdfRow.ratio), "≤ 1.5×", met(pdfRow.ratio <= 1.5)],
      [
        `rules' CPU per word, long plan (${longRow.words} words) vs ${base.fileName} (${baseRow.words} words)`,
        `${(perWord(longRow) * 1000).toFixed(1)} vs ${(perWord(baseRow) * 1000).toFixed(1)} µs/word`,
        times(growth),
        "≤ 1.3×",
        met(growth <= 1.3),
      ],
      [
        "service: 8 uploads at once, p95 vs one upload alone",
        `${ms(service.eight.p95)} vs ${ms(service.aloneMs)} (${statusText(service.eight)})`,
        times(service.eight.p95 / service.aloneMs),
        "≤ 2×",
        met(service.eight.ok === 8 && service.eight.p95 <= 2 * service.aloneMs),
      ],
      ["service: `/healthz` p95 while the 8 run", ms(service.eight.healthP95), "–", "≤ 50 ms", met(service.eight.healthP95 <= 50)],
      [`batch: plans per second on ${batch.all.threads} workers vs 1`, `${batch.all.plansPerSecond.toFixed(2)} vs ${batch.one.plansPerSecond.toFixed(2)}`, times(batch.ratio), "≥ 1.8×", met(batch.ratio >= 1.8)],
      [`peak memory of \`ehcp-qa audit ${cli.file}\` (every process of it)`, `${Math.round(cli.auditPeakMb)} MB`, "–", "≤ 150 MB", met(cli.auditPeakMb <= 150)],
      ["service: 40 uploads at once, served / bounced", statusText(service.forty), "–", "all 40 served", met(service.forty.ok === 40)],
      [
        "service: 40 uploads at once, p95 vs 40 × one audit's CPU ÷ cores",
        `${ms(service.forty.p95)} vs ${ms(fortyBudget)}`,
        times(service.forty.p95 / fortyBudget),
        "≤ 1×",
        met(service.forty.ok === 40 && service.forty.p95 <= fortyBudget),
      ],
    ],
  );

  const report = [
    "# Bench results",
    "",
    "Written by `npm run bench` (bench/run.ts): every row of issue 15's table, measured in this one run.",
    "",
    header,
    "",
    summary,
    "",
    "## The command line, as whole processes",
    "",
    `\`node bin/ehcp-qa.js ...\` started ${PROCESS_RUNS} times after one unmeasured run; CPU is the kernel's count for the process and every process it waited for ` +
      `(user + system), the mean of the runs. The mammoth process is \`node -e\` importing mammoth and converting ${cli.file} to HTML. Peak memory is the peak resident memory ` +
      "of each Node process of one audit (the kernel's count, noted every 50 ms, at exit, and as an audit child sends its answer), added up: pages the processes share, " +
      "such as Node's own code, count once for each.",
    "",
    "## The audit in one process, against bare text extraction",
    "",
    `Each file is read and audited in this thread (\`readPlan(..., { inProcess: true })\` then \`audit\` with the default rule set); CPU time of this process (its helper threads included), the median of ${RUNS} runs after ${WARM_UP_RUNS} left out. ` +
      'The bare figure is `mammoth.convertToHtml` (DOCX) or pdf-parse `getText` (PDF) on the same bytes, run in turns with the audit so that both meet the same moments of the machine. "Read" is the document model (reader, comments and tracked changes, tables, sections, facts); "rules" is every rule and the score. ' +
      "The long plan is the longest sample plan with the content of every other sample plan and final plan added to each of its sections.",
    "",
    markdownTable(["file", "size", "words", "bare extraction", "read", "rules", "read + rules", "÷ bare"], compared.map(describeAuditVsBare)),
    "",
    "## The service",
    "",
    `Started as \`npm start\` runs it (\`${service.command}\`, default settings), on loopback; every upload is ${service.file}. One upload at a time (${3} runs after a warm-up): ` +
      `median latency ${ms(service.aloneMs)}, ${ms(service.cpuPerAuditMs)} of the service's CPU per audit (every process of it). Then 8, then 40 uploads sent at once; /healthz asked every 50 ms meanwhile.`,
    "",
    markdownTable(
      ["uploads at once", "answers", "p50 (served)", "p95 (served)", "wall time", "/healthz p95 (max)"],
      [service.eight, service.forty].map((b) => [String(b.uploads), statusText(b), ms(b.p50), ms(b.p95), ms(b.wallMs), `${ms(b.healthP95)} (${ms(b.healthMax)})`]),
    ),
    "",
    `With ${cores} cores and ${ms(service.cpuPerAuditMs)} of CPU an audit, 8 audits at once cannot all be done before about 8 × ${ms(service.cpuPerAuditMs)} ÷ ${cores} = ${ms(eightFloor)}, ` +
      `${times(eightFloor / service.aloneMs)} one upload alone. One upload alone takes about the CPU it costs, so on ${cores} cores the floor stays near 8 ÷ ${cores} = ${times(8 / cores)} one upload whatever an audit costs: ` +
      "cutting that CPU brings both down together, and the goal of 2× is out of reach for audits that are all CPU.",
    "",
    `After the bursts the service was sent SIGTERM and exited with code ${service.exitCode} after ${ms(service.stopMs)}.`,
    "",
    describeBatchBench(batch),
    `Whole bench: ${Math.round((performance.now() - started) / 1000)} s.`,
    "",
  ].join("\n");
  await writeFile(RESULTS, report);
  process.stdout.write(report);
  // Plans per second on 1 and 2 workers of a Redis queue (issue 17), when a redis-server can be started here.
  try {
    await appendQueueBench(RESULTS, QUEUE_PLANS);
  } catch (error) {
    process.stderr.write(`Queue workers not measured: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

await main();
