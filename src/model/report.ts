// The audit report: a public contract (schemaVersion 1). Extend, never rename.
import type { DocumentFormat, PlanDates, SectionFoundBy, SectionId } from "./document.ts";

export const CATEGORY_IDS = [
  "structure",
  "provision-specificity",
  "child-voice",
  "professional-advice",
  "draft-corrections",
  "outcomes",
  "consistency",
  "timeliness",
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export type CheckStatus = "pass" | "warning" | "fail" | "not-applicable";
export type Severity = "error" | "warning" | "info";
export const GRADES = ["outstanding", "good", "requires-improvement", "inadequate"] as const;
export type Grade = (typeof GRADES)[number];

export interface FindingLocation {
  page?: number;
  /** Block id in the document model ("b12"). */
  block?: string;
  /** DOCX body paragraph index. */
  paragraph?: number;
  /** The place in words a Word or PDF reader can follow: section and heading, sub-heading, table and row, page. */
  description?: string;
}

export interface Finding {
  /** Stable within a report: the check id and the finding's number in it ("vague-provision-3"); the anchor of links. */
  id?: string;
  severity: Severity;
  message: string;
  section: SectionId | null;
  /** Verbatim text from the document (white space folded); "" when the finding is about something absent. */
  excerpt: string;
  suggestion: string;
  location: FindingLocation;
  /** Which input the finding is about when not the plan itself. */
  document?: "plan" | "draft" | "response" | "advice";
  /** Draft-corrections findings: the correction asked for, who asked, and what the final says at that place. */
  correction?: CorrectionDetail;
}

export interface CorrectionDetail {
  source: "comment" | "tracked-change" | "response-letter";
  author: string;
  /** What was asked, as written. */
  request: string;
  verdict: "carried-over" | "partly-carried-over" | "not-carried-over" | "not-a-correction" | "unclear";
  /** The final's text at the matching place; null when the passage was removed or not found. */
  finalText: string | null;
}

/** One line of "Fix these first": a finding that matters most, where it is, and the id to link to it. */
export interface FixFirstItem {
  findingId: string;
  check: string;
  severity: Severity;
  message: string;
  section: SectionId | null;
  place: string;
  /** Severity × the check's weight × the statutory importance of its category. */
  importance: number;
}

export interface CheckResult {
  id: string;
  category: CategoryId;
  title: string;
  status: CheckStatus;
  /** 0..1 */
  score: number;
  weight: number;
  critical: boolean;
  source: string;
  /** Why the check is not applicable, or a short summary of what it measured. */
  note?: string;
  findings: Finding[];
}

export interface GradeCap {
  grade: Grade;
  /** The failing categories that set the cap (empty when only a critical check did). */
  failingCategories: CategoryId[];
  /** Ids of failed critical checks, when they set the cap. */
  criticalChecks: string[];
}

export interface CategoryResult {
  id: CategoryId;
  title: string;
  /** 0..100, or null when every check in it is not applicable. */
  score: number | null;
  status: CheckStatus;
}

export interface DocumentSummary {
  role: "plan" | "draft" | "response" | "advice";
  fileName: string;
  format: DocumentFormat;
  pages?: number;
  paragraphs?: number;
  words: number;
  sha256: string;
  /** What the reader could not do in full (a PDF's tables read as plain lines): notes, not failures. */
  notes?: string[];
  /** The title block's facts (ISO dates), null where the document does not say. */
  facts: DocumentFacts;
}

/** The report's title facts: who the plan is about, and what its dates mean (read once, in rules/plan-dates.ts). */
export interface DocumentFacts extends PlanDates {
  childName: string | null;
  firstName: string | null;
  lastName: string | null;
  knownAs: string | null;
  dateOfBirth: string | null;
}

export interface SectionSummary {
  id: SectionId;
  title: string;
  present: boolean;
  wordCount: number;
  /** How the section's heading was spotted in the layout (present sections only). */
  foundBy?: SectionFoundBy;
  /** What named it: its letter, a rule-set alias, or the meaning of the heading's words (present sections only). */
  matchedBy?: "letter" | "alias" | "meaning";
  /** Where its text stands; several when the layout repeats the section (once per area of need). */
  regions?: SectionRegionSummary[];
}

export interface SectionRegionSummary {
  heading: string;
  areaOfNeed?: string;
  location: { page?: number; paragraph?: number; block?: string };
  wordCount: number;
}

export interface AuditReport {
  schemaVersion: 1;
  generatedAt: string;
  tool: { name: "ehcp-qa"; version: string };
  score: number;
  grade: Grade;
  /** True when the category verdicts (a failing category, or a failed critical check) lowered the grade below the one its score alone gives. */
  gradeCapped: boolean;
  /** The grade the score alone gives (the grade bands of the rule set). */
  scoreGrade?: Grade;
  /** The best grade the category verdicts allow, and what set it; null when no cap applies. */
  gradeCap?: GradeCap | null;
  /** The lowest grade allowed because no category fails (only warnings); null when a category fails. */
  gradeFloor?: Grade | null;
  /** One sentence saying what decided the grade ("Capped at Requires improvement: professional advice fails (...)"). */
  gradeReason?: string;
  ruleset: { name: string; version: string };
  documents: DocumentSummary[];
  categories: CategoryResult[];
  checks: CheckResult[];
  sections: SectionSummary[];
  /** The findings that matter most, most important first (at most five). */
  fixFirst?: FixFirstItem[];
  /** Draft -> final changes per section, when a draft was given. */
  changes?: SectionChange[];
}

export interface SectionChange {
  section: SectionId | null;
  added: number;
  removed: number;
  reworded: number;
  items: { kind: "added" | "removed" | "reworded"; draft?: string; final?: string; words?: WordChange[] }[];
}

/** One piece of a reworded passage, word by word: kept, struck out (in the draft only) or added (in the final only). */
export interface WordChange {
  text: string;
  change: "same" | "added" | "removed";
}
