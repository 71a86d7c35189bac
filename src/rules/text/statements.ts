// Splits a section's blocks into provision statements: a table row (its cells labelled by the column
// headers), a list item, or a sentence of a paragraph. Rules judge statements, never whole blocks.
import type { Block, SectionId, TableBlock } from "../../model/document.ts";
import { splitSentences } from "../scope.ts";

/** What a table column holds, recognised from its header wording. */
export type ColumnRole = "what" | "frequency" | "duration" | "who" | "groupSize" | "need" | "outcome" | "other";

export interface LabelledCell {
  /** The column header as written ("" when the table has no header row). */
  header: string;
  /** Every role the header names ("Frequency and duration" is both). */
  roles: ColumnRole[];
  text: string;
}

export interface ProvisionStatement {
  blockId: string;
  section: SectionId | null;
  kind: "table-row" | "list-item" | "sentence";
  /** Verbatim text: the sentence, the list item, or a table row's cells joined with " | ". */
  text: string;
  /** Table rows only: each cell with the column it sits in. */
  cells?: LabelledCell[];
  /** Table rows only: 0-based index among the body rows. */
  rowIndex?: number;
}

// Header wording per role, most specific first; a header may carry several roles.
const COLUMN_PATTERNS: [ColumnRole, RegExp][] = [
  ["outcome", /\b(outcomes?|targets?|aims?|intended|what (this|it) will achieve|objectives?)\b/i],
  ["need", /\b(needs?|difficult(y|ies)|barriers?)\b(?! to meet)/i],
  ["frequency", /\b(frequency|how often|when|sessions? per|times? per|timetable|regularity)\b/i],
  ["duration", /\b(duration|how long|length|hours|minutes|time allocation|amount of time)\b/i],
  ["groupSize", /\b(group(ing)?( size)?|ratio|1:1 or group|class size)\b/i],
  ["who", /\b(who|staffing|staff|delivered by|by whom|provider|provided by|responsible|lead|deliver(ed|y)? by|person|practitioner|level of expertise|expertise|qualifications?|training)\b/i],
  ["what", /\b(provision|support|intervention|what|description|strategies|strategy|arrangements?|resources?|programmes?|action|approach|equipment|details?)\b/i],
];

/** Roles a header names; ["other"] when it names none (e.g. "Review", "Cost"). */
export function classifyColumn(header: string): ColumnRole[] {
  const text = header.trim();
  if (!text) return ["other"];
  const roles: ColumnRole[] = [];
  // "Need" in "Provision to meet need" describes the provision column, not a need column.
  const provisionToMeet = /\bprovision\b/i.test(text) && /\bmeet\b/i.test(text);
  for (const [role, pattern] of COLUMN_PATTERNS) {
    if (role === "need" && provisionToMeet) continue;
    if (pattern.test(text)) roles.push(role);
  }
  // A header naming an outcome or need as well as provision ("Outcome and provision") is still about provision.
  if (roles.includes("what") && (roles.includes("need") || roles.includes("outcome")) && !/^\W*(need|outcome|target)/i.test(text)) {
    return roles.filter((role) => role !== "need" && role !== "outcome");
  }
  return roles.length > 0 ? roles : ["other"];
}

/** Roles whose cells describe the provision itself (need and outcome cells explain why; "other" is bookkeeping). */
export const PROVISION_ROLES: readonly ColumnRole[] = ["what", "frequency", "duration", "who", "groupSize"];

export const isProvisionCell = (cell: LabelledCell): boolean => cell.roles.some((role) => PROVISION_ROLES.includes(role));

/** A table's rows as statements are built from them; rows of a flattened table come from separate paragraphs. */
interface RowSource {
  header: string[];
  rows: { cells: string[]; blockId: string }[];
  section: SectionId | null;
}

/** A two-column table whose first column names slots ("Provision | ...", "Frequency | ...") describes one provision. */
function isRecordTable(rows: string[][]): boolean {
  if (rows.length < 2 || rows.some((row) => row.length !== 2)) return false;
  const labelled = rows.filter((row) => {
    const label = row[0] ?? "";
    return label.split(/\s+/).length <= 5 && classifyColumn(label).some((role) => role !== "other");
  });
  const slotRoles = new Set(labelled.flatMap((row) => classifyColumn(row[0] ?? "")));
  return labelled.length >= Math.max(2, rows.length - 1) && slotRoles.size >= 2;
}

