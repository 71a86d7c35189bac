// Word lists from the rule set, matched as whole words, case-insensitively, with straight and curly quotes,
// dashes and white space treated alike (the matching rules of src/rules/kinds/matcher.ts).
import { compileMatcher, phraseSource } from "../kinds/matcher.ts";

export interface PhraseMatch {
  index: number;
  text: string;
}

const cache = new Map<string, RegExp | null>();
const CACHE_LIMIT = 500;
/**
 * The same matchers by list: rules pass their options' lists (the same arrays for every block of every plan), and
 * joining a long list into a cache key on every call cost more than the matching. Lists are never changed once made.
 */
const byList = new WeakMap<readonly string[], RegExp | null>();

/** One matcher for the whole list; longer phrases first, so "speech and language therapist" wins over "therapist". */
export function phraseMatcher(phrases: readonly string[]): RegExp | null {
  const known = byList.get(phrases);
  if (known !== undefined) return known;
  const matcher = matcherFor(phrases);
  byList.set(phrases, matcher);
  return matcher;
}

function matcherFor(phrases: readonly string[]): RegExp | null {
  const key = phrases.join("\u0000");
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const sources = [...new Set(phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase !== ""))]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => `(?:${phraseSource(phrase)})`);
  const matcher = sources.length > 0 ? compileMatcher(sources.join("|"), { wholeWord: true, caseSensitive: false }) : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, matcher);
  return matcher;
}

/** Every occurrence of any phrase in `text`, left to right, never overlapping. */
export function findPhrases(text: string, phrases: readonly string[]): PhraseMatch[] {
  const matcher = phraseMatcher(phrases);
  if (!matcher) return [];
  matcher.lastIndex = 0;
  const found: PhraseMatch[] = [];
  for (const match of text.matchAll(matcher)) if (match[0] !== "") found.push({ index: match.index, text: match[0] });
  return found;
}

/** The first occurrence of any phrase: the search stops there (a long text need not be scanned to its end). */
export function firstPhrase(text: string, phrases: readonly string[]): PhraseMatch | undefined {
  const matcher = phraseMatcher(phrases);
  if (!matcher) return undefined;
  matcher.lastIndex = 0;
  for (let match = matcher.exec(text); match; match = matcher.exec(text)) {
    if (match[0] !== "") return { index: match.index, text: match[0] };
    matcher.lastIndex += 1; // an empty match must not hold the search in place
  }
  return undefined;
}

export const hasPhrase = (text: string, phrases: readonly string[]): boolean => firstPhrase(text, phrases) !== undefined;

/** The ids of a keyed word list ({ id: [phrases] }) that occur in `text`, in the list's order. */
export function matchingKeys(text: string, lists: Readonly<Record<string, readonly string[]>>): string[] {
  return Object.entries(lists)
    .filter(([, phrases]) => hasPhrase(text, phrases))
    .map(([key]) => key);
}

/** JSON Schema for a list of phrases in rule options. */
export const phraseListSchema = { type: "array", items: { type: "string", minLength: 1 } } as const;

/** JSON Schema for a keyed word list ({ "salt": ["speech and language therapy", "SaLT"] }). */
export const keyedPhraseListSchema = {
  type: "object",
  additionalProperties: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
} as const;
