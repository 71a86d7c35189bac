// mammoth's HTML -> raw blocks in document order (headings, paragraphs, list items, tables).
// Locations are filled in later by aligning these blocks with the paragraphs of word/document.xml.
import { Parser } from "htmlparser2";
import type { RawBlock } from "../raw.ts";
import { cleanText } from "./text.ts";
import { firstRowIsHeader } from "../table-header.ts";

export interface HtmlBlock {
  block: RawBlock;
  /**
   * "body" blocks come from the document body and are aligned with its paragraphs; "note" blocks are
   * footnote/endnote text, which mammoth appends at the end and which we place after the block citing them.
   */
  source: "body" | "note";
}

/** Typed bullets ("• Speech therapy") are lists too, even when the author never used Word's list button. */
const TYPED_BULLET = /^[•●▪◦■►➢✓]\s+/;
const TYPED_BULLET_AT_LINE_START = /^[•●▪◦■►➢✓][ \t]+/gm;
const HEADING_TAG = /^h([1-6])$/;
const NOTE_ID = /^(footnote|endnote)-\d+$/;
const NOTE_REFERENCE_HREF = /^#(footnote|endnote)-\d+$/;
const NOTE_BACKLINK_HREF = /^#(footnote|endnote)-ref-\d+$/;

interface TextCollector {
  parts: string[];
  noteRefs: string[];
}

interface LeafCollector extends TextCollector {
  kind: "heading" | "paragraph";
  level: number;
}

interface ListItemCollector extends TextCollector {
  level: number;
  ordered: boolean;
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

interface TableCollector {
  rows: RowCollector[];
  noteRefs: string[];
  /** Depth of <table> elements open, 1 = the outer table; inner tables are flattened into cell text. */
  depth: number;
  /** Cells opened so far in the current row of an inner table. */
  innerRowCells: number;
}

interface NoteCollector {
  id: string;
  parts: string[];
}

export function htmlToBlocks(html: string): HtmlBlock[] {
  const bodyBlocks: { block: RawBlock; noteRefs: string[] }[] = [];
  const notes = new Map<string, string>();

  const lists: { ordered: boolean }[] = [];
  const listItems: ListItemCollector[] = [];
  let leaf: LeafCollector | null = null;
  let table: TableCollector | null = null;
  let note: NoteCollector | null = null;
  let boldDepth = 0;
  /** Inside a footnote mark or a footnote's back-link: their text ("[1]", "↑") is not content. */
  let skipTextDepth = 0;
  const openAnchors: boolean[] = [];

  const currentCell = (): CellCollector | undefined => table?.rows.at(-1)?.cells.at(-1);

  function appendText(text: string): void {
    if (note) {
      note.parts.push(text);
      return;
    }
    if (table) {
      const cell = currentCell();
      if (!cell) return;
      cell.parts.push(text);
      const visible = text.replace(/\s+/g, "").length;
      cell.textChars += visible;
      if (boldDepth > 0) cell.boldChars += visible;
      return;
    }
    const target = leaf ?? listItems.at(-1) ?? (leaf = { kind: "paragraph", level: 0, parts: [], noteRefs: [] });
    target.parts.push(text);
  }

  /** Paragraph boundaries inside a table cell or a note become line breaks in its text. */
  function lineBreakInContainer(): void {
    if (note) note.parts.push("\n");
    else if (table) currentCell()?.parts.push("\n");
  }

  function emitLeaf(): void {
    if (!leaf) return;
    const text = cleanText(leaf.parts.join(""));
    if (text !== "") {
      const bullet = leaf.kind === "paragraph" ? TYPED_BULLET.exec(text) : null;
      const block: RawBlock = bullet
        ? { kind: "list-item", level: 0, ordered: false, text: text.slice(bullet[0].length), location: {} }
        : leaf.kind === "heading"
          ? { kind: "heading", level: leaf.level, text, location: {} }
          : { kind: "paragraph", text, location: {} };
      bodyBlocks.push({ block, noteRefs: leaf.noteRefs });
    }
    leaf = null;
  }

  /** A list item becomes a block as soon as its own text is complete: at a nested list or at </li>. */
  function emitListItem(item: ListItemCollector): void {
    const text = cleanText(item.parts.join(""));
    if (text !== "") {
      bodyBlocks.push({ block: { kind: "list-item", level: item.level, ordered: item.ordered, text, location: {} }, noteRefs: item.noteRefs });
    }
    item.parts = [];
    item.noteRefs = [];
  }

  function recordNoteReference(id: string): void {
    if (table) table.noteRefs.push(id);
    else (leaf ?? listItems.at(-1))?.noteRefs.push(id);
  }

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "a") {
          const href = attributes.href ?? "";
          const isNoteMark = NOTE_REFERENCE_HREF.test(href);
          const skip = isNoteMark || NOTE_BACKLINK_HREF.test(href);
          if (isNoteMark) recordNoteReference(href.slice(1));
          openAnchors.push(skip);
          if (skip) skipTextDepth++;
          return;
        }
        if (name === "strong" || name === "b") {
          boldDepth++;
          return;
        }
        if (name === "br") {
          appendText("\n");
          return;
        }
        if (name === "input" && attributes.type === "checkbox") {
          appendText("checked" in attributes ? "☒ " : "☐ ");
          return;
        }
        if (name === "table") {
          if (note) return;
          if (table) {
            table.depth++;
            lineBreakInContainer();
          } else {
            emitLeaf();
            table = { rows: [], noteRefs: [], depth: 1, innerRowCells: 0 };
          }
          return;
        }
        if (table && !note) {
          openInTable(table, name, attributes);
          return;
        }
        if (name === "li" && NOTE_ID.test(attributes.id ?? "")) {
          note = { id: attributes.id ?? "", parts: [] };
          return;
        }
        if (note) {
          if (name === "p" || name === "li" || HEADING_TAG.test(name)) lineBreakInContainer();
          return;
        }
        const heading = HEADING_TAG.exec(name);
        if (heading || name === "p") {
          emitLeaf();
          // A paragraph inside a list item (rare in mammoth's output) continues that item's text.
          if (listItems.length > 0 && !heading) return;
          leaf = heading ? { kind: "heading", level: Number(heading[1]), parts: [], noteRefs: [] } : { kind: "paragraph", level: 0, parts: [], noteRefs: [] };
          return;
        }
        if (name === "ul" || name === "ol") {
          emitLeaf();
          const parentItem = listItems.at(-1);
          if (parentItem) emitListItem(parentItem);
          lists.push({ ordered: name === "ol" });
          return;
        }
        if (name === "li") {
          emitLeaf();
          const list = lists.at(-1);
          listItems.push({ level: Math.max(0, lists.length - 1), ordered: list?.ordered ?? false, parts: [], noteRefs: [] });
        }
      },
      ontext(text) {
        if (skipTextDepth === 0) appendText(text);
      },
      onclosetag(name) {
        if (name === "a") {
          if (openAnchors.pop()) skipTextDepth--;
          return;
        }
        if (name === "strong" || name === "b") {
          boldDepth = Math.max(0, boldDepth - 1);
          return;
        }
        if (name === "table" && table && !note) {
          table.depth--;
          if (table.depth === 0) {
            const block = tableBlock(table.rows);
            if (block) bodyBlocks.push({ block, noteRefs: table.noteRefs });
            table = null;
          } else {
            lineBreakInContainer();
          }
          return;
        }
        if (table && !note) {
          closeInTable(table, name);
          return;
        }
        if (name === "li" && note) {
          notes.set(note.id, cleanText(note.parts.join("")));
          note = null;
          return;
        }
        if (note) return;
        if (name === "p" || HEADING_TAG.test(name)) {
          if (leaf) emitLeaf();
          return;
        }
        if (name === "li") {
          const item = listItems.pop();
          if (item) emitListItem(item);
          return;
        }
        if (name === "ul" || name === "ol") lists.pop();
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  emitLeaf();

  return placeNotes(bodyBlocks, notes);
}

