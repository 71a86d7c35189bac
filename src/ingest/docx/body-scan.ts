// One lexical pass over word/document.xml, in document order, building no tree: it collects what mammoth drops
// (comment anchors, tracked changes, each paragraph's own style and numbering, the visible text that is counted)
// and writes the copy mammoth reads, with a bookmark at the start of every paragraph naming its body index, so
// each block of mammoth's document tree knows exactly which paragraphs it holds (no alignment by text), and with
// the wrappers mammoth would drop with their text (simple fields, right-to-left runs) taken off.
import { corruptFile, MC_NAMESPACE, VML_NAMESPACE, W_NAMESPACES } from "./ooxml.ts";

export interface BodyParagraph {
  /** 0-based index of this w:p in body order (tables' paragraphs included). */
  index: number;
  /** Its visible text: inserted text kept, deleted text dropped, text mammoth does not show left out. */
  text: string;
  /** Ordinal of the top-level table the paragraph sits in, or null outside tables. */
  table: number | null;
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

export interface BodyScan {
  /** word/document.xml as mammoth should read it. */
  mammothXml: string;
  /** The prefix of the bookmarks that mark paragraphs; the rest of a mark's name is the paragraph's index. */
  paragraphMark: string;
  paragraphs: BodyParagraph[];
  anchors: Map<string, CommentAnchor>;
  changes: ChangeRecord[];
}

/** How the scan treats an element's content. */
const enum Mode {
  /** Visited, as Word's body is. */
  Visit,
  /** Not visited at all (properties, field codes, DrawingML, the alternatives mammoth does not read). */
  Skip,
  /** The root: only its (first) w:body is visited. */
  Root,
  /** mc:AlternateContent: only its mc:Fallback is visited, as mammoth does. */
  Alternate,
  /** w:sdt: only its (first) w:sdtContent is visited. */
  ContentControl,
  /** A paragraph's (first) w:pPr: read for its style and numbering. */
  ParagraphProperties,
  /** The (first) w:numPr of that w:pPr. */
  NumberingProperties,
  /** A row's (first) w:trPr: read for a deleted-row mark. */
  RowProperties,
}

/** What an element's end does. */
const enum Close {
  Nothing,
  Paragraph,
  Table,
  Change,
  /** w:t: its text is emitted as visible text. */
  Text,
  /** w:delText: its text is emitted as deleted text. */
  DeletedText,
  NumberingProperties,
}

/** Children met so far, where only the first of a kind counts. */
const FIRST_PPR = 1;
const FIRST_TRPR = 2;
const FIRST_SDT_CONTENT = 4;
const FIRST_BODY = 8;
const FIRST_PSTYLE = 16;
const FIRST_NUMPR = 32;
const FIRST_NUMID = 64;
const FIRST_ILVL = 128;
const FIRST_DEL = 256;

interface Frame {
  name: string;
  local: string;
  mode: Mode;
  close: Close;
  /** The visibility of the parent's content, restored when this element ends. */
  parentShown: boolean;
  parentRendered: boolean;
  seen: number;
}

const enum Namespace {
  Word,
  MarkupCompatibility,
  Vml,
  Other,
}

const SKIPPED = new Set(["pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "tblGrid", "instrText", "delInstrText", "footnoteReference", "endnoteReference", "drawing"]);
/** Elements whose content mammoth shows (simple fields and right-to-left runs once unwrapped for it). */
const CONTAINERS = new Set(["body", "r", "hyperlink", "smartTag", "customXml", "sdtContent", "object", "pict", "txbxContent", "tc", "tbl", "fldSimple", "dir", "bdo"]);
/** Wrappers mammoth does not read, dropping the text inside: simple fields (mail merge, DOCPROPERTY) and right-to-left runs. */
const UNWRAPPED_FOR_MAMMOTH = new Set(["fldSimple", "dir", "bdo"]);

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== "#") return NAMED_ENTITIES[entity]!;
    const code = entity[1] === "x" ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** Every failure is CORRUPT_FILE: mammoth's XML parser would refuse the same part. */
export function scanBody(xml: string): BodyScan {
  const paragraphMark = `ehcp${Math.random().toString(36).slice(2, 10)}p`;
  const paragraphs: BodyParagraph[] = [];
  const anchors = new Map<string, CommentAnchor>();
  const changes: ChangeRecord[] = [];

  // Namespace prefixes as declared (Word declares them all on the root); "" is the default namespace.
  const namespaces = new Map<string, string>();
  const names = new Map<string, { namespace: Namespace; local: string }>();
  let wordNamespace = "";
  /** How a mark starts: with the root's prefix for Word's namespace, or declaring one where Word's is the default. */
  let markOpening = "";

  const paragraphStack: BodyParagraph[] = [];
  const openComments = new Map<string, { parts: string[]; needsBreak: boolean }>();
  const commentsAwaitingParagraph: CommentAnchor[] = [];
  const changeStack: ChangeRecord[] = [];
  let lastChange: { record: ChangeRecord; endSerial: number } | null = null;
  let serial = 0;
  let tableDepth = 0;
  let tableOrdinal = -1;

  const stack: Frame[] = [];
  /** Visibility of the current element's content. */
  let shown = true;
  let rendered = true;
  /** The text of the w:t or w:delText being read. */
  let capture = null as string | null;
  let numberingId: string | undefined;
  let numberingLevel: string | undefined;

  const out: string[] = [];
  let copiedUpTo = 0;

  const currentParagraph = (): BodyParagraph | undefined => paragraphStack.at(-1);

  function classify(qualified: string): { namespace: Namespace; local: string } {
    let known = names.get(qualified);
    if (known) return known;
    const colon = qualified.indexOf(":");
    const uri = namespaces.get(colon === -1 ? "" : qualified.slice(0, colon)) ?? "";
    const namespace = W_NAMESPACES.has(uri) ? Namespace.Word : uri === MC_NAMESPACE ? Namespace.MarkupCompatibility : uri === VML_NAMESPACE ? Namespace.Vml : Namespace.Other;
    known = { namespace, local: qualified.slice(colon + 1) };
    names.set(qualified, known);
    return known;
  }

  /** A w:-namespaced attribute's value (w:id, w:author, w:val ...), or undefined when absent or empty. */
  function wordAttribute(attributes: string, localName: string): string | undefined {
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
      const name = match[1]!;
      const colon = name.indexOf(":");
      if (colon === -1 || name.slice(colon + 1) !== localName || !W_NAMESPACES.has(namespaces.get(name.slice(0, colon)) ?? "")) continue;
      const value = decodeEntities(match[2] ?? match[3] ?? "");
      if (value) return value;
    }
    return undefined;
  }

  function declareNamespaces(attributes: string): void {
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
      const name = match[1]!;
      if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
      namespaces.set(name === "xmlns" ? "" : name.slice(6), decodeEntities(match[2] ?? match[3] ?? ""));
      names.clear();
    }
  }

