// One pass over word/document.xml's body, in document order, collecting what mammoth drops:
// each paragraph's visible text (to align with mammoth's blocks), comment anchors, and tracked changes.
import type { Document as XmlDocument, Element as XmlElement } from "@xmldom/xmldom";
import { ELEMENT_NODE, MC_NAMESPACE, VML_NAMESPACE, W_NAMESPACES, hasWordPath, wordAttribute, wordChild } from "./ooxml.ts";

export interface BodyParagraph {
  /** 0-based index of this w:p in body order (tables' paragraphs included). */
  index: number;
  /** The text mammoth shows for it: inserted text kept, deleted text dropped. */
  text: string;
  /** Ordinal of the top-level table the paragraph sits in, or null outside tables. */
  table: number | null;
  /** Word marks the paragraph's end as deleted: mammoth joins it to the next paragraph. */
  markDeleted: boolean;
  /** The paragraph style's id (w:pStyle), if any. */
  styleId: string | undefined;
  /** Numbering set on the paragraph itself (w:numPr); numbering from its style is resolved later. */
  numbering: { numId: string; level: number } | undefined;
}

export interface CommentAnchor {
  id: string;
  /** Visible text between commentRangeStart and commentRangeEnd (paragraphs joined by "\n"). */
  text: string;
  /** Body index of the paragraph the range starts in (or the reference sits in, for a point comment). */
  paragraph: number | null;
  /** Order of first appearance, to list comments in document order. */
  order: number;
}

export interface ChangeRecord {
  id: string;
  kind: "insertion" | "deletion";
  author: string | undefined;
  date: string | undefined;
  text: string;
  paragraph: number | null;
}

export interface BodyWalk {
  paragraphs: BodyParagraph[];
  anchors: Map<string, CommentAnchor>;
  changes: ChangeRecord[];
}

interface Visibility {
  /** Not inside deleted or moved-away text. */
  shown: boolean;
  /** Inside content mammoth renders (it skips simple fields, deleted table rows and unknown wrappers). */
  rendered: boolean;
}

interface OpenChange {
  record: ChangeRecord;
  /** Text emitted anywhere, counted when this change ended: adjacent changes with nothing between merge. */
  endSerial: number;
}

