// The shapes batch scoring passes between discovery, the runner and the outputs. Plain data throughout: a result
// is exactly one line of results.jsonl.
import type { ParagraphPrint } from "./boilerplate.ts";
import type { AuditReport } from "../model/report.ts";
import type { Problem, ProblemCode } from "../model/problem.ts";

export type BatchRole = "plan" | "draft" | "response" | "advice";
export const BATCH_ROLES: readonly BatchRole[] = ["plan", "draft", "response", "advice"];

/** One input file of a plan: its role and its path inside the batch folder or zip ("/"-separated). */
export interface BatchFileRef {
  role: BatchRole;
  path: string;
}

/** A plan to score: its id, its files (plan first), the manifest's extra columns, or why it cannot be scored. */
export interface BatchPlan {
  id: string;
  files: BatchFileRef[];
  /** The manifest's extra columns for this plan (team, key stage, ...), by the header as written. */
  columns: Record<string, string>;
  /** Set when the files could not be put together (no plan, two plans, a file the manifest names is missing). */
  problem?: Problem;
}

/** A file found in the input but not scored, and why (a spreadsheet, a second copy of a plan in PDF...). */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** The outcome for one plan: a line of results.jsonl. Exactly one of `report` and `problem` is set. */
export interface BatchResult {
  id: string;
  /** sha256 of the plan's input files, their roles and the rule set: how a resumed run knows it was scored. */
  key: string | null;
  files: BatchFileRef[];
  columns: Record<string, string>;
  /** "Today" for the date rules when the plan was audited. */
  auditDate: string;
  report?: AuditReport;
  /** Why the plan could not be scored; `file` names the file at fault, `role` its part. */
  problem?: BatchProblem;
  /**
   * Paragraphs of this plan that recur almost word for word in the plans of other children (boilerplate), with how
   * many plans of the batch hold each; `group` is the same id in summary.html. Written in the batch's final outputs.
   */
  sharedParagraphs?: { group: string; plans: number; text: string }[];
  /**
   * The plan's paragraph prints (a MinHash signature and the start of each longer paragraph, the child's name set
   * aside): kept with the result so a resumed run compares the plans it reuses with the ones it scores.
   */
  paragraphPrints?: ParagraphPrint[];
}

/** A coded problem with one plan; INTERNAL when ehcp-qa itself failed on it (a bug to report, not the file's fault). */
export interface BatchProblem extends Omit<Problem, "code"> {
  code: ProblemCode | "INTERNAL";
  role?: BatchRole;
}

export interface BatchProgress {
  /** Plans finished (scored, unreadable, or reused from an earlier run). */
  done: number;
  total: number;
  /** Plans that could not be scored so far. */
  failures: number;
  /** Plans taken from an earlier run with the same output folder. */
  reused: number;
}
