// The plan's own PDF back, reviewed as a colleague would in a PDF reader: a highlight on the exact words of each
// finding, with a note (the message, the suggested rewrite, the source), and a first note on page 1 with the grade,
// why, what to fix first and the findings that have no words to sit on. The pages' content is not touched: only
// annotations are added, and the plan's own annotations stay.
// The words are found with pdf.js (the reader ingest uses) and the annotations written with pdf-lib.
// First: it keeps the engine's own built-ins before pdf.js's core-js replaces them (see native-builtins.ts).
import { restoreNativeBuiltins } from "../../ingest/pdf/native-builtins.ts";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFPage, type PDFRef } from "pdf-lib";
import type { AuditReport, Finding } from "../../model/report.ts";
import { belongsInReviewedPlan, findingNoteText, summaryNoteText, type UnanchoredFinding } from "../review-notes.ts";
import { characterEdges } from "./glyph-widths.ts";

restoreNativeBuiltins();

export const NOTE_AUTHOR = "ehcp-qa";
/** A highlighter's yellow, drawn multiplied so the words stay readable through it. */
const HIGHLIGHT_COLOUR = [1, 0.86, 0.2] as const;

/** One upright text run on a page, in PDF user space (y grows upwards; y is the baseline). */
interface TextRun {
  page: number;
  text: string;
  x0: number;
  width: number;
  y: number;
  size: number;
  /** Each character's left edge as a share of the width (n + 1 numbers). */
  edges: number[];
  /** The run ends its line with a hyphen that splits a word ("speech-" / "language" or "thera-" / "pist"). */
  endsWithLineHyphen: boolean;
}

/**
 * The document's text with white space and table-cell separators left out, each character pointing back to its run:
 * an excerpt folded the same way is found whatever line breaks, cell borders or spacing the page put inside it.
 */
interface CompactText {
  text: string;
  lower: string;
  run: number[];
  index: number[];
  /** Where each page (0-based) starts in `text`. */
  pageStart: number[];
}

const SKIPPED = /[\s|\u00ad]/;
const compact = (text: string): string => [...text].filter((ch) => !SKIPPED.test(ch)).join("");

function compactText(runs: readonly TextRun[], pageCount: number, dropLineHyphens: boolean): CompactText {
  const view: CompactText = { text: "", lower: "", run: [], index: [], pageStart: new Array<number>(pageCount).fill(-1) };
  runs.forEach((run, r) => {
    if (view.pageStart[run.page] === -1) view.pageStart[run.page] = view.text.length;
    const lastHyphen = dropLineHyphens && run.endsWithLineHyphen ? run.text.trimEnd().length - 1 : -1;
    for (let i = 0; i < run.text.length; i++) {
      const ch = run.text[i]!;
      if (SKIPPED.test(ch) || i === lastHyphen) continue;
      view.text += ch;
      view.run.push(r);
      view.index.push(i);
    }
  });
  // A page with no text starts where the next one does, so a search from it still finds what follows.
  for (let p = pageCount - 1; p >= 0; p--) if (view.pageStart[p] === -1) view.pageStart[p] = p + 1 < pageCount ? view.pageStart[p + 1]! : view.text.length;
  view.lower = view.text.toLowerCase();
  return view;
}

/** Every upright, non-empty text run of every page, in reading order as pdf.js gives it. */
async function readRuns(bytes: Uint8Array): Promise<{ runs: TextRun[]; pageCount: number }> {
  // A copy: pdf.js may transfer the buffer it is given, and the caller's bytes are needed again to write the PDF.
  const loading = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await loading.promise;
  // pdf.js's worker code, loaded with the first document, carries core-js too.
  restoreNativeBuiltins();
  try {
    const runs: TextRun[] = [];
    for (let p = 0; p < doc.numPages; p++) {
      const page = await doc.getPage(p + 1);
      const content = await page.getTextContent();
      const pageRuns: TextRun[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
        // Rotated text (a margin label, a watermark) is not where a finding's words are.
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue;
        pageRuns.push({ page: p, text: item.str, x0: e, width: item.width, y: f, size: Math.abs(d) || 1, edges: characterEdges(item.str), endsWithLineHyphen: false });
      }
      // A run ending in a hyphen, followed by a run on a lower line, splits a word: the ingest joined it back.
      pageRuns.forEach((run, i) => {
        const next = pageRuns[i + 1];
        run.endsWithLineHyphen = /\p{L}-\s*$/u.test(run.text) && next !== undefined && next.y < run.y - run.size * 0.5 && /^\s*\p{Ll}/u.test(next.text);
      });
      runs.push(...pageRuns);
      page.cleanup();
    }
    return { runs, pageCount: doc.numPages };
  } finally {
    await loading.destroy();
  }
}

