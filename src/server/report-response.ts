// Sending a report in the format asked for: `?format=` first, else the Accept header, else JSON. `docx` is the plan
// back with Word comments when the plan was a DOCX the caller sent, otherwise the report as a Word document; `pdf` is
// a PDF plan back with a highlighted note on each finding (a Word or text plan gets a 400 that says to ask for docx).
import type { Request, Response } from "express";
import { formatReport, REPORT_FORMATS, type AuditReport, type ReportFormat } from "../index.ts";
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE } from "../report/media-types.ts";
import { ServiceProblem } from "./problems.ts";
import { rulePageHref } from "./routes/rule-pages.ts";

export const SERVICE_FORMATS = [...REPORT_FORMATS, "docx", "pdf"] as const;
export type ServiceFormat = (typeof SERVICE_FORMATS)[number];

const MEDIA_TYPES: Record<ServiceFormat, string> = {
  json: "application/json",
  html: "text/html",
  markdown: "text/markdown",
  text: "text/plain",
  docx: DOCX_MEDIA_TYPE,
  pdf: PDF_MEDIA_TYPE,
};

/** The formats answered with the plan (or the report) as a file to download, made from the uploaded plan's bytes. */
export const needsPlanBytes = (format: ServiceFormat): boolean => format === "docx" || format === "pdf";

const isServiceFormat = (value: string): value is ServiceFormat => (SERVICE_FORMATS as readonly string[]).includes(value);

/** The HTML report is a self-contained page with inline styles and no scripts; it gets its own policy. */
export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function requestedFormat(req: Request): ServiceFormat {
  const asked = req.query.format;
  if (asked !== undefined) {
    if (typeof asked === "string" && isServiceFormat(asked)) return asked;
    throw new ServiceProblem("BAD_REQUEST", `The report format must be one of ${SERVICE_FORMATS.join(", ")}.`);
  }
  const accepted = req.accepts(SERVICE_FORMATS.map((format) => MEDIA_TYPES[format]));
  return SERVICE_FORMATS.find((format) => MEDIA_TYPES[format] === accepted) ?? "json";
}

/**
 * Links to the rule pages of this service, written out in full: a downloaded HTML report opened from disk still
 * reaches them. The report's own rule set is kept, so the page shows the settings it was audited with.
 */
function ruleHrefFor(res: Response, report: AuditReport): (ruleId: string) => string {
  const req = res.req;
  const origin = `${req.protocol}://${req.get("host") ?? "localhost"}`;
  return (ruleId) => `${origin}${rulePageHref(ruleId, report.ruleset.name)}`;
}

/** Sends the report; for docx and pdf, `planBytes` (a copy of the uploaded plan) lets the plan come back with comments. */
export async function sendReport(res: Response, report: AuditReport, format: ServiceFormat, planBytes?: Uint8Array): Promise<void> {
  res.vary("Accept");
  if (format === "docx" || format === "pdf") {
    // The modules that make the files load docx and pdf.js: only when a file is asked for.
    const file = format === "docx" ? await (await import("../report/word/index.ts")).wordOutput(report, planBytes) : await (await import("../report/pdf/index.ts")).pdfOutput(report, planBytes);
    // The file name is made from the plan's name: keep it to safe characters for the header.
    res.attachment(file.fileName.replace(/[^\w.() -]/g, "_"));
    res.type(MEDIA_TYPES[format]).send(Buffer.from(file.bytes));
    return;
  }
  if (format === "html") res.setHeader("Content-Security-Policy", HTML_REPORT_CSP);
  res.type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(formatReport(report, format as ReportFormat, format === "html" ? { ruleHref: ruleHrefFor(res, report) } : {}));
}
