// The report as Markdown (for a ticket, an email or a wiki page): the same content as the text format.
import type { AuditReport } from "../../model/report.ts";
import {
  gradeReasonText,
  correctionLines,
  countsText,
  dateText,
  findingAnchor,
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

/** Escape text so Markdown shows it literally (document text can contain *, _, |, # ...). */
export const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]<>#|~])/g, "\\$1").replace(/\s*\n\s*/g, " ");

export function formatMarkdown(report: AuditReport): string {
  const md = escapeMarkdown;
  const out: string[] = [];
  out.push(`# EHC plan audit: ${md(mainDocument(report)?.fileName ?? "plan")}`, "");
  out.push(`**Grade: ${GRADE_LABELS[report.grade]}** · score ${formatScore(report.score)} / 100`, "");
  const cap = gradeReasonText(report);
  if (cap) out.push(`> ${md(cap)}`, "");
  out.push(`Rule set ${md(report.ruleset.name)} ${md(report.ruleset.version)} · checked ${dateText(report.generatedAt)} · ehcp-qa ${md(report.tool.version)}`, "");
  for (const note of readingNotes(report)) out.push(`> Note: ${md(note)}`, "");

  const first = report.fixFirst ?? [];
  if (first.length > 0) {
    out.push(`## ${FIX_FIRST_HEADING}`, "");
    first.forEach((item, index) => out.push(`${index + 1}. **${SEVERITY_LABELS[item.severity]}:** ${md(item.message)} ([${md(item.place || "see the finding")}](#${findingAnchor(item.findingId)}))`));
    out.push("");
  }

  out.push("## Categories", "", "| Category | Status | Score |", "| --- | --- | ---: |");
  for (const c of report.categories) {
    const reason = c.status === "not-applicable" ? notApplicableReason(report, c.id) : "";
    out.push(`| ${md(c.title)} | ${STATUS_LABELS[c.status]}${reason ? ` (${md(reason)})` : ""} | ${formatScore(c.score)} |`);
  }

  out.push("", "## Sections", "", "| Section | Heading in the plan | Present | Words |", "| --- | --- | --- | ---: |");
  for (const s of report.sections) out.push(`| ${s.id} | ${s.present ? md(s.title) : "–"} | ${s.present ? "Yes" : "**No**"} | ${s.wordCount} |`);

  out.push("", "## Findings", "", `${countsText(report)}.`);
  for (const group of groupFindings(report)) {
    out.push("", `### ${md(group.heading)}`, "");
    for (const { finding, check } of group.findings) {
      out.push(`- ${finding.id ? `<a id="${findingAnchor(finding.id)}"></a>` : ""}**${SEVERITY_LABELS[finding.severity]}:** ${md(finding.message)}`);
      if (finding.excerpt) out.push(`  > ${md(finding.excerpt)}`);
      for (const line of correctionLines(finding)) out.push("", `  ${md(line)}`);
      if (finding.suggestion) out.push("", `  *Suggestion:* ${md(finding.suggestion)}`);
      const where = locationText(finding.location, finding.document);
      out.push("", `  ${where ? `${md(where)} · ` : ""}${md(check.title)} (${md(check.source)})`, "");
    }
  }

  const skipped = notApplicableChecks(report);
  if (skipped.length > 0) {
    out.push("", "## Not checked", "");
    for (const check of skipped) out.push(`- ${md(check.title)}: ${md(check.note ?? "not applicable to this plan.")}`);
  }
  if (report.changes && report.changes.length > 0) {
    out.push("", "## Changes from the draft", "", "| Section | Added | Removed | Reworded |", "| --- | ---: | ---: | ---: |");
    for (const c of report.changes) out.push(`| ${c.section ?? "Outside sections"} | ${c.added} | ${c.removed} | ${c.reworded} |`);
  }
  return `${out.join("\n")}\n`;
}
