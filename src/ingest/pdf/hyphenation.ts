// Joining a line that ends in a hyphen to the next line. A PDF cannot say whether "communi-" / "cation" was
// split by the layout (join: "communication") or whether the hyphen is part of the word ("well-" / "being",
// "30-" / "minute": keep it). The heuristic, in order:
//   1. The next line starts with anything but a lower-case letter ("post-" / "16", "Speech-" / "Language"):
//      keep the hyphen — layout hyphenation only splits inside a word.
//   2. The document itself decides where it can: if the hyphenated form ("well-being") appears elsewhere in it,
//      keep the hyphen; if the joined form ("communication") does, join.
//   3. The part before the hyphen ends in a digit ("30-minute", "Year-6-") or already holds a hyphen
//      ("one-to-" / "one"): keep.
//   4. Known compounds and compound prefixes of plan English ("well-being", "self-esteem", "co-ordinator",
//      "multi-agency", "non-verbal", "one-to-one"...): keep.
//   5. Otherwise join: a lower-case word split at a line end is most often layout hyphenation.

/** Words that form hyphenated compounds as the first part, in the British English plans are written in. */
const COMPOUND_PREFIXES = new Set([
  "well", "self", "non", "co", "cross", "half", "ex", "all", "multi", "inter", "one", "two", "three", "four", "five",
  "six", "short", "long", "full", "part", "day", "face", "high", "low", "small", "large", "age", "evidence", "child",
  "person", "family", "mid", "semi", "sub", "pre", "post", "step", "follow", "hands", "turn", "after", "on", "off",
  "first", "second", "third", "fine", "gross", "pupil", "user", "time", "task", "play", "peer", "home", "school",
  "solution", "trauma", "needs", "word", "sound", "now", "back",
]);

/** Whole compounds whose first part is too ordinary to list as a prefix. */
const KNOWN_COMPOUNDS = new Set([
  "re-assess", "re-assessment", "re-evaluate", "re-establish", "re-enter", "de-escalate", "de-escalation", "e-mail",
  "up-to-date", "year-round", "long-term", "short-term", "open-ended", "check-in", "check-ins", "drop-in", "sign-off",
  "build-up", "catch-up", "set-up", "write-up", "round-up", "take-up", "warm-up", "cool-down", "toilet-training",
]);

const WORD = /[\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*/gu;
/** The word (possibly already hyphenated) before a hyphen at the end of a line. */
const TRAILING_HYPHENATED = /([\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*)[-\u2010\u00ad]$/u;
/** The word at the start of the next line, up to the first character that is not a letter or digit. */
const LEADING_WORD = /^[\p{L}\p{N}]+/u;

/** Every word of the document, lower-cased, with and without hyphens, to settle rule 2. */
export type Vocabulary = ReadonlySet<string>;

/**
 * Collects the words written in full on a line: the last word of a line ending in a hyphen and the first word
 * of every line are left out, because either may be half of a split word.
 */
export function buildVocabulary(lines: Iterable<string>): Vocabulary {
  const words = new Set<string>();
  for (const line of lines) {
    const found = line.match(WORD) ?? [];
    const end = TRAILING_HYPHENATED.test(line.trimEnd()) ? found.length - 1 : found.length;
    for (let i = 1; i < end; i++) words.add(found[i]!.toLowerCase());
  }
  return words;
}

/** Whether a line ends in a hyphen that could join it to the next line. */
export const endsWithHyphen = (line: string): boolean => TRAILING_HYPHENATED.test(line.trimEnd());

/**
 * Joins `left` (ending in a hyphen) and `right`. Returns the joined text, with or without the hyphen.
 * Call only when `endsWithHyphen(left)`.
 */
export function joinHyphenated(left: string, right: string, vocabulary: Vocabulary): string {
  const before = left.trimEnd();
  const after = right.trimStart();
  const leftWord = TRAILING_HYPHENATED.exec(before)?.[1] ?? "";
  const rightWord = LEADING_WORD.exec(after)?.[0] ?? "";
  const keep = `${before.slice(0, -1)}-${after}`;
  const drop = `${before.slice(0, -1)}${after}`;
  if (!/^\p{Ll}/u.test(rightWord)) return keep;

  const hyphenated = `${leftWord}-${rightWord}`.toLowerCase();
  const joined = `${leftWord}${rightWord}`.toLowerCase();
  if (vocabulary.has(hyphenated)) return keep;
  if (vocabulary.has(joined)) return drop;

  const lastPart = leftWord.split(/[-\u2010]/).pop()!.toLowerCase();
  if (/\p{N}$/u.test(leftWord) || /[-\u2010]/.test(leftWord)) return keep;
  if (COMPOUND_PREFIXES.has(lastPart) || KNOWN_COMPOUNDS.has(hyphenated)) return keep;
  return drop;
}
