// What a child does with a task: read the files (the ingest guard's size and zip checks, then the format's reader,
// all in this process, whose memory the pool watches), then audit them with the rule set. Modules load on first use,
// so a child that only reads a DOCX never loads the rules or pdf.js. Every failure a file can cause comes back as
// its coded problem, with the file's name and role.
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { DocumentFormat, EhcpDocument } from "../model/document.ts";
import { isProblemError } from "../model/problem.ts";
import type { TaskRunner } from "./child-protocol.ts";
import type { AuditTask, AuditValue, ReadTask, TaskFile, TaskProblem, TaskResult, WordLimits } from "./tasks.ts";

/** Rule sets rebuilt from their data, by key: a child rebuilds each one once. */
const ruleSets = new Map<string, Promise<LoadedRuleSet>>();

/** A small invented plan: auditing it once sets up what the rules build on first use (word lists, compiled patterns). */
const WARM_UP_PLAN = [
  "Section A: About me",
  "Robin is seven and likes building towers. Robin says: I want to be an architect.",
  "Section B: Special educational needs",
  "Robin finds it hard to follow spoken instructions in a busy classroom.",
  "Section F: Special educational provision",
  "A teaching assistant will go over each instruction with Robin, one to one, for 10 minutes every morning.",
].join("\n");

/**
 * Makes a long-lived child (the service's) ready before the first check arrives: loads the readers and the rules and
 * audits a small plan once as text and once as a Word file, so the first upload a child takes costs what every later
 * one does (a child warmed on text alone read its first Word file with the DOCX path cold: about twice the CPU).
 */
export async function warmUp(): Promise<void> {
  const [{ audit, readPlan }, { loadRuleSet }, { warmUpDocx }] = await Promise.all([
    import("../audit.ts"),
    import("../config/loader.ts"),
    import("./warm-up-docx.ts"),
    import("../ingest/docx.ts"),
    import("../ingest/pdf.ts"),
  ]);
  const ruleSet = await loadRuleSet("default");
  const lines = WARM_UP_PLAN.split("\n");
  for (const file of [{ fileName: "warm-up.txt", bytes: new TextEncoder().encode(WARM_UP_PLAN) }, { fileName: "warm-up.docx", bytes: await warmUpDocx(lines) }]) {
    const plan = await readPlan(file, ruleSet);
    audit({ plan, responses: [], advice: [] }, ruleSet);
  }
}

export const runTask: TaskRunner = async (task, context) => (task.kind === "read" ? readTask(task, context) : auditTask(task, context));

type Context = Parameters<TaskRunner>[1];

function sniff(detect: (bytes: Uint8Array) => DocumentFormat, bytes: Uint8Array): DocumentFormat | undefined {
  try {
    return detect(bytes);
  } catch {
    // The reader will say what is wrong with the file.
    return undefined;
  }
}

function fileProblem(error: unknown, file: TaskFile): TaskResult<never> {
  if (isProblemError(error)) return { ok: false, problem: { ...error.problem, file: error.problem.file ?? file.fileName, role: file.role } };
  return internal(error);
}

async function readTask(task: ReadTask, context: Context): Promise<TaskResult<EhcpDocument>> {
  const [{ readDocument }, { detectFormat }] = await Promise.all([import("../ingest/index.ts"), import("../ingest/detect.ts")]);
  const format = sniff(detectFormat, task.file.bytes);
  context.progress({ stage: "reading", index: 0, fileName: task.file.fileName, role: task.file.role, ...(format ? { format } : {}) });
  try {
    const document = await readDocument(task.file.bytes, {
      fileName: task.file.fileName,
      deadlineAt: context.deadlineAt,
      ...(task.aliases ? { aliases: task.aliases } : {}),
      ...(task.limits ? { limits: task.limits } : {}),
    });
    return { ok: true, value: document };
  } catch (error) {
    return fileProblem(error, task.file);
  }
}

const thousands = (n: number): string => n.toLocaleString("en-GB");

