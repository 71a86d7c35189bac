// The plan back in Word, reviewed as a colleague would: a real comment anchored on the exact words of each finding,
// and a first comment on the title with the grade, why, and what to fix first. The plan's text, styles and layout are
// not touched: runs are only split at the excerpt's edges (each half keeps its formatting), and existing comments
// and tracked changes stay as they are.
import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element as XmlElement, type Node as XmlNode } from "@xmldom/xmldom";
import JSZip from "jszip";
import type { AuditReport, Finding } from "../../model/report.ts";
import { belongsInReviewedPlan, findingNoteText, summaryNoteText, type UnanchoredFinding } from "../review-notes.ts";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const PKG_CT = "http://schemas.openxmlformats.org/package/2006/content-types";

export const COMMENT_AUTHOR = "ehcp-qa";
export const COMMENT_INITIALS = "QA";

/** One piece of visible text: a w:t inside a run, and where its text starts in the paragraph's text. */
interface TextPiece {
  t: XmlElement;
  start: number;
}

const elements = (parent: XmlNode, localName: string): XmlElement[] => {
  const found: XmlElement[] = [];
  const list = (parent as XmlElement).getElementsByTagNameNS(W, localName);
  for (let i = 0; i < list.length; i++) found.push(list.item(i)!);
  return found;
};

const childElements = (parent: XmlNode): XmlElement[] => {
  const result: XmlElement[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) result.push(node as XmlElement);
  return result;
};

/** The paragraph's visible text pieces in order (w:t only: deleted text is w:delText and is not part of the text). */
function textPieces(paragraph: XmlElement): { text: string; pieces: TextPiece[] } {
  let text = "";
  const pieces: TextPiece[] = [];
  for (const t of elements(paragraph, "t")) {
    if (t.parentNode?.localName !== "r") continue;
    pieces.push({ t, start: text.length });
    text += t.textContent ?? "";
  }
  return { text, pieces };
}

/** The body's text folded (white space runs as one space), paragraphs joined by a separator, with a way back. */
interface FlatText {
  folded: string;
  /** For each folded character: its paragraph (-1 for a separator) and its index in that paragraph's text. */
  paragraph: number[];
  offset: number[];
}

function flatten(texts: readonly string[], separator: string): FlatText {
  const flat: FlatText = { folded: "", paragraph: [], offset: [] };
  let inSpace = true;
  const push = (ch: string, paragraph: number, offset: number) => {
    const space = /\s/.test(ch);
    if (space && inSpace) return;
    inSpace = space;
    flat.folded += space ? " " : ch;
    flat.paragraph.push(paragraph);
    flat.offset.push(offset);
  };
  texts.forEach((text, p) => {
    if (p > 0) for (const ch of separator) push(ch, -1, 0);
    for (let i = 0; i < text.length; i++) push(text[i]!, p, i);
  });
  return flat;
}
const foldExcerpt = (excerpt: string): string => excerpt.replace(/\s+/g, " ").trim();

/**
 * Split the run holding `t` so that a boundary falls at `offset` inside `t`; returns the run that starts at the
 * boundary (or the run after it when the boundary is at the run's end). Both halves keep the run's properties.
 */
function splitRunAt(t: XmlElement, offset: number): { before: XmlElement; after: XmlElement } {
  const run = t.parentNode as XmlElement;
  const text = t.textContent ?? "";
  const contents = childElements(run).filter((c) => c.localName !== "rPr");
  const k = contents.indexOf(t);
  const first = run.cloneNode(true) as XmlElement;
  const second = run.cloneNode(true) as XmlElement;
  const firstContents = childElements(first).filter((c) => c.localName !== "rPr");
  const secondContents = childElements(second).filter((c) => c.localName !== "rPr");
  firstContents.slice(k + 1).forEach((c) => first.removeChild(c));
  secondContents.slice(0, k).forEach((c) => second.removeChild(c));
  setText(firstContents[k]!, text.slice(0, offset));
  setText(secondContents[k]!, text.slice(offset));
  run.parentNode!.insertBefore(first, run);
  run.parentNode!.insertBefore(second, run);
  run.parentNode!.removeChild(run);
  return { before: first, after: second };
}

function setText(t: XmlElement, text: string): void {
  while (t.firstChild) t.removeChild(t.firstChild);
  t.appendChild(t.ownerDocument!.createTextNode(text));
  t.setAttribute("xml:space", "preserve");
}

/** The run at the boundary before character `index` of the paragraph text; splits a run when the index is inside it. */
function runStartingAt(paragraph: XmlElement, index: number): XmlElement {
  const { pieces } = textPieces(paragraph);
  for (const piece of pieces) {
    const length = (piece.t.textContent ?? "").length;
    if (index >= piece.start && index < piece.start + length) {
      const offset = index - piece.start;
      const run = piece.t.parentNode as XmlElement;
      const before = childElements(run).filter((c) => c.localName !== "rPr").indexOf(piece.t);
      if (offset === 0 && before === 0) return run;
      return splitRunAt(piece.t, offset).after;
    }
  }
  throw new Error("index outside the paragraph's text");
}