  function anchorFor(id: string): CommentAnchor {
    let anchor = anchors.get(id);
    if (!anchor) {
      anchor = { id, text: "", paragraph: currentParagraph()?.index ?? null, order: anchors.size };
      anchors.set(id, anchor);
      if (anchor.paragraph === null) commentsAwaitingParagraph.push(anchor);
    }
    return anchor;
  }

  function emit(text: string, textShown: boolean, textRendered: boolean): void {
    serial++;
    const change = changeStack.at(-1);
    if (change) change.text += text;
    if (!textShown) return;
    const paragraph = currentParagraph();
    if (textRendered && paragraph) paragraph.text += text;
    for (const open of openComments.values()) {
      if (open.needsBreak) open.parts.push("\n");
      open.needsBreak = false;
      open.parts.push(text);
    }
  }

  function startChange(attributes: string, kind: ChangeRecord["kind"]): void {
    const author = wordAttribute(attributes, "author");
    const date = wordAttribute(attributes, "date");
    const paragraph = currentParagraph()?.index ?? null;
    const previous = lastChange?.record;
    // Word splits one edit into several w:ins/w:del wherever the formatting changes; rejoin them.
    if (previous && changeStack.length === 0 && lastChange?.endSerial === serial && previous.kind === kind && previous.author === author && previous.date === date && previous.paragraph === paragraph) {
      changeStack.push(previous);
      return;
    }
    const record: ChangeRecord = { id: wordAttribute(attributes, "id") ?? String(changes.length), kind, author, date, text: "", paragraph };
    changes.push(record);
    changeStack.push(record);
  }