function rowStatements(source: RowSource): ProvisionStatement[] {
  const first = source.rows[0];
  if (!first) return [];
  const all = source.header.length > 0 ? [source.header, ...source.rows.map((row) => row.cells)] : source.rows.map((row) => row.cells);
  if (isRecordTable(all)) {
    const cells = all.map(([label = "", text = ""]) => ({ header: label, roles: classifyColumn(label), text }));
    return [{ blockId: first.blockId, section: source.section, kind: "table-row", text: all.map((row) => row.join(" | ")).join(" | "), cells, rowIndex: 0 }];
  }
  // A layout table (no column titles, cells holding several paragraphs, as a section laid out as a table often is)
  // carries running text: read each paragraph of each cell as it would be read outside a table.
  const titled = source.header.some((cell) => !classifyColumn(cell).includes("other"));
  if (!titled && source.rows.some(({ cells }) => cells.some((cell) => cell.split("\n").filter((line) => line.trim()).length >= 2))) {
    return source.rows.flatMap(({ cells, blockId }) =>
      cells.flatMap((cell) =>
        cell
          .split("\n")
          .flatMap((line) => paragraphStatements(line))
          .map((text) => ({ blockId, section: source.section, kind: "sentence" as const, text })),
      ),
    );
  }
  const statements: ProvisionStatement[] = [];
  source.rows.forEach(({ cells: row, blockId }, rowIndex) => {
    const cells = row.map((text, column) => {
      const header = source.header[column] ?? "";
      return { header, roles: classifyColumn(header), text };
    });
    if (cells.every((cell) => !cell.text.trim())) return;
    // A table with no recognised provision column: read every cell as describing the provision.
    if (!cells.some(isProvisionCell)) for (const cell of cells) if (cell.roles.includes("other")) cell.roles = ["what"];
    if (!cells.some((cell) => isProvisionCell(cell) && cell.text.trim())) return;
    statements.push({ blockId, section: source.section, kind: "table-row", text: row.filter((cell) => cell.trim()).join(" | "), cells, rowIndex });
  });
  return statements;
}

function tableSource(table: TableBlock): RowSource {
  // A reader that could not tell the header row leaves it among the rows; column titles give it away.
  const [first, ...rest] = table.rows;
  const headerInRows = table.header.length === 0 && first !== undefined && rest.length > 0 && isHeaderLine(first);
  return {
    header: headerInRows ? first : table.header,
    rows: (headerInRows ? rest : table.rows).map((cells) => ({ cells, blockId: table.id })),
    section: table.section,
  };
}

// A table nested in a cell (or pasted as text) reaches the model as paragraphs of "cell | cell" lines.
const PIPE = /\s\|\s/;
const pipeCells = (line: string): string[] => line.split(PIPE).map((cell) => cell.trim());
const isPipeLine = (line: string): boolean => PIPE.test(line) && pipeCells(line).length >= 2;

/** A line of column titles: most cells name a column role, and at least two different ones. */
function isHeaderLine(cells: string[]): boolean {
  const roles = cells.map((cell) => (cell.split(/\s+/).length <= 6 ? classifyColumn(cell) : ["other"]));
  const known = roles.filter((cellRoles) => !cellRoles.includes("other"));
  return known.length * 2 >= cells.length && new Set(known.flat()).size >= 2;
}

// A sentence that goes on about the provision just described ("This will be delivered by ...", "Sessions will
// last 30 minutes.") belongs to the same statement: the statement is judged whole.
const CONTINUES = /^(?:this|these|it|they|each\s+(?:session|group|lesson)|the\s+(?:sessions?|programme|group|intervention|therapy|support|lessons?|work|activity|activities|plan|strategies)|sessions|both|all\s+sessions)\b/i;

/** A paragraph's statements: its sentences, each joined by the sentences that continue it, verbatim. */
export function paragraphStatements(text: string): string[] {
  const groups: { start: number; end: number }[] = [];
  for (const sentence of splitSentences(text)) {
    const end = sentence.start + sentence.text.length;
    const last = groups[groups.length - 1];
    if (last && CONTINUES.test(sentence.text)) last.end = end;
    else groups.push({ start: sentence.start, end });
  }
  return groups.map((group) => text.slice(group.start, group.end));
}

/** Split blocks (headings skipped) into statements, in document order. */
export function splitStatements(blocks: readonly Block[]): ProvisionStatement[] {
  const statements: ProvisionStatement[] = [];
  let pipeRun: RowSource | null = null;
  const endPipeRun = () => {
    if (pipeRun) statements.push(...rowStatements(pipeRun));
    pipeRun = null;
  };
  for (const block of blocks) {
    const lines = block.kind === "paragraph" ? block.text.split("\n").filter((line) => line.trim()) : [];
    if (lines.length > 0 && lines.every(isPipeLine)) {
      for (const line of lines) {
        const cells = pipeCells(line);
        const run: RowSource = pipeRun ?? { header: [], rows: [], section: block.section };
        if (run.rows.length === 0 && run.header.length === 0 && isHeaderLine(cells)) run.header = cells;
        else run.rows.push({ cells, blockId: block.id });
        pipeRun = run;
      }
      continue;
    }
    endPipeRun();
    switch (block.kind) {
      case "heading":
        break;
      case "table":
        statements.push(...rowStatements(tableSource(block)));
        break;
      case "list-item":
        if (block.text.trim()) statements.push({ blockId: block.id, section: block.section, kind: "list-item", text: block.text.trim() });
        break;
      case "paragraph":
        for (const text of paragraphStatements(block.text)) statements.push({ blockId: block.id, section: block.section, kind: "sentence", text });
        break;
    }
  }
  endPipeRun();
  return statements;
}
