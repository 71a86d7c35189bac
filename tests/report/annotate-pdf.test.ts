// `--format pdf`: the plan's own PDF back with a highlight and a note on each finding's words. Read back with pdf.js
// (an independent reader of what pdf-lib wrote): every finding with an excerpt has a Highlight whose quads sit on that
// excerpt's text, the pages' text is unchanged, and the plan's own annotations are kept.
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditFiles, loadRuleSet, type AuditReport, type Finding } from "../../src/index.ts";
import { annotatePdf, NOTE_AUTHOR } from "../../src/report/pdf/annotate-pdf.ts";
import { pdfOutput } from "../../src/report/pdf/index.ts";

const root = new URL("../../", import.meta.url);
const read = async (path: string): Promise<Uint8Array> => new Uint8Array(await readFile(new URL(path, root)));

interface Item {
  str: string;
  x0: number;
  x1: number;
  y: number;
}
interface Annotation {
  subtype: string;
  contents: string;
  author: string;
  quads: number[][];
}
interface PageRead {
  items: Item[];
  annotations: Annotation[];
}

/** Each page's text items (with their places) and annotations, as pdf.js reads them. */
async function readBack(bytes: Uint8Array): Promise<PageRead[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: PageRead[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items = content.items
      .filter((item) => "str" in item && item.str.trim() !== "")
      .map((item) => {
        const it = item as { str: string; transform: number[]; width: number };
        return { str: it.str, x0: it.transform[4]!, x1: it.transform[4]! + it.width, y: it.transform[5]! };
      });
    const annotations = (await page.getAnnotations()).map((a: Record<string, unknown>) => {
      const flat = Array.from((a.quadPoints as ArrayLike<number> | undefined) ?? []);
      const quads: number[][] = [];
      for (let i = 0; i + 8 <= flat.length; i += 8) quads.push(flat.slice(i, i + 8));
      return {
        subtype: String(a.subtype),
        contents: (a.contentsObj as { str?: string } | undefined)?.str ?? "",
        author: (a.titleObj as { str?: string } | undefined)?.str ?? "",
        quads,
      };
    });
    pages.push({ items, annotations });
  }
  await doc.destroy();
  return pages;
}

const squash = (text: string): string => text.replace(/[\s|\u00ad]/g, "").toLowerCase();

/** The text items a quad covers: baseline inside its height, overlapping it across. */
function itemsUnder(items: readonly Item[], quad: number[]): Item[] {
  const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
  const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
  const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return items.filter((item) => item.y > bottom && item.y < top && item.x1 > left + 0.5 && item.x0 < right - 0.5);
}

/** Why a highlight does not cover the excerpt, or null when it does. */
function coverageProblem(annotation: Annotation, items: readonly Item[], excerpt: string): string | null {
  const covered = annotation.quads.map((quad) => ({ quad, items: itemsUnder(items, quad) }));
  // Every quad sits on text, and inside that text's line.
  for (const { quad, items: under } of covered) {
    if (under.length === 0) return "a quad over no text";
    if (Math.min(quad[0]!, quad[4]!) < Math.min(...under.map((i) => i.x0)) - 0.5) return "a quad starts left of its line";
    if (Math.max(quad[2]!, quad[6]!) > Math.max(...under.map((i) => i.x1)) + 0.5) return "a quad ends right of its line";
  }
  // The runs under the quads hold the excerpt, and the highlight is about as wide as the excerpt's share of them.
  const runs = [...new Set(covered.flatMap((c) => c.items))];
  const runText = squash(runs.map((r) => r.str).join(""));
  if (!runText.includes(squash(excerpt))) return `the text under it is "${runText}"`;
  const highlightedWidth = covered.reduce((sum, { quad }) => sum + Math.abs(quad[2]! - quad[0]!), 0);
  const runWidth = runs.reduce((sum, run) => sum + (run.x1 - run.x0), 0);
  const share = squash(excerpt).length / runText.length;
  const ratio = highlightedWidth / runWidth;
  return ratio > share * 0.75 - 0.02 && ratio < share * 1.25 + 0.02 ? null : `it covers ${ratio.toFixed(2)} of its lines, the excerpt ${share.toFixed(2)}`;
}

const excerptFindings = (report: AuditReport): Finding[] =>
  report.checks.flatMap((check) => check.findings).filter((finding) => finding.excerpt.length >= 3 && (!finding.document || finding.document === "plan"));