function tooManyWords(document: EhcpDocument, file: TaskFile, words: WordLimits, total: number): TaskProblem | undefined {
  const tooLong = (message: string): TaskProblem => ({ code: "TOO_LARGE", message, file: document.fileName, role: file.role });
  if (document.wordCount > words.perDocument) {
    return tooLong(
      `This document has ${thousands(document.wordCount)} words, far more than a plan or report (a 30-page plan has about 10,000), so it was not checked. The limit is ${thousands(words.perDocument)} words: check that this is the right file.`,
    );
  }
  if (total > words.perCheck) return tooLong(`The documents in this check have more than ${thousands(words.perCheck)} words together, so they were not checked. Check fewer or shorter documents at once.`);
  return undefined;
}

async function auditTask(task: AuditTask, context: Context): Promise<TaskResult<AuditValue>> {
  const [{ audit, readPlan }, { loadRuleSet, parseRuleSet }, { detectFormat }] = await Promise.all([import("../audit.ts"), import("../config/loader.ts"), import("../ingest/detect.ts")]);
  const given = task.ruleSet;
  const cacheKey = "ref" in given ? `ref:${given.ref}` : given.key;
  let ruleSet = ruleSets.get(cacheKey);
  if (!ruleSet) {
    ruleSet = "ref" in given ? loadRuleSet(given.ref) : parseRuleSet(given.resolved, { file: given.label });
    ruleSets.set(cacheKey, ruleSet);
  }
  let rules: LoadedRuleSet;
  try {
    rules = await ruleSet;
  } catch (error) {
    // A rule set named by reference can be missing or invalid: its coded problem, and the next task tries again.
    ruleSets.delete(cacheKey);
    if (isProblemError(error)) return { ok: false, problem: { ...error.problem } };
    throw error;
  }
  const readStarted = performance.now();
  const read: { role: TaskFile["role"]; document: EhcpDocument }[] = [];
  let words = 0;
  // One file at a time: a check's files are never all being parsed at once in one child.
  for (const [index, file] of task.files.entries()) {
    const format = sniff(detectFormat, file.bytes);
    context.progress({ stage: "reading", index, fileName: file.fileName, role: file.role, ...(format ? { format } : {}) });
    try {
      const document = await readPlan(file, rules, { deadlineAt: context.deadlineAt, ...(task.limits ? { limits: task.limits } : {}) });
      words += document.wordCount;
      const refused = task.words && tooManyWords(document, file, task.words, words);
      if (refused) return { ok: false, problem: refused };
      read.push({ role: file.role, document });
    } catch (error) {
      return fileProblem(error, file);
    }
  }
  const of = (role: TaskFile["role"]) => read.filter((r) => r.role === role).map((r) => r.document);
  const [plan] = of("plan");
  const [draft] = of("draft");
  if (!plan) return { ok: false, problem: { code: "FILE_NOT_FOUND", message: "This check has no plan file to score." } };
  context.progress({ stage: "rules" });
  const rulesStarted = performance.now();
  try {
    const inputs = { plan, ...(draft ? { draft } : {}), responses: of("response"), advice: of("advice") };
    const report = audit(inputs, rules, { generatedAt: new Date(task.generatedAt), ...(task.auditDate ? { auditDate: task.auditDate } : {}) });
    const rulesMs = performance.now() - rulesStarted;
    const paragraphs = task.paragraphPrints ? (await import("../batch/boilerplate.ts")).paragraphPrints(plan) : undefined;
    return { ok: true, value: { report, readMs: rulesStarted - readStarted, rulesMs, ...(paragraphs ? { paragraphs } : {}) } };
  } catch (error) {
    // NOT_A_PLAN, BLANK_TEMPLATE: the plan read fine but is not one to grade.
    if (isProblemError(error)) return { ok: false, problem: { ...error.problem, role: "plan" } };
    return internal(error);
  }
}

function internal(error: unknown): TaskResult<never> {
  return {
    ok: false,
    problem: { code: "INTERNAL", message: "ehcp-qa had an internal problem with this plan, so it was not scored. Please report it; other plans are not affected." },
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}
