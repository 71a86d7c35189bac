import { describe, expect, it } from "vitest";
import { TextMemo } from "../../src/text/text-memo.ts";

describe("TextMemo", () => {
  it("answers each text once while it is remembered, undefined and null answers included", () => {
    const memo = new TextMemo<number | undefined>(100);
    let asked = 0;
    const length = (text: string) => (asked++, text === "none" ? undefined : text.length);
    expect(memo.get("Pip reads aloud.", length)).toBe(16);
    expect(memo.get("Pip reads aloud.", length)).toBe(16);
    expect(memo.get("none", length)).toBeUndefined();
    expect(memo.get("none", length)).toBeUndefined();
    expect(asked).toBe(2);
  });

  it("forgets everything once the texts it keeps would pass its characters, then remembers again", () => {
    const memo = new TextMemo<string>(10);
    let asked = 0;
    const upper = (text: string) => (asked++, text.toUpperCase());
    memo.get("abcdef", upper);
    memo.get("ghijkl", upper); // 12 characters: the first is forgotten
    memo.get("ghijkl", upper);
    expect(asked).toBe(2);
    memo.get("abcdef", upper);
    expect(asked).toBe(3);
  });
});
