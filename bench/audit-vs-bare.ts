// The whole audit of one file in this thread (read into the document model, sections, every rule, the score)
// against the bare text extraction it starts from (mammoth.convertToHtml for DOCX, pdf-parse getText for PDF), in
// CPU time of this process. The ratio says what the checking costs on top of just reading the file.
import mammoth from "mammoth";
// The PDF reader before pdf-parse: it keeps the engine's own Array.prototype.push and JSON.parse, which pdf.js's
// legacy build replaces process-wide with slower copies (src/ingest/pdf/native-builtins.ts). Loaded by pdf-parse
// first, the slow copies would stay for the whole bench, DOCX rows included, as they never do in the CLI.
import "../src/ingest/pdf.ts";
import { PDFParse } from "pdf-parse";
import { audit, readPlan, type LoadedRuleSet } from "../src/index.ts";
import { ms } from "./stats.ts";

/**
 * The least CPU of the runs: other work on the machine only ever adds to a run's CPU time (cache misses, frequency),
 * so the least is the best estimate of the work itself; medians moved by 2× between runs on a busy machine.
 */
const least = (values: number[]): number => Math.min(...values);

export interface BenchFile {
  label: string;
  fileName: string;
  bytes: Buffer;
}

export interface AuditVsBare {
  file: BenchFile;
  size: string;
  words: number;
  bareMs: number;
  readMs: number;
  rulesMs: number;
  totalMs: number;
  ratio: number;
  runs: number;
}

async function bareExtract(file: BenchFile): Promise<void> {
  if (file.fileName.endsWith(".docx")) {
    await mammoth.convertToHtml({ buffer: file.bytes });
    return;
  }
  const parser = new PDFParse({ data: new Uint8Array(file.bytes) });
  try {
    await parser.getText();
  } finally {
    await parser.destroy();
  }
}

/** CPU time (ms, every thread of this process) of one call. */
async function cpuOf(task: () => Promise<unknown> | unknown): Promise<number> {
  const before = process.cpuUsage();
  await task();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** The least CPU of `runs` runs after one warm-up run. */
async function leastCpu(task: () => Promise<unknown>, runs: number): Promise<number> {
  await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await cpuOf(task));
  return least(times);
}

export async function auditVsBare(file: BenchFile, ruleSet: LoadedRuleSet, runs: number): Promise<AuditVsBare> {
  const input = { bytes: new Uint8Array(file.bytes), fileName: file.fileName };
  const bareMs = await leastCpu(() => bareExtract(file), runs);
  const reads: number[] = [];
  const rules: number[] = [];
  let words = 0;
  let size = "";
  for (let i = -1; i < runs; i++) {
    let plan: Awaited<ReturnType<typeof readPlan>> | undefined;
    const readMs = await cpuOf(async () => (plan = await readPlan(input, ruleSet, { inProcess: true })));
    const rulesMs = await cpuOf(() => audit({ plan: plan!, responses: [], advice: [] }, ruleSet));
    words = plan!.wordCount;
    size = plan!.pageCount !== undefined ? `${plan!.pageCount} pages` : `${plan!.paragraphCount ?? plan!.blocks.length} paragraphs`;
    // The first run warms up (modules, JIT) and is left out.
    if (i < 0) continue;
    reads.push(readMs);
    rules.push(rulesMs);
  }
  const totalMs = least(reads.map((read, i) => read + rules[i]!));
  return { file, size, words, bareMs, readMs: least(reads), rulesMs: least(rules), totalMs, ratio: totalMs / bareMs, runs };
}

export const describeAuditVsBare = (r: AuditVsBare): string[] => [
  r.file.label,
  r.size,
  String(r.words),
  ms(r.bareMs),
  ms(r.readMs),
  ms(r.rulesMs),
  ms(r.totalMs),
  `${r.ratio.toFixed(2)}×`,
];
