// Matching by meaning, not wording: a text becomes the set of concepts it mentions — groups of synonyms
// from the rule set ("speech and language therapy" = "SaLT" = "speech therapist") plus the stems of its
// other content words — and two texts are compared by the concepts they share.
import { findPhrases } from "./phrase-list.ts";

/** Groups of words that mean the same thing, keyed by an id: { "salt": ["speech and language therapy", "SaLT"] }. */
export type SynonymGroups = Readonly<Record<string, readonly string[]>>;

export interface Meaning {
  /** Synonym-group ids mentioned. */
  groups: Set<string>;
  /** Stems of the other content words. */
  stems: Set<string>;
  /** Every concept in order of first mention: "g:<group id>" or "s:<stem>". */
  order: string[];
}

// Grammar words carry no meaning of their own in any plan (domain words to ignore come from the rule set).
const FUNCTION_WORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by can " +
    "could did do does doing down during each either every few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just me more most must my myself no nor not now of off on once only or other our " +
    "ours ourselves out over own per same shall she should so some such than that the their theirs them themselves then there these " +
    "they this those through to too under until up upon very via was we were what when where which while who whom why will with " +
    "within without would you your yours yourself etc eg ie e.g i.e one two three four five six seven eight nine ten twice once " +
    "x times time minutes minute mins min hours hour week weeks weekly day days daily term termly year years month months session sessions"
  ).split(" "),
);

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();

// Longest first; stripped repeatedly while at least three letters remain.
const SUFFIXES = [
  "ationally", "ational", "ations", "ation", "ating", "ated", "ates", "ate", "ements", "ement", "ments", "ment", "nesses", "ness",
  "ingly", "ings", "ing", "ities", "ity", "encies", "ences", "ence", "ances", "ance", "ently", "ents", "ent", "edly", "ers", "er", "ed",
  "ly", "ives", "ive", "als", "al", "ies", "ied", "es", "s", "e",
].sort((a, b) => b.length - a.length);

/** A light suffix-stripping stemmer: enough to make "swimming"/"swim", "friends"/"friend", "communication"/"communicate" meet. */
export function stem(word: string): string {
  let w = normalise(word).replace(/'s$/, "").replace(/[^a-z0-9]/g, "");
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
      // "class", "bus", "analysis": a final s after s, u or i is part of the word.
      if (suffix === "s" && /[sui]s$/.test(w)) continue;
      w = w.slice(0, -suffix.length) + (suffix === "ies" || suffix === "ied" ? "y" : "");
      changed = true;
      break;
    }
  }
  // "swimm" -> "swim", "runn" -> "run"
  if (/([b-df-hj-km-rtv-z])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

interface GroupIndex {
  terms: string[];
  byTerm: Map<string, string[]>;
}

const indexCache = new WeakMap<object, GroupIndex>();

function groupIndex(groups: SynonymGroups): GroupIndex {
  let index = indexCache.get(groups);
  if (!index) {
    const byTerm = new Map<string, string[]>();
    for (const [id, terms] of Object.entries(groups)) {
      for (const term of terms) {
        const key = normalise(term);
        byTerm.set(key, [...(byTerm.get(key) ?? []), id]);
      }
    }
    index = { terms: [...byTerm.keys()], byTerm };
    indexCache.set(groups, index);
  }
  return index;
}

export interface MeaningOptions {
  groups: SynonymGroups;
  /** Content words too common in plans to tell two statements apart ("support", "school"). */
  ignoreWords: readonly string[];
  /** Names (the child's) and other words to leave out for this text. */
  alsoIgnore?: readonly string[];
  /** Leave out capitalised words inside a sentence (names of people, services, places): they rarely say what is provided. */
  skipProperNouns?: boolean;
}

const ignoreCache = new WeakMap<readonly string[], Set<string>>();
function ignoreSet(words: readonly string[]): Set<string> {
  let set = ignoreCache.get(words);
  if (!set) {
    set = new Set(words.flatMap((word) => [normalise(word), stem(word)]));
    ignoreCache.set(words, set);
  }
  return set;
}

/** The concepts a text mentions. */
export function meaningOf(text: string, options: MeaningOptions): Meaning {
  const index = groupIndex(options.groups);
  const found: { index: number; key: string }[] = [];
  let rest = text;
  for (const match of findPhrases(text, index.terms)) {
    for (const id of index.byTerm.get(normalise(match.text)) ?? []) found.push({ index: match.index, key: `g:${id}` });
    rest = rest.slice(0, match.index) + " ".repeat(match.text.length) + rest.slice(match.index + match.text.length);
  }
  const ignore = ignoreSet(options.ignoreWords);
  const extra = new Set((options.alsoIgnore ?? []).map((word) => normalise(word)));
  // Parts of a hyphenated word are words of their own: "touch-typing" meets "touch typing", "work-station" meets "work station".
  const tokens = [...rest.matchAll(/[\p{L}][\p{L}'’]*/gu)];
  const capitalised = (i: number): boolean => /^\p{Lu}/u.test(tokens[i]?.[0] ?? "") && /^\s+$/.test(rest.slice((tokens[i - 1]?.index ?? 0) + (tokens[i - 1]?.[0].length ?? 0), tokens[i]?.index ?? 0));
  for (const [i, match] of tokens.entries()) {
    const raw = match[0];
    if (options.skipProperNouns && /^\p{Lu}/u.test(raw)) {
      // A capital inside a sentence, or a run of capitalised words ("Castlebrook Children's Therapy Service"), is a name.
      const sentenceStart = /(^|[.!?:;|(•–—]\s*)$/u.test(text.slice(0, match.index));
      if (!sentenceStart || capitalised(i + 1)) continue;
    }
    const word = normalise(raw).replace(/'s$/, "");
    if (word.length < 3 || FUNCTION_WORDS.has(word) || extra.has(word) || ignore.has(word)) continue;
    const stemmed = stem(word);
    if (!ignore.has(stemmed)) found.push({ index: match.index, key: `s:${stemmed}` });
  }
  found.sort((a, b) => a.index - b.index);
  const order = [...new Set(found.map((entry) => entry.key))];
  return {
    groups: new Set(order.filter((key) => key.startsWith("g:")).map((key) => key.slice(2))),
    stems: new Set(order.filter((key) => key.startsWith("s:")).map((key) => key.slice(2))),
    order,
  };
}

export interface SharedMeaning {
  groups: string[];
  stems: string[];
}

export function sharedMeaning(a: Meaning, b: Meaning): SharedMeaning {
  return { groups: [...a.groups].filter((id) => b.groups.has(id)), stems: [...a.stems].filter((s) => b.stems.has(s)) };
}

export const isEmptyMeaning = (meaning: Meaning): boolean => meaning.groups.size === 0 && meaning.stems.size === 0;
