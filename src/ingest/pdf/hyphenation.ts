// Joining a line that ends in a hyphen to the next line. A PDF cannot say whether "communi-" / "cation" was
// split by automatic hyphenation (join: "communication") or whether the hyphen belongs to the word ("well-" /
// "being", "30-" / "minute", "predictive-" / "text": keep it). The heuristic, in order:
//   1. The next line starts with anything but a lower-case letter ("post-" / "16", "Speech-" / "Language"):
//      keep the hyphen — automatic hyphenation only splits inside a word.
//   2. The document decides where it can: if the hyphenated form ("well-being") appears elsewhere in it, keep the
//      hyphen; if the joined form ("communication") does, join.
//   3. The part before the hyphen ends in a digit ("30-minute") or already holds a hyphen ("one-to-" / "one"),
//      or the word is a known compound of plan English ("self-esteem", "co-ordinator", "multi-agency",
//      "non-verbal", "follow-up"...): keep.
//   4. Otherwise, follow the document's habit. Word and LibreOffice do not hyphenate unless asked to, so in most
//      plans every line-end hyphen is a real one: keep. Only when rule 2 has shown the document hyphenating
//      words automatically more often than splitting compounds does an undecided word get joined.

/** Words that form hyphenated compounds as the first part, in the British English plans are written in. */
const COMPOUND_PREFIXES = new Set([
  "well", "self", "non", "co", "cross", "half", "ex", "all", "multi", "one", "two", "three", "four", "five", "six",
  "short", "long", "full", "part", "day", "face", "high", "low", "small", "large", "age", "evidence", "child",
  "person", "family", "mid", "semi", "pre", "post", "step", "follow", "hands", "turn", "after", "first", "second",
  "third", "fine", "gross", "pupil", "user", "time", "task", "play", "peer", "home", "school", "solution", "trauma",
  "needs", "word", "sound", "now", "back", "check", "drop", "catch", "sign", "warm", "cool",
]);

const WORD = /[\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*/gu;
/** The word (possibly already hyphenated) before a hyphen at the end of a line. */
const TRAILING_HYPHENATED = /([\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*)[-\u2010\u00ad]$/u;
/** The word at the start of the next line, up to the first character that is not a letter or digit. */
const LEADING_WORD = /^[\p{L}\p{N}]+/u;

/** The end of a text, long enough for any word: the patterns run on it, not on a whole paragraph. */
const tail = (text: string): string => text.trimEnd().slice(-80);

/** Whether a line ends in a hyphen that could join it to the next line. */
export const endsWithHyphen = (line: string): boolean => /[-\u2010\u00ad]\s*$/.test(line) && TRAILING_HYPHENATED.test(tail(line));

type Decision = "keep" | "join";

export class Hyphenation {
  /** Every word of the document written in full on a line, lower-cased, with and without hyphens. */
  private readonly vocabulary = new Set<string>();
  private readonly joinByDefault: boolean;

  /**
   * @param runs the document's lines in runs that wrap into each other: each page's lines, each table cell's
   *   lines. Only words written in full count: the last word of a line ending in a hyphen and the first word of
   *   every line may be halves of a split word.
   */
  constructor(runs: Iterable<readonly string[]>) {
    const materialised = [...runs];
    for (const lines of materialised) {
      for (const line of lines) {
        const found = line.match(WORD) ?? [];
        const end = endsWithHyphen(line) ? found.length - 1 : found.length;
        for (let i = 1; i < end; i++) this.vocabulary.add(found[i]!.toLowerCase());
      }
    }
    let joined = 0;
    let kept = 0;
    for (const lines of materialised) {
      lines.forEach((line, i) => {
        const next = lines[i + 1];
        if (next === undefined || !endsWithHyphen(line)) return;
        const decision = this.fromVocabulary(line, next);
        if (decision === "join") joined++;
        if (decision === "keep") kept++;
      });
    }
    this.joinByDefault = joined > kept;
  }

  private static halves(left: string, right: string): { leftWord: string; rightWord: string } {
    return { leftWord: TRAILING_HYPHENATED.exec(tail(left))?.[1] ?? "", rightWord: LEADING_WORD.exec(right.trimStart())?.[0] ?? "" };
  }

  /** Rule 2: what the document's own spelling says, if anything. */
  private fromVocabulary(left: string, right: string): Decision | null {
    const { leftWord, rightWord } = Hyphenation.halves(left, right);
    if (!/^\p{Ll}/u.test(rightWord)) return null;
    if (this.vocabulary.has(`${leftWord}-${rightWord}`.toLowerCase())) return "keep";
    if (this.vocabulary.has(`${leftWord}${rightWord}`.toLowerCase())) return "join";
    return null;
  }

  /**
   * Joins `left` and the next line `right` with a space, unless a word too long for its narrow table column
   * was broken without a hyphen ("Understandin" / "g and using language"): the two pieces joined make a word
   * the document uses elsewhere, and the first piece alone does not.
   */
  joinWrapped(left: string, right: string): string {
    const leftWord = /\p{L}+$/u.exec(tail(left))?.[0];
    const rightWord = /^\p{Ll}+/u.exec(right)?.[0];
    if (leftWord !== undefined && rightWord !== undefined) {
      const whole = `${leftWord}${rightWord}`.toLowerCase();
      if (this.vocabulary.has(whole) && !this.vocabulary.has(leftWord.toLowerCase())) return `${left}${right}`;
    }
    return `${left} ${right}`;
  }

  /** Joins `left` (ending in a hyphen: check with `endsWithHyphen`) and the next line `right`. */
  join(left: string, right: string): string {
    const before = left.trimEnd();
    const after = right.trimStart();
    const keep = `${before.slice(0, -1)}-${after}`;
    const drop = `${before.slice(0, -1)}${after}`;
    const { leftWord, rightWord } = Hyphenation.halves(before, after);
    if (!/^\p{Ll}/u.test(rightWord)) return keep;
    const documented = this.fromVocabulary(before, after);
    if (documented !== null) return documented === "keep" ? keep : drop;
    const firstPart = leftWord.split(/[-\u2010]/).pop()!.toLowerCase();
    if (/\p{N}$/u.test(leftWord) || /[-\u2010]/.test(leftWord) || COMPOUND_PREFIXES.has(firstPart)) return keep;
    return this.joinByDefault ? drop : keep;
  }
}
