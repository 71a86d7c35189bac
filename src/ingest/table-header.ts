// One judgement of "is a table's first row its column labels?", shared by the DOCX and PDF readers so the two
// renderings of a plan get the same tables.
import { countWords } from "../text/words.ts";

export interface HeaderCell {
  text: string;
  /** Whether the cell's text is bold; a PDF does not keep this, so it is absent there. */
  bold?: boolean;
}

/**
 * Most plans' tables are not marked "repeat as header row", so we judge the first row. It is a header
 * when the table has 2+ rows and every filled cell of the first row is a short label (at most 8 words,
 * 60 characters, no digits, not a sentence ending in "." and not a field label ending in ":"), and one of:
 *  - every filled first-row cell is bold (how LA templates mark header rows; DOCX only);
 *  - the table has 3+ columns (Need | Provision | Who | How often);
 *  - the body cells are much wordier than the labels (Need | Provision over paragraphs of text).
 * Two-column "label | value" tables (Name | Ava, Date of birth | ...) therefore get no header, and all
 * their rows stay rows.
 */
export function firstRowIsHeader(rows: readonly (readonly (HeaderCell | string)[])[]): boolean {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === "string" ? { text: cell } : cell)));
  const [first, ...body] = cells;
  if (!first || body.length === 0) return false;
  const labels = first.filter((cell) => cell.text.trim() !== "");
  const isShortLabel = (text: string): boolean => countWords(text) <= 8 && text.length <= 60 && !/\d/.test(text) && !/[.:]$/.test(text) && !text.includes("\n");
  if (labels.length === 0 || !labels.every((cell) => isShortLabel(cell.text))) return false;
  if (labels.every((cell) => cell.bold === true)) return true;
  if (first.length >= 3) return true;
  const bodyCells = body.flat().filter((cell) => cell.text.trim() !== "");
  if (bodyCells.length === 0) return false;
  const meanWords = (list: HeaderCell[]): number => list.reduce((sum, cell) => sum + countWords(cell.text), 0) / list.length;
  const bodyMean = meanWords(bodyCells);
  return bodyMean >= 4 && bodyMean >= 2 * meanWords(labels);
}
