// A list of phrases found in text by walking a tree of their letters, not by a regular expression. A word list as
// one alternation (`(?:speech and language therapist|therapist|...)` with `iu` flags and lookarounds) costs V8 tens
// of milliseconds to compile on first use, and every audit child met some seventy of them cold: most of a fresh
// child's rule time. The tree is built in microseconds and finds the same matches: the leftmost, and there the
// longest phrase, so "speech and language therapist" wins over "therapist".
//
// Matching rules (the same as src/rules/kinds/matcher.ts's patterns): white space in a phrase matches any run of
// white space; straight and curly quotes, and hyphens and dashes, match each other; case-insensitive matching folds
// letters to lower case; a whole-word match may not touch a letter or digit on either side.
import type { MatchSettings, TextMatch } from "./matcher.ts";

interface Node {
  next: Map<number, Node>;
  /** A phrase ends here. */
  end: boolean;
}

const SPACE = 0x20;
const newNode = (): Node => ({ next: new Map(), end: false });

/** White space as `\s` in a JavaScript regular expression. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const wordCharacterCache = new Map<number, boolean>();

/** A letter or digit (any script); `codePoint` is a whole code point. */
function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 0x80) return (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);
  let known = wordCharacterCache.get(codePoint);
  if (known === undefined) {
    known = WORD_CHARACTER.test(String.fromCodePoint(codePoint));
    wordCharacterCache.set(codePoint, known);
  }
  return known;
}

/** Whether a letter or digit starts at `index`. */
const wordAt = (text: string, index: number): boolean => index < text.length && isWordCodePoint(text.codePointAt(index)!);

/** Whether a letter or digit ends just before `index` (a character outside the BMP is two code units). */
function wordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const last = text.charCodeAt(index - 1);
  const codePoint = last >= 0xdc00 && last <= 0xdfff && index >= 2 ? text.codePointAt(index - 2)! : last;
  return isWordCodePoint(codePoint);
}

/** Quotes and dashes that stand for each other, as the one each stands for. */
const SAME_AS = new Map<number, number>([[0x2019, 0x27], [0x2018, 0x27], [0x201c, 0x22], [0x201d, 0x22], [0x2013, 0x2d], [0x2014, 0x2d]]);
const foldedCache = new Map<number, number>();

/** A character as a phrase tree stores it: quotes and dashes as one, letters in lower case unless case matters. */
function fold(code: number, caseSensitive: boolean): number {
  if (code < 0x80) return !caseSensitive && code >= 0x41 && code <= 0x5a ? code + 32 : code;
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
      const code = phrase.charCodeAt(i);
      let key: number;
      if (isSpace(code)) {
        while (i + 1 < phrase.length && isSpace(phrase.charCodeAt(i + 1))) i++;
        key = SPACE;
      } else {
        key = fold(code, this.settings.caseSensitive);
      }
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = newNode()));
      node = child;
    }
    node.end = true;
    return true;
  }

  /** The end of the longest phrase that starts at `start` (and, whole-word, ends at a word's edge), or -1. */
  private longestAt(text: string, start: number, first: Node): number {
    const { wholeWord, caseSensitive } = this.settings;
    let node = first;
    let at = start + 1;
    let best = node.end && !(wholeWord && wordAt(text, at)) ? at : -1;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      let child: Node | undefined;
      if (isSpace(code)) {
        child = node.next.get(SPACE);
        if (!child) break;
        do at++;
        while (at < text.length && isSpace(text.charCodeAt(at)));
      } else {
        child = node.next.get(fold(code, caseSensitive));
        if (!child) break;
        at++;
      }
      node = child;
      if (node.end && !(wholeWord && wordAt(text, at))) best = at;
    }
    return best;
  }

  /**
   * The first match at or after `from`: the leftmost, and there the longest phrase. One pass over the text: a place is
   * tried only when a phrase starts with its character and, whole-word, no letter or digit comes just before it.
   */
  next(text: string, from = 0): TextMatch | undefined {
    if (this.size === 0) return undefined;
    const { wholeWord, caseSensitive } = this.settings;
    const starts = this.root.next;
    let afterWord = wholeWord && wordBefore(text, from);
    for (let start = from; start < text.length; start++) {
      const code = text.charCodeAt(start);
      // The second half of a character outside the BMP: no phrase starts there, and the first half said what it was.
      if (code >= 0xdc00 && code <= 0xdfff) continue;
      if (!afterWord) {
        const first = starts.get(isSpace(code) ? SPACE : fold(code, caseSensitive));
        if (first) {
          const end = this.longestAt(text, start, first);
          if (end > start) return { index: start, text: text.slice(start, end) };
        }
      }
      if (wholeWord) afterWord = code < 0x80 ? isWordCodePoint(code) : isWordCodePoint(text.codePointAt(start)!);
    }
    return undefined;
  }
}