  function endChange(): void {
    const record = changeStack.pop();
    if (record && changeStack.length === 0) lastChange = { record, endSerial: serial };
  }

  function startParagraph(tagEnd: number, selfClosing: boolean): void {
    const paragraph: BodyParagraph = { index: paragraphs.length, text: "", table: tableDepth > 0 ? tableOrdinal : null, styleId: undefined, numbering: undefined };
    paragraphs.push(paragraph);
    for (const anchor of commentsAwaitingParagraph.splice(0)) anchor.paragraph = paragraph.index;
    for (const open of openComments.values()) if (open.parts.length > 0) open.needsBreak = true;
    if (!selfClosing) {
      out.push(xml.slice(copiedUpTo, tagEnd), `${markOpening}${paragraphMark}${paragraph.index}"/>`);
      copiedUpTo = tagEnd;
    }
    paragraphStack.push(paragraph);
  }

  /** An element met where the body is visited: how its content is treated, and what its end does. */
  function openVisited(local: string, namespace: Namespace, attributes: string, tagEnd: number, selfClosing: boolean, parent: Frame): [Mode, Close] {
    if (namespace === Namespace.MarkupCompatibility) return [local === "AlternateContent" ? Mode.Alternate : Mode.Skip, Close.Nothing];
    if (namespace === Namespace.Vml) return [Mode.Visit, Close.Nothing];
    if (namespace !== Namespace.Word) return [Mode.Skip, Close.Nothing];
    if (SKIPPED.has(local)) {
      if (local === "pPr" && parent.close === Close.Paragraph && !(parent.seen & FIRST_PPR)) {
        parent.seen |= FIRST_PPR;
        return [Mode.ParagraphProperties, Close.Nothing];
      }
      if (local === "trPr" && parent.local === "tr" && !(parent.seen & FIRST_TRPR)) {
        parent.seen |= FIRST_TRPR;
        return [Mode.RowProperties, Close.Nothing];
      }
      return [Mode.Skip, Close.Nothing];
    }
    if (CONTAINERS.has(local)) {
      if (local !== "tbl") return [Mode.Visit, Close.Nothing];
      if (tableDepth === 0) tableOrdinal++;
      tableDepth++;
      return [Mode.Visit, Close.Table];
    }
    switch (local) {
      case "p":
        startParagraph(tagEnd, selfClosing);
        return [Mode.Visit, Close.Paragraph];
      case "t":
        capture = "";
        return [Mode.Skip, Close.Text];
      case "delText":
        capture = "";
        return [Mode.Skip, Close.DeletedText];
      case "tab":
        emit("\t", shown, rendered);
        return [Mode.Skip, Close.Nothing];
      case "br":
      case "cr":
        emit("\n", shown, rendered);
        return [Mode.Skip, Close.Nothing];
      case "noBreakHyphen":
        emit("\u2011", shown, rendered);
        return [Mode.Skip, Close.Nothing];
      case "ins":
      case "moveTo":
        startChange(attributes, "insertion");
        return [Mode.Visit, Close.Change];
      case "del":
      case "moveFrom":
        startChange(attributes, "deletion");
        shown = false;
        rendered = false;
        return [Mode.Visit, Close.Change];
      case "tr":
        return [Mode.Visit, Close.Nothing];
      case "sdt":
        return [Mode.ContentControl, Close.Nothing];
      case "commentRangeStart": {
        const id = wordAttribute(attributes, "id");
        if (id !== undefined) {
          anchorFor(id);
          openComments.set(id, { parts: [], needsBreak: false });
        }
        return [Mode.Skip, Close.Nothing];
      }
      case "commentRangeEnd": {
        const id = wordAttribute(attributes, "id");
        const open = id === undefined ? undefined : openComments.get(id);
        if (id !== undefined && open) {
          anchorFor(id).text = open.parts.join("");
          openComments.delete(id);
        }
        return [Mode.Skip, Close.Nothing];
      }
      case "commentReference": {
        const id = wordAttribute(attributes, "id");
        if (id !== undefined) anchorFor(id);
        return [Mode.Skip, Close.Nothing];
      }
      default:
        // Wrappers mammoth does not know: their text still counts for comment anchors, but mammoth will not show it.
        rendered = false;
        return [Mode.Visit, Close.Nothing];
    }
  }

