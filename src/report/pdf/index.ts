// `--format pdf`: a PDF plan comes back with a highlight and a note on each finding's words. One entry point for the
// CLI and the service. A Word or text plan has no PDF of its own to annotate: that is a coded problem that says what
// to ask for instead, rather than a PDF made up from scratch that nobody would recognise as their plan.
import type { AuditReport } from "../../model/report.ts";
import { ProblemError } from "../../model/problem.ts";
import { annotatePdf } from "./annotate-pdf.ts";

export { PDF_MEDIA_TYPE } from "../media-types.ts";

export interface PdfOutput {
  bytes: Uint8Array;
  /** "<plan>-reviewed.pdf". */
  fileName: string;
}

/** The problem for a plan that is not a PDF, in words a caseworker can act on. */
export function notAPdfPlan(fileName: string | undefined): ProblemError {
  return new ProblemError({
    code: "BAD_REQUEST",
    message:
      "The PDF output is the plan's own PDF with a note on each finding, so it needs a PDF plan, and this plan is a Word or text file. Ask for the docx format instead: a Word plan comes back with a Word comment on each finding.",
    ...(fileName ? { file: fileName } : {}),
  });
}

export async function pdfOutput(report: AuditReport, planBytes: Uint8Array | undefined): Promise<PdfOutput> {
  const plan = report.documents.find((d) => d.role === "plan");
  if (plan?.format !== "pdf") throw notAPdfPlan(plan?.fileName);
  if (!planBytes) {
    throw new ProblemError({ code: "BAD_REQUEST", message: "The PDF output is the plan's own PDF with a note on each finding, so it needs the plan itself: audit the plan with the pdf format (POST /api/audits?format=pdf, or ehcp-qa audit plan.pdf --format pdf --out plan-reviewed.pdf)." });
  }
  const stem = plan.fileName.replace(/\.[^.]+$/, "");
  return { bytes: (await annotatePdf(planBytes, report)).bytes, fileName: `${stem}-reviewed.pdf` };
}
