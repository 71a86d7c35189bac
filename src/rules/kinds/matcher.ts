// Phrase and pattern matching shared by the declarative kinds: one place decides what "whole word" and
// "case-insensitive" mean, and how a phrase written with a straight apostrophe matches a curly one.
import type { JsonSchema } from "../types.ts";
import { escapeRegExp } from "../../text/regexp.ts";

export interface MatchSettings {
  wholeWord: boolean;
  caseSensitive: boolean;
}

export interface TextMatch {
  index: number;
  text: string;
}


/** A phrase as a regular-expression source: spaces match any white space, quotes and dashes match their variants. */
export function phraseSource(phrase: string): string {
  return escapeRegExp(phrase.trim())
    .replace(/\s+/g, "\\s+")
    .replace(/['’‘]/g, "['’‘]")
    .replace(/["“”]/g, '["“”]')
    .replace(/[-–—]/g, "[-–—]");
}

/** Compile a phrase or a pattern; whole-word boundaries are letters and digits, so "e.g." and "1:1" work. */
export function compileMatcher(source: string, settings: MatchSettings): RegExp {
  const body = settings.wholeWord ? `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])` : source;
  return new RegExp(body, settings.caseSensitive ? "gu" : "giu");
}

export function findAll(text: string, matcher: RegExp): TextMatch[] {
  matcher.lastIndex = 0;
  const found: TextMatch[] = [];
  for (const match of text.matchAll(matcher)) if (match[0] !== "") found.push({ index: match.index, text: match[0] });
  return found;
}

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

export function compileTerms(terms: Terms, settings: MatchSettings): RegExp {
  const sources = [...(terms.phrases ?? []).map(phraseSource), ...(terms.pattern ? [terms.pattern] : [])];
  return compileMatcher(sources.map((s) => `(?:${s})`).join("|"), settings);
}

/** Problems with a Terms object the schema cannot see (a pattern that does not compile), as pointer + message. */
export function termsProblems(terms: Terms | undefined, pointer: string): { pointer: string; message: string }[] {
  if (!terms?.pattern) return [];
  const error = patternError(terms.pattern);
  return error ? [{ pointer: `${pointer}/pattern`, message: `this pattern cannot be used: ${error}` }] : [];
}
