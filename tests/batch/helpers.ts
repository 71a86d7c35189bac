// Shared by the batch tests: a batch folder built from the real samples (renamed to the naming convention) with a
// damaged file and a zip bomb among them, and the check that results.csv, results.jsonl, the xlsx and the dashboard
// all tell the same story.
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { DomUtils, parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import type { BatchResult } from "../../src/batch/types.ts";
import { CATEGORY_IDS, GRADES } from "../../src/model/report.ts";
import { GRADE_LABELS } from "../../src/report/formatters/common.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SAMPLES = path.join(ROOT, "samples");

/** A small DOCX whose word/document.xml inflates to 20 MB: the ingest guard must refuse it as ZIP_BOMB. */
export async function zipBombDocx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file("word/document.xml", `<w:document>${"a".repeat(20 * 1024 * 1024)}</w:document>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** The first half of a real DOCX: its zip directory is missing, so it cannot be read (CORRUPT_FILE). */
export async function truncatedDocx(): Promise<Uint8Array> {
  const bytes = await readFile(path.join(SAMPLES, "plan-isla-thornton.docx"));
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

/** The batch's files: sample file -> name in the batch (the naming convention), relative to the batch folder. */
export const BATCH_FILES: [string, string][] = [
  ["pair-1-final.docx", "north/pair-1-final.docx"],
  ["pair-1-draft.docx", "north/pair-1-draft.docx"],
  ["pair-1-advice-ep.docx", "north/pair-1-advice-ep.docx"],
  // The same advice as a PDF too: read once, from the Word file.
  ["pair-1-advice-ep.pdf", "north/pair-1-advice-ep.pdf"],
  ["plan-kai-robinson.docx", "south/kai-final.docx"],
  ["plan-isla-thornton.pdf", "south/isla-final.pdf"],
];

/** Ids scored, ids that cannot be, and the manifest's row with no files. */
export const SCORED_IDS = ["isla", "kai", "pair-1"];
export const EXPECTED_PROBLEMS: Record<string, string> = { bomb: "ZIP_BOMB", broken: "CORRUPT_FILE", missing: "FILE_NOT_FOUND" };

export const MANIFEST = ["id,team,key stage", "pair-1,North,KS2", "kai,South,KS2", "isla,South,KS1", "broken,North,KS3", "bomb,South,KS3", "missing,North,KS1", ""].join("\n");

/** Writes the batch folder; returns the manifest's path (outside the folder). */
export async function makeBatchFolder(dir: string): Promise<{ input: string; manifest: string }> {
  const input = path.join(dir, "plans");
  for (const [sample, name] of BATCH_FILES) {
    await mkdir(path.dirname(path.join(input, name)), { recursive: true });
    await copyFile(path.join(SAMPLES, sample), path.join(input, name));
  }
  await writeFile(path.join(input, "north", "broken-final.docx"), await truncatedDocx());
  await writeFile(path.join(input, "south", "bomb-final.docx"), await zipBombDocx());
  await writeFile(path.join(input, "notes.txt"), "Sample chosen on 1 June: six plans.\n");
  const manifest = path.join(dir, "manifest.csv");
  await writeFile(manifest, MANIFEST);
  return { input, manifest };
}

/** The batch folder as one zip (entries stored as they are: the documents are compressed already). */
export async function zipOfFolder(input: string, files: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const file of files) zip.file(file, await readFile(path.join(input, file)), { date: new Date("2026-06-01T00:00:00Z") });
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

export interface BatchOutputFiles {
  csv: string;
  jsonl: string;
  xlsx: Uint8Array;
  html: string;
}

export async function readOutputDir(out: string): Promise<BatchOutputFiles> {
  return {
    csv: await readFile(path.join(out, "results.csv"), "utf8"),
    jsonl: await readFile(path.join(out, "results.jsonl"), "utf8"),
    xlsx: await readFile(path.join(out, "quality-return.xlsx")),
    html: await readFile(path.join(out, "summary.html"), "utf8"),
  };
}

type Row = Record<string, string>;

export function csvRows(csv: string): Row[] {
  return parse(csv, { bom: true, columns: true }) as Row[];
}

export async function sheets(xlsx: Uint8Array): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
  const result = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    result.set(sheet.name, rows);
  });
  return result;
}

const text = (node: Element): string => DomUtils.textContent(node).replace(/\s+/g, " ").trim();

/** A dashboard table's body rows as cell texts. */
function htmlTable(doc: ReturnType<typeof parseDocument>, id: string): string[][] {
  const table = DomUtils.findOne((el) => el.attribs.id === id, doc.children, true);
  expect(table, `table #${id} in summary.html`).toBeTruthy();
  const body = DomUtils.findOne((el) => el.name === "tbody", [table!], true)!;
  return DomUtils.findAll((el) => el.name === "tr", [body]).map((tr) => DomUtils.findAll((el) => el.name === "td", [tr]).map(text));
}

function chartBars(doc: ReturnType<typeof parseDocument>, id: string): { label: string; value: number }[] {
  const svg = DomUtils.findOne((el) => el.attribs.id === id, doc.children, true);
  expect(svg, `chart #${id} in summary.html`).toBeTruthy();
  return DomUtils.findAll((el) => el.name === "rect" && (el.attribs.class ?? "").split(" ").includes("bar"), [svg!]).map((el) => ({ label: el.attribs["data-label"] ?? "", value: Number(el.attribs["data-value"]) }));
}

const score = (row: Row): number | null => (row.score === "" ? null : Number(row.score));
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Everything the outputs say, checked against results.csv: the rows against results.jsonl; grades, score bins,
 * category pass rates, breakdowns and plans not scored against the xlsx's sheets and the dashboard's tables and
 * charts; the most frequent failing checks (not in the CSV) against results.jsonl.
 */
export async function expectOutputsAgree(files: BatchOutputFiles, breakdownColumns: string[]): Promise<{ rows: Row[]; results: BatchResult[] }> {
  const rows = csvRows(files.csv);
  const results = files.jsonl.trim().split("\n").map((line) => JSON.parse(line) as BatchResult);
  const workbook = await sheets(files.xlsx);
  const doc = parseDocument(files.html);

  // The same plans, in id order, everywhere.
  const ids = rows.map((r) => r.id!);
  expect(ids).toEqual([...ids].sort());
  expect(results.map((r) => r.id)).toEqual(ids);
  const resultSheet = workbook.get("Results")!;
  expect(resultSheet[0]).toEqual(Object.keys(rows[0]!));
  expect(resultSheet.slice(1).map((r) => r[0])).toEqual(ids);
  expect(htmlTable(doc, "table-plans").map((cells) => cells[0])).toEqual(ids);

  // Every report in results.jsonl is a valid report, and its row says what it says.
  for (const [index, result] of results.entries()) {
    const row = rows[index]!;
    if (result.report) {
      expectValidReport(result.report);
      expect(score(row)).toBe(result.report.score);
      expect(row.grade).toBe(result.report.grade);
      for (const category of result.report.categories) {
        expect(row[`${category.id} status`]).toBe(category.status);
        expect(Number(row[`${category.id} failed checks`])).toBe(result.report.checks.filter((c) => c.category === category.id && c.status === "fail").length);
      }
      expect(row["problem code"]).toBe("");
    } else {
      expect(row["problem code"]).toBe(result.problem!.code);
      expect(row.score).toBe("");
    }
    // The CSV row and the xlsx row hold the same values.
    const sheetRow = resultSheet[index + 1]!;
    Object.values(row).forEach((value, column) => {
      const cell = sheetRow[column];
      expect(cell === undefined || cell === null ? "" : String(cell), `Results sheet, ${ids[index]}, column ${column + 1}`).toBe(value);
    });
  }

  const scored = rows.filter((r) => r.grade !== "");
  // Grades.
  const gradeCounts = GRADES.map((g) => scored.filter((r) => r.grade === g).length);
  expect(workbook.get("Grades")!.slice(1).map((r) => r[1])).toEqual(gradeCounts);
  expect(htmlTable(doc, "table-grades").map((cells) => Number(cells[1]))).toEqual(gradeCounts);
  expect(chartBars(doc, "chart-grades")).toEqual(GRADES.map((g, i) => ({ label: GRADE_LABELS[g], value: gradeCounts[i] })));

  // Score histogram.
  const bins = Array.from({ length: 10 }, (_, bin) => scored.filter((r) => Math.min(9, Math.floor(score(r)! / 10)) === bin).length);
  expect(workbook.get("Scores")!.slice(1).map((r) => r[1])).toEqual(bins);
  expect(htmlTable(doc, "table-scores").map((cells) => Number(cells[1]))).toEqual(bins);
  expect(chartBars(doc, "chart-scores").map((b) => b.value)).toEqual(bins);

  // Mean score, in the figures at the top and in the xlsx.
  const mean = round1(scored.reduce((sum, r) => sum + score(r)!, 0) / scored.length);
  const figures = DomUtils.findAll((el) => el.name === "li", [DomUtils.findOne((el) => el.attribs.id === "figures", doc.children, true)!]).map(text);
  expect(figures).toContain(`${mean.toFixed(1)} Mean score`);
  expect(figures).toContain(`${rows.length} Plans in the batch`);
  expect(figures).toContain(`${scored.length} Scored`);
  expect(workbook.get("About")!.find((r) => r[0] === "Mean score")?.[1]).toBe(mean);

  // Categories: pass / warning / fail among plans where the category applied, and the pass rate.
  const categorySheet = workbook.get("Categories")!.slice(1);
  const categoryTable = htmlTable(doc, "table-categories");
  const categoryBars = chartBars(doc, "chart-categories");
  CATEGORY_IDS.forEach((id, i) => {
    const statuses = scored.map((r) => r[`${id} status`]).filter((s) => s !== "not-applicable");
    const count = (s: string) => statuses.filter((x) => x === s).length;
    const rate = statuses.length === 0 ? null : round1((count("pass") / statuses.length) * 100);
    const sheetCells = Array.from({ length: 6 }, (_, k) => categorySheet[i]![k + 1] ?? null);
    expect(sheetCells, `category ${id} in the xlsx`).toEqual([id, statuses.length, count("pass"), count("warning"), count("fail"), rate]);
    expect(categoryTable[i]!.slice(1, 6).map(Number), `category ${id} on the page`).toEqual([statuses.length, count("pass"), count("warning"), count("fail"), rate ?? Number.NaN]);
    expect(categoryBars[i]!.value).toBe(rate ?? 0);
  });

  // Breakdowns by every manifest column.
  for (const [index, column] of breakdownColumns.entries()) {
    const values = [...new Set(rows.map((r) => r[column] || "(blank)"))].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    const expected = values.map((value) => {
      const group = rows.filter((r) => (r[column] || "(blank)") === value);
      const groupScored = group.filter((r) => r.grade !== "");
      return [value, group.length, groupScored.length, group.length - groupScored.length, ...GRADES.map((g) => groupScored.filter((r) => r.grade === g).length)];
    });
    const sheet = workbook.get(`By ${column}`)!.slice(1).map((r) => [r[0], r[1], r[2], r[3], ...r.slice(5, 9)]);
    expect(sheet, `xlsx breakdown by ${column}`).toEqual(expected);
    const table = htmlTable(doc, `table-breakdown-${index + 1}`).map((cells) => [cells[0], ...cells.slice(1, 4).map(Number), ...cells.slice(5, 9).map(Number)]);
    expect(table, `page breakdown by ${column}`).toEqual(expected);
    const bars = chartBars(doc, `chart-breakdown-${index + 1}`);
    expect(bars.map((b) => b.value)).toEqual(expected.flatMap((e) => e.slice(4) as number[]));
  }

  // Plans not scored, with their codes.
  const failed = rows.filter((r) => r["problem code"] !== "").map((r) => [r.id, r["problem code"]]);
  expect(htmlTable(doc, "table-unreadable").map((cells) => [cells[0], cells[1]])).toEqual(failed);
  expect(workbook.get("Not scored")!.slice(1).map((r) => [r[0], r[1]])).toEqual(failed);

  // The most frequent failing checks (all of them in the xlsx, the first ten on the page) from results.jsonl.
  const failing = new Map<string, number>();
  for (const result of results) for (const check of result.report?.checks ?? []) if (check.status === "fail") failing.set(check.id, (failing.get(check.id) ?? 0) + 1);
  const expectedFailing = [...failing].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  expect(workbook.get("Failing checks")!.slice(1).map((r) => [r[1], r[3]])).toEqual(expectedFailing);
  expect(htmlTable(doc, "table-failing").map((cells) => Number(cells[2]))).toEqual(expectedFailing.slice(0, 10).map(([, n]) => n));
  expect(chartBars(doc, "chart-failing").map((b) => b.value)).toEqual(expectedFailing.slice(0, 10).map(([, n]) => n));

  return { rows, results };
}
