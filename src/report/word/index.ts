// `--format docx`: a DOCX plan comes back with the findings as Word comments; any other plan gets the report as a
// Word document. One entry point for the CLI and the service.
import type { AuditReport } from "../../model/report.ts";
import { annotateDocx } from "./annotate-docx.ts";
import { reportDocx } from "./report-docx.ts";

export { DOCX_MEDIA_TYPE } from "../media-types.ts";

export interface WordOutput {
  bytes: Uint8Array;
  /** "plan-with-comments" for a DOCX plan, "report" otherwise. */
  kind: "plan-with-comments" | "report";
  /** A file name to offer: "<plan>-reviewed.docx" or "<plan>-audit.docx". */
  fileName: string;
}

export async function wordOutput(report: AuditReport, planBytes: Uint8Array | undefined): Promise<WordOutput> {
  const plan = report.documents.find((d) => d.role === "plan");
  const stem = (plan?.fileName ?? "plan").replace(/\.[^.]+$/, "");
  if (plan?.format === "docx" && planBytes) {
    return { bytes: (await annotateDocx(planBytes, report)).bytes, kind: "plan-with-comments", fileName: `${stem}-reviewed.docx` };
  }
  return { bytes: await reportDocx(report), kind: "report", fileName: `${stem}-audit.docx` };
}
