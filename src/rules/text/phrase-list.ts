// Word lists from the rule set, matched as whole words, case-insensitively, with straight and curly quotes,
// dashes and white space treated alike (the matching rules of src/rules/kinds/matcher.ts).
import { findAll, phraseMatcher as compilePhrases, type Matcher, type TextMatch } from "../kinds/matcher.ts";

export type PhraseMatch = TextMatch;

const WORD_LIST: { wholeWord: true; caseSensitive: false } = { wholeWord: true, caseSensitive: false };
/**
 * The matchers by list: rules pass their options' lists, the same arrays for every block of every plan, and lists are
 * never changed once made. A list seen for the first time costs only building its tree (microseconds).
 */
const byList = new WeakMap<readonly string[], Matcher>();

/** One matcher for the whole list: the leftmost phrase, and there the longest ("speech and language therapist", not "therapist"). */
function listMatcher(phrases: readonly string[]): Matcher {
  let matcher = byList.get(phrases);
  if (!matcher) byList.set(phrases, (matcher = compilePhrases(phrases, WORD_LIST)));
  return matcher;
}

/** Every occurrence of any phrase in `text`, left to right, never overlapping. */
export const findPhrases = (text: string, phrases: readonly string[]): PhraseMatch[] => findAll(text, listMatcher(phrases));

/** The first occurrence of any phrase: the search stops there (a long text need not be scanned to its end). */
export const firstPhrase = (text: string, phrases: readonly string[]): PhraseMatch | undefined => listMatcher(phrases).next(text);

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
