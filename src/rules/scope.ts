// What part of a document a rule looks at: sections (scope: ["F", "G"]) and kinds of block (tables, headings,
// paragraphs), plus the text units and sentences rules quote from. Pure functions over the document model.
import { TextMemo } from "../text/text-memo.ts";
import { SECTION_IDS, type Block, type EhcpDocument, type SectionId } from "../model/document.ts";

export const BLOCK_FILTERS = ["tables", "headings", "paragraphs"] as const;
export type BlockFilter = (typeof BLOCK_FILTERS)[number];
/** One item of a rule set's `scope` list: a section id or a kind of block. */
export type ScopeItem = SectionId | BlockFilter;
export const SCOPE_ITEMS: readonly string[] = [...SECTION_IDS, ...BLOCK_FILTERS];

export interface Scope {
  /** null = every block, in a section or not (title block and appendices included). */
  sections: SectionId[] | null;
  /** null = every kind of block. "paragraphs" covers paragraphs and list items. */
  filters: BlockFilter[] | null;
}

export const isSectionId = (item: string): item is SectionId => (SECTION_IDS as readonly string[]).includes(item);
export const isBlockFilter = (item: string): item is BlockFilter => (BLOCK_FILTERS as readonly string[]).includes(item);

/** Split a rule set's `scope` list into its sections and its block filters (absent or empty parts mean "all"). */
export function parseScope(items: readonly string[] | null | undefined): Scope {
  const sections = (items ?? []).filter(isSectionId);
  const filters = (items ?? []).filter(isBlockFilter);
  return { sections: sections.length > 0 ? sections : null, filters: filters.length > 0 ? filters : null };
}

function blockMatchesFilter(block: Block, filters: BlockFilter[]): boolean {
  return filters.some((filter) =>
    filter === "tables" ? block.kind === "table" : filter === "headings" ? block.kind === "heading" : block.kind === "paragraph" || block.kind === "list-item",
  );
}

/** The blocks of `doc` a scope covers, in document order. A section's own heading counts as one of its blocks. */
export function blocksInScope(doc: EhcpDocument, scope: Scope): Block[] {
  return doc.blocks.filter(
    (block) =>
      (scope.sections === null || (block.section !== null && scope.sections.includes(block.section))) &&
      (scope.filters === null || blockMatchesFilter(block, scope.filters)),
  );
}

/** A stretch of verbatim text a finding can quote: a whole block, or one table cell. */
export interface TextUnit {
  text: string;
  block: Block;
}

/** A table is quoted cell by cell (its flattened text is not what the reader sees); other blocks whole. */
export function textUnits(block: Block): TextUnit[] {
  if (block.kind !== "table") return [{ text: block.text, block }];
  return [...(block.header.length > 0 ? [block.header] : []), ...block.rows].flat().filter((cell) => cell.trim() !== "").map((text) => ({ text, block }));
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|eg|ie|Mr|Mrs|Ms|Dr|Prof|St|No|approx|incl|vs|cf)|\b[A-Z])\.$/i;

// "Part I." or "Section B." ends a sentence: the letter names a section, it is not an initial.
const SECTION_LETTER = /\b(?:part|section)\s+[A-K]\.$/i;

export interface Sentence {
  text: string;
  /** Offset of the sentence in the text it was split from. */
  start: number;
}

/**
 * Split text into sentences at . ! ? and at line breaks that start a new line of content (a capital, a digit or a
 * bullet), keeping abbreviations such as "e.g." and "Dr." intact. A line break inside a phrase ("as\nrequired",
 * a wrapped table cell) is just white space.
 */
export function splitSentences(text: string): readonly Readonly<Sentence>[] {
  return sentencesByText.get(text, sentencesOf);
}

/** Texts already split: a dozen rules split the same paragraphs. */
const sentencesByText = new TextMemo<readonly Readonly<Sentence>[]>();

function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /[.!?]+["'”’)]*(?=\s+|$)|\n+(?=\s*[\p{Lu}\p{N}•\-–*])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const candidate = text.slice(start, end);
    const ending = candidate.trimEnd();
    if (match[0].startsWith(".") && ABBREVIATIONS.test(ending) && !SECTION_LETTER.test(ending)) continue;
    pushSentence(sentences, text, start, end);
    start = end;
  }
  pushSentence(sentences, text, start, text.length);
  return sentences;
}

function pushSentence(sentences: Sentence[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed !== "") sentences.push({ text: trimmed, start: from + leading });
}

// One word count for the document model, its summaries and the rules.
export { countWords } from "../text/words.ts";
