// Everything a batch writes, made in memory from its results: results.csv, results.jsonl, quality-return.xlsx,
// summary.html and reports/<id>.html. The CLI writes them to --out; the service keeps them in memory for download.
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatReport } from "../../report/formatters/index.ts";
import { sharedParagraphs, type ParagraphPrint, type SharedParagraph } from "../boilerplate.ts";
import type { BatchResult } from "../types.ts";
import { resultsCsv } from "./csv.ts";
import { dashboardHtml } from "./dashboard.ts";
import { reportFileNames } from "./report-files.ts";
import { summarise, type BatchSummary } from "./summary.ts";
import { resultTable } from "./table.ts";
import { qualityReturnXlsx } from "./xlsx.ts";

export const OUTPUT_FILES = { csv: "results.csv", jsonl: "results.jsonl", xlsx: "quality-return.xlsx", html: "summary.html" } as const;

export interface OutputInput {
  /** In id order. */
  results: BatchResult[];
  /** The manifest's extra columns. */
  columns: string[];
  ruleset: { name: string; version: string };
  generatedAt: Date;
  /** Plans not finished (a stopped run). */
  pending?: number;
  /** Audited plans' paragraph prints by id (BatchRun.paragraphs): their shared paragraphs are listed when given. */
  paragraphs?: ReadonlyMap<string, ParagraphPrint[]>;
}

export interface BatchOutputs {
  summary: BatchSummary;
  /** File contents by path relative to the output folder. */
  files: Map<string, string | Uint8Array>;
}

/** results.jsonl: one result per line, in id order. */
export const resultsJsonl = (results: BatchResult[]): string => results.map((result) => `${JSON.stringify(result)}\n`).join("");

/** Who a result's plan is about, so that two plans of one child do not make a paragraph "shared". */
const childOf = (result: BatchResult): string => result.report?.documents.find((d) => d.role === "plan")?.facts.childName?.trim().toLowerCase() || `id:${result.id}`;

/** The paragraphs shared between children's plans, and each result with the groups its plan holds. */
function withSharedParagraphs(results: BatchResult[], prints: ReadonlyMap<string, ParagraphPrint[]>): { results: BatchResult[]; shared: SharedParagraph[] } {
  const shared = sharedParagraphs(results.filter((r) => r.report && prints.has(r.id)).map((r) => ({ id: r.id, child: childOf(r), prints: prints.get(r.id)! })));
  const byPlan = new Map<string, { group: string; plans: number; text: string }[]>();
  for (const group of shared) for (const id of group.ids) byPlan.set(id, [...(byPlan.get(id) ?? []), { group: group.group, plans: group.plans, text: group.text }]);
  return { results: results.map((r) => (byPlan.has(r.id) ? { ...r, sharedParagraphs: byPlan.get(r.id)! } : r)), shared };
}

export async function buildOutputs(original: OutputInput): Promise<BatchOutputs> {
  let input: OutputInput & { sharedParagraphs?: SharedParagraph[] } = original;
  if (original.paragraphs && original.paragraphs.size > 0) {
    const { results, shared } = withSharedParagraphs(original.results, original.paragraphs);
    input = { ...original, results, sharedParagraphs: shared };
  }
  const summary = summarise(input);
  const table = resultTable(input.results, input.columns);
  const files = new Map<string, string | Uint8Array>([
    [OUTPUT_FILES.csv, resultsCsv(table)],
    [OUTPUT_FILES.jsonl, resultsJsonl(input.results)],
    [OUTPUT_FILES.xlsx, await qualityReturnXlsx(table, summary)],
    [OUTPUT_FILES.html, dashboardHtml(summary)],
  ]);
  const reportFiles = reportFileNames(input.results);
  for (const result of input.results) {
    const file = reportFiles.get(result.id);
    if (file && result.report) files.set(file, formatReport(result.report, "html"));
  }
  return { summary, files };
}

/** Writes each file through a temporary name then renames it, so an interrupted write never leaves half a file. */
export async function writeOutputs(dir: string, files: Map<string, string | Uint8Array>, omit: ReadonlySet<string> = new Set()): Promise<void> {
  for (const [name, content] of files) {
    if (omit.has(name)) continue;
    const target = path.join(dir, ...name.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
  }
}
