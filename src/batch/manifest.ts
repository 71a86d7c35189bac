// A manifest CSV says which files make each plan and carries the auditor's own columns (team, key stage, primary
// need...) into every output for breakdowns. Columns: id (required), plan, draft, response, advice (several files
// separated by ";"), and any others. Without a plan column the files are paired by the naming convention and the
// manifest only adds its columns. Paths are relative to the batch folder or zip; a bare file name is enough when
// only one file has it.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { ProblemError, type Problem } from "../model/problem.ts";
import { sortPlans, type Discovery } from "./pairing.ts";
import type { SourceEntry } from "./source.ts";
import type { BatchFileRef, BatchPlan, BatchRole } from "./types.ts";

const FILE_COLUMNS: Record<string, BatchRole> = { plan: "plan", final: "plan", draft: "draft", response: "response", responses: "response", advice: "advice" };

export interface ManifestRow {
  /** Line in the CSV (1 is the header). */
  line: number;
  id: string;
  files: Partial<Record<BatchRole, string[]>>;
  columns: Record<string, string>;
}

export interface Manifest {
  fileName: string;
  rows: ManifestRow[];
  /** The extra columns, in the manifest's order, by their header as written. */
  columns: string[];
  /** Whether the manifest names the files (a plan column) or only adds columns to plans paired by name. */
  namesFiles: boolean;
}

function badManifest(fileName: string, message: string): ProblemError {
  return new ProblemError({ code: "BAD_REQUEST", message: `The manifest ${fileName} cannot be used: ${message}`, file: fileName });
}

/** Reads a manifest; BAD_REQUEST naming the line when it cannot be used (no id column, an id twice, broken quoting). */
export function parseManifest(input: string | Uint8Array, fileName: string): Manifest {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(typeof input === "string" ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? ` near line ${(error as { lines: number }).lines}` : "";
    throw badManifest(fileName, `it is not a readable CSV file${line} (check for a quote that is not closed). Save it from Excel as "CSV (Comma delimited)".`);
  }
  const [header, ...body] = records;
  if (!header) throw badManifest(fileName, "it is empty. Its first line names the columns: id, plan, draft, response, advice, and any of your own.");
  const headers = header.record.map((name) => name.trim());
  const keyOf = (name: string) => name.toLowerCase();
  const idIndex = headers.findIndex((name) => keyOf(name) === "id");
  if (idIndex < 0) throw badManifest(fileName, `it has no "id" column (its columns are: ${headers.join(", ") || "none"}). The first line names the columns: id, plan, draft, response, advice, and any of your own.`);
  const seenHeaders = new Set<string>();
  for (const name of headers) {
    if (name === "") continue;
    if (seenHeaders.has(keyOf(name))) throw badManifest(fileName, `the column "${name}" appears twice. Give each column its own name.`);
    seenHeaders.add(keyOf(name));
  }
  const fileColumns = headers.map((name) => FILE_COLUMNS[keyOf(name)]);
  const extra = headers.map((name, index) => (index !== idIndex && fileColumns[index] === undefined && name !== "" ? name : undefined));

  const rows: ManifestRow[] = [];
  const ids = new Map<string, number>();
  for (const { record, info } of body) {
    if (record.every((cell) => cell.trim() === "")) continue;
    const id = (record[idIndex] ?? "").trim();
    if (id === "") throw badManifest(fileName, `line ${info.lines} has no id. Give every plan an id, or delete the line.`);
    const earlier = ids.get(id.toLowerCase());
    if (earlier !== undefined) throw badManifest(fileName, `the id ${id} is on line ${earlier} and again on line ${info.lines}. Give each plan its own id.`);
    ids.set(id.toLowerCase(), info.lines);
    const row: ManifestRow = { line: info.lines, id, files: {}, columns: {} };
    record.forEach((cell, index) => {
      const role = fileColumns[index];
      const column = extra[index];
      if (role) {
        const paths = cell.split(";").map((p) => p.trim()).filter(Boolean);
        if (paths.length > 0) row.files[role] = [...(row.files[role] ?? []), ...paths];
      } else if (column !== undefined) {
        row.columns[column] = cell.trim();
      }
    });
    for (const role of ["plan", "draft"] as const) {
      if ((row.files[role]?.length ?? 0) > 1) throw badManifest(fileName, `line ${info.lines} names ${row.files[role]!.length} files as the ${role} for ${id}; a plan has one.`);
    }
    rows.push(row);
  }
  const columns = extra.filter((name): name is string => name !== undefined);
  return { fileName, rows, columns, namesFiles: fileColumns.includes("plan") };
}

