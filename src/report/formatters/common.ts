// What every human-readable format shows, decided once: labels, the order of findings, how a location reads.
import { SECTION_IDS, type SectionId } from "../../model/document.ts";
import type { AuditReport, CheckResult, CheckStatus, Finding, FindingLocation, SectionSummary, Severity } from "../../model/report.ts";
import { planOrder } from "../fix-first.ts";
import { GRADE_LABELS } from "../score.ts";

export { GRADE_LABELS };

export const STATUS_LABELS: Record<CheckStatus, string> = { pass: "Pass", warning: "Warning", fail: "Fail", "not-applicable": "Not applicable" };
export const SEVERITY_LABELS: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const DOCUMENT_LABELS = { plan: "the plan", draft: "the draft", response: "a response letter", advice: "an advice report" } as const;

export const formatScore = (score: number | null): string => (score === null ? "–" : score.toFixed(1));

/** Where the finding is: the place in words when the report has it, else the page or paragraph (older reports). */
export function locationText(location: FindingLocation, document?: Finding["document"]): string {
  if (location.description) return location.description;
  const where = location.page !== undefined ? `page ${location.page}` : location.paragraph !== undefined ? `paragraph ${location.paragraph + 1}` : "";
  const inDoc = document && document !== "plan" ? `in ${DOCUMENT_LABELS[document]}` : "";
  return [inDoc, where].filter(Boolean).join(", ");
}

export interface PlacedFinding {
  finding: Finding;
  check: CheckResult;
}

export interface FindingGroup {
  section: SectionId | null;
  /** "The plan as a whole" or "Section F: The support I will get" (the heading as written when present). */
  heading: string;
  findings: PlacedFinding[];
}

function sectionHeading(section: SectionId | null, sections: SectionSummary[]): string {
  if (section === null) return "The plan as a whole";
  const summary = sections.find((s) => s.id === section);
  if (!summary?.present) return `Section ${section}: ${summary?.title ?? ""} (not in the plan)`;
  // Headings usually carry their letter already ("Section F: ..."); only add it when they do not.
  return new RegExp(`\\b${section}\\b`).test(summary.title) ? summary.title : `Section ${section}: ${summary.title}`;
}

/** Findings grouped by section in plan order (whole-plan findings first), in plan order within a section. */
export function groupFindings(report: AuditReport): FindingGroup[] {
  const placed = report.checks.flatMap((check) => check.findings.map((finding) => ({ finding, check })));
  const order: (SectionId | null)[] = [null, ...SECTION_IDS];
  return order
    .map((section) => ({
      section,
      heading: sectionHeading(section, report.sections),
      // In the plan's order inside a section too, so a reader can work down the document; the most severe first at one place.
      findings: placed
        .filter((p) => p.finding.section === section)
        .sort((a, b) => planOrder(a.finding) - planOrder(b.finding) || SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity]),
    }))
    .filter((group) => group.findings.length > 0);
}

export function findingCounts(report: AuditReport): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const check of report.checks) for (const f of check.findings) counts[f.severity] += 1;
  return counts;
}

/** "12 findings: 3 errors, 8 warnings, 1 note". */
export function countsText(report: AuditReport): string {
  const counts = findingCounts(report);
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return "No findings";
  const parts = [plural(counts.error, "error"), plural(counts.warning, "warning"), plural(counts.info, "note")].filter((p) => !p.startsWith("0 "));
  return `${plural(total, "finding")}: ${parts.join(", ")}`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Why a category is not applicable: the notes of its checks, or that no check of it ran. */
export function notApplicableReason(report: AuditReport, category: string): string {
  const notes = report.checks.filter((c) => c.category === category && c.status === "not-applicable" && c.note).map((c) => c.note!);
  if (notes.length > 0) return [...new Set(notes)].join(" ");
  return report.checks.some((c) => c.category === category) ? "" : "No check in this category is switched on.";
}

/** The sentence saying what decided the grade (a report from before grade reasons: only a capped grade is explained). */
export function gradeReasonText(report: AuditReport): string {
  if (report.gradeReason) return report.gradeReason;
  if (!report.gradeCapped) return "";
  const critical = report.checks.filter((c) => c.critical && c.status === "fail").map((c) => c.title);
  return `The grade is capped at ${GRADE_LABELS["requires-improvement"]} because a critical check failed: ${critical.join("; ")}.`;
}

export const mainDocument = (report: AuditReport) => report.documents.find((d) => d.role === "plan") ?? report.documents[0];

/** "2025-09-01 14:03 UTC" */
export const dateText = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Checks that could not be applied, with why (for the "not checked" list). */
export const notApplicableChecks = (report: AuditReport): CheckResult[] => report.checks.filter((c) => c.status === "not-applicable");

const CORRECTION_SOURCES = { comment: "a Word comment", "tracked-change": "a tracked change", "response-letter": "a response letter" } as const;
const VERDICTS = {
  "carried-over": "carried over",
  "partly-carried-over": "partly carried over",
  "not-carried-over": "not carried over",
  "not-a-correction": "not a correction (nothing was asked)",
  unclear: "unclear",
} as const;

/** The lines explaining a draft correction: who asked for what, the verdict, and what the final says. */
export function correctionLines(finding: Finding): string[] {
  const c = finding.correction;
  if (!c) return [];
  return [
    `Asked for in ${CORRECTION_SOURCES[c.source]}${c.author ? ` by ${c.author}` : ""}: "${c.request}"`,
    `Verdict: ${VERDICTS[c.verdict]}`,
    c.finalText === null ? "The final has no matching passage." : `The final says: "${c.finalText}"`,
  ];
}

/** The anchor of a finding in the HTML and Markdown reports ("finding-vague-provision-3"). */
export const findingAnchor = (id: string): string => `finding-${id}`;

export const FIX_FIRST_HEADING = "Fix these first";

/** What a reader could not do in full, per file ("plan.pdf: its tables were read as plain lines ..."): notes, not failures. */
export function readingNotes(report: AuditReport): string[] {
  return report.documents.flatMap((doc) => (doc.notes ?? []).map((note) => `${doc.fileName}: ${note}`));
}
