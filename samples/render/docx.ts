// SampleSpec -> DOCX with the docx package: real heading styles, tables with a header row, numbered and bulleted
// lists, a running header, "Page x of y" footer, a plain-paragraph contents page, Word comments and tracked changes.
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InsertedTextRun,
  LeaderType,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { SampleSpec, SpecBlock, SpecItem, SpecText } from "../spec.ts";
import { parseMarkup } from "./markup.ts";
import { placeBlocks, templateOf, tocEntries, type PlacedBlock, type SectionBlock } from "./layout.ts";
import { makeDeterministic } from "./deterministic.ts";

/** A4 with 2 cm margins; all widths in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BULLETS = "sample-bullets";
const NUMBERS = "sample-numbers";
const TOC_STYLE = "TOC1";
const TOC_HEADING_STYLE = "TOCHeading";
/** Written in the contents page before the real page numbers are known (same width, so pagination does not move). */
export const TOC_PLACEHOLDER_PAGE = 99;

export interface DocxRenderOptions {
  /** Page on which each plan section starts, by its heading text; filled from the PDF on the second pass. */
  tocPages?: ReadonlyMap<string, number>;
}

type CellChild = Paragraph | Table;

/** Per-document state: Word's numeric ids for comments and revisions, and one numbering instance per ordered list. */
class RenderContext {
  private readonly commentNumbers = new Map<string, number>();
  private nextRevisionNumber: number;
  private nextListInstance = 1;

  constructor(private readonly spec: SampleSpec) {
    (spec.comments ?? []).forEach((comment, index) => this.commentNumbers.set(comment.id, index));
    this.nextRevisionNumber = (spec.comments?.length ?? 0) + 1;
  }

  commentNumber(id: string): number {
    const number = this.commentNumbers.get(id);
    if (number === undefined) throw new Error(`Sample ${this.spec.id}: text refers to comment "${id}", which is not in its comments list`);
    return number;
  }

  revision(id: string): { id: number; author: string; date: string } {
    const revision = this.spec.revisions?.find((candidate) => candidate.id === id);
    if (!revision) throw new Error(`Sample ${this.spec.id}: text refers to revision "${id}", which is not in its revisions list`);
    return { id: this.nextRevisionNumber++, author: revision.author, date: revision.date };
  }

  listInstance(): number {
    return this.nextListInstance++;
  }
}

function runs(text: SpecText, context: RenderContext): ParagraphChild[] {
  return parseMarkup(text).flatMap((piece): ParagraphChild[] => {
    if (piece.kind === "comment-start") return [new CommentRangeStart(context.commentNumber(piece.commentId))];
    if (piece.kind === "comment-end") {
      const number = context.commentNumber(piece.commentId);
      return [new CommentRangeEnd(number), new TextRun({ children: [new CommentReference(number)] })];
    }
    if (piece.insertion) return [new InsertedTextRun({ ...context.revision(piece.insertion), text: piece.text, bold: piece.bold })];
    if (piece.deletion) return [new DeletedTextRun({ ...context.revision(piece.deletion), text: piece.text, bold: piece.bold })];
    return [new TextRun({ text: piece.text, bold: piece.bold })];
  });
}

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function listParagraphs(items: SpecItem[], ordered: boolean, context: RenderContext): Paragraph[] {
  const instance = ordered ? context.listInstance() : 0;
  return items.map((item) => {
    const text = typeof item === "string" ? item : item.text;
    return new Paragraph({
      children: runs(text, context),
      numbering: ordered ? { reference: NUMBERS, level: 0, instance } : { reference: BULLETS, level: 0 },
    });
  });
}

function cell(children: CellChild[], width: number, header = false): TableCell {
  // A Word cell must end with a paragraph, even after a nested table.
  const safe = children.length === 0 || children.at(-1) instanceof Table ? [...children, new Paragraph("")] : children;
  return new TableCell({
    children: safe,
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "D9E2F3" } } : {}),
  });
}

function columnWidths(count: number, relative: number[] | undefined, total: number): number[] {
  const weights = relative && relative.length === count ? relative : Array.from({ length: count }, () => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.floor((total * weight) / sum));
}

/** A Word table; an empty `header` means a table without a header row (a title block laid out as a table). */
function dataTable(table: Extract<SpecBlock, { table: unknown }>["table"], context: RenderContext, width: number): Table {
  const columns = table.header.length || (table.rows[0]?.length ?? 1);
  const widths = columnWidths(columns, table.widths, width);
  const cellWidth = (index: number): number => widths[index] ?? widths[0] ?? width;
  const header = table.header.length === 0 ? [] : new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.header.map((text, index) => cell([new Paragraph({ children: runs(`**${text}**`, context) })], cellWidth(index), true)),
  });
  const rows = table.rows.map((row, rowIndex) => {
    if (row.length !== columns) throw new Error(`Table row ${rowIndex + 1} has ${row.length} cells but the table has ${columns} columns`);
    return new TableRow({
      cantSplit: true, // a row split over two pages is hard to read back from a PDF; LA templates usually forbid it too
      children: row.map((text, index) => cell(text.split("\n").map((line) => new Paragraph({ children: runs(line, context) })), cellWidth(index))),
    });
  });
  return new Table({ rows: [header, ...rows].flat(), width: { size: width, type: WidthType.DXA }, columnWidths: widths });
}

