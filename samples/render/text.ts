// SampleSpec -> plain text, for documents that arrive as .txt (response letters pasted from an email).
// Tracked changes read as accepted; comments are not part of the text.
import type { SampleSpec, SpecItem } from "../spec.ts";
import { plainText } from "./markup.ts";
import { placeBlocks, tocEntries } from "./layout.ts";

const itemText = (item: SpecItem): string => plainText(typeof item === "string" ? item : item.text);

export function renderText(spec: SampleSpec): string {
  const lines: string[] = [];
  for (const { block, heading } of placeBlocks(spec)) {
    if ("section" in block) lines.push(heading ?? block.title, "");
    else if ("h" in block) lines.push(plainText(block.h), "");
    else if ("p" in block) lines.push(plainText(block.p), "");
    else if ("ul" in block) lines.push(...block.ul.map((item) => `- ${itemText(item)}`), "");
    else if ("ol" in block) lines.push(...block.ol.map((item, index) => `${index + 1}. ${itemText(item)}`), "");
    else if ("table" in block) {
      const rows = [block.table.header, ...block.table.rows].filter((row) => row.length > 0).map((row) => row.map((cell) => plainText(cell).replace(/\n/g, " ")).join(" | "));
      lines.push(...rows, "");
    } else if ("toc" in block) lines.push("Contents", ...tocEntries(spec).map((entry) => entry.text), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
