// A plan read as comparable units: paragraphs, list items and table rows, each with its section and block.
// Draft-to-final work compares units, because a correction is usually to one row or one paragraph.
import type { Block, EhcpDocument, SectionId } from "../../model/document.ts";

export interface TextUnit {
  text: string;
  blockId: string;
  section: SectionId | null;
  /** Normalised text: lower case, words only, single spaces. */
  norm: string;
  /** Distinct content words (stop words dropped), for similarity. */
  words: Set<string>;
}

const STOP_WORDS = new Set(
  "a an the and or of to in on at for with by from is are was were be been will would can could should may might this that these those it its as into than then so such he she they him her his hers their them i me my we our you your not no do does did have has had".split(" "),
);

/** Lower case, curly quotes and dashes folded, punctuation to spaces. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[^\p{L}\p{N}:]+/gu, " ")
    // A colon stays only inside a ratio ("1:1"); "swimming:" is the word "swimming".
    .replace(/(?<!\d):|:(?!\d)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function contentWords(text: string): Set<string> {
  return new Set(normalise(text).split(" ").filter((word) => word !== "" && !STOP_WORDS.has(word)));
}

function unitsOfBlock(block: Block): { text: string }[] {
  if (block.kind === "heading") return [];
  if (block.kind === "table") return block.rows.map((row) => ({ text: row.filter((cell) => cell.trim()).join(" | ") })).filter((row) => row.text !== "");
  return block.text.trim() ? [{ text: block.text.trim() }] : [];
}

export function documentUnits(doc: EhcpDocument): TextUnit[] {
  return doc.blocks.flatMap((block) =>
    unitsOfBlock(block).map(({ text }) => ({ text, blockId: block.id, section: block.section, norm: normalise(text), words: contentWords(text) })),
  );
}

/** Dice coefficient of content words: 1 for the same words, 0 for none shared. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Share of `needle`'s content words found in `haystack` (how much of a requested wording is there). */
export function coverage(needle: Set<string>, haystack: Set<string>): number {
  if (needle.size === 0) return 0;
  let found = 0;
  for (const word of needle) if (haystack.has(word)) found++;
  return found / needle.size;
}

const NUMBER = /^\d+(?::\d+)?$/;

/**
 * How much of a requested wording a unit carries: its share of content words, held below "present" (0.8) when
 * a number in the request is missing, because "20 minutes every day" is not carried by "10 minutes every day".
 */
export function requestCoverage(wanted: Set<string>, unit: Pick<TextUnit, "words">): number {
  const share = coverage(wanted, unit.words);
  const numbersMissing = [...wanted].some((word) => NUMBER.test(word) && !unit.words.has(word));
  return numbersMissing ? Math.min(share, 0.79) : share;
}

/** Whether `phrase` occurs in `unit` as whole words, ignoring case and punctuation. */
export function containsPhrase(unit: Pick<TextUnit, "norm">, phrase: string): boolean {
  const needle = normalise(phrase);
  if (needle === "") return false;
  return ` ${unit.norm} `.includes(` ${needle} `);
}

const NUMBER_WORDS: Record<string, string> = {
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  eleven: "11", twelve: "12", once: "1", twice: "2", first: "1", second: "2", third: "3", fourth: "4",
};

/** Content words with number words as digits, so "three sessions" and "3 sessions" say the same thing. */
export function substanceOf(words: ReadonlySet<string>): Set<string> {
  return new Set([...words].map((word) => NUMBER_WORDS[word] ?? word));
}
