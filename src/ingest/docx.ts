// DOCX -> RawDocument, reading the body once: body-scan.ts passes over word/document.xml for what mammoth drops
// (comments' anchors, tracked changes, paragraph numbering) and marks every paragraph; mammoth reads that copy
// into its document tree, which becomes blocks (tree-blocks.ts) that know their paragraphs by the marks.
// The zip is checked and inflated once, by the guard (guard.ts), which hands its parts over (word-zip.ts); sections
// are found after (sections.ts).
import type { Element as XmlElement, Node as XmlNode } from "@xmldom/xmldom";
import mammoth from "mammoth";
import { countWords } from "../text/words.ts";
import { checkDeadline, resolveDeadline, withinDeadline } from "./deadline.ts";
import { checkWordCount, openWordZip, resolveLimits } from "./guard.ts";
import type { RawBlock, RawComment, RawDocument, RawTrackedChange, ReadOptions } from "./raw.ts";
import { scanBody, type BodyScan } from "./docx/body-scan.ts";
import { headingStyleLevels } from "./docx/heading-styles.ts";
import { numberLabels } from "./docx/numbering.ts";
import { corruptFile, isWordElement, mammothFile, openWordPackage, wordAttribute, wordDescendants, type WordPackage } from "./docx/ooxml.ts";
import { cleanText } from "./docx/text.ts";
import { treeToBlocks, type TreeBlock, type TreeDocument } from "./docx/tree-blocks.ts";

const UNKNOWN_AUTHOR = "Unknown author";

/**
 * The package's size and structure are judged by the guard (guard.ts) before anything here runs: by the caller,
 * which hands over the zip it opened (`options.wordZip`), or else here. Judged here: the amount of text, before
 * mammoth reads the body (the costly step), and the deadline between steps.
 */
export async function readDocx(bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  const deadlineAt = resolveDeadline(options.deadlineAt);
  const limits = resolveLimits(options.limits);
  const wordPackage = openWordPackage(options.wordZip ?? (await openWordZip(bytes, limits)));
  checkDeadline(deadlineAt);
  const scan = scanBody(wordPackage.documentXml);
  checkWordCount(
    scan.paragraphs.reduce((sum, paragraph) => sum + countWords(paragraph.text), 0),
    limits,
    true,
  );
  const tree = await withinDeadline(readTree(wordPackage, scan), deadlineAt);
  const headingLevel = headingStyleLevels(wordPackage.styles);
  const paragraphMarked = (name: string): number | null => (name.startsWith(scan.paragraphMark) ? Number(name.slice(scan.paragraphMark.length)) : null);
  const treeBlocks = treeToBlocks(tree, { headingLevel, paragraphMarked });
  const labels = numberLabels(scan.paragraphs, wordPackage.numbering, wordPackage.styles);
  const { blocks, blockOfParagraph } = locateBlocks(treeBlocks, scan, labels);

  return {
    format: "docx",
    blocks,
    comments: readComments(wordPackage, scan, blockOfParagraph),
    trackedChanges: trackedChanges(scan, blockOfParagraph),
    paragraphCount: scan.paragraphs.filter((paragraph) => cleanText(paragraph.text) !== "").length,
  };
}

/** mammoth's document tree of the marked body; no HTML is written (the tree is swapped for an empty one). */
async function readTree(wordPackage: WordPackage, scan: BodyScan): Promise<TreeDocument> {
  let tree: TreeDocument | null = null;
  try {
    // mammoth's warnings (unknown styles and the like) are not the user's concern, and would quote the document.
    // `file` is the input mammoth's own opening of a package takes (lib/unzip.js); its types list only path, buffer
    // and arrayBuffer, which would mean zipping the marked copy again and mammoth inflating the package again.
    await mammoth.convertToHtml({ file: mammothFile(wordPackage, scan.mammothXml) } as unknown as { buffer: Buffer }, {
      transformDocument: (document: TreeDocument) => {
        tree = document;
        return { ...document, children: [] };
      },
      // No HTML is made, so no style map is needed: blocks follow mammoth's default one (tree-blocks.ts).
      includeDefaultStyleMap: false,
    });
  } catch {
    throw corruptFile();
  }
  if (!tree) throw corruptFile();
  return tree;
}

/**
 * Gives every block its paragraph location, and maps every body paragraph to the block it belongs to: the block
 * holding its mark; for a paragraph mammoth leaves out, its table's block (a deleted row) or the nearest block
 * before it (an empty paragraph).
 */
