// mammoth's document tree -> raw blocks in document order (headings, paragraphs, list items, tables, notes).
// Kinds follow mammoth's own reading of styles and lists (its default style map, with the document's heading
// styles first); each block also lists the body paragraphs it holds, from the marks body-scan.ts put in.
import type { RawBlock } from "../raw.ts";
import { firstRowIsHeader } from "../table-header.ts";
import { cleanText } from "./text.ts";

/** The parts of mammoth's document tree (mammoth/lib/documents.js) that blocks are made from. */
export type TreeNode =
  | { type: "paragraph"; children: TreeNode[]; styleId: string | null; styleName: string | null; numbering: { level: string; isOrdered: boolean } | null }
  | { type: "run"; children: TreeNode[]; styleName: string | null; isBold: boolean }
  | { type: "hyperlink"; children: TreeNode[] }
  | { type: "text"; value: string }
  | { type: "tab" }
  | { type: "checkbox"; checked: boolean }
  | { type: "break"; breakType: "line" | "page" | "column" }
  | { type: "noteReference"; noteType: string; noteId: string }
  | { type: "bookmarkStart"; name: string }
  | { type: "table"; children: TreeNode[] }
  | { type: "tableRow"; children: TreeNode[]; isHeader: boolean }
  | { type: "tableCell"; children: TreeNode[]; colSpan: number; rowSpan: number }
  | { type: "image" | "commentReference" };

export interface TreeNote {
  noteType: string;
  noteId: string;
  body: TreeNode[];
}

export interface TreeDocument {
  children: TreeNode[];
  notes: { resolve(reference: { noteType: string; noteId: string }): TreeNote | undefined };
}

export interface TreeBlock {
  block: RawBlock;
  /** Body indices of the paragraphs the block holds, in order; none for footnote/endnote text (placed after the block citing it). */
  paragraphs: number[];
}

export interface TreeReading {
  /** The heading level a paragraph style gives, by style name (the document's heading styles). */
  headingLevel: (styleName: string) => number | undefined;
  /** The body index a bookmark marks, or null for the document's own bookmarks. */
  paragraphMarked: (bookmarkName: string) => number | null;
}

/** Typed bullets ("• Speech therapy") are lists too, even when the author never used Word's list button. */
const TYPED_BULLET = /^[•●▪◦■►➢✓]\s+/;
const TYPED_BULLET_AT_LINE_START = /^[•●▪◦■►➢✓][ \t]+/gm;
/** mammoth's default style map: heading styles by id and by name (any case), and styles it keeps as plain paragraphs. */
const HEADING_STYLE_ID = /^Heading([1-6])$/;
const HEADING_STYLE_NAME = /^HEADING ([1-6])$/;
const PLAIN_PARAGRAPH_STYLE_NAMES = new Set(["FOOTNOTE TEXT", "ENDNOTE TEXT", "ANNOTATION TEXT", "FOOTNOTE", "ENDNOTE"]);
/** mammoth's default style map makes lists of numbering levels 0-4; deeper levels are plain paragraphs. */
const DEEPEST_LIST_LEVEL = 4;

type ParagraphKind = { kind: "heading"; level: number } | { kind: "list-item"; level: number; ordered: boolean } | { kind: "paragraph" };

/** Text being gathered for one block, with the notes it cites and the paragraphs it holds. */
interface Gathered {
  parts: string[];
  noteRefs: string[];
  paragraphs: number[];
  /** Visible characters gathered, and how many of them bold (to tell a bold header row). */
  textChars: number;
  boldChars: number;
}

const gathered = (): Gathered => ({ parts: [], noteRefs: [], paragraphs: [], textChars: 0, boldChars: 0 });

