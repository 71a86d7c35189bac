// The audit report: a public contract (schemaVersion 1). Extend, never rename.
import type { DocumentFormat, SectionFoundBy, SectionId } from "./document.ts";

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
}

export interface Finding {
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
  /** True when a critical failure capped the grade. */
  gradeCapped: boolean;
  ruleset: { name: string; version: string };
  documents: DocumentSummary[];
  categories: CategoryResult[];
  checks: CheckResult[];
  sections: SectionSummary[];
  /** Draft -> final changes per section, when a draft was given. */
  changes?: SectionChange[];
}

export interface SectionChange {
  section: SectionId | null;
  added: number;
  removed: number;
  reworded: number;
  items: { kind: "added" | "removed" | "reworded"; draft?: string; final?: string }[];
}