  /** Where the parent is not visited but read for a property or a child of one kind: the child's mode. */
  function openInside(parent: Frame, local: string, namespace: Namespace, attributes: string): [Mode, Close] {
    switch (parent.mode) {
      case Mode.Root:
        if (namespace === Namespace.Word && local === "body" && !(parent.seen & FIRST_BODY)) {
          parent.seen |= FIRST_BODY;
          return [Mode.Visit, Close.Nothing];
        }
        return [Mode.Skip, Close.Nothing];
      case Mode.Alternate:
        return [namespace === Namespace.MarkupCompatibility && local === "Fallback" ? Mode.Visit : Mode.Skip, Close.Nothing];
      case Mode.ContentControl:
        if (namespace === Namespace.Word && local === "sdtContent" && !(parent.seen & FIRST_SDT_CONTENT)) {
          parent.seen |= FIRST_SDT_CONTENT;
          return [Mode.Visit, Close.Nothing];
        }
        return [Mode.Skip, Close.Nothing];
      case Mode.ParagraphProperties: {
        const paragraph = currentParagraph();
        if (namespace !== Namespace.Word || !paragraph) break;
        if (local === "pStyle" && !(parent.seen & FIRST_PSTYLE)) {
          parent.seen |= FIRST_PSTYLE;
          paragraph.styleId = wordAttribute(attributes, "val");
        } else if (local === "numPr" && !(parent.seen & FIRST_NUMPR)) {
          parent.seen |= FIRST_NUMPR;
          numberingId = undefined;
          numberingLevel = undefined;
          return [Mode.NumberingProperties, Close.NumberingProperties];
        }
        break;
      }
      case Mode.NumberingProperties:
        if (namespace !== Namespace.Word) break;
        if (local === "numId" && !(parent.seen & FIRST_NUMID)) {
          parent.seen |= FIRST_NUMID;
          numberingId = wordAttribute(attributes, "val");
        } else if (local === "ilvl" && !(parent.seen & FIRST_ILVL)) {
          parent.seen |= FIRST_ILVL;
          numberingLevel = wordAttribute(attributes, "val");
        }
        break;
      case Mode.RowProperties:
        if (namespace === Namespace.Word && local === "del" && !(parent.seen & FIRST_DEL)) {
          parent.seen |= FIRST_DEL;
          // mammoth leaves a deleted row out: the rest of the row is not shown (trPr comes before the cells).
          parent.parentRendered = false;
        }
        break;
      default:
        break;
    }
    return [Mode.Skip, Close.Nothing];
  }

  function openElement(qualified: string, attributes: string, tagStart: number, tagEnd: number, selfClosing: boolean): void {
    if (attributes.includes("xmlns")) declareNamespaces(attributes);
    const { namespace, local } = classify(qualified);
    const parent = stack.at(-1);
    const frame: Frame = { name: qualified, local, mode: Mode.Skip, close: Close.Nothing, parentShown: shown, parentRendered: rendered, seen: 0 };
    if (!parent) {
      if (namespace !== Namespace.Word || local !== "document") throw corruptFile();
      const prefix = qualified.includes(":") ? qualified.slice(0, qualified.indexOf(":")) : "";
      wordNamespace = namespaces.get(prefix) ?? "";
      markOpening = prefix ? `<${prefix}:bookmarkStart ${prefix}:name="` : `<m:bookmarkStart xmlns:m="${wordNamespace}" m:name="`;
      frame.mode = Mode.Root;
    } else if (parent.mode === Mode.Visit) {
      [frame.mode, frame.close] = openVisited(local, namespace, attributes, tagEnd, selfClosing, parent);
    } else if (parent.mode !== Mode.Skip) {
      [frame.mode, frame.close] = openInside(parent, local, namespace, attributes);
    }
    if (namespace === Namespace.Word && UNWRAPPED_FOR_MAMMOTH.has(local)) dropTag(tagStart, tagEnd);
    if (selfClosing) closeElement(frame);
    else stack.push(frame);
  }

