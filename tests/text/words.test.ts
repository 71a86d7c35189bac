import { describe, expect, it } from "vitest";
import { generatedTexts } from "../../src/testing/seeded-random.ts";
import { countWords } from "../../src/text/words.ts";

/** The definition, as a regular expression: the loop in countWords must agree with it on every text. */
const reference = (text: string): number => (text.match(/\S*[\p{L}\p{N}]\S*/gu) ?? []).length;

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   \n\t ", 0],
    ["Occupational therapy, 45 minutes each fortnight.", 6],
    ["Reading | - | Maths", 2],
    ["• 1:1 support — daily", 3],
    ["Zoë’s café\u00a0déjà\u2003vu", 4],
    ["x 😀 𝟘", 2],
    ["(a) ... [b]", 2],
  ])("counts %j as %i words, as the definition does", (text, words) => {
    expect(countWords(text)).toBe(words);
    expect(reference(text)).toBe(words);
  });

  it("agrees with the definition on generated text of every kind of character", () => {
    const pieces = ["a", "z", "A", "Z", "0", "9", "@", "[", "`", "{", "/", ":", " ", "\n", "\t", "\r", "\f", "\v", "\u00a0", "\ufeff", "\u2028", "\u2003", "\u3000", "-", "|", "•", "’", "é", "Ω", "٣", "😀", "𝟘", "\ud800", ".", ","];
    for (const text of generatedTexts(pieces, { count: 2000, maxPieces: 30, seed: 42 })) expect(countWords(text), JSON.stringify(text)).toBe(reference(text));
  });
});
