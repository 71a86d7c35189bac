// What the audit pool's children are asked to do, and what they answer. Everything here crosses the process
// boundary as plain data (IPC with structured clone): bytes in; a report, a document or a coded problem out.
import type { DocumentFormat, EhcpDocument } from "../model/document.ts";
import type { IngestLimits } from "../ingest/guard.ts";
import type { SectionAliases } from "../ingest/section-headings.ts";
import type { Problem, ProblemCode } from "../model/problem.ts";
import type { AuditReport } from "../model/report.ts";
import type { ParagraphPrint } from "../batch/boilerplate.ts";

/** What a file is to the check: the plan, its earlier draft, a response letter or an advice report. */
export type TaskRole = "plan" | "draft" | "response" | "advice";

export interface TaskFile {
  role: TaskRole;
  /** The file's base name, as reports and problems show it. */
  fileName: string;
  bytes: Uint8Array;
}

/** A loaded rule set as data: a child rebuilds it once (parseRuleSet) and keeps it by `key`. */
export interface RuleSetData {
  key: string;
  /** How a problem with the rule set would name it. */
  label: string;
  resolved: Record<string, unknown>;
}

/** Limits on words once read: a file stuffed with text is refused before any rule runs (the service sets them). */
export interface WordLimits {
  perDocument: number;
  perCheck: number;
}

/**
 * A rule set the child loads itself, by name or file as `--ruleset` gives it (the CLI): the command then loads no rule
 * and compiles no schema of its own, and a rule-set mistake comes back as INVALID_RULESET like any other problem.
 */
export interface RuleSetRef {
  ref: string;
}

/** Read every file (plan first), then audit them with the rule set. */
export interface AuditTask {
  kind: "audit";
  files: TaskFile[];
  ruleSet: RuleSetData | RuleSetRef;
  /** ISO date-time stamped on the report. */
  generatedAt: string;
  /** "Today" for the date rules (ISO date); default: the report's date. */
  auditDate?: string;
  limits?: Partial<IngestLimits>;
  words?: WordLimits;
  /** Give back the plan's paragraph prints, for a batch's search for paragraphs copied between plans. */
  paragraphPrints?: boolean;
}

/** Read one file into the document model (the CLI's `parse`). */
export interface ReadTask {
  kind: "read";
  file: TaskFile;
  aliases?: SectionAliases;
  limits?: Partial<IngestLimits>;
}

export type Task = AuditTask | ReadTask;

/** What a task gives back when it succeeds. */
export interface AuditValue {
  report: AuditReport;
  /** Time spent reading the files and running the rules, in the child (for the service's log). */
  readMs: number;
  rulesMs: number;
  /** The plan's paragraph prints, when the task asked for them (src/batch/boilerplate.ts). */
  paragraphs?: ParagraphPrint[];
}
export type TaskValue<T extends Task> = T extends AuditTask ? AuditValue : EhcpDocument;

/** A coded problem; INTERNAL when ehcp-qa itself failed (a bug to report, not the file's fault). */
export interface TaskProblem extends Omit<Problem, "code"> {
  code: ProblemCode | "INTERNAL";
  /** The role of the file the problem is about, when it is about one. */
  role?: TaskRole;
}

export type TaskResult<V> = { ok: true; value: V } | { ok: false; problem: TaskProblem; detail?: string };

/** A task's result as the pool answers it, with what it cost. */
export type TaskOutcome<V> = TaskResult<V> & {
  /** The highest resident memory (bytes) of the child process that ran the task, while it ran. */
  peakRssBytes: number;
  /** From the task being handed to the pool to its answer. */
  ms: number;
};

/** Where a task has got to: reading file `index` (and its format, once known), or running the rules. */
export type TaskProgress = { stage: "reading"; index: number; fileName: string; role: TaskRole; format?: DocumentFormat } | { stage: "rules" };

/** Messages from the pool to a child. */
export type ToChild = { type: "task"; id: number; task: Task; deadlineAt: number } | { type: "warm" };

/** Messages from a child to the pool. */
export type FromChild =
  | { type: "ready" }
  /** `preparedMs` on a task's first progress: the time the child spent loading code and the rule set before the files. */
  | { type: "progress"; id: number; progress: TaskProgress; preparedMs?: number }
  | { type: "done"; id: number; result: TaskResult<unknown>; peakRssBytes: number };