function tocParagraphs(spec: SampleSpec, options: DocxRenderOptions): Paragraph[] {
  return [
    new Paragraph({ text: "Contents", style: TOC_HEADING_STYLE }),
    ...tocEntries(spec).map(
      (entry) =>
        new Paragraph({
          style: TOC_STYLE,
          tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH, leader: LeaderType.DOT }],
          children: [new TextRun(entry.text), new TextRun({ children: [new Tab(), String(options.tocPages?.get(entry.text) ?? TOC_PLACEHOLDER_PAGE)] })],
        }),
    ),
  ];
}

/** One block (not a section heading) as Word content; `width` is the space it has (page or table cell). */
function blockContent(block: SpecBlock, spec: SampleSpec, context: RenderContext, options: DocxRenderOptions, width: number): CellChild[] {
  if ("section" in block) throw new Error("section blocks are rendered by the template");
  if ("h" in block) return [new Paragraph({ heading: HEADING_LEVELS[block.level ?? 2], children: runs(block.h, context) })];
  if ("p" in block) return [new Paragraph({ children: runs(block.p, context) })];
  if ("ul" in block) return listParagraphs(block.ul, false, context);
  if ("ol" in block) return listParagraphs(block.ol, true, context);
  if ("table" in block) return [dataTable(block.table, context, width), new Paragraph("")];
  if ("toc" in block) return tocParagraphs(spec, options);
  return [new Paragraph({ children: [new PageBreak()] })];
}

/** "table-sections": the section is one two-column table, its letter and name on the left and its content on the right. */
function sectionTable(placed: PlacedBlock, content: PlacedBlock[], spec: SampleSpec, context: RenderContext, options: DocxRenderOptions): Table {
  const block = placed.block as SectionBlock;
  const [labelWidth, bodyWidth] = columnWidths(2, [1, 3], CONTENT_WIDTH) as [number, number];
  const cellPadding = 400; // room for the cell margins and borders around nested tables
  const body = content.flatMap((item) => blockContent(item.block, spec, context, options, bodyWidth - cellPadding));
  const label = [new Paragraph({ children: [new TextRun({ text: `Section ${block.section}`, bold: true })] }), new Paragraph({ children: [new TextRun({ text: block.title, bold: true })] })];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, bodyWidth],
    rows: [new TableRow({ children: [cell(label, labelWidth, true), cell(body, bodyWidth)] })],
  });
}

function bodyChildren(spec: SampleSpec, context: RenderContext, options: DocxRenderOptions): CellChild[] {
  const template = templateOf(spec);
  const placed = placeBlocks(spec);
  const children: CellChild[] = [];
  for (let index = 0; index < placed.length; index++) {
    const item = placed[index]!;
    const block = item.block;
    if (!("section" in block)) {
      children.push(...blockContent(block, spec, context, options, CONTENT_WIDTH));
      continue;
    }
    if (template !== "table-sections") {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(item.heading ?? block.title)] }));
      continue;
    }
    // Gather the section's content: everything up to the next section or level-1 heading.
    const content: PlacedBlock[] = [];
    while (index + 1 < placed.length) {
      const next = placed[index + 1]!;
      if ("section" in next.block || next.section === null) break;
      content.push(next);
      index++;
    }
    children.push(sectionTable(item, content, spec, context, options), new Paragraph(""));
  }
  return children;
}

const FONT = "Arial";

export async function renderDocx(spec: SampleSpec, options: DocxRenderOptions = {}): Promise<Buffer> {
  const context = new RenderContext(spec);
  const body = bodyChildren(spec, context, options);
  const document = new Document({
    creator: "Northshire SEND Service (fictional sample)",
    lastModifiedBy: "ehcp-qa sample generator",
    title: spec.id,
    description: "Fictional sample for ehcp-qa. Not about a real child.",
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 23, bold: true, color: "2F5496" }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: TOC_HEADING_STYLE, name: "TOC Heading", basedOn: "Normal", next: "Normal", run: { font: FONT, size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 200 } } },
        { id: TOC_STYLE, name: "toc 1", basedOn: "Normal", next: "Normal", paragraph: { spacing: { after: 80 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
        {
          reference: NUMBERS,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    comments: {
      children: (spec.comments ?? []).map((comment) => ({
        id: context.commentNumber(comment.id),
        author: comment.author,
        initials: comment.author.split(/\s+/).map((word) => word[0] ?? "").join("").toUpperCase(),
        date: new Date(comment.date),
        children: comment.text.split("\n").map((line) => new Paragraph(line)),
      })),
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        headers: spec.runningHeader
          ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: spec.runningHeader, size: 18, color: "595959" })] })] }) }
          : {},
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 18, children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: body,
      },
    ],
  });
  return makeDeterministic(await Packer.toBuffer(document));
}
