// What a caseworker reads in a terminal: the verdict first, then categories, then findings by section. No colour:
// the CLI may add it, the core never does.
import type { AuditReport } from "../../model/report.ts";
import {
  gradeReasonText,
  correctionLines,
  countsText,
  dateText,
  FIX_FIRST_HEADING,
  formatScore,
  GRADE_LABELS,
  groupFindings,
  locationText,
  mainDocument,
  notApplicableChecks,
  notApplicableReason,
  SEVERITY_LABELS,
  STATUS_LABELS,
  readingNotes,
} from "./common.ts";

const pad = (text: string, width: number): string => text.padEnd(width);

export function formatText(report: AuditReport): string {
  const lines: string[] = [];
  const plan = mainDocument(report);
  lines.push(`EHC plan audit: ${plan?.fileName ?? "plan"}`);
  lines.push(`Grade: ${GRADE_LABELS[report.grade]}    Score: ${formatScore(report.score)} / 100`);
  const cap = gradeReasonText(report);
  if (cap) lines.push(cap);
  lines.push(`Rule set: ${report.ruleset.name} ${report.ruleset.version}    Checked: ${dateText(report.generatedAt)}    ehcp-qa ${report.tool.version}`);
  const others = report.documents.filter((d) => d.role !== "plan");
  if (others.length > 0) lines.push(`Also read: ${others.map((d) => `${d.fileName} (${d.role})`).join(", ")}`);
  for (const note of readingNotes(report)) lines.push(`Note: ${note}`);

  const first = report.fixFirst ?? [];
  if (first.length > 0) {
    lines.push("", FIX_FIRST_HEADING);
    first.forEach((item, index) => {
      lines.push(`  ${index + 1}. ${pad(SEVERITY_LABELS[item.severity].toUpperCase(), 8)}${item.place ? `${item.place}: ` : ""}${item.message} [${item.findingId}]`);
    });
  }

  lines.push("", "Categories");
  const titleWidth = Math.max(...report.categories.map((c) => c.title.length));
  for (const category of report.categories) {
    const reason = category.status === "not-applicable" ? notApplicableReason(report, category.id) : "";
    lines.push(`  ${pad(STATUS_LABELS[category.status], 15)}${formatScore(category.score).padStart(5)}  ${pad(category.title, titleWidth)}${reason ? `  (${reason})` : ""}`.trimEnd());
  }

  const present = report.sections.filter((s) => s.present).map((s) => s.id);
  const missing = report.sections.filter((s) => !s.present).map((s) => s.id);
  lines.push("", `Sections found: ${present.join(" ") || "none"}${missing.length > 0 ? `    Missing: ${missing.join(" ")}` : ""}`);

  lines.push("", countsText(report));
  for (const group of groupFindings(report)) {
    lines.push("", group.heading);
    for (const { finding, check } of group.findings) {
      lines.push(`  ${pad(SEVERITY_LABELS[finding.severity].toUpperCase(), 9)}${finding.message}`);
      if (finding.excerpt) lines.push(`           "${finding.excerpt}"`);
      for (const line of correctionLines(finding)) lines.push(`           ${line}`);
      if (finding.suggestion) lines.push(`           Suggestion: ${finding.suggestion}`);
      const where = locationText(finding.location, finding.document);
      lines.push(`           ${where ? `${where[0]!.toUpperCase()}${where.slice(1)} · ` : ""}${check.title} (${check.source})${finding.id ? ` [${finding.id}]` : ""}`);
    }
  }

  const skipped = notApplicableChecks(report);
  if (skipped.length > 0) {
    lines.push("", "Not checked");
    for (const check of skipped) lines.push(`  ${check.title}: ${check.note ?? "not applicable to this plan."}`);
  }
  return `${lines.join("\n")}\n`;
}
