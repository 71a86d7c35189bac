// The naming convention that pairs a plan with its other files, so a folder of plans needs no manifest:
//   <id>-final.docx|pdf      the plan to score            <id>-draft.docx|pdf        its draft
//   <id>-response*.docx|pdf|txt  response letters         <id>-advice-*.docx|pdf|txt  advice reports
// A Word or PDF file that names no role (isla-thornton.docx) is a plan on its own; a draft with no final is scored
// as the plan. The same document in several formats is read once, from the Word file first (it carries comments
// and tracked changes), then the PDF, then text.
import path from "node:path";
import type { Problem } from "../model/problem.ts";
import type { SourceEntry } from "./source.ts";
import type { BatchFileRef, BatchPlan, BatchRole, SkippedFile } from "./types.ts";

export interface Discovery {
  plans: BatchPlan[];
  skipped: SkippedFile[];
}

const FORMAT_PREFERENCE = ["docx", "pdf", "txt"] as const;
type Extension = (typeof FORMAT_PREFERENCE)[number];

export interface NamedFile {
  id: string;
  role: BatchRole;
  extension: Extension;
  /** Folder and name without extension, lower case: the same document in another format has the same one. */
  document: string;
  path: string;
}

// Letters and response/advice tails are tried before final/draft: "ava-advice-final" is advice, not a plan.
const ROLE_PATTERNS: [BatchRole, RegExp][] = [
  ["response", /^(.+?)[-_ ]response.*$/i],
  ["advice", /^(.+?)[-_ ]advice(?:[-_ .].*)?$/i],
  ["plan", /^(.+?)[-_ ]final$/i],
  ["draft", /^(.+?)[-_ ]draft$/i],
];

export const ROLE_LABELS: Record<BatchRole, string> = { plan: "plan", draft: "draft", response: "response letter", advice: "advice report" };

/** What a file's name says it is, or why it is not scored. */
export function nameFile(filePath: string): NamedFile | { skip: string } {
  const base = path.posix.basename(filePath);
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  if (!(FORMAT_PREFERENCE as readonly string[]).includes(extension)) {
    return { skip: "not a Word document (.docx), PDF or text file" };
  }
  const stem = base.slice(0, dot).trim();
  const document = path.posix.join(path.posix.dirname(filePath), stem).toLowerCase();
  for (const [role, pattern] of ROLE_PATTERNS) {
    const match = pattern.exec(stem);
    if (match?.[1]) return finish(match[1].trim(), role);
  }
  return finish(stem, "plan");

  function finish(id: string, role: BatchRole): NamedFile | { skip: string } {
    if (extension === "txt" && (role === "plan" || role === "draft")) return { skip: "a plan or draft is scored from its Word document or PDF, not a text file" };
    return { id, role, extension: extension as Extension, document, path: filePath };
  }
}

/** Keeps one file per document (Word, then PDF, then text); the others are skipped with the reason. */
export function onePerDocument(files: NamedFile[], skipped: SkippedFile[]): NamedFile[] {
  const byDocument = new Map<string, NamedFile[]>();
  for (const file of files) byDocument.set(file.document, [...(byDocument.get(file.document) ?? []), file]);
  const kept: NamedFile[] = [];
  for (const copies of byDocument.values()) {
    copies.sort((a, b) => FORMAT_PREFERENCE.indexOf(a.extension) - FORMAT_PREFERENCE.indexOf(b.extension) || a.path.localeCompare(b.path));
    const [first, ...others] = copies as [NamedFile, ...NamedFile[]];
    kept.push(first);
    for (const other of others) skipped.push({ path: other.path, reason: `the same document as ${first.path}, which is read instead` });
  }
  return kept.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function conflict(id: string, role: BatchRole, files: NamedFile[]): Problem {
  return {
    code: "BAD_REQUEST",
    message: `${files.length} files are named as the ${ROLE_LABELS[role]} for ${id} (${files.map((f) => f.path).join(", ")}). Keep one, rename the others, or list the files in a manifest.`,
  };
}

/** Puts a group of files with one id together as a plan: plan first, then draft, response letters, advice. */
export function planFromFiles(id: string, files: NamedFile[]): BatchPlan {
  const of = (role: BatchRole) => files.filter((f) => f.role === role);
  const ref = (file: NamedFile, role: BatchRole = file.role): BatchFileRef => ({ role, path: file.path });
  let plans = of("plan");
  let drafts = of("draft");
  const others = [...of("response"), ...of("advice")].map((file) => ref(file));
  for (const [role, group] of [["plan", plans], ["draft", drafts]] as const) {
    if (group.length > 1) return { id, files: [...plans, ...drafts].map((file) => ref(file)).concat(others), columns: {}, problem: conflict(id, role, group) };
  }
  // A draft sent on its own is what the auditor wants scored.
  if (plans.length === 0 && drafts.length === 1) [plans, drafts] = [drafts, []];
  const [plan] = plans;
  if (!plan) {
    return {
      id,
      files: others,
      columns: {},
      problem: { code: "FILE_NOT_FOUND", message: `No plan was found for ${id}: there are ${others.length === 1 ? "a file" : "files"} for it (${others.map((f) => f.path).join(", ")}) but no ${id}-final.docx or ${id}-final.pdf.` },
    };
  }
  return { id, files: [ref(plan, "plan"), ...drafts.map((file) => ref(file)), ...others], columns: {} };
}

/** Plans found by their file names, sorted by id; files that are not part of any plan are listed as skipped. */
export function pairByConvention(entries: SourceEntry[]): Discovery {
  const skipped: SkippedFile[] = [];
  const named: NamedFile[] = [];
  for (const entry of entries) {
    const result = nameFile(entry.path);
    if ("skip" in result) skipped.push({ path: entry.path, reason: result.skip });
    else named.push(result);
  }
  const groups = new Map<string, NamedFile[]>();
  for (const file of onePerDocument(named, skipped)) {
    const key = file.id.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  const plans = [...groups.values()].map((files) => planFromFiles(files[0]!.id, files));
  return { plans: sortPlans(plans), skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** Plans in id order: every output lists them so, and the same input always gives the same order. */
export function sortPlans<T extends { id: string }>(plans: T[]): T[] {
  return plans.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