function locateBlocks(
  treeBlocks: TreeBlock[],
  scan: BodyScan,
  labels: Map<number, string>,
): { blocks: RawBlock[]; blockOfParagraph: (paragraph: number | null) => number | null } {
  const blockOf: (number | null)[] = scan.paragraphs.map(() => null);
  const blockOfTable = new Map<number, number>();
  const firstParagraphOfTable = new Map<number, number>();
  for (const paragraph of scan.paragraphs) {
    if (paragraph.table !== null && !firstParagraphOfTable.has(paragraph.table)) firstParagraphOfTable.set(paragraph.table, paragraph.index);
  }

  let lastLocation: RawBlock["location"] = {};
  const blocks = treeBlocks.map((entry, index) => {
    const first = entry.paragraphs[0];
    if (first === undefined) {
      // Footnotes sit where they are cited: with the block before them.
      return { ...entry.block, location: { ...lastLocation } };
    }
    for (const paragraph of entry.paragraphs) blockOf[paragraph] = index;
    const table = scan.paragraphs[first]?.table ?? null;
    if (entry.block.kind === "table" && table !== null) blockOfTable.set(table, index);
    const location = { paragraph: entry.block.kind === "table" && table !== null ? (firstParagraphOfTable.get(table) ?? first) : first };
    lastLocation = location;
    const block: RawBlock = { ...entry.block, location };
    const label = labels.get(location.paragraph);
    if (block.kind === "heading" && label && !block.text.startsWith(label)) block.text = `${label} ${block.text}`;
    return block;
  });

  for (const paragraph of scan.paragraphs) {
    if (paragraph.table !== null) blockOf[paragraph.index] = blockOfTable.get(paragraph.table) ?? null;
  }
  fillGaps(blockOf);
  return { blocks, blockOfParagraph: (paragraph) => (paragraph === null ? null : (blockOf[paragraph] ?? null)) };
}

/** Paragraphs with no block of their own take the nearest block before them (or the first block, at the very start). */
function fillGaps(blockOf: (number | null)[]): void {
  let previous: number | null = null;
  for (let i = 0; i < blockOf.length; i++) {
    if (blockOf[i] === null) blockOf[i] = previous;
    else previous = blockOf[i]!;
  }
  const first = blockOf.find((block) => block !== null) ?? null;
  for (let i = 0; i < blockOf.length && blockOf[i] === null; i++) blockOf[i] = first;
}

function readComments({ comments }: WordPackage, scan: BodyScan, blockOfParagraph: (paragraph: number | null) => number | null): RawComment[] {
  if (!comments) return [];
  const out: (RawComment & { order: number })[] = [];
  for (const element of wordDescendants(comments, "comment")) {
    const id = wordAttribute(element, "id");
    if (id === undefined) continue;
    const anchor = scan.anchors.get(id);
    const date = wordAttribute(element, "date");
    out.push({
      id,
      author: wordAttribute(element, "author") ?? UNKNOWN_AUTHOR,
      ...(date ? { date } : {}),
      text: commentText(element),
      anchorText: cleanText(anchor?.text ?? ""),
      rawBlockIndex: blockOfParagraph(anchor?.paragraph ?? null),
      // Comments the body never refers to (left over after their text was deleted) go last.
      order: anchor?.order ?? Number.MAX_SAFE_INTEGER,
    });
  }
  return out.sort((a, b) => a.order - b.order).map(({ order: _order, ...comment }) => comment);
}

/** A comment's own text: its paragraphs' visible text, one line each. */
function commentText(comment: XmlElement): string {
  const lines: string[] = [];
  const collect = (node: XmlNode, line: string[]): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (isWordElement(child, "del") || isWordElement(child, "moveFrom")) continue;
      if (isWordElement(child, "t")) line.push(child.textContent ?? "");
      else if (isWordElement(child, "tab")) line.push("\t");
      else if (isWordElement(child, "br")) line.push("\n");
      else if (isWordElement(child, "p")) {
        const paragraph: string[] = [];
        collect(child, paragraph);
        lines.push(paragraph.join(""));
      } else collect(child, line);
    }
  };
  collect(comment, lines);
  return cleanText(lines.join("\n"));
}

function trackedChanges(scan: BodyScan, blockOfParagraph: (paragraph: number | null) => number | null): RawTrackedChange[] {
  return scan.changes.flatMap((change) => {
    const text = cleanText(change.text);
    // Changes with no text of their own (a paragraph mark, an image, formatting) are not edits a reader can check.
    if (text === "") return [];
    return [
      {
        id: change.id,
        kind: change.kind,
        author: change.author ?? UNKNOWN_AUTHOR,
        ...(change.date ? { date: change.date } : {}),
        text,
        rawBlockIndex: blockOfParagraph(change.paragraph),
      },
    ];
  });
}
