// Errors users can cause are data: a stable code and a sentence a caseworker can act on.

export type ProblemCode =
  | "CORRUPT_FILE"
  | "UNSUPPORTED_FORMAT"
  | "EMPTY_FILE"
  | "ENCRYPTED_PDF"
  | "NO_TEXT_LAYER"
  | "TOO_LARGE"
  | "ZIP_BOMB"
  | "PARSE_TIMEOUT"
  /** Read fine, but it is not an EHC plan (an advice report or a letter given as the plan). */
  | "NOT_A_PLAN"
  /** A plan template with (almost) nothing filled in: its sections hold only placeholders and prompts. */
  | "BLANK_TEMPLATE"
  | "INVALID_RULESET"
  | "FILE_NOT_FOUND"
  | "BAD_REQUEST"
  | "BUSY";

export interface RuleSetIssue {
  /** The rule-set file the problem is in. */
  file: string;
  /** JSON pointer to the offending value, e.g. "/rules/provision-specificity/severity". */
  pointer: string;
  /** What was expected, in plain words. */
  message: string;
  hint?: string;
}

export interface Problem {
  code: ProblemCode;
  /** One sentence a caseworker can act on. */
  message: string;
  /** The file the problem concerns (its name only), where there is one. */
  file?: string;
  /** For INVALID_RULESET: every problem found. */
  issues?: RuleSetIssue[];
}

/** Carries a Problem through `throw`; callers catch it and show `problem`, never a stack trace. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.name = "ProblemError";
    this.problem = problem;
  }
}

export function isProblemError(value: unknown): value is ProblemError {
  return value instanceof ProblemError || (typeof value === "object" && value !== null && "problem" in value && typeof (value as { problem: { code?: unknown } }).problem?.code === "string");
}
