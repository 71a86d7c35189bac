// Text clean-up shared by the blocks (mammoth's tree) and what body-scan.ts reads (comments, tracked changes),
// so that a comment's anchor reads exactly like the block text it points into.

/**
 * Collapses runs of spaces, tabs and no-break spaces into one space on each line, drops soft hyphens
 * and empty lines, and keeps real line breaks (Word line breaks, paragraphs within a cell) as "\n".
 */
export function cleanText(text: string): string {
  return text
    .replace(/\u00ad/g, "")
    .split(/\r\n|[\r\n\u2028\u2029\u000b]/)
    .map((line) => line.replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