function openInTable(table: TableCollector, name: string, attributes: Record<string, string>): void {
  if (table.depth > 1) {
    // Inner tables are flattened into the outer cell: a line per inner row, cells separated by " | ",
    // paragraphs within an inner cell separated by a space.
    const cell = currentCellOf(table);
    if (name === "tr") {
      cell?.parts.push("\n");
      table.innerRowCells = 0;
    } else if (name === "td" || name === "th") {
      if (table.innerRowCells > 0) cell?.parts.push(" | ");
      table.innerRowCells++;
    } else if (isBlockTag(name)) cell?.parts.push(" ");
    return;
  }
  if (name === "tr") {
    table.rows.push({ cells: [], isHeader: false });
  } else if (name === "td" || name === "th") {
    if (table.rows.length === 0) table.rows.push({ cells: [], isHeader: false });
    const row = table.rows.at(-1)!;
    if (name === "th") row.isHeader = true;
    row.cells.push({ parts: [], colspan: span(attributes.colspan), rowspan: span(attributes.rowspan), boldChars: 0, textChars: 0 });
  } else if (isBlockTag(name)) {
    currentCellOf(table)?.parts.push("\n");
  }
}

function closeInTable(table: TableCollector, name: string): void {
  if (isBlockTag(name)) currentCellOf(table)?.parts.push(table.depth > 1 ? " " : "\n");
}

function currentCellOf(table: TableCollector): CellCollector | undefined {
  return table.rows.at(-1)?.cells.at(-1);
}

function isBlockTag(name: string): boolean {
  return name === "p" || name === "li" || name === "ul" || name === "ol" || HEADING_TAG.test(name);
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : 1;
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

  // Rows Word marks "repeat as header row" come out of mammoth as <th> rows: they are the header.
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
function placeNotes(bodyBlocks: { block: RawBlock; noteRefs: string[] }[], notes: Map<string, string>): HtmlBlock[] {
  const placed = new Set<string>();
  const out: HtmlBlock[] = [];
  const noteBlock = (text: string): HtmlBlock => ({ block: { kind: "paragraph", text, location: {} }, source: "note" });
  for (const { block, noteRefs } of bodyBlocks) {
    out.push({ block, source: "body" });
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
