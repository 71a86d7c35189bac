import { describe, expect, it } from "vitest";
import { generatedTexts } from "../../src/testing/seeded-random.ts";
import { NOT_AFTER_LETTER } from "../../src/text/regexp.ts";

/** Every match (place and text) of `pattern` in `text`. */
const matches = (pattern: RegExp, text: string): string[] => [...text.matchAll(pattern)].map((m) => `${m.index}:${m[0]}`);

describe("NOT_AFTER_LETTER", () => {
  // The quick ASCII test in front must never change what the Unicode class alone would find.
  const quick = new RegExp(`${NOT_AFTER_LETTER}\\p{Lu}\\p{Ll}+`, "gu");
  const definition = /(?<![\p{L}])\p{Lu}\p{Ll}+/gu;

  it.each([
    ["Ask Tomasz and Zoë", ["0:Ask", "4:Tomasz", "15:Zoë"]],
    ["MrsÉlodie", ["0:Mrs"]],
    ["éÉlodie", []],
    ["1Ben (Ben)", ["1:Ben", "6:Ben"]],
    ["𝒜Ben", []],
  ])("finds in %j what the Unicode class alone finds", (text, expected) => {
    expect(matches(quick, text)).toEqual(expected);
    expect(matches(definition, text)).toEqual(expected);
  });

  it("agrees with the Unicode class alone on generated text of every kind of character", () => {
    const pieces = ["a", "z", "A", "Z", "Be", "0", " ", "\n", "-", "’", "é", "É", "ß", "Ω", "ω", "٣", "😀", "𝒜", "\u00a0", ".", "(", "_"];
    for (const text of generatedTexts(pieces, { count: 2000, maxPieces: 24, seed: 7 })) expect(matches(quick, text), JSON.stringify(text)).toEqual(matches(definition, text));
  });
});