/** The run that ends at character `index` (exclusive) of the paragraph text; splits a run when needed. */
function runEndingAt(paragraph: XmlElement, index: number): XmlElement {
  const { pieces } = textPieces(paragraph);
  for (const piece of pieces) {
    const length = (piece.t.textContent ?? "").length;
    if (index > piece.start && index <= piece.start + length) {
      const offset = index - piece.start;
      const run = piece.t.parentNode as XmlElement;
      const contents = childElements(run).filter((c) => c.localName !== "rPr");
      if (offset === length && contents.indexOf(piece.t) === contents.length - 1) return run;
      return splitRunAt(piece.t, offset).before;
    }
  }
  throw new Error("index outside the paragraph's text");
}

interface Match {
  startParagraph: XmlElement;
  start: number;
  endParagraph: XmlElement;
  end: number;
}

/**
 * Where the excerpt is in the body: paragraphs joined as a table row's cells are in excerpts (" | "), then as running
 * text (" "); exact case first. The match's ends are moved off separators and spaces onto real characters.
 */
function findExcerpt(paragraphs: readonly XmlElement[], views: readonly FlatText[], excerpt: string): Match | undefined {
  const wanted = foldExcerpt(excerpt);
  if (wanted === "") return undefined;
  for (const caseless of [false, true]) {
    for (const view of views) {
      const hay = caseless ? view.folded.toLowerCase() : view.folded;
      const at = hay.indexOf(caseless ? wanted.toLowerCase() : wanted);
      if (at < 0) continue;
      let first = at;
      let last = at + wanted.length - 1;
      while (first <= last && (view.paragraph[first] === -1 || view.folded[first] === " ")) first++;
      while (last >= first && (view.paragraph[last] === -1 || view.folded[last] === " ")) last--;
      if (first > last) continue;
      return {
        startParagraph: paragraphs[view.paragraph[first]!]!,
        start: view.offset[first]!,
        endParagraph: paragraphs[view.paragraph[last]!]!,
        end: view.offset[last]! + 1,
      };
    }
  }
  return undefined;
}

function wEl(doc: XmlDocument, name: string, attributes: Record<string, string> = {}): XmlElement {
  const element = doc.createElementNS(W, `w:${name}`);
  for (const [key, value] of Object.entries(attributes)) element.setAttributeNS(W, `w:${key}`, value);
  return element;
}

/** Anchor comment `id` on the match: range start and end, then the reference run after the end. */
function anchor(doc: XmlDocument, match: Match, id: string): void {
  // The start marker goes in before the end is split: a later split replaces runs but never moves a marker.
  const startRun = runStartingAt(match.startParagraph, match.start);
  startRun.parentNode!.insertBefore(wEl(doc, "commentRangeStart", { id }), startRun);
  const endRun = runEndingAt(match.endParagraph, match.end);
  const rangeEnd = wEl(doc, "commentRangeEnd", { id });
  const reference = wEl(doc, "r");
  reference.appendChild(wEl(doc, "commentReference", { id }));
  const after = endRun.nextSibling;
  endRun.parentNode!.insertBefore(rangeEnd, after);
  endRun.parentNode!.insertBefore(reference, after);
}

/** Anchor a comment on a whole paragraph (the title). */
function anchorParagraph(doc: XmlDocument, paragraph: XmlElement, id: string): void {
  const runs = childElements(paragraph).filter((c) => c.localName !== "pPr");
  const first = runs[0] ?? null;
  paragraph.insertBefore(wEl(doc, "commentRangeStart", { id }), first);
  paragraph.appendChild(wEl(doc, "commentRangeEnd", { id }));
  const reference = wEl(doc, "r");
  reference.appendChild(wEl(doc, "commentReference", { id }));
  paragraph.appendChild(reference);
}

function commentElement(doc: XmlDocument, id: string, date: string, paragraphs: string[]): XmlElement {
  const comment = wEl(doc, "comment", { id, author: COMMENT_AUTHOR, initials: COMMENT_INITIALS, date });
  paragraphs.forEach((text, index) => {
    const p = wEl(doc, "p");
    if (index === 0) {
      const ref = wEl(doc, "r");
      ref.appendChild(wEl(doc, "annotationRef"));
      p.appendChild(ref);
    }
    const r = wEl(doc, "r");
    const t = wEl(doc, "t");
    setText(t, text);
    r.appendChild(t);
    p.appendChild(r);
    comment.appendChild(p);
  });
  return comment;
}

export interface AnnotatedDocx {
  bytes: Uint8Array;
  /** Findings anchored on their own words; the rest are listed in the first comment. */
  anchored: number;
  unanchored: number;
}

