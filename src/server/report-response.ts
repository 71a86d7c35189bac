// Sending a report in the format asked for: `?format=` first, else the Accept header, else JSON.
import type { Request, Response } from "express";
import { formatReport, isReportFormat, REPORT_FORMATS, type AuditReport, type ReportFormat } from "../index.ts";
import { ServiceProblem } from "./problems.ts";

const MEDIA_TYPES: Record<ReportFormat, string> = {
  json: "application/json",
  html: "text/html",
  markdown: "text/markdown",
  text: "text/plain",
};

/** The HTML report is a self-contained page with inline styles and no scripts; it gets its own policy. */
export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function requestedFormat(req: Request): ReportFormat {
  const asked = req.query.format;
  if (asked !== undefined) {
    if (typeof asked === "string" && isReportFormat(asked)) return asked;
    throw new ServiceProblem("BAD_REQUEST", `The report format must be one of ${REPORT_FORMATS.join(", ")}.`);
  }
  const accepted = req.accepts(REPORT_FORMATS.map((format) => MEDIA_TYPES[format]));
  return (REPORT_FORMATS.find((format) => MEDIA_TYPES[format] === accepted) ?? "json") as ReportFormat;
}

export function sendReport(res: Response, report: AuditReport, format: ReportFormat): void {
  if (format === "html") res.setHeader("Content-Security-Policy", HTML_REPORT_CSP);
  res.vary("Accept");
  res.type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(formatReport(report, format));
}
