// Plain text and Markdown -> RawDocument: a plan pasted from a case system, a response letter saved as text,
// a plan written in Markdown. One reader for both, because the format is told by content, not by the file's
// name, and Markdown's marks are rare in plain text:
//  - paragraphs end at blank lines; a hard-wrapped line is joined to the next (see `continues`);
//  - "# Title" (and a line underlined with === or ---) is a heading with its level; a line that is wholly
//    bold ("**What I find hard**") is a heading one level below the last "#" heading;
//  - pipe tables ("| Need | Provision |" over "|---|---|") are tables, the row above the rule their header;
//  - "-", "*", "+", "•", "1.", "a)" lines are list items, nested by indentation;
//  - inline marks (**bold**, _emphasis_, `code`, [links](url)) are dropped from the text.
import { ProblemError } from "../model/problem.ts";
import { decodeText, UNREADABLE_FILE_MESSAGE } from "./detect.ts";
import { listMarker } from "./pdf/line-blocks.ts";
import { typicalLineWidth } from "./pdf/line-shapes.ts";
import type { RawBlock, RawDocument, ReadOptions } from "./raw.ts";
import { checkWordCount, resolveLimits } from "./guard.ts";
import { countWords } from "../text/words.ts";

/** Spaces of indentation per list level. */
const INDENT_PER_LEVEL = 2;
const MAX_LIST_LEVEL = 3;
const MAX_HEADING_LEVEL = 6;
/** A line shorter than this share of the text's usual full line was not wrapped: it ends its paragraph. */
const WRAPPED_LINE_SHARE = 0.7;
/** A setext heading ("Title" over "=====") is one short line. */
const SETEXT_MAX_WORDS = 12;

const ATX_HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT_RULE = /^(=+|-+)\s*$/;
const THEMATIC_BREAK = /^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const CODE_FENCE = /^(?:```|~~~)/;
const WHOLLY_BOLD = /^(?:\*\*|__)(?!\s)(.+?)(?<!\s)(?:\*\*|__)[:.]?$/;
const TABLE_RULE_CELL = /^\s*:?-{2,}:?\s*$/;
const BLOCKQUOTE = /^>\s?/;

/** A block before it is given its location. */
type BlockBody = RawBlock extends infer Block ? (Block extends RawBlock ? Omit<Block, "location"> : never) : never;
type OpenText = Extract<BlockBody, { kind: "paragraph" | "list-item" }> & { lines: number; lastLine: string };

export async function readText(bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  const text = decodeText(bytes);
  if (text === null) throw new ProblemError({ code: "UNSUPPORTED_FORMAT", message: UNREADABLE_FILE_MESSAGE });
  checkWordCount(countWords(text), resolveLimits(options.limits), true);
  const blocks = textBlocks(text);
  return { format: "text", blocks, comments: [], trackedChanges: [], paragraphCount: blocks.length };
}

/** Inline Markdown marks removed; what is left is the text a reader sees. */
export function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\((?:[^()\s]+)\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[^\p{L}\d*_])([*_])(?=\S)([^*_]+?)(?<=\S)\2(?![\p{L}\d])/gu, "$1$3")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** "| a | b |" -> ["a", "b"]; a "\|" inside a cell is kept. */
function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => plainInline(cell.replace(/\\\|/g, "|")));
}

const isTableRule = (line: string): boolean => line.includes("-") && tableCells(line).every((cell) => TABLE_RULE_CELL.test(cell));
const isTableLine = (line: string): boolean => /^\s*\|.*\|\s*$/.test(line);

export function textBlocks(text: string): RawBlock[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n|\f/);
  const width = typicalLineWidth(lines);
  const blocks: RawBlock[] = [];
  let open: OpenText | null = null;
  let lastAtxLevel = 0;
  let inFence = false;

  const push = (block: BlockBody): void => {
    blocks.push({ ...block, location: { paragraph: blocks.length } });
  };
  const flush = (): void => {
    const current = open as OpenText | null;
    if (current) {
      const { lines: _lines, lastLine: _lastLine, ...block } = current;
      push({ ...block, text: plainInline(block.text) });
    }
    open = null;
  };
  /**
   * A hard-wrapped line goes on: in a short text (a letter) any line does; in a long one, a line after a full line.
   * A line that starts a sentence after one that ended a sentence starts a new block (text pasted one paragraph a line).
   */
  const continues = (current: OpenText, line: string): boolean => {
    if (/^[\p{Ll},;]/u.test(line)) return true;
    if (/[.!?:]["”’)]?$/.test(current.lastLine) && /^[\p{Lu}\d"“‘(]/u.test(line)) return false;
    return width === Infinity || current.lastLine.length >= width * WRAPPED_LINE_SHARE;
  };

  for (let at = 0; at < lines.length; at++) {
    const rawLine = lines[at]!;
    const line = rawLine.replace(/[\s\u00a0]+/g, " ").trim().replace(BLOCKQUOTE, "");
    if (CODE_FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (line === "") {
      flush();
      continue;
    }
    const atx = inFence ? null : ATX_HEADING.exec(line);
    if (atx) {
      flush();
      lastAtxLevel = atx[1]!.length;
      if (atx[2]!.trim() !== "") push({ kind: "heading", level: lastAtxLevel, text: plainInline(atx[2]!) });
      continue;
    }
    if (!inFence && isTableLine(line)) {
      flush();
      const rows: string[][] = [];
      let header: string[] = [];
      let end = at;
      for (; end < lines.length && isTableLine(lines[end]!); end++) {
        if (isTableRule(lines[end]!)) {
          // The rule under the first row makes that row the header; any other rule is only a line.
          if (rows.length === 1 && header.length === 0) header = rows.pop()!;
          continue;
        }
        rows.push(tableCells(lines[end]!));
      }
      at = end - 1;
      if (header.every((cell) => cell === "")) header = [];
      push({ kind: "table", header, rows });
      continue;
    }
    // "Title" over "=====" or "-----": a heading, when the title is one short line.
    const current = open as OpenText | null;
    if (!inFence && current !== null && current.kind === "paragraph" && current.lines === 1 && SETEXT_RULE.test(line) && current.text.split(" ").length <= SETEXT_MAX_WORDS) {
      open = null;
      push({ kind: "heading", level: line.startsWith("=") ? 1 : 2, text: plainInline(current.text) });
      continue;
    }
    if (!inFence && THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }
    const bold = inFence ? null : WHOLLY_BOLD.exec(line);
    if (bold && !bold[1]!.includes("**")) {
      flush();
      push({ kind: "heading", level: Math.min(MAX_HEADING_LEVEL, lastAtxLevel + 1), text: plainInline(bold[1]!) });
      continue;
    }
    const marker = inFence ? null : listMarker(line.replace(/^\+\s/, "- ").replace(/^[-*]\s+\[[ xX]\]\s+/, "- "));
    if (marker) {
      flush();
      const indent = (/^[ \t]*/.exec(rawLine.replace(/\t/g, "    "))?.[0].length ?? 0) / INDENT_PER_LEVEL;
      const level = Math.min(MAX_LIST_LEVEL, Math.max(marker.level, Math.floor(indent)));
      open = { kind: "list-item", level, ordered: marker.ordered, text: marker.text, lines: 1, lastLine: line };
      continue;
    }
    // A line with no marker continues what is open when the open block was wrapped; otherwise it starts a paragraph.
    if (current && continues(current, line)) open = { ...current, text: `${current.text} ${line}`, lines: current.lines + 1, lastLine: line };
    else {
      flush();
      open = { kind: "paragraph", text: line, lines: 1, lastLine: line };
    }
  }
  flush();
  return blocks;
}
