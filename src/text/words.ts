// Word counting shared by the document model and its summaries.

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const letterOrDigitCache = new Map<number, boolean>();

/** Whether a code point is a letter or digit of any script (ASCII first: nearly every character of a plan is ASCII). */
export function isLetterOrDigit(codePoint: number): boolean {
  if (codePoint < 0x80) return (codePoint >= 0x30 && codePoint <= 0x39) || ((codePoint | 32) >= 0x61 && (codePoint | 32) <= 0x7a);
  let known = letterOrDigitCache.get(codePoint);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
    letterOrDigitCache.set(codePoint, known);
  }
  return known;
}

/** Whether a UTF-16 unit is white space as `\s` in a JavaScript regular expression. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Words in a text: runs of non-space characters holding at least one letter or digit, so the " | " between
 * table cells, dashes and bullets are not counted (a DOCX and a PDF of the same plan lay these out differently).
 * A loop rather than a Unicode regular expression: rules count the words of every block and sentence, and the loop is
 * about three times faster.
 */
export function countWords(text: string): number {
  let words = 0;
  let runHasWordCharacter = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhiteSpace(code)) {
      if (runHasWordCharacter) words++;
      runHasWordCharacter = false;
    } else if (!runHasWordCharacter && isLetterOrDigit(code < 0xd800 ? code : text.codePointAt(i)!)) {
      runHasWordCharacter = true;
    }
  }
  return runHasWordCharacter ? words + 1 : words;
}
