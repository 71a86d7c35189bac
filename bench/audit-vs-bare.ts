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
import { median, ms } from "./stats.ts";

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

/** Runs left out before the measured ones: the JIT compiles both sides' hot code during the first few. */
export const WARM_UP_RUNS = 3;

/**
 * The file's bare extraction and its whole audit (read, then rules) in turns, so that both sides see the same
 * moments of a machine whose speed drifts (other work, frequency): measured one block after the other, the ratio
 * moved by half between two runs of the bench on the same code. The median of `runs` of each, after WARM_UP_RUNS.
 * The median, not the least: each run's CPU time counts the process's helper threads too (the garbage collector's,
 * the compiler's), whose work lands in one run or the next, so the least of the same audit came out at half its
 * median, and the ratio of leasts moved between 2.0x and 3.4x over four runs of the same code (of medians, 1.8x to 2.1x).
 */
export async function auditVsBare(file: BenchFile, ruleSet: LoadedRuleSet, runs: number): Promise<AuditVsBare> {
  const input = { bytes: new Uint8Array(file.bytes), fileName: file.fileName };
  const bare: number[] = [];
  const reads: number[] = [];
  const rules: number[] = [];
  let words = 0;
  let size = "";
  for (let i = -WARM_UP_RUNS; i < runs; i++) {
    const bareMs = await cpuOf(() => bareExtract(file));
    let plan: Awaited<ReturnType<typeof readPlan>> | undefined;
    const readMs = await cpuOf(async () => (plan = await readPlan(input, ruleSet, { inProcess: true })));
    const rulesMs = await cpuOf(() => audit({ plan: plan!, responses: [], advice: [] }, ruleSet));
    words = plan!.wordCount;
    size = plan!.pageCount !== undefined ? `${plan!.pageCount} pages` : `${plan!.paragraphCount ?? plan!.blocks.length} paragraphs`;
    if (i < 0) continue;
    bare.push(bareMs);
    reads.push(readMs);
    rules.push(rulesMs);
  }
  const bareMs = median(bare);
  const totalMs = median(reads.map((read, i) => read + rules[i]!));
  return { file, size, words, bareMs, readMs: median(reads), rulesMs: median(rules), totalMs, ratio: totalMs / bareMs, runs };
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
