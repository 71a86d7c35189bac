// Reading documents and auditing them: what the public API (index.ts) offers, apart from the report formatters, so an
// audit child (src/runtime/run-task.ts) loads what it runs and no more.
import pkg from "../package.json" with { type: "json" };
import type { LoadedRuleSet } from "./config/rule-set.ts";
import { isBlankTemplate, templateFill } from "./ingest/blank-template.ts";
import { readDocument, type ReadDocumentOptions } from "./ingest/index.ts";
import type { EhcpDocument } from "./model/document.ts";
import { ProblemError } from "./model/problem.ts";
import type { AuditReport } from "./model/report.ts";
import { audit as runAudit } from "./rules/engine.ts";
import type { AuditInputs } from "./rules/types.ts";

/** ehcp-qa's version (package.json), stamped on every report. */
export const VERSION: string = pkg.version;

export interface InputFile {
  bytes: Uint8Array;
  /** The file's name (no folders): shown in the report and used to tell DOCX, PDF and text apart. */
  fileName: string;
}

export interface AuditFiles {
  plan: InputFile;
  draft?: InputFile;
  responses?: InputFile[];
  advice?: InputFile[];
}

/** How files are read: size limits and the deadline (see ReadDocumentOptions). In this thread: to contain hostile files, audit in the audit pool (src/runtime). */
export type ReadOptions = Omit<ReadDocumentOptions, "fileName" | "aliases">;

export interface AuditRunOptions {
  /** "Today" for date rules (ISO date); defaults to the report's date. */
  auditDate?: string;
  /** When the report is made; defaults to now. */
  generatedAt?: Date;
}

/** Read one document (DOCX, PDF or text) into the document model, recognising sections with the rule set's headings. */
export function readPlan(file: InputFile, ruleSet?: Pick<LoadedRuleSet, "aliases">, read: ReadOptions = {}): Promise<EhcpDocument> {
  return readDocument(file.bytes, { ...read, fileName: file.fileName, ...(ruleSet ? { aliases: ruleSet.aliases } : {}) });
}

/** Fewer sections than this and the "plan" is something else: a report of 40 findings about it would mislead. */
const MIN_SECTIONS_OF_A_PLAN = 3;
/**
 * Sections named only by the meaning of their headings are weaker evidence: an advice report has "Views", "Needs" and
 * "Recommended support" headings too. A plan in a template without letters still has most of its sections.
 */
const MIN_SECTIONS_BY_MEANING = 6;

/**
 * Audit documents already read. Pure apart from the clock (pass `generatedAt` for a reproducible report).
 * Throws BLANK_TEMPLATE when most of the plan's sections hold only placeholders and prompts (a template nobody has
 * filled in), and NOT_A_PLAN when the plan has almost none of sections A to K: an advice report or a letter given as the plan.
 */
export function audit(inputs: AuditInputs, ruleSet: LoadedRuleSet, options: AuditRunOptions = {}): AuditReport {
  const { plan } = inputs;
  const fill = templateFill(plan);
  if (isBlankTemplate(fill)) {
    throw new ProblemError({
      code: "BLANK_TEMPLATE",
      file: plan.fileName,
      message:
        `This looks like a blank plan template: ${fill.unfilled} of its ${fill.sections} sections hold only placeholders or prompts, so it was not graded. ` +
        "Fill the sections in (or choose the finished plan) and check it again.",
    });
  }
  const named = plan.sections.filter((section) => section.matchedBy !== "meaning").length;
  if (named < MIN_SECTIONS_OF_A_PLAN && plan.sections.length < MIN_SECTIONS_BY_MEANING) {
    throw new ProblemError({
      code: "NOT_A_PLAN",
      file: plan.fileName,
      message:
        // The file's name travels in `file`; every place that shows the problem names the file from there.
        `The file given as the plan does not look like an EHC plan: ${plan.sections.length === 0 ? "none" : `only ${plan.sections.length}`} of the sections A to K ` +
        "could be found in it. If it is an advice report or a response letter, add it as one; if it is a plan, check that its section headings " +
        "name the sections (your rule set can add your own template's headings).",
    });
  }
  return runAudit(inputs, ruleSet, { ...options, toolVersion: VERSION });
}

/** Read every file, then audit. A file that cannot be read rejects with its coded ProblemError. */
export async function auditFiles(files: AuditFiles, ruleSet: LoadedRuleSet, options: AuditRunOptions & { read?: ReadOptions } = {}): Promise<AuditReport> {
  const read = (file: InputFile) => readPlan(file, ruleSet, options.read);
  const [plan, draft, responses, advice] = await Promise.all([
    read(files.plan),
    files.draft ? read(files.draft) : undefined,
    Promise.all((files.responses ?? []).map(read)),
    Promise.all((files.advice ?? []).map(read)),
  ]);
  const { read: _read, ...auditOptions } = options;
  return audit(draft ? { plan, draft, responses, advice } : { plan, responses, advice }, ruleSet, auditOptions);
}