/** Finds a file the manifest names: the exact path, the same path in another case, or a file name found once. */
function resolver(entries: SourceEntry[]): (wanted: string) => { path: string } | { problem: string } {
  const exact = new Set(entries.map((e) => e.path));
  const byLower = new Map<string, string[]>();
  const byBase = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const entry of entries) {
    add(byLower, entry.path.toLowerCase(), entry.path);
    add(byBase, path.posix.basename(entry.path).toLowerCase(), entry.path);
  }
  return (wanted) => {
    const normal = wanted.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/^\/+/, "");
    if (exact.has(normal)) return { path: normal };
    const candidates = byLower.get(normal.toLowerCase()) ?? (normal.includes("/") ? [] : (byBase.get(normal.toLowerCase()) ?? []));
    if (candidates.length === 1) return { path: candidates[0]! };
    if (candidates.length > 1) return { problem: `${candidates.length} files are called ${wanted} (${candidates.join(", ")}); give its folder too` };
    return { problem: `there is no file ${wanted} in the batch` };
  };
}

/**
 * The plans a manifest describes. With file columns, each row's files (a row without a plan falls back on the
 * naming convention for its id); without, the plans paired by name, with the manifest's columns added by id. A
 * row whose files cannot be found is a plan with FILE_NOT_FOUND, never the end of the batch.
 */
export function applyManifest(manifest: Manifest, entries: SourceEntry[], byConvention: Discovery): Discovery {
  const blank = Object.fromEntries(manifest.columns.map((c) => [c, ""]));
  const conventionById = new Map(byConvention.plans.map((plan) => [plan.id.toLowerCase(), plan]));
  const plans: BatchPlan[] = [];
  const used = new Set<string>();
  const resolve = resolver(entries);

  for (const row of manifest.rows) {
    const columns = { ...blank, ...row.columns };
    const paired = conventionById.get(row.id.toLowerCase());
    conventionById.delete(row.id.toLowerCase());
    if (!manifest.namesFiles || !row.files.plan) {
      if (paired) {
        plans.push({ ...paired, id: row.id, columns });
        for (const file of paired.files) used.add(file.path);
      } else {
        const where = manifest.namesFiles ? `line ${row.line} of ${manifest.fileName} names no plan file for it, and` : "";
        plans.push({
          id: row.id,
          files: [],
          columns,
          problem: { code: "FILE_NOT_FOUND", message: `No plan was found for ${row.id}: ${where} there is no ${row.id}-final.docx or ${row.id}-final.pdf in the batch.`, file: manifest.fileName },
        });
      }
      continue;
    }
    const files: BatchFileRef[] = [];
    const missing: string[] = [];
    for (const role of ["plan", "draft", "response", "advice"] as const) {
      for (const wanted of row.files[role] ?? []) {
        const found = resolve(wanted);
        if ("problem" in found) missing.push(found.problem);
        else {
          files.push({ role, path: found.path });
          used.add(found.path);
        }
      }
    }
    const plan: BatchPlan = { id: row.id, files, columns };
    if (missing.length > 0) {
      plan.problem = { code: "FILE_NOT_FOUND", message: `Line ${row.line} of ${manifest.fileName}: ${missing.join("; ")}.`, file: manifest.fileName } satisfies Problem;
    }
    plans.push(plan);
  }

  const skipped = byConvention.skipped.filter((s) => !used.has(s.path));
  if (manifest.namesFiles) {
    // Files the manifest does not mention are not guessed at: the auditor chose the sample.
    for (const plan of byConvention.plans) for (const file of plan.files) if (!used.has(file.path)) skipped.push({ path: file.path, reason: `not listed in the manifest ${manifest.fileName}` });
  } else {
    for (const plan of conventionById.values()) plans.push({ ...plan, columns: { ...blank } });
  }
  return { plans: sortPlans(plans), skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

