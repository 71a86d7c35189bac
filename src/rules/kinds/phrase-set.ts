// A list of phrases found in text by walking a tree of their letters, not by a regular expression. A word list as
// one alternation (`(?:speech and language therapist|therapist|...)` with `iu` flags and lookarounds) costs V8 tens
// of milliseconds to compile on first use, and every audit child met some seventy of them cold: most of a fresh
// child's rule time. The tree is built in microseconds and finds the same matches: the leftmost, and there the
// longest phrase, so "speech and language therapist" wins over "therapist".
//
// Matching rules (the same as src/rules/kinds/matcher.ts's patterns): white space in a phrase matches any run of
// white space; straight and curly quotes, and hyphens and dashes, match each other; case-insensitive matching folds
// letters to lower case; a whole-word match may not touch a letter or digit on either side.
//
// The rules look for many lists in the same text (a sentence, a paragraph), so a text is prepared once, folded and
// with its word edges marked (PreparedText), and every list's search reads that.
import { TextMemo } from "../../text/text-memo.ts";
import { isLetterOrDigit, isWhiteSpace } from "../../text/words.ts";
import type { MatchSettings, TextMatch } from "./matcher.ts";

interface Node {
  next: Map<number, Node>;
  /** A phrase ends here. */
  end: boolean;
}

/** Every run of white space is this one code, in a phrase and in a prepared text. */
const SPACE = 0x20;
const newNode = (): Node => ({ next: new Map(), end: false });

/** Quotes and dashes that stand for each other, as the one each stands for. */
const SAME_AS = new Map<number, number>([[0x2019, 0x27], [0x2018, 0x27], [0x201c, 0x22], [0x201d, 0x22], [0x2013, 0x2d], [0x2014, 0x2d]]);
const foldedCache = new Map<number, number>();

/** A character as a phrase tree stores it: white space as SPACE, quotes and dashes as one, letters in lower case unless case matters. */
function fold(code: number, caseSensitive: boolean): number {
  if (code < 0x80) {
    if (code <= 0x20 && isWhiteSpace(code)) return SPACE;
    return !caseSensitive && code >= 0x41 && code <= 0x5a ? code + 32 : code;
  }
  if (isWhiteSpace(code)) return SPACE;
  const same = SAME_AS.get(code);
  if (same !== undefined || caseSensitive) return same ?? code;
  let lower = foldedCache.get(code);
  if (lower === undefined) {
    const folded = String.fromCharCode(code).toLowerCase();
    lower = folded.length === 1 ? folded.charCodeAt(0) : code;
    foldedCache.set(code, lower);
  }
  return lower;
}

/** A text as every phrase list reads it: its characters folded, and where words are. */
interface PreparedText {
  folded: Uint16Array;
  /** 1 where a character of a letter or digit is (both halves of one outside the BMP). */
  word: Uint8Array;
  /** Where a phrase may start as a whole word: not white space, and no letter or digit just before. */
  wordStarts: Int32Array;
}

function prepare(text: string, caseSensitive: boolean): PreparedText {
  const length = text.length;
  const folded = new Uint16Array(length);
  const word = new Uint8Array(length);
  const starts: number[] = [];
  for (let at = 0; at < length; at++) {
    const code = text.charCodeAt(at);
    folded[at] = fold(code, caseSensitive);
    if (code >= 0xd800 && code <= 0xdbff && at + 1 < length) {
      // A character outside the BMP: both halves are, or are not, a letter; no phrase starts at its second half.
      const isWord = isLetterOrDigit(text.codePointAt(at)!) ? 1 : 0;
      if (!(at > 0 && word[at - 1])) starts.push(at);
      word[at] = isWord;
      folded[at + 1] = text.charCodeAt(at + 1);
      word[++at] = isWord;
      continue;
    }
    word[at] = isLetterOrDigit(code) ? 1 : 0;
    if (folded[at] !== SPACE && !(at > 0 && word[at - 1])) starts.push(at);
  }
  return { folded, word, wordStarts: Int32Array.from(starts) };
}

/** Texts already prepared, by case-sensitivity: the same sentence is searched for dozens of lists in a row. */
const prepared = [new TextMemo<PreparedText>(), new TextMemo<PreparedText>()] as const;

const preparedText = (text: string, caseSensitive: boolean): PreparedText => prepared[caseSensitive ? 1 : 0].get(text, (fresh) => prepare(fresh, caseSensitive));

/** The first index of `sorted` whose value is at least `value`. */
function firstAtLeast(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class PhraseSet {
  private readonly root = newNode();
  readonly size: number;

  constructor(
    phrases: readonly string[],
    private readonly settings: MatchSettings,
  ) {
    let size = 0;
    for (const phrase of phrases) if (this.add(phrase.trim())) size += 1;
    this.size = size;
  }

  private add(phrase: string): boolean {
    if (phrase === "") return false;
    let node = this.root;
    for (let i = 0; i < phrase.length; i++) {
      const key = fold(phrase.charCodeAt(i), this.settings.caseSensitive);
      if (key === SPACE) while (i + 1 < phrase.length && isWhiteSpace(phrase.charCodeAt(i + 1))) i++;
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = newNode()));
      node = child;
    }
    node.end = true;
    return true;
  }

  /** The end of the longest phrase that starts at `start` (and, whole-word, ends at a word's edge), or -1. */
  private longestAt({ folded, word }: PreparedText, start: number): number {
    const wholeWord = this.settings.wholeWord;
    let node = this.root;
    let best = -1;
    let at = start;
    while (at < folded.length) {
      const code = folded[at]!;
      const child = node.next.get(code);
      if (!child) break;
      at++;
      if (code === SPACE) while (at < folded.length && folded[at] === SPACE) at++;
      node = child;
      if (node.end && !(wholeWord && at < folded.length && word[at])) best = at;
    }
    return best;
  }

  /** The first match at or after `from`: the leftmost, and there the longest phrase. */
  next(text: string, from = 0): TextMatch | undefined {
    if (this.size === 0 || from >= text.length) return undefined;
    const { wholeWord, caseSensitive } = this.settings;
    const prepared = preparedText(text, caseSensitive);
    const starts = this.root.next;
    const found = (start: number): TextMatch | undefined => {
      const end = this.longestAt(prepared, start);
      return end > start ? { index: start, text: text.slice(start, end) } : undefined;
    };
    if (wholeWord) {
      const { folded, wordStarts } = prepared;
      for (let i = firstAtLeast(wordStarts, from); i < wordStarts.length; i++) {
        const start = wordStarts[i]!;
        if (starts.has(folded[start]!)) {
          const match = found(start);
          if (match) return match;
        }
      }
      return undefined;
    }
    for (let start = from; start < text.length; start++) {
      if (starts.has(prepared.folded[start]!)) {
        const match = found(start);
        if (match) return match;
      }
    }
    return undefined;
  }
}
