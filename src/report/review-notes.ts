// The words of the notes a reviewed plan carries, the same in Word comments and PDF notes: one note per finding
// (message, suggested rewrite, source) and a first note with the grade, why, what to fix first, and the findings
// that have no words in the plan to sit on.
import type { AuditReport, Finding } from "../model/report.ts";
import { GRADE_LABELS } from "./score.ts";

/** The note's paragraphs for one finding: the message, the suggested rewrite, and the source it rests on. */
export function findingNoteText(finding: Finding, checkTitle: string, source: string): string[] {
  return [finding.message, ...(finding.suggestion ? [`Suggestion: ${finding.suggestion}`] : []), `${checkTitle} (${source})`];
}

/** A finding the reviewed plan could not anchor on its own words, with its check's title. */
export interface UnanchoredFinding {
  finding: Finding;
  title: string;
}

/** The first note: grade, score, why, what to fix first, and the findings that have no words to sit on. */
export function summaryNoteText(report: AuditReport, unanchored: readonly UnanchoredFinding[]): string[] {
  const lines = [`ehcp-qa audit: ${GRADE_LABELS[report.grade]}, score ${report.score.toFixed(1)} / 100.`];
  if (report.gradeReason) lines.push(report.gradeReason);
  const first = report.fixFirst ?? [];
  if (first.length > 0) {
    lines.push("Fix these first:");
    first.forEach((item, index) => lines.push(`${index + 1}. ${item.place ? `${item.place}: ` : ""}${item.message}`));
  }
  if (unanchored.length > 0) {
    lines.push("Findings with no words in the plan to attach to:");
    for (const { finding, title } of unanchored) {
      lines.push(`- ${finding.location.description ? `${finding.location.description}: ` : ""}${finding.message}${finding.suggestion ? ` Suggestion: ${finding.suggestion}` : ""} (${title})`);
    }
  }
  return lines;
}

/**
 * Which findings a reviewed plan attaches to its words: those about the plan. A finding about another input (the
 * draft, an advice report) is listed in the first note unless it is only informational.
 */
export function belongsInReviewedPlan(finding: Finding): { inPlan: boolean; listIfUnanchored: boolean } {
  const inPlan = !finding.document || finding.document === "plan";
  return { inPlan, listIfUnanchored: inPlan || finding.severity !== "info" };
}
