// Phrase and pattern matching shared by the declarative kinds: one place decides what "whole word" and
// "case-insensitive" mean, and how a phrase written with a straight apostrophe matches a curly one.
import type { JsonSchema } from "../types.ts";
import { PhraseSet } from "./phrase-set.ts";

export interface MatchSettings {
  wholeWord: boolean;
  caseSensitive: boolean;
}

export interface TextMatch {
  index: number;
  text: string;
}


/** Compile a pattern; whole-word boundaries are letters and digits, so "e.g." and "1:1" work. */
export function compileMatcher(source: string, settings: MatchSettings): RegExp {
  const body = settings.wholeWord ? `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])` : source;
  return new RegExp(body, settings.caseSensitive ? "gu" : "giu");
}

/** Finds matches one after another: phrases (./phrase-set.ts), a pattern, or both. */
export interface Matcher {
  /** The first match at or after `from`. */
  next(text: string, from?: number): TextMatch | undefined;
}

/** A pattern (regular expression with the g flag) as a Matcher; empty matches are skipped. */
export function regExpMatcher(pattern: RegExp): Matcher {
  return {
    next(text, from = 0) {
      pattern.lastIndex = from;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        if (match[0] !== "") return { index: match.index, text: match[0] };
        pattern.lastIndex += 1; // an empty match must not hold the search in place
      }
      return undefined;
    },
  };
}

/**
 * Either of two matchers, as the alternation `(?:first|second)` would match: the leftmost match, and where both
 * match at the same place, the first's.
 */
function eitherMatcher(first: Matcher, second: Matcher): Matcher {
  return {
    next(text, from = 0) {
      const a = first.next(text, from);
      const b = second.next(text, from);
      if (!a || !b) return a ?? b;
      return b.index < a.index ? b : a;
    },
  };
}

/** Every match, left to right, never overlapping. */
export function findAll(text: string, matcher: Matcher): TextMatch[] {
  const found: TextMatch[] = [];
  for (let match = matcher.next(text, 0); match; match = matcher.next(text, match.index + match.text.length)) found.push(match);
  return found;
}

/** A list of phrases as a Matcher (see ./phrase-set.ts). */
export const phraseMatcher = (phrases: readonly string[], settings: MatchSettings): Matcher => new PhraseSet(phrases, settings);

/** The reason a pattern cannot be used, or null. */
export function patternError(pattern: string): string | null {
  try {
    new RegExp(pattern, "u");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Invalid regular expression: /, "") : String(error);
  }
}

/** What to look for: a list of phrases, a pattern, or both (a match of either counts). */
export interface Terms {
  phrases?: string[];
  pattern?: string;
}

export const termsSchema: JsonSchema = {
  type: "object",
  properties: {
    phrases: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
    pattern: { type: "string", minLength: 1 },
  },
  additionalProperties: false,
  anyOf: [{ required: ["phrases"] }, { required: ["pattern"] }],
};

export function compileTerms(terms: Terms, settings: MatchSettings): Matcher {
  const phrases = terms.phrases?.length ? phraseMatcher(terms.phrases, settings) : undefined;
  const pattern = terms.pattern ? regExpMatcher(compileMatcher(terms.pattern, settings)) : undefined;
  if (phrases && pattern) return eitherMatcher(phrases, pattern);
  return phrases ?? pattern ?? phraseMatcher([], settings);
}

/** Problems with a Terms object the schema cannot see (a pattern that does not compile), as pointer + message. */
export function termsProblems(terms: Terms | undefined, pointer: string): { pointer: string; message: string }[] {
  if (!terms?.pattern) return [];
  const error = patternError(terms.pattern);
  return error ? [{ pointer: `${pointer}/pattern`, message: `this pattern cannot be used: ${error}` }] : [];
}