describe("annotatePdf on a PDF plan", () => {
  let planBytes: Uint8Array;
  let report: AuditReport;
  let before: PageRead[];
  let after: PageRead[];
  let anchored: number;

  beforeAll(async () => {
    planBytes = await read("samples/plan-kai-robinson.pdf");
    report = await auditFiles({ plan: { bytes: planBytes, fileName: "plan-kai-robinson.pdf" }, responses: [], advice: [] }, await loadRuleSet("default"), {
      generatedAt: new Date("2026-06-01T09:00:00Z"),
    });
    const annotated = await annotatePdf(planBytes, report);
    anchored = annotated.anchored;
    before = await readBack(planBytes);
    after = await readBack(annotated.bytes);
  }, 60_000);

  it("keeps every page's text as it was", () => {
    expect(after.map((page) => page.items)).toEqual(before.map((page) => page.items));
  });

  it("puts a Highlight whose quads cover the excerpt's text on every finding with an excerpt", () => {
    const findings = excerptFindings(report);
    expect(findings.length).toBeGreaterThan(5);
    expect(anchored).toBe(findings.length);
    for (const finding of findings) {
      const highlights = after.flatMap((page, p) =>
        page.annotations.filter((a) => a.subtype === "Highlight" && a.contents.startsWith(finding.message)).map((a) => ({ annotation: a, page: p })),
      );
      expect(highlights.length, finding.message).toBeGreaterThan(0);
      // Several findings may share a message (one per vague statement): one of its highlights must sit on this excerpt.
      const problems = highlights.map(({ annotation, page }) => coverageProblem(annotation, after[page]!.items, finding.excerpt));
      expect(problems.some((problem) => problem === null), `${finding.excerpt}: ${problems.join("; ")}`).toBe(true);
    }
  });

  it("writes each note with the message, the suggestion and the source, by ehcp-qa", () => {
    const finding = excerptFindings(report).find((f) => f.suggestion)!;
    const check = report.checks.find((c) => c.findings.includes(finding))!;
    const note = after.flatMap((page) => page.annotations).find((a) => a.subtype === "Highlight" && a.contents.startsWith(finding.message))!;
    expect(note.author).toBe(NOTE_AUTHOR);
    expect(note.contents).toContain(`Suggestion: ${finding.suggestion}`);
    expect(note.contents).toContain(check.source);
  });

  it("opens with a note on page 1 holding the grade, the score and what to fix first", () => {
    const first = after[0]!.annotations[0]!;
    expect(first.subtype).toBe("Text");
    expect(first.contents).toContain(`score ${report.score.toFixed(1)}`);
    if ((report.fixFirst ?? []).length > 0) expect(first.contents).toContain("Fix these first:");
    // Findings with nothing to sit on are listed there.
    const bare = report.checks.flatMap((c) => c.findings).filter((f) => f.excerpt === "" && (!f.document || f.document === "plan"));
    for (const finding of bare) expect(first.contents).toContain(finding.message);
  });
});

describe("annotatePdf keeps what the plan already had", () => {
  it("leaves a reviewed PDF's own notes and markup in place", async () => {
    const bytes = await read("tests/fixtures/pdf/draft-markup.pdf");
    const report = await auditFiles({ plan: { bytes, fileName: "draft-markup.pdf" }, responses: [], advice: [] }, await loadRuleSet("default"), {
      generatedAt: new Date("2026-06-01T09:00:00Z"),
    });
    const before = await readBack(bytes);
    const after = await readBack((await annotatePdf(bytes, report)).bytes);
    const own = (pages: PageRead[]) => pages.map((page) => page.annotations.filter((a) => a.author !== NOTE_AUTHOR && a.subtype !== "Popup").map((a) => [a.subtype, a.contents]));
    expect(before.flat().length).toBeGreaterThan(0);
    expect(own(before).flat().length).toBeGreaterThan(0);
    expect(own(after)).toEqual(own(before));
    expect(after.map((page) => page.items)).toEqual(before.map((page) => page.items));
  }, 60_000);
});

describe("pdfOutput", () => {
  it("refuses a Word plan with a coded problem that says to ask for docx", async () => {
    const bytes = await read("samples/plan-kai-robinson.docx");
    const report = await auditFiles({ plan: { bytes, fileName: "kai.docx" }, responses: [], advice: [] }, await loadRuleSet("default"));
    await expect(pdfOutput(report, bytes)).rejects.toMatchObject({ problem: { code: "BAD_REQUEST", message: expect.stringMatching(/docx/) } });
  }, 60_000);
});