/** A marked line: [x0, x1] along the baseline y of one run's line, on one page. */
interface LineMark {
  page: number;
  x0: number;
  x1: number;
  bottom: number;
  top: number;
}

/** Where the excerpt's characters are: one mark per line it covers. Undefined when the excerpt is not in the text. */
function locate(runs: readonly TextRun[], views: readonly CompactText[], excerpt: string, preferredPage: number | undefined): LineMark[] | undefined {
  const wanted = compact(excerpt);
  // One or two letters would match inside any word: not a place a reader could trust.
  if (wanted.length < 3) return undefined;
  for (const caseless of [false, true]) {
    for (const view of views) {
      const hay = caseless ? view.lower : view.text;
      const needle = caseless ? wanted.toLowerCase() : wanted;
      const from = preferredPage !== undefined ? (view.pageStart[preferredPage - 1] ?? 0) : 0;
      let at = hay.indexOf(needle, from);
      if (at < 0 && from > 0) at = hay.indexOf(needle);
      if (at >= 0) return marks(runs, view, at, at + needle.length);
    }
  }
  return undefined;
}

/** The line marks covering compact characters [start, end): each run's share, merged along a line. */
function marks(runs: readonly TextRun[], view: CompactText, start: number, end: number): LineMark[] {
  const spans = new Map<number, { first: number; last: number }>();
  for (let k = start; k < end; k++) {
    const r = view.run[k]!;
    const span = spans.get(r);
    if (span) span.last = view.index[k]!;
    else spans.set(r, { first: view.index[k]!, last: view.index[k]! });
  }
  const lines: LineMark[] = [];
  for (const [r, { first, last }] of [...spans].sort((a, b) => a[0] - b[0])) {
    const run = runs[r]!;
    const x0 = run.x0 + run.edges[first]! * run.width;
    const x1 = run.x0 + run.edges[last + 1]! * run.width;
    // From below the descenders to above the capitals of the run's font size.
    const bottom = run.y - run.size * 0.22;
    const top = run.y + run.size * 0.8;
    const line = lines.find((l) => l.page === run.page && Math.abs(l.bottom - bottom) < run.size * 0.3);
    if (line) {
      line.x0 = Math.min(line.x0, x0);
      line.x1 = Math.max(line.x1, x1);
      line.top = Math.max(line.top, top);
      line.bottom = Math.min(line.bottom, bottom);
    } else {
      lines.push({ page: run.page, x0, x1, bottom, top });
    }
  }
  return lines;
}

const text = (value: string): PDFHexString => PDFHexString.fromText(value);
const round = (n: number): number => Math.round(n * 100) / 100;

/** The highlight's look, for readers that draw only what the annotation carries: yellow quads multiplied onto the page. */
function highlightAppearance(pdf: PDFDocument, lines: readonly LineMark[], rect: number[]): PDFRef {
  const fill = lines.map((l) => `${round(l.x0)} ${round(l.bottom)} ${round(l.x1 - l.x0)} ${round(l.top - l.bottom)} re f`).join("\n");
  const content = `/GS0 gs ${HIGHLIGHT_COLOUR.join(" ")} rg\n${fill}\n`;
  const stream = pdf.context.stream(content, {
    Type: "XObject",
    Subtype: "Form",
    BBox: rect,
    Resources: { ExtGState: { GS0: { Type: "ExtGState", BM: "Multiply" } } },
  });
  return pdf.context.register(stream);
}

/** A closed pop-up beside the note, inside the page, that shows its text when the note is opened. */
function addPopup(pdf: PDFDocument, page: PDFPage, parent: PDFRef, parentDict: PDFDict, top: number): PDFRef {
  const box = page.getCropBox();
  const right = box.x + box.width;
  const popupTop = Math.min(box.y + box.height, top + 20);
  const popup = pdf.context.obj({
    Type: "Annot",
    Subtype: "Popup",
    Parent: parent,
    Rect: [round(Math.max(box.x, right - 240)), round(Math.max(box.y, popupTop - 160)), round(right), round(popupTop)],
    Open: false,
    F: 28, // Print, NoZoom, NoRotate: a pop-up keeps its size
  });
  const ref = pdf.context.register(popup);
  parentDict.set(PDFName.of("Popup"), ref);
  page.node.addAnnot(ref);
  return ref;
}

interface NoteCommon {
  id: string;
  date: string;
  contents: string;
  subject: string;
}

