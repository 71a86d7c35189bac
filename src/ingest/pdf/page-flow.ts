// Pages -> one reading-order flow: each page's tables put where their text was, table text and running
// headers/footers taken out of the lines, and tables continued over a page break joined back together.
import type { FlowItem, PageContent } from "./flow.ts";
import { mergeContinuedTables, placeTables, squareRows, usefulTable } from "./page-tables.ts";
import { findRunningLines } from "./running-lines.ts";

export function flowFromPages(pages: readonly PageContent[]): FlowItem[] {
  const placed = pages.map((page) => {
    const tables = page.tables.filter(usefulTable).map(squareRows);
    return { tables, ...placeTables(page.lines, tables) };
  });
  const running = findRunningLines(
    pages.map((page) => page.lines),
    (p, i) => !placed[p]!.tableLines.has(i),
  );

  const flow: FlowItem[] = [];
  pages.forEach((page, p) => {
    const { tables, positions, tableLines } = placed[p]!;
    const tablesAt = (index: number) => tables.filter((_, t) => positions[t] === index);
    const items: FlowItem[] = [];
    page.lines.forEach((text, i) => {
      for (const rows of tablesAt(i)) items.push({ kind: "table", rows, page: page.page });
      if (!tableLines.has(i) && !running[p]!.has(i)) items.push({ kind: "line", text, page: page.page });
    });
    for (const rows of tablesAt(page.lines.length)) items.push({ kind: "table", rows, page: page.page });
    // Blank lines at a page's edges are layout, and must not stop a paragraph or table running on.
    const isBlank = (item: FlowItem | undefined) => item?.kind === "line" && item.text.trim() === "";
    while (isBlank(items[0])) items.shift();
    while (isBlank(items[items.length - 1])) items.pop();
    flow.push(...items);
  });
  return mergeContinuedTables(flow);
}