export function treeToBlocks(document: TreeDocument, reading: TreeReading): TreeBlock[] {
  const bodyBlocks: { block: RawBlock; noteRefs: string[]; paragraphs: number[] }[] = [];
  /** Notes in the order they are first cited, as mammoth lists them. */
  const citedNotes = new Map<string, { noteType: string; noteId: string }>();

  /** Inline content into `into`; `bold` says whether the enclosing run is bold. */
  function inline(nodes: TreeNode[], into: Gathered, bold: boolean): void {
    for (const node of nodes) {
      switch (node.type) {
        case "text":
          append(into, node.value, bold);
          break;
        case "tab":
          append(into, "\t", bold);
          break;
        case "break":
          if (node.breakType === "line") append(into, "\n", bold);
          break;
        case "checkbox":
          append(into, node.checked ? "☒ " : "☐ ", bold);
          break;
        case "run":
          inline(node.children, into, bold || node.isBold || node.styleName?.toUpperCase() === "STRONG");
          break;
        case "hyperlink":
          inline(node.children, into, bold);
          break;
        case "noteReference": {
          const id = `${node.noteType}-${node.noteId}`;
          into.noteRefs.push(id);
          if (!citedNotes.has(id)) citedNotes.set(id, node);
          break;
        }
        case "bookmarkStart": {
          const paragraph = reading.paragraphMarked(node.name);
          if (paragraph !== null) into.paragraphs.push(paragraph);
          break;
        }
        default:
          break;
      }
    }
  }

  function paragraphKind(paragraph: Extract<TreeNode, { type: "paragraph" }>): ParagraphKind {
    const name = paragraph.styleName?.toUpperCase();
    const custom = paragraph.styleName ? reading.headingLevel(paragraph.styleName) : undefined;
    if (custom !== undefined) return { kind: "heading", level: custom };
    const byId = HEADING_STYLE_ID.exec(paragraph.styleId ?? "");
    if (byId) return { kind: "heading", level: Number(byId[1]) };
    const byName = HEADING_STYLE_NAME.exec(name ?? "");
    if (byName) return { kind: "heading", level: Number(byName[1]) };
    if (paragraph.styleId === "Heading" || name === "HEADING") return { kind: "heading", level: 1 };
    if (name !== undefined && PLAIN_PARAGRAPH_STYLE_NAMES.has(name)) return { kind: "paragraph" };
    const level = paragraph.numbering ? Number(paragraph.numbering.level) : Number.NaN;
    if (Number.isInteger(level) && level >= 0 && level <= DEEPEST_LIST_LEVEL) return { kind: "list-item", level, ordered: paragraph.numbering!.isOrdered };
    return { kind: "paragraph" };
  }

  function paragraphBlock(paragraph: Extract<TreeNode, { type: "paragraph" }>): void {
    const into = gathered();
    inline(paragraph.children, into, false);
    const text = cleanText(into.parts.join(""));
    if (text === "") return;
    const kind = paragraphKind(paragraph);
    const bullet = kind.kind === "paragraph" ? TYPED_BULLET.exec(text) : null;
    const block: RawBlock = bullet
      ? { kind: "list-item", level: 0, ordered: false, text: text.slice(bullet[0].length), location: {} }
      : kind.kind === "heading"
        ? { kind: "heading", level: kind.level, text, location: {} }
        : kind.kind === "list-item"
          ? { kind: "list-item", level: kind.level, ordered: kind.ordered, text, location: {} }
          : { kind: "paragraph", text, location: {} };
    bodyBlocks.push({ block, noteRefs: into.noteRefs, paragraphs: into.paragraphs });
  }

  function tableBlockOf(table: Extract<TreeNode, { type: "table" }>): void {
    const tableNotes = gathered();
    // Rows Word marks "repeat as header row" are header rows up to the first row that is not (as mammoth reads them).
    const firstBodyRow = table.children.findIndex((child) => !(child.type === "tableRow" && child.isHeader));
    const headerRows = firstBodyRow === -1 ? table.children.length : firstBodyRow;
    const rows: RowCollector[] = [];
    table.children.forEach((child, index) => {
      if (child.type !== "tableRow") return;
      const row: RowCollector = { cells: [], isHeader: index < headerRows && child.children.some((cell) => cell.type === "tableCell") };
      for (const cell of child.children) {
        if (cell.type !== "tableCell") continue;
        const into = gathered();
        cellContent(cell.children, into);
        tableNotes.noteRefs.push(...into.noteRefs);
        tableNotes.paragraphs.push(...into.paragraphs);
        row.cells.push({ parts: into.parts, colspan: span(cell.colSpan), rowspan: span(cell.rowSpan), boldChars: into.boldChars, textChars: into.textChars });
      }
      rows.push(row);
    });
    const block = tableBlock(rows);
    if (block) bodyBlocks.push({ block, noteRefs: tableNotes.noteRefs, paragraphs: tableNotes.paragraphs });
  }

  /**
   * A cell's blocks: each paragraph set off by `around` (a line of its own in a table's cell, a space in a nested
   * table's cell); a table nested in it, a line per row with " | " between cells.
   */
  function cellContent(nodes: TreeNode[], into: Gathered, around: "\n" | " " = "\n"): void {
    for (const node of nodes) {
      if (node.type === "paragraph") {
        into.parts.push(around);
        inline(node.children, into, false);
        into.parts.push(around);
      } else if (node.type === "table") {
        into.parts.push("\n");
        nestedTable(node, into);
        into.parts.push("\n");
      } else {
        inline([node], into, false);
      }
    }
  }

  function nestedTable(table: Extract<TreeNode, { type: "table" }>, into: Gathered): void {
    for (const row of table.children) {
      if (row.type !== "tableRow") continue;
      into.parts.push("\n");
      let cells = 0;
      row.children.forEach((cell) => {
        if (cell.type !== "tableCell") return;
        if (cells++ > 0) into.parts.push(" | ");
        cellContent(cell.children, into, " ");
      });
    }
  }

  for (const node of document.children) {
    if (node.type === "paragraph") paragraphBlock(node);
    else if (node.type === "table") tableBlockOf(node);
  }

  const notes = new Map<string, string>();
  // Notes cited only from other notes are not listed (mammoth lists those the body cites).
  for (const [id, reference] of [...citedNotes]) {
    const note = document.notes.resolve(reference);
    if (!note) continue;
    const into = gathered();
    noteContent(note.body, into, inline);
    notes.set(id, cleanText(into.parts.join("")));
  }
  return placeNotes(bodyBlocks, notes);
}