function commonEntries(note: NoteCommon): Record<string, unknown> {
  return {
    Type: "Annot",
    NM: text(note.id),
    T: text(NOTE_AUTHOR),
    Subj: text(note.subject),
    Contents: text(note.contents),
    M: PDFString.of(note.date),
    CreationDate: PDFString.of(note.date),
    F: 4, // Print
  };
}

function addHighlight(pdf: PDFDocument, page: PDFPage, lines: readonly LineMark[], note: NoteCommon): void {
  const rect = [round(Math.min(...lines.map((l) => l.x0))), round(Math.min(...lines.map((l) => l.bottom))), round(Math.max(...lines.map((l) => l.x1))), round(Math.max(...lines.map((l) => l.top)))];
  // Each line's corners in the order readers expect: upper left, upper right, lower left, lower right.
  const quadPoints = lines.flatMap((l) => [l.x0, l.top, l.x1, l.top, l.x0, l.bottom, l.x1, l.bottom].map(round));
  const dict = pdf.context.obj({
    ...commonEntries(note),
    Subtype: "Highlight",
    Rect: rect,
    QuadPoints: quadPoints,
    C: [...HIGHLIGHT_COLOUR],
    CA: 1,
    AP: { N: highlightAppearance(pdf, lines, rect) },
  });
  const ref = pdf.context.register(dict);
  page.node.addAnnot(ref);
  addPopup(pdf, page, ref, dict, rect[3]!);
}

/** The sticky note at the top left of page 1: the review's summary. */
function addSummaryNote(pdf: PDFDocument, note: NoteCommon): void {
  const page = pdf.getPage(0);
  const box = page.getCropBox();
  const top = box.y + box.height - 12;
  const dict = pdf.context.obj({
    ...commonEntries(note),
    Subtype: "Text",
    Name: "Comment",
    Rect: [round(box.x + 12), round(top - 20), round(box.x + 32), round(top)],
    C: [...HIGHLIGHT_COLOUR],
    Open: false,
  });
  const ref = pdf.context.register(dict);
  // First in the page's list, so a reader's comment pane shows the summary before the findings.
  const annots = page.node.Annots();
  if (annots) annots.insert(0, ref);
  else page.node.set(PDFName.of("Annots"), pdf.context.obj([ref]));
  addPopup(pdf, page, ref, dict, top);
}

/** "D:20250601093000Z": the PDF date of the report. */
function pdfDateOf(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

export interface AnnotatedPdf {
  bytes: Uint8Array;
  /** Findings highlighted on their own words; the rest are listed in the first note. */
  anchored: number;
  unanchored: number;
}

/** The plan's PDF with a highlight and note on each finding's words and a summary note on page 1. */
export async function annotatePdf(planBytes: Uint8Array, report: AuditReport, now = new Date(report.generatedAt)): Promise<AnnotatedPdf> {
  const { runs, pageCount } = await readRuns(planBytes);
  const views = [compactText(runs, pageCount, false), compactText(runs, pageCount, true)];
  // The plan's own metadata (producer, dates) stays as it was: only annotations are added.
  const pdf = await PDFDocument.load(planBytes, { updateMetadata: false });
  const date = pdfDateOf(now);
  const unanchored: UnanchoredFinding[] = [];
  let anchored = 0;
  for (const check of report.checks) {
    check.findings.forEach((finding: Finding, index) => {
      const { inPlan, listIfUnanchored } = belongsInReviewedPlan(finding);
      const lines = inPlan && finding.excerpt ? locate(runs, views, finding.excerpt, finding.location.page) : undefined;
      if (!lines || lines.length === 0) {
        if (listIfUnanchored) unanchored.push({ finding, title: check.title });
        return;
      }
      const note: NoteCommon = { id: `ehcp-qa-${finding.id ?? `${check.id}-${index + 1}`}`, date, contents: findingNoteText(finding, check.title, check.source).join("\n"), subject: check.title };
      // An excerpt that runs over a page break gets a highlight on each page it is on.
      for (const page of [...new Set(lines.map((l) => l.page))]) {
        addHighlight(pdf, pdf.getPage(page), lines.filter((l) => l.page === page), note);
      }
      anchored += 1;
    });
  }
  if (pdf.getPageCount() > 0) {
    addSummaryNote(pdf, { id: "ehcp-qa-summary", date, contents: summaryNoteText(report, unanchored).join("\n"), subject: "ehcp-qa audit" });
  }
  return { bytes: await pdf.save(), anchored, unanchored: unanchored.length };
}
