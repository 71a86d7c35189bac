// The audit report as a Word document, for a plan that is not itself a Word file (a PDF or text plan): the same
// content as the HTML report, in the order a QA officer acts on it.
import { Bookmark, Document, HeadingLevel, InternalHyperlink, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { AuditReport } from "../../model/report.ts";
import {
  correctionLines,
  countsText,
  dateText,
  findingAnchor,
  FIX_FIRST_HEADING,
  formatScore,
  GRADE_LABELS,
  gradeReasonText,
  groupFindings,
  locationText,
  mainDocument,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from "../formatters/common.ts";

/** Word bookmark names: letters, digits and underscores, at most 40 characters, starting with a letter. */
const bookmarkName = (findingId: string): string => findingAnchor(findingId).replace(/[^A-Za-z0-9_]/g, "_").slice(0, 40);

const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: value, ...options });
const cell = (value: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [text(value, { bold })] })] });

export async function reportDocx(report: AuditReport): Promise<Uint8Array> {
  const plan = mainDocument(report);
  const children: (Paragraph | Table)[] = [];
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [text(`EHC plan audit: ${plan?.fileName ?? "plan"}`)] }));
  children.push(new Paragraph({ children: [text(`Grade: ${GRADE_LABELS[report.grade]}`, { bold: true }), text(`    Score: ${formatScore(report.score)} out of 100`)] }));
  const reason = gradeReasonText(report);
  if (reason) children.push(new Paragraph({ children: [text(reason)] }));
  children.push(new Paragraph({ children: [text(`${countsText(report)}. Rule set ${report.ruleset.name} ${report.ruleset.version}; checked ${dateText(report.generatedAt)}.`)] }));

  const first = report.fixFirst ?? [];
  if (first.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(FIX_FIRST_HEADING)] }));
    first.forEach((item, index) =>
      children.push(
        new Paragraph({
          children: [
            text(`${index + 1}. ${SEVERITY_LABELS[item.severity]}: `, { bold: true }),
            text(`${item.message} `),
            new InternalHyperlink({ anchor: bookmarkName(item.findingId), children: [new TextRun({ text: item.place || "See the finding", style: "Hyperlink" })] }),
          ],
        }),
      ),
    );
  }

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text("Categories")] }));
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell("Category", true), cell("Status", true), cell("Score", true)] }),
        ...report.categories.map((c) => new TableRow({ children: [cell(c.title), cell(STATUS_LABELS[c.status]), cell(formatScore(c.score))] })),
      ],
    }),
  );

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text("Findings by section")] }));
  for (const group of groupFindings(report)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(group.heading)] }));
    for (const { finding, check } of group.findings) {
      const head = [text(`${SEVERITY_LABELS[finding.severity]}: `, { bold: true }), text(finding.message)];
      children.push(new Paragraph({ children: finding.id ? [new Bookmark({ id: bookmarkName(finding.id), children: head })] : head }));
      if (finding.excerpt) children.push(new Paragraph({ indent: { left: 720 }, children: [text(`"${finding.excerpt}"`, { italics: true })] }));
      for (const line of correctionLines(finding)) children.push(new Paragraph({ indent: { left: 720 }, children: [text(line)] }));
      if (finding.suggestion) children.push(new Paragraph({ indent: { left: 720 }, children: [text("Suggestion: ", { bold: true }), text(finding.suggestion)] }));
      const where = locationText(finding.location, finding.document);
      children.push(new Paragraph({ indent: { left: 720 }, children: [text(`${where ? `${where} · ` : ""}${check.title} (${check.source})`)] }));
    }
  }

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text("Checks")] }));
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell("Check", true), cell("Status", true), cell("Findings", true), cell("Source", true)] }),
        ...report.checks.map((c) => new TableRow({ children: [cell(c.title), cell(STATUS_LABELS[c.status]), cell(String(c.findings.length)), cell(c.source)] })),
      ],
    }),
  );
  children.push(new Paragraph({ children: [text(`Made by ehcp-qa ${report.tool.version}. This report quotes the plan: keep it as securely as the plan itself.`, { italics: true })] }));

  const document = new Document({ creator: "ehcp-qa", title: `EHC plan audit: ${plan?.fileName ?? "plan"}`, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
