// The report formats by name. Each is a pure (report, options) => string.
import type { AuditReport } from "../../model/report.ts";
import { formatHtml, type HtmlOptions } from "./html.ts";
import { formatJson } from "./json.ts";
import { formatMarkdown } from "./markdown.ts";
import { formatText } from "./text.ts";
import type { ReportFormat } from "./formats.ts";

export { isReportFormat, REPORT_FORMATS, type ReportFormat } from "./formats.ts";

const FORMATTERS: Record<ReportFormat, (report: AuditReport) => string> = { json: formatJson, text: formatText, markdown: formatMarkdown, html: formatHtml };

export type FormatOptions = HtmlOptions;

export function formatReport(report: AuditReport, format: ReportFormat = "json", options: FormatOptions = {}): string {
  return format === "html" ? formatHtml(report, options) : FORMATTERS[format](report);
}