const SKIPPED = new Set(["pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "tblGrid", "instrText", "delInstrText", "footnoteReference", "endnoteReference", "drawing"]);
/** Elements whose content mammoth shows (simple fields and right-to-left runs after bytesForMammoth unwraps them). */
const CONTAINERS = new Set(["body", "r", "hyperlink", "smartTag", "customXml", "sdtContent", "object", "pict", "txbxContent", "tc", "tbl", "fldSimple", "dir", "bdo"]);

export function walkBody(document: XmlDocument): BodyWalk {
  const paragraphs: BodyParagraph[] = [];
  const anchors = new Map<string, CommentAnchor>();
  const changes: ChangeRecord[] = [];

  const paragraphStack: BodyParagraph[] = [];
  const openComments = new Map<string, { parts: string[]; needsBreak: boolean }>();
  const commentsAwaitingParagraph: CommentAnchor[] = [];
  const changeStack: ChangeRecord[] = [];
  let lastChange: OpenChange | null = null;
  let serial = 0;
  let tableDepth = 0;
  let tableOrdinal = -1;

  const currentParagraph = (): BodyParagraph | undefined => paragraphStack.at(-1);

  function anchorFor(id: string): CommentAnchor {
    let anchor = anchors.get(id);
    if (!anchor) {
      anchor = { id, text: "", paragraph: currentParagraph()?.index ?? null, order: anchors.size };
      anchors.set(id, anchor);
      if (anchor.paragraph === null) commentsAwaitingParagraph.push(anchor);
    }
    return anchor;
  }

  function emit(text: string, visibility: Visibility): void {
    serial++;
    const change = changeStack.at(-1);
    if (change) change.text += text;
    if (!visibility.shown) return;
    const paragraph = currentParagraph();
    if (visibility.rendered && paragraph) paragraph.text += text;
    for (const open of openComments.values()) {
      if (open.needsBreak) open.parts.push("\n");
      open.needsBreak = false;
      open.parts.push(text);
    }
  }

  function startChange(element: XmlElement, kind: ChangeRecord["kind"]): void {
    const author = wordAttribute(element, "author");
    const date = wordAttribute(element, "date");
    const paragraph = currentParagraph()?.index ?? null;
    const previous = lastChange?.record;
    // Word splits one edit into several w:ins/w:del wherever the formatting changes; rejoin them.
    if (previous && changeStack.length === 0 && lastChange?.endSerial === serial && previous.kind === kind && previous.author === author && previous.date === date && previous.paragraph === paragraph) {
      changeStack.push(previous);
      return;
    }
    const record: ChangeRecord = { id: wordAttribute(element, "id") ?? String(changes.length), kind, author, date, text: "", paragraph };
    changes.push(record);
    changeStack.push(record);
  }

  function endChange(): void {
    const record = changeStack.pop();
    if (record && changeStack.length === 0) lastChange = { record, endSerial: serial };
  }

  function visitChildren(element: XmlElement, visibility: Visibility): void {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) visit(child as XmlElement, visibility);
    }
  }

  function visit(element: XmlElement, visibility: Visibility): void {
    const namespace = element.namespaceURI ?? "";
    const name = element.localName ?? "";
    if (namespace === MC_NAMESPACE) {
      // mammoth reads the fallback of alternate content (the VML copy of a text box); so do we, once.
      if (name === "AlternateContent") {
        for (let child = element.firstChild; child; child = child.nextSibling) {
          if (child.nodeType === ELEMENT_NODE && (child as XmlElement).namespaceURI === MC_NAMESPACE && (child as XmlElement).localName === "Fallback") {
            visitChildren(child as XmlElement, visibility);
          }
        }
      }
      return;
    }
    if (namespace === VML_NAMESPACE) {
      visitChildren(element, visibility);
      return;
    }
    if (!W_NAMESPACES.has(namespace)) return;
    if (SKIPPED.has(name)) return;
    if (CONTAINERS.has(name)) {
      if (name === "tbl") visitTable(element, visibility);
      else visitChildren(element, visibility);
      return;
    }
    switch (name) {
      case "p":
        visitParagraph(element, visibility);
        return;
      case "t":
        emit(element.textContent ?? "", visibility);
        return;
      case "delText":
        emit(element.textContent ?? "", { shown: false, rendered: false });
        return;
      case "tab":
        emit("\t", visibility);
        return;
      case "br":
      case "cr":
        emit("\n", visibility);
        return;
      case "noBreakHyphen":
        emit("\u2011", visibility);
        return;
      case "ins":
      case "moveTo":
        startChange(element, "insertion");
        visitChildren(element, visibility);
        endChange();
        return;
      case "del":
      case "moveFrom":
        startChange(element, "deletion");
        visitChildren(element, { shown: false, rendered: false });
        endChange();
        return;
      case "tr": {
        const deletedRow = hasWordPath(element, "trPr", "del");
        visitChildren(element, deletedRow ? { ...visibility, rendered: false } : visibility);
        return;
      }
      case "sdt": {
        const content = wordChild(element, "sdtContent");
        if (content) visitChildren(content, visibility);
        return;
      }
      case "commentRangeStart": {
        const id = wordAttribute(element, "id");
        if (id !== undefined) {
          anchorFor(id);
          openComments.set(id, { parts: [], needsBreak: false });
        }
        return;
      }
      case "commentRangeEnd": {
        const id = wordAttribute(element, "id");
        const open = id === undefined ? undefined : openComments.get(id);
        if (id !== undefined && open) {
          anchorFor(id).text = open.parts.join("");
          openComments.delete(id);
        }
        return;
      }
      case "commentReference": {
        const id = wordAttribute(element, "id");
        if (id !== undefined) anchorFor(id);
        return;
      }
      default:
        // Wrappers mammoth does not know: their text still counts for comment anchors, but mammoth will not show it.
        visitChildren(element, { ...visibility, rendered: false });
    }
  }

  function visitParagraph(element: XmlElement, visibility: Visibility): void {
    const paragraph: BodyParagraph = {
      index: paragraphs.length,
      text: "",
      table: tableDepth > 0 ? tableOrdinal : null,
      markDeleted: hasWordPath(element, "pPr", "rPr", "del"),
      ...paragraphProperties(wordChild(element, "pPr")),
    };
    paragraphs.push(paragraph);
    for (const anchor of commentsAwaitingParagraph.splice(0)) anchor.paragraph = paragraph.index;
    for (const open of openComments.values()) if (open.parts.length > 0) open.needsBreak = true;
    paragraphStack.push(paragraph);
    visitChildren(element, visibility);
    paragraphStack.pop();
  }

  function visitTable(element: XmlElement, visibility: Visibility): void {
    if (tableDepth === 0) tableOrdinal++;
    tableDepth++;
    visitChildren(element, visibility);
    tableDepth--;
  }

  const body = wordChild(document.documentElement!, "body");
  if (body) visitChildren(body, { shown: true, rendered: true });
  // A range never closed runs to the end of the document, as Word shows it.
  for (const [id, open] of openComments) anchorFor(id).text = open.parts.join("");

  return { paragraphs, anchors, changes };
}

function paragraphProperties(properties: XmlElement | undefined): Pick<BodyParagraph, "styleId" | "numbering"> {
  const style = properties ? wordChild(properties, "pStyle") : undefined;
  return { styleId: style ? wordAttribute(style, "val") : undefined, numbering: properties ? numberingProperties(properties) : undefined };
}

/** A paragraph's or a style's w:numPr, as numbering instance and level. */
export function numberingProperties(properties: XmlElement): { numId: string; level: number } | undefined {
  const numPr = wordChild(properties, "numPr");
  if (!numPr) return undefined;
  const numIdElement = wordChild(numPr, "numId");
  const levelElement = wordChild(numPr, "ilvl");
  const numId = numIdElement ? wordAttribute(numIdElement, "val") : undefined;
  const level = Number(levelElement ? wordAttribute(levelElement, "val") : 0);
  return numId === undefined ? undefined : { numId, level: Number.isInteger(level) && level >= 0 && level <= 8 ? level : 0 };
}
