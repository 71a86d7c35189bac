// What only a batch can see: paragraphs that recur almost word for word in the plans of different children, the
// boilerplate copied from plan to plan (sometimes with the child's name swapped). Each plan's longer paragraphs are
// reduced, where the plan is read, to a MinHash signature of their word 4-shingles (the child's own names replaced
// by one token first, so a paragraph copied with the name changed still matches). Across the batch, signatures that
// share a band (locality-sensitive hashing) are compared with their bucket's first member only, so the work grows
// with the number of paragraphs, not its square; matches are joined into groups, and a group found in the plans of
// two or more children is reported with how many plans share it.
import type { EhcpDocument } from "../model/document.ts";

/** One paragraph of a plan, reduced for comparison across the batch. */
export interface ParagraphPrint {
  /** MinHash signature: SIGNATURE_SIZE 32-bit values, as 8 hex digits each. */
  sig: string;
  /** The paragraph as written, the child's names replaced by "[child]" (shown when it is shared), at most 300 characters. */
  text: string;
}

export interface SharedParagraph {
  /** Stable within a batch: "S1" is the paragraph shared by the most plans. */
  group: string;
  text: string;
  /** Plans whose text holds it. */
  plans: number;
  /** Their ids, in id order. */
  ids: string[];
}

const SIGNATURE_SIZE = 32;
const ROWS_PER_BAND = 2;
const SHINGLE = 4;
/** Shorter paragraphs are not compared: stock phrases ("No health provision is required.") legitimately recur. */
export const MIN_PARAGRAPH_WORDS = 20;
/** Estimated Jaccard similarity of shingles above which two paragraphs are the same text, near enough. */
const SAME_TEXT = 0.75;

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The child's names as whole words, for replacing. Undefined when the plan does not say who it is about. */
function namePattern(document: EhcpDocument): RegExp | undefined {
  const facts = document.facts as unknown as Record<string, unknown>;
  const names = new Set<string>();
  for (const field of ["childName", "firstName", "lastName", "knownAs"]) {
    const value = facts[field];
    if (typeof value !== "string") continue;
    for (const part of value.split(/\s+/)) if (part.length >= 2) names.add(part);
  }
  if (names.size === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...names].map(escapeRegExp).join("|")})(?:'s|’s)?(?![\\p{L}\\p{N}])`, "giu");
}

export function signature(words: string[]): string {
  const mins = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const shingle = fnv1a(words.slice(i, i + SHINGLE).join(" "));
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const value = fmix32(shingle ^ SEEDS[k]!);
      if (value < mins[k]!) mins[k] = value;
    }
  }
  return mins.map((value) => value.toString(16).padStart(8, "0")).join("");
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The plan's paragraphs and list items of MIN_PARAGRAPH_WORDS or more, reduced; computed once, where the plan is read. */
export function paragraphPrints(document: EhcpDocument): ParagraphPrint[] {
  const names = namePattern(document);
  const prints: ParagraphPrint[] = [];
  for (const block of document.blocks) {
    if (block.kind !== "paragraph" && block.kind !== "list-item") continue;
    const anonymous = names ? block.text.replace(names, "[child]") : block.text;
    const words = wordsOf(anonymous);
    if (words.length < MIN_PARAGRAPH_WORDS) continue;
    const text = anonymous.replace(/\s+/g, " ").trim();
    prints.push({ sig: signature(words), text: text.length > 300 ? `${text.slice(0, 299)}…` : text });
  }
  return prints;
}

function similarity(a: string, b: string): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a.slice(k * 8, k * 8 + 8) === b.slice(k * 8, k * 8 + 8)) same++;
  return same / SIGNATURE_SIZE;
}

/** The prints an audit outcome carries, when the task that read the plan added them (see paragraphPrints). */
export function printsOf(outcome: object): ParagraphPrint[] | undefined {
  const prints = (outcome as { paragraphs?: unknown }).paragraphs;
  return Array.isArray(prints) ? (prints as ParagraphPrint[]) : undefined;
}

export interface PlanPrints {
  id: string;
  /** Who the plan is about (lower case), so two plans of one child do not count as boilerplate; the id when unknown. */
  child: string;
  prints: ParagraphPrint[];
}

/**
 * Paragraphs found in the plans of at least two different children, most shared first. `standardWording`: texts
 * the rule set itself asks every plan to carry (the child's name written "[child]"); a paragraph matching one of
 * them is not reported.
 */
export function sharedParagraphs(plans: PlanPrints[], standardWording: string[] = []): SharedParagraph[] {
  const entries: { plan: number; print: ParagraphPrint }[] = [];
  plans.forEach((plan, index) => {
    for (const print of plan.prints) entries.push({ plan: index, print });
  });
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const buckets = new Map<string, number>();
  entries.forEach((entry, i) => {
    for (let band = 0; band < SIGNATURE_SIZE / ROWS_PER_BAND; band++) {
      const bucket = `${band}:${entry.print.sig.slice(band * 8 * ROWS_PER_BAND, (band + 1) * 8 * ROWS_PER_BAND)}`;
      const first = buckets.get(bucket);
      if (first === undefined) buckets.set(bucket, i);
      else if (find(first) !== find(i) && similarity(entries[first]!.print.sig, entry.print.sig) >= SAME_TEXT) parent[find(i)] = find(first);
    }
  });

  const standard = standardWording.map(wordsOf).filter((words) => words.length >= SHINGLE).map(signature);
  const groups = new Map<number, number[]>();
  entries.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const shared: Omit<SharedParagraph, "group">[] = [];
  for (const members of groups.values()) {
    const planIndexes = [...new Set(members.map((i) => entries[i]!.plan))];
    const children = new Set(planIndexes.map((p) => plans[p]!.child));
    if (children.size < 2) continue;
    const first = entries[members[0]!]!.print;
    if (standard.some((sig) => similarity(sig, first.sig) >= SAME_TEXT)) continue;
    const ids = planIndexes.map((p) => plans[p]!.id).sort();
    shared.push({ text: first.text, plans: ids.length, ids });
  }
  shared.sort((a, b) => b.plans - a.plans || (a.ids[0]! < b.ids[0]! ? -1 : a.ids[0]! > b.ids[0]! ? 1 : a.text < b.text ? -1 : 1));
  return shared.map((group, index) => ({ group: `S${index + 1}`, ...group }));
}
