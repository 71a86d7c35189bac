// The intermediate shapes of the PDF reader: one page's text lines and ruled tables, and the single
// reading-order flow of lines and tables that blocks are built from.

/** What pdf-parse gives for one page: text lines in content order, and the ruled tables found on it. */
export interface PageContent {
  /** 1-based page number. */
  page: number;
  lines: string[];
  /** Each table as rows of cell texts (a cell's wrapped lines separated by "\n"). */
  tables: string[][][];
}

/** A line of body text (an empty text marks a blank line, which always ends a paragraph). */
export interface FlowLine {
  kind: "line";
  text: string;
  page: number;
}

/** A ruled table, placed where its text was in the page's reading order. */
export interface FlowTable {
  kind: "table";
  rows: string[][];
  page: number;
}

export type FlowItem = FlowLine | FlowTable;

/** Text with every kind of white space removed: how table cells are matched against page lines. */
export const withoutSpace = (text: string): string => text.replace(/[\s\u00a0\u200b]+/g, "");

/** Collapses runs of white space (including tabs and non-breaking spaces) to one space and trims. */
export const tidySpace = (text: string): string => text.replace(/[\s\u00a0]+/g, " ").trim();

/** Ends a sentence or introduces what follows (. : ; ? ! before any closing quote or bracket). */
export const endsTerminal = (text: string): boolean => /[.:;?!]["'”’)\]]*$/.test(text.trim());
