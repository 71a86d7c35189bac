import { describe, expect, it } from "vitest";
import { PhraseSet } from "../../src/rules/kinds/phrase-set.ts";
import { compileMatcher, findAll, regExpMatcher, type MatchSettings } from "../../src/rules/kinds/matcher.ts";
import { escapeRegExp } from "../../src/text/regexp.ts";

// The regular expression word lists were matched with before the phrase tree: the tree must find the same matches.
function regExpOracle(phrases: string[], settings: MatchSettings) {
  const sources = [...new Set(phrases.map((p) => p.trim()).filter((p) => p !== ""))]
    .sort((a, b) => b.length - a.length)
    .map((p) =>
      escapeRegExp(p)
        .replace(/\s+/g, "\\s+")
        .replace(/['’‘]/g, "['’‘]")
        .replace(/["“”]/g, '["“”]')
        .replace(/[-–—]/g, "[-–—]"),
    )
    .map((s) => `(?:${s})`);
  return regExpMatcher(compileMatcher(sources.join("|"), settings));
}

const WORD_LIST = { wholeWord: true, caseSensitive: false };

const PHRASES = ["therapist", "one-to-one", "speech and language therapist", "Tamsin's mum", "speech and language", "e.g.", "1:1", "“own words”", "  padded  ", "ÉCOLE", "x"];
const TEXTS = [
  "The Speech  and\nLanguage therapist visits; a therapist too.",
  "One–to—one support, one to one, one-to-one-ish and 1:1.",
  "Tamsin’s Mum said (e.g. at home) her ‘own words’ were “own words”.",
  "physiotherapists and therapist's notes: speech and language",
  "padded text, école and ÉCOLE, x-ray, box, x, 3x",
  "",
  "Wörter: Ünterricht therapistÄ Ätherapist therapist",
  "𝐀x x 😀x x𝐀 x😀",
];

describe("PhraseSet", () => {
  for (const settings of [WORD_LIST, { wholeWord: false, caseSensitive: false }, { wholeWord: true, caseSensitive: true }, { wholeWord: false, caseSensitive: true }]) {
    it(`finds what the word list's regular expression found (${JSON.stringify(settings)})`, () => {
      const tree = new PhraseSet(PHRASES, settings);
      const oracle = regExpOracle(PHRASES, settings);
      for (const text of TEXTS) expect(findAll(text, tree), text).toEqual(findAll(text, oracle));
    });
  }

  it("prefers the longest phrase at the leftmost place, and keeps the text as written", () => {
    const tree = new PhraseSet(["speech and language", "speech and language therapist", "therapist"], WORD_LIST);
    expect(findAll("Our Speech and  Language Therapist or a therapist", tree)).toEqual([
      { index: 4, text: "Speech and  Language Therapist" },
      { index: 40, text: "therapist" },
    ]);
  });

  it("does not match inside a word, but a shorter phrase still ends at the word's edge", () => {
    const tree = new PhraseSet(["art", "art therapy"], WORD_LIST);
    expect(findAll("smart art therapyroom art", tree).map((m) => m.text)).toEqual(["art", "art"]);
  });

  it("starts from a given place, and an empty list finds nothing", () => {
    expect(new PhraseSet(["ball"], WORD_LIST).next("ball and ball", 1)).toEqual({ index: 9, text: "ball" });
    expect(new PhraseSet(["", "  "], WORD_LIST).next("anything")).toBeUndefined();
  });
});
