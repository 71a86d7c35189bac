import { describe, expect, it } from "vitest";
import { decodeText, detectFormat } from "../../src/ingest/detect.ts";
import { readText, textBlocks } from "../../src/ingest/text.ts";
import { ProblemError } from "../../src/model/problem.ts";

const bytes = (text: string, encoding: BufferEncoding = "utf8"): Uint8Array => new Uint8Array(Buffer.from(text, encoding));

function problemOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  return { code: "none", message: "" };
}
const codeOf = (run: () => unknown): string => problemOf(run).code;

describe("format by content", () => {
  it("knows a PDF, a zip and text whatever the file is called", () => {
    expect(detectFormat(bytes("%PDF-1.7\n..."))).toBe("pdf");
    expect(detectFormat(bytes("\n\n%PDF-1.4\n"))).toBe("pdf");
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe("docx");
    expect(detectFormat(bytes("Dear Ms Khan,\nPlease change Section F.\n"))).toBe("text");
    expect(detectFormat(bytes("\uFEFFA letter with a byte-order mark and £ signs"))).toBe("text");
  });

  it("refuses the empty file, old Word, password-protected Word, RTF, pictures and binary", () => {
    expect(codeOf(() => detectFormat(new Uint8Array()))).toBe("EMPTY_FILE");
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(codeOf(() => detectFormat(ole))).toBe("UNSUPPORTED_FORMAT");
    const encrypted = Buffer.concat([Buffer.from(ole), Buffer.from("EncryptedPackage", "utf16le")]);
    expect(problemOf(() => detectFormat(ole)).message).toMatch(/old-style Word file/);
    expect(problemOf(() => detectFormat(new Uint8Array(encrypted))).message).toMatch(/password-protected/);
    expect(codeOf(() => detectFormat(bytes("{\\rtf1\\ansi hello}")))).toBe("UNSUPPORTED_FORMAT");
    expect(codeOf(() => detectFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])))).toBe("UNSUPPORTED_FORMAT");
    expect(codeOf(() => detectFormat(new Uint8Array([1, 2, 3, 0, 5, 6])))).toBe("UNSUPPORTED_FORMAT");
  });

  it("decodes UTF-8, falls back to Windows-1252, and refuses control-character soup", () => {
    expect(decodeText(bytes("Zoë’s plan"))).toBe("Zoë’s plan");
    expect(decodeText(new Uint8Array([0x43, 0x6f, 0x73, 0x74, 0x3a, 0x20, 0xa3, 0x35]))).toBe("Cost: £5");
    expect(decodeText(new Uint8Array(Array.from({ length: 200 }, (_, index) => 1 + (index % 30))))).toBeNull();
  });
});

describe("plain-text response letters", () => {
  it("splits paragraphs at blank lines, joins wrapped lines, and reads numbered and bulleted items", async () => {
    const letter = [
      "Dear Ms Khan,",
      "",
      "Thank you for the draft plan for Ava. We would like the",
      "following changes:",
      "",
      "1. Section A should say Ava prefers to be called Evie.",
      "2. Section F: speech and language therapy should be",
      "   weekly, not termly.",
      "   a) with a qualified therapist",
      "- Please also send us the EP report.",
      "",
      "Yours sincerely,",
      "Sam Smith",
    ].join("\r\n");
    const raw = await readText(bytes(letter));
    expect(raw.format).toBe("text");
    expect(raw.blocks.map((block) => [block.kind, block.kind === "table" ? "" : block.text])).toEqual([
      ["paragraph", "Dear Ms Khan,"],
      ["paragraph", "Thank you for the draft plan for Ava. We would like the following changes:"],
      ["list-item", "Section A should say Ava prefers to be called Evie."],
      ["list-item", "Section F: speech and language therapy should be weekly, not termly."],
      ["list-item", "with a qualified therapist"],
      ["list-item", "Please also send us the EP report."],
      ["paragraph", "Yours sincerely,"],
      ["paragraph", "Sam Smith"],
    ]);
    expect(raw.blocks[4]).toMatchObject({ level: 1, ordered: true });
    expect(raw.blocks.map((block) => block.location.paragraph)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(raw.paragraphCount).toBe(8);
  });

  it("gives nothing for blank text", () => {
    expect(textBlocks("\n \n\t\n")).toEqual([]);
  });
});
