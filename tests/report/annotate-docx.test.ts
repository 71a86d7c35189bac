import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from "@xmldom/xmldom";
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { auditFiles, loadRuleSet } from "../../src/index.ts";
import { annotateDocx, bodyTexts, COMMENT_AUTHOR } from "../../src/report/word/annotate-docx.ts";
import { reportDocx } from "../../src/report/word/report-docx.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
const row = (...texts: string[]) => new TableRow({ children: texts.map(cell) });

/** An invented plan with vague provision (one sentence split into runs by bold words), a table, a comment and a tracked insertion. */
async function reviewedPlan(): Promise<Buffer> {
  const document = new Document({
    comments: { children: [{ id: 0, author: "Pat Parent", date: new Date("2025-05-02T09:00:00Z"), children: [new Paragraph("He prefers Mo.")] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: "Education, Health and Care Plan", heading: HeadingLevel.TITLE }),
          new Table({ rows: [row("Name", "Morgan Quill"), row("Date of birth", "2 February 2015"), row("Status", "Final")] }),
          new Paragraph({ text: "Section A: Views, interests and aspirations", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun("I am "),
              new CommentRangeStart(0),
              new TextRun("Morgan"),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              new TextRun(". I like building bridges out of card and I want to be an engineer."),
              new InsertedTextRun({ text: " I am good at maths.", id: 1, author: "Sam Officer", date: "2025-05-03T09:00:00Z" }),
            ],
          }),
          new Paragraph({ text: "Section B: Special educational needs", heading: HeadingLevel.HEADING_1 }),
          new Paragraph("Morgan has difficulties with attention and with processing spoken language."),
          new Paragraph({ text: "Section F: Special educational provision", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("Morgan will have "), new TextRun({ text: "access to", bold: true }), new TextRun(" small group work "), new TextRun({ text: "as appropriate", italics: true }), new TextRun(".")] }),
          new Table({
            rows: [
              row("Need", "Provision", "Who"),
              row("Attention", "Regular check-ins with an adult as needed.", "Teaching assistant"),
              row("Language", "A speech and language therapist will see Morgan for 30 minutes, once a week, one to one.", "Speech and language therapist"),
            ],
          }),
          new Paragraph({ text: "Section I: Placement", heading: HeadingLevel.HEADING_1 }),
          new Paragraph("Hollowbrook Primary School, a mainstream primary school."),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The text each comment range covers, by comment id (paragraph breaks become spaces). */
function rangeTexts(documentXml: string): Map<string, string> {
  const doc = new DOMParser().parseFromString(documentXml, "text/xml");
  const open = new Map<string, string>();
  const done = new Map<string, string>();
  const walk = (node: XmlNode) => {
    if (node.nodeType === 1) {
      const el = node as XmlElement;
      if (el.namespaceURI === W && el.localName === "commentRangeStart") open.set(el.getAttribute("w:id")!, "");
      else if (el.namespaceURI === W && el.localName === "commentRangeEnd") {
        const id = el.getAttribute("w:id")!;
        done.set(id, open.get(id) ?? "");
        open.delete(id);
      } else if (el.namespaceURI === W && el.localName === "t") for (const [id, text] of open) open.set(id, text + (el.textContent ?? ""));
      else if (el.namespaceURI === W && el.localName === "p") for (const [id, text] of open) open.set(id, `${text} `);
    }
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(doc.documentElement!);
  return done;
}

const fold = (text: string) => text.replace(/\s*\|\s*/g, " ").replace(/\s+/g, " ").trim();

async function soffice(): Promise<string | undefined> {
  try {
    await promisify(execFile)("soffice", ["--version"], { timeout: 20_000 });
    return "soffice";
  } catch {
    return undefined;
  }
}

describe("the plan back in Word with comments", async () => {
  const planBytes = await reviewedPlan();
  const report = await auditFiles({ plan: { bytes: planBytes, fileName: "morgan.docx" }, responses: [], advice: [] }, await loadRuleSet("default"));
  const result = await annotateDocx(planBytes, report);
  const zip = await JSZip.loadAsync(result.bytes);
  const documentXml = await zip.file("word/document.xml")!.async("string");
  const commentsXml = await zip.file("word/comments.xml")!.async("string");
  const comments = new DOMParser().parseFromString(commentsXml, "text/xml").getElementsByTagNameNS(W, "comment");
  const byId = new Map<string, XmlElement>();
  for (let i = 0; i < comments.length; i++) byId.set(comments.item(i)!.getAttribute("w:id")!, comments.item(i)!);

  it("puts a comment on exactly the words of every finding that quotes the plan", () => {
    expectValidReport(report);
    const quoted = report.checks.flatMap((c) => c.findings.filter((f) => f.excerpt && !f.document).map((f) => ({ f, c })));
    expect(quoted.length).toBeGreaterThanOrEqual(3);
    const ranges = rangeTexts(documentXml);
    for (const { f } of quoted) {
      const match = [...byId.entries()].find(([id, comment]) => comment.getAttribute("w:author") === COMMENT_AUTHOR && (comment.textContent ?? "").startsWith(f.message) && fold(ranges.get(id) ?? "") === fold(f.excerpt));
      expect(match, `a comment on "${f.excerpt}"`).toBeDefined();
      const comment = match![1];
      expect(comment.getAttribute("w:initials")).toBe("QA");
      if (f.suggestion) expect(comment.textContent).toContain(`Suggestion: ${f.suggestion}`);
    }
    expect(result.anchored).toBe(quoted.length);
  });

  it("leaves the document's text, the earlier comment and the tracked change as they were", async () => {
    const originalXml = await (await JSZip.loadAsync(planBytes)).file("word/document.xml")!.async("string");
    expect(bodyTexts(documentXml)).not.toEqual([]);
    expect(bodyTexts(documentXml).join("")).toBe(bodyTexts(originalXml).join(""));
    expect(byId.get("0")?.getAttribute("w:author")).toBe("Pat Parent");
    expect(documentXml).toMatch(/<w:ins [^>]*w:author="Sam Officer"/);
    expect(rangeTexts(documentXml).get("0")).toBe("Morgan");
  });

  it("puts the grade, the reason and the fix-first list in a first comment on the title", () => {
    const ranges = rangeTexts(documentXml);
    const summary = [...byId.values()].find((c) => (c.textContent ?? "").startsWith("ehcp-qa audit:"))!;
    expect(summary).toBeDefined();
    expect(ranges.get(summary.getAttribute("w:id")!)?.trim()).toBe("Education, Health and Care Plan");
    expect(summary.textContent).toContain(`score ${report.score.toFixed(1)} / 100`);
    expect(summary.textContent).toContain(report.gradeReason);
    for (const item of report.fixFirst ?? []) expect(summary.textContent).toContain(item.message);
  });

  it("a plan with no comments before gets a comments part, its relationship and its content type", async () => {
    const plain = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Plan for Rowan Tull"), new Paragraph("Rowan likes trains.")] }] }));
    const bare = await JSZip.loadAsync(plain);
    bare.remove("word/comments.xml");
    const rels = (await bare.file("word/_rels/document.xml.rels")!.async("string")).replace(/<Relationship [^>]*comments\.xml"\/>/, "");
    bare.file("word/_rels/document.xml.rels", rels);
    const types = (await bare.file("[Content_Types].xml")!.async("string")).replace(/<Override PartName="\/word\/comments\.xml"[^>]*\/>/, "");
    bare.file("[Content_Types].xml", types);
    const stripped = await bare.generateAsync({ type: "uint8array" });
    // Morgan's findings have no words in Rowan's file: all of them go into the first comment.
    const annotated = await annotateDocx(stripped, report);
    expect(annotated).toMatchObject({ anchored: 0, unanchored: report.checks.reduce((n, c) => n + c.findings.length, 0) });
    const out = await JSZip.loadAsync(annotated.bytes);
    expect(await out.file("word/comments.xml")?.async("string")).toContain(COMMENT_AUTHOR);
    expect(await out.file("word/_rels/document.xml.rels")!.async("string")).toContain('Target="comments.xml"');
    expect(await out.file("[Content_Types].xml")!.async("string")).toContain('PartName="/word/comments.xml"');
  });

  it("LibreOffice opens it and reads every comment (skipped where LibreOffice is not installed)", async (context) => {
    const command = await soffice();
    if (!command) return context.skip();
    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-docx-"));
    try {
      await writeFile(path.join(dir, "reviewed.docx"), result.bytes);
      await promisify(execFile)(command, ["--headless", "--convert-to", "odt", "--outdir", dir, path.join(dir, "reviewed.docx")], { timeout: 120_000 });
      const odt = await JSZip.loadAsync(await readFile(path.join(dir, "reviewed.odt")));
      const content = await odt.file("content.xml")!.async("string");
      expect(content.split(`${COMMENT_AUTHOR}</dc:creator>`).length - 1).toBe(result.anchored + 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it("for a plan that is not a Word file, the report itself is a Word document", async () => {
    const bytes = await reportDocx(report);
    const docx = await JSZip.loadAsync(bytes);
    const text = bodyTexts(await docx.file("word/document.xml")!.async("string")).join("");
    expect(text).toContain("Fix these first");
    expect(text).toContain(report.gradeReason);
  });
});
