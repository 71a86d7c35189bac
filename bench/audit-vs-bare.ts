// The whole audit of one file in this thread (read into the document model, sections, every rule, the score)
// against the bare text extraction it starts from (mammoth.convertToHtml for DOCX, pdf-parse getText for PDF).
// The ratio says what the checking costs on top of just reading the file.
import mammoth from "mammoth";
import { PDFParse } from "pdf-parse";
import { audit, readPlan, type LoadedRuleSet } from "../src/index.ts";
import { median, ms, timeRuns } from "./stats.ts";

export interface BenchFile {
  label: string;
  fileName: string;
  bytes: Buffer;
  /** Pages (PDF) or paragraphs (DOCX), as the document model counts them. */
  size?: string;
}

export interface AuditVsBare {
  file: BenchFile;
  size: string;
  words: number;
  bareMs: number;
  readMs: number;
  auditMs: number;
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

export async function auditVsBare(file: BenchFile, ruleSet: LoadedRuleSet, runs: number): Promise<AuditVsBare> {
  const input = { bytes: new Uint8Array(file.bytes), fileName: file.fileName };
  const bare = await timeRuns(() => bareExtract(file), runs);
  const reads: number[] = [];
  const audits: number[] = [];
  let words = 0;
  let size = "";
  const totals = await timeRuns(async () => {
    const started = performance.now();
    const plan = await readPlan(input, ruleSet, { inProcess: true });
    const read = performance.now();
    audit({ plan, responses: [], advice: [] }, ruleSet);
    reads.push(read - started);
    audits.push(performance.now() - read);
    words = plan.wordCount;
    size = plan.pageCount !== undefined ? `${plan.pageCount} pages` : `${plan.paragraphCount ?? plan.blocks.length} paragraphs`;
  }, runs);
  // The warm-up run's split is left out with its total.
  reads.shift();
  audits.shift();
  return { file, size, words, bareMs: median(bare), readMs: median(reads), auditMs: median(audits), totalMs: median(totals), ratio: median(totals) / median(bare), runs };
}

export const describeAuditVsBare = (r: AuditVsBare): string[] => [
  r.file.label,
  r.size,
  String(r.words),
  ms(r.bareMs),
  ms(r.readMs),
  ms(r.auditMs),
  ms(r.totalMs),
  `${r.ratio.toFixed(1)}×`,
];
