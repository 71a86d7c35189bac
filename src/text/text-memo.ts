// Answers remembered by text: the rules and the section reader ask the same questions of the same paragraphs and
// sentences many times in an audit (split it, prepare it for the word lists, read it as a heading). Bounded by the
// characters of the texts kept, not their number: a long plan holds many more texts than a short one, and a bound by
// count that one audit outgrows was emptied over and over during that audit (its rules then cost more per word than
// a short plan's). Memory only, never written anywhere; an audit child or the service keeps at most `maxCharacters`
// of text (plus what the answers hold) from the plans it read.
export class TextMemo<T> {
  private readonly answers = new Map<string, T>();
  private characters = 0;

  constructor(private readonly maxCharacters = 2_000_000) {}

  /** The answer for `text`, computed once while it is remembered. */
  get(text: string, answer: (text: string) => T): T {
    const known = this.answers.get(text);
    if (known !== undefined || this.answers.has(text)) return known as T;
    const value = answer(text);
    if (this.characters + text.length > this.maxCharacters) {
      this.answers.clear();
      this.characters = 0;
    }
    this.answers.set(text, value);
    this.characters += text.length;
    return value;
  }
}