/** A note's paragraphs, tables' included, one line each. */
function noteContent(nodes: TreeNode[], into: Gathered, inline: (nodes: TreeNode[], into: Gathered, bold: boolean) => void): void {
  for (const node of nodes) {
    if (node.type === "paragraph") {
      into.parts.push("\n");
      inline(node.children, into, false);
    } else if (node.type === "table" || node.type === "tableRow" || node.type === "tableCell") {
      noteContent(node.children, into, inline);
    }
  }
}

function append(into: Gathered, text: string, bold: boolean): void {
  into.parts.push(text);
  const visible = text.replace(/\s+/g, "").length;
  into.textChars += visible;
  if (bold) into.boldChars += visible;
}

interface CellCollector {
  parts: string[];
  colspan: number;
  rowspan: number;
  boldChars: number;
  textChars: number;
}

interface RowCollector {
  cells: CellCollector[];
  isHeader: boolean;
}

function span(value: number): number {
  return Number.isInteger(value) && value >= 1 && value <= 1000 ? value : 1;
}

interface GridCell {
  text: string;
  bold: boolean;
}

/**
 * Lays the rows out on a grid so every row has one entry per column: a cell merged across columns or
 * rows keeps its text in its first position and leaves "" in the positions it also covers (repeating
 * the text would count its words twice).
 */
function toGrid(rows: RowCollector[]): GridCell[][] {
  const pendingRowSpans: number[] = [];
  const grid: GridCell[][] = [];
  for (const row of rows) {
    const out: GridCell[] = [];
    const skipCoveredColumns = (): void => {
      while ((pendingRowSpans[out.length] ?? 0) > 0) {
        pendingRowSpans[out.length]!--;
        out.push({ text: "", bold: false });
      }
    };
    for (const cell of row.cells) {
      skipCoveredColumns();
      // Typed bullets in a cell go, as Word's own list numbers do: each item is its own line either way.
      const text = cleanText(cell.parts.join("")).replace(TYPED_BULLET_AT_LINE_START, "");
      const bold = cell.textChars > 0 && cell.boldChars === cell.textChars;
      for (let i = 0; i < cell.colspan; i++) {
        pendingRowSpans[out.length] = cell.rowspan - 1;
        out.push(i === 0 ? { text, bold } : { text: "", bold });
      }
    }
    skipCoveredColumns();
    for (let column = out.length; column < pendingRowSpans.length; column++) {
      if ((pendingRowSpans[column] ?? 0) > 0) pendingRowSpans[column]!--;
    }
    grid.push(out);
  }
  const width = Math.max(0, ...grid.map((row) => row.length));
  for (const row of grid) while (row.length < width) row.push({ text: "", bold: false });
  return grid;
}

function tableBlock(rows: RowCollector[]): RawBlock | null {
  const grid = toGrid(rows);
  if (grid.every((row) => row.every((cell) => cell.text === ""))) return null;

  const headerRowCount = rows.findIndex((row) => !row.isHeader);
  const markedHeaderRows = headerRowCount === -1 ? rows.length : headerRowCount;
  if (markedHeaderRows > 0 && markedHeaderRows < grid.length) {
    const headerRows = grid.slice(0, markedHeaderRows);
    const header = headerRows[0]!.map((_, column) =>
      cleanText(headerRows.map((row) => row[column]?.text ?? "").filter((text, i, all) => text !== "" && all.indexOf(text) === i).join(" ")),
    );
    return { kind: "table", header, rows: grid.slice(markedHeaderRows).map(texts), location: {} };
  }
  if (firstRowIsHeader(grid)) {
    return { kind: "table", header: texts(grid[0]!), rows: grid.slice(1).map(texts), location: {} };
  }
  return { kind: "table", header: [], rows: grid.map(texts), location: {} };
}

function texts(row: GridCell[]): string[] {
  return row.map((cell) => cell.text);
}

/** Puts each footnote/endnote right after the block that cites it (as a PDF shows it on the same page). */
function placeNotes(bodyBlocks: { block: RawBlock; noteRefs: string[]; paragraphs: number[] }[], notes: Map<string, string>): TreeBlock[] {
  const placed = new Set<string>();
  const out: TreeBlock[] = [];
  const noteBlock = (text: string): TreeBlock => ({ block: { kind: "paragraph", text, location: {} }, paragraphs: [] });
  for (const { block, noteRefs, paragraphs } of bodyBlocks) {
    out.push({ block, paragraphs });
    for (const id of noteRefs) {
      const text = notes.get(id);
      if (text && !placed.has(id)) {
        placed.add(id);
        out.push(noteBlock(text));
      }
    }
  }
  for (const [id, text] of notes) if (text && !placed.has(id)) out.push(noteBlock(text));
  return out;
}