  function closeElement(frame: Frame): void {
    switch (frame.close) {
      case Close.Paragraph:
        paragraphStack.pop();
        break;
      case Close.Table:
        tableDepth--;
        break;
      case Close.Change:
        endChange();
        break;
      case Close.Text:
        emit(decodeEntities(capture ?? ""), shown, rendered);
        capture = null;
        break;
      case Close.DeletedText:
        emit(decodeEntities(capture ?? ""), false, false);
        capture = null;
        break;
      case Close.NumberingProperties: {
        const paragraph = currentParagraph();
        const level = Number(numberingLevel ?? 0);
        if (paragraph && numberingId !== undefined) {
          paragraph.numbering = { numId: numberingId, level: Number.isInteger(level) && level >= 0 && level <= 8 ? level : 0 };
        }
        break;
      }
      default:
        break;
    }
    shown = frame.parentShown;
    rendered = frame.parentRendered;
  }

  function dropTag(tagStart: number, tagEnd: number): void {
    out.push(xml.slice(copiedUpTo, tagStart));
    copiedUpTo = tagEnd;
  }

  const length = xml.length;
  let position = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (position < length) {
    const tagStart = xml.indexOf("<", position);
    if (tagStart === -1) {
      if (capture !== null) capture += xml.slice(position);
      break;
    }
    if (capture !== null && tagStart > position) capture += xml.slice(position, tagStart);
    const next = xml.charCodeAt(tagStart + 1);
    if (next === QUESTION) {
      position = endOf(xml, "?>", tagStart + 2);
      continue;
    }
    if (next === BANG) {
      if (xml.startsWith("<!--", tagStart)) {
        position = endOf(xml, "-->", tagStart + 4);
      } else if (xml.startsWith("<![CDATA[", tagStart)) {
        position = endOf(xml, "]]>", tagStart + 9);
        // CDATA is text as written, entities and all.
        if (capture !== null) capture += xml.slice(tagStart + 9, position - 3).replace(/&/g, "&amp;");
      } else {
        // A document type declaration: Word never writes one; skip it, internal subset included.
        const bracket = xml.indexOf("[", tagStart);
        const close = xml.indexOf(">", tagStart);
        position = bracket !== -1 && bracket < close ? endOf(xml, "]>", bracket) : endOf(xml, ">", tagStart);
      }
      continue;
    }
    if (next === SLASH) {
      const tagEnd = endOf(xml, ">", tagStart + 2);
      const name = xml.slice(tagStart + 2, tagEnd - 1).trim();
      const frame = stack.pop();
      if (!frame || frame.name !== name) throw corruptFile();
      if (classify(name).namespace === Namespace.Word && UNWRAPPED_FOR_MAMMOTH.has(frame.local)) dropTag(tagStart, tagEnd);
      closeElement(frame);
      position = tagEnd;
      continue;
    }
    // A start tag; ">" may appear inside quoted attribute values.
    let index = tagStart + 1;
    let nameEnd = -1;
    for (; index < length; index++) {
      const code = xml.charCodeAt(index);
      if (code === GT) break;
      if (nameEnd === -1 && (code <= 0x20 || code === SLASH)) nameEnd = index;
      if (code === QUOTE || code === APOSTROPHE) {
        index = xml.indexOf(code === QUOTE ? '"' : "'", index + 1);
        if (index === -1) throw corruptFile();
      }
    }
    if (index >= length) throw corruptFile();
    const selfClosing = xml.charCodeAt(index - 1) === SLASH;
    if (nameEnd === -1) nameEnd = selfClosing ? index - 1 : index;
    const name = xml.slice(tagStart + 1, nameEnd);
    if (name === "") throw corruptFile();
    openElement(name, xml.slice(nameEnd, selfClosing ? index - 1 : index), tagStart, index + 1, selfClosing);
    position = index + 1;
  }
  if (stack.length > 0 || wordNamespace === "") throw corruptFile();
  out.push(xml.slice(copiedUpTo));

  // A range never closed runs to the end of the document, as Word shows it.
  for (const [id, open] of openComments) anchorFor(id).text = open.parts.join("");
  return { mammothXml: out.join(""), paragraphMark, paragraphs, anchors, changes };
}

function endOf(xml: string, terminator: string, from: number): number {
  const at = xml.indexOf(terminator, from);
  if (at === -1) throw corruptFile();
  return at + terminator.length;
}