/** Every w:t text of the document body, in order: what must not change. */
export function bodyTexts(documentXml: string): string[] {
  const doc = new DOMParser().parseFromString(documentXml, "text/xml");
  return elements(doc.documentElement!, "t").map((t) => t.textContent ?? "");
}

/** The plan's DOCX with a Word comment on each finding's words and a summary comment on the title. */
export async function annotateDocx(planBytes: Uint8Array, report: AuditReport, now = new Date(report.generatedAt)): Promise<AnnotatedDocx> {
  const zip = await JSZip.loadAsync(planBytes);
  const documentFile = zip.file("word/document.xml");
  if (!documentFile) throw new Error("not a Word document: word/document.xml is missing");
  const parser = new DOMParser();
  const doc = parser.parseFromString(await documentFile.async("string"), "text/xml");
  const body = elements(doc.documentElement!, "body")[0];
  if (!body) throw new Error("word/document.xml has no body");
  const paragraphs = elements(body, "p");
  // Splitting runs never changes a paragraph's text, so these views stay true while comments are added.
  const texts = paragraphs.map((p) => textPieces(p).text);
  const views = [flatten(texts, " | "), flatten(texts, " ")];

  const commentsFile = zip.file("word/comments.xml");
  const commentsDoc = commentsFile
    ? parser.parseFromString(await commentsFile.async("string"), "text/xml")
    : parser.parseFromString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}"/>`, "text/xml");
  const existingIds = elements(commentsDoc.documentElement!, "comment").map((c) => Number(c.getAttributeNS(W, "id") ?? c.getAttribute("w:id")));
  let nextId = Math.max(-1, ...existingIds.filter(Number.isFinite)) + 1;
  const date = now.toISOString().replace(/\.\d{3}Z$/, "Z");

  const unanchored: UnanchoredFinding[] = [];
  let anchored = 0;
  const newComments: XmlElement[] = [];
  const summaryId = String(nextId++);
  for (const check of report.checks) {
    for (const finding of check.findings) {
      const { inPlan, listIfUnanchored } = belongsInReviewedPlan(finding);
      const match = inPlan ? findExcerpt(paragraphs, views, finding.excerpt) : undefined;
      if (!match) {
        if (listIfUnanchored) unanchored.push({ finding, title: check.title });
        continue;
      }
      const id = String(nextId++);
      anchor(doc, match, id);
      newComments.push(commentElement(commentsDoc, id, date, findingNoteText(finding, check.title, check.source)));
      anchored += 1;
    }
  }
  const title = paragraphs.find((p) => textPieces(p).text.trim() !== "") ?? paragraphs[0];
  if (title) {
    anchorParagraph(doc, title, summaryId);
    commentsDoc.documentElement!.appendChild(commentElement(commentsDoc, summaryId, date, summaryNoteText(report, unanchored)));
  }
  for (const comment of newComments) commentsDoc.documentElement!.appendChild(comment);

  const serializer = new XMLSerializer();
  zip.file("word/document.xml", serializer.serializeToString(doc));
  zip.file("word/comments.xml", serializer.serializeToString(commentsDoc));
  if (!commentsFile) await registerCommentsPart(zip, parser, serializer);
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { bytes, anchored, unanchored: unanchored.length };
}

/** A new comments part needs a relationship from the document and a content type. */
async function registerCommentsPart(zip: JSZip, parser: DOMParser, serializer: XMLSerializer): Promise<void> {
  const relsPath = "word/_rels/document.xml.rels";
  const relsText = (await zip.file(relsPath)?.async("string")) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_RELS}"/>`;
  const rels = parser.parseFromString(relsText, "text/xml");
  const root = rels.documentElement!;
  const ids = new Set<string>();
  const relList = root.getElementsByTagName("Relationship");
  for (let i = 0; i < relList.length; i++) ids.add(relList.item(i)!.getAttribute("Id") ?? "");
  let n = 1;
  while (ids.has(`rIdQa${n}`)) n++;
  const rel = rels.createElementNS(PKG_RELS, "Relationship");
  rel.setAttribute("Id", `rIdQa${n}`);
  rel.setAttribute("Type", REL_COMMENTS);
  rel.setAttribute("Target", "comments.xml");
  root.appendChild(rel);
  zip.file(relsPath, serializer.serializeToString(rels));

  const typesText = await zip.file("[Content_Types].xml")?.async("string");
  if (!typesText) throw new Error("not a Word document: [Content_Types].xml is missing");
  const types = parser.parseFromString(typesText, "text/xml");
  const override = types.createElementNS(PKG_CT, "Override");
  override.setAttribute("PartName", "/word/comments.xml");
  override.setAttribute("ContentType", CT_COMMENTS);
  types.documentElement!.appendChild(override);
  zip.file("[Content_Types].xml", serializer.serializeToString(types));
}
