// The rule API: a rule is one module `{ meta, check }` (ESLint's shape). Rules never see a file format.
import type { EhcpDocument, SectionId } from "../model/document.ts";
import type { CategoryId, CorrectionDetail, FindingLocation, Severity } from "../model/report.ts";

/** Every document an audit has: the plan, and optionally its draft, response letters and advice reports. */
export interface AuditInputs {
  plan: EhcpDocument;
  draft?: EhcpDocument;
  responses: EhcpDocument[];
  advice: EhcpDocument[];
}

/** A JSON Schema, as Ajv takes it. */
export type JsonSchema = Record<string, unknown>;

export interface RuleMeta {
  /** kebab-case, equal to the file name. */
  id: string;
  category: CategoryId;
  /** Short title a caseworker reads in the report, e.g. "Provision is specific and quantified". */
  title: string;
  /** One line: what the rule flags. */
  description: string;
  /** What the rule rests on, e.g. "SEND Code of Practice 9.69". */
  source: string;
  defaultSeverity: Severity;
  defaultWeight: number;
  /** A critical failure caps the grade at requires-improvement. */
  defaultCritical?: boolean;
  /** JSON Schema for `options`; validated by Ajv when a rule set loads. */
  optionsSchema: JsonSchema;
  /** Options used when the rule set gives none; must satisfy optionsSchema. */
  defaultOptions: Record<string, unknown>;
  /** Message templates with {{placeholders}}, keyed by message id. */
  messages: Record<string, string>;
  /** Why the check matters to a child and family, in a sentence or two (shown on the rule's page). */
  rationale?: string;
  /** Short invented examples of what passes and what fails (shown on the rule's page). */
  examples?: RuleExamples;
}

/**
 * One example for a rule's page: plan wording, or a plan's situation in words. With `section`, `text` is plan wording
 * in that section, and the rule-examples test runs it through the rule, so an example can never say what the rule
 * does not do.
 */
export interface RuleExample {
  text: string;
  section?: SectionId;
}

export interface RuleExamples {
  pass: RuleExample[];
  fail: RuleExample[];
}

export interface ReportedFinding {
  /** A key of meta.messages; its {{placeholders}} are filled from `data`. */
  messageId: string;
  data?: Record<string, string | number>;
  /** Defaults to the rule's configured severity. */
  severity?: Severity;
  section: SectionId | null;
  /** Verbatim text from the document; "" when the finding is about something absent. */
  excerpt?: string;
  suggestion?: string;
  /** The block the finding is about: its location is filled in from the document. */
  blockId?: string;
  location?: FindingLocation;
  /** Which input the finding is about when not the plan. */
  document?: "plan" | "draft" | "response" | "advice";
  /** For draft-corrections findings. */
  correction?: CorrectionDetail;
}

/** Rule-set settings every rule may read (e.g. section aliases, the date the audit treats as today). */
export interface RuleSettings {
  /** ISO date used as "today" where the plan has no date; injected so results are reproducible. */
  auditDate: string;
}

export interface RuleContext<Options = Record<string, unknown>> {
  inputs: AuditInputs;
  /** Shorthand for inputs.plan. */
  plan: EhcpDocument;
  options: Options;
  /** Sections this rule applies to, from the rule set's `scope` (falls back to the rule's own default). */
  scope: SectionId[] | null;
  settings: RuleSettings;
  report(finding: ReportedFinding): void;
}

/** What `check` may return besides its findings. */
export interface CheckOutcome {
  /** 0..1; when omitted the engine derives it from the findings (fail 0, warning 0.5, pass 1). */
  score?: number;
  /** When set, the check is not applicable and this says why (e.g. "No draft was given."). */
  notApplicable?: string;
  /** A short summary of what was measured, e.g. "14 of 18 provision statements are specific." */
  note?: string;
}

export interface RuleModule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<Options>): CheckOutcome | void;
}
