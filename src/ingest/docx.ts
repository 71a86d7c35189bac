// DOCX -> RawDocument. mammoth gives the body's structure (headings, lists, tables); comments and
// tracked changes, which mammoth drops, come from word/document.xml and word/comments.xml directly.
// Size and zip-bomb limits are checked before this runs (guard.ts); sections are found after (sections.ts).
import type { Document as XmlDocument, Element as XmlElement, Node as XmlNode } from "@xmldom/xmldom";
import mammoth from "mammoth";
import { countWords } from "../text/words.ts";
import { resolveDeadline, withinDeadline } from "./deadline.ts";
import { checkWordCount, resolveLimits } from "./guard.ts";
import type { RawBlock, RawComment, RawDocument, RawTrackedChange, ReadOptions } from "./raw.ts";
import { alignBlocks, bodyUnits, type BodyUnit } from "./docx/align.ts";
import { walkBody, type BodyWalk } from "./docx/body-walk.ts";
import { headingStyleMap } from "./docx/heading-styles.ts";
import { htmlToBlocks, type HtmlBlock } from "./docx/html-blocks.ts";
import { numberLabels } from "./docx/numbering.ts";
import { bytesForMammoth, corruptFile, isWordElement, openWordPackage, wordAttribute, wordDescendants } from "./docx/ooxml.ts";
import { cleanText } from "./docx/text.ts";

const UNKNOWN_AUTHOR = "Unknown author";

/** Images are not read at all: the checker needs none, and base64-encoding them would be wasted work. */
const skipImages = mammoth.images.imgElement(async () => ({ src: "" }));

/**
 * The package's size and structure were judged before this runs (guard.ts, in the calling process). Judged here:
 * the amount of text, before mammoth's conversion (the costly step), and the deadline between steps.
 */
export async function readDocx(bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  const deadlineAt = resolveDeadline(options.deadlineAt);
  const wordPackage = await withinDeadline(openWordPackage(bytes), deadlineAt);
  const walk = walkBody(wordPackage.document);
  checkWordCount(
    walk.paragraphs.reduce((sum, paragraph) => sum + countWords(paragraph.text), 0),
    resolveLimits(options.limits),
    true,
  );
  const mammothBytes = await withinDeadline(bytesForMammoth(bytes, wordPackage), deadlineAt);
  const html = await withinDeadline(convertToHtml(mammothBytes, headingStyleMap(wordPackage.styles)), deadlineAt);
  const htmlBlocks = htmlToBlocks(html);
  const labels = numberLabels(walk.paragraphs, wordPackage.numbering, wordPackage.styles);
  const { blocks, blockOfParagraph } = locateBlocks(htmlBlocks, walk, labels);

  return {
    format: "docx",
    blocks,
    comments: readComments(wordPackage.comments, walk, blockOfParagraph),
    trackedChanges: trackedChanges(walk, blockOfParagraph),
    paragraphCount: walk.paragraphs.filter((paragraph) => cleanText(paragraph.text) !== "").length,
  };
}

async function convertToHtml(bytes: Uint8Array, styleMap: string[]): Promise<string> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // mammoth's warnings (unknown styles and the like) are not the user's concern, and would quote the document.
    const result = await mammoth.convertToHtml({ buffer }, { styleMap, convertImage: skipImages });
    return result.value;
  } catch {
    throw corruptFile();
  }
}

/**
 * Gives every block its paragraph location, and maps every body paragraph to the block it belongs to
 * (a paragraph mammoth skipped, such as an empty one, belongs to the nearest block before it).
 */
function locateBlocks(
  htmlBlocks: HtmlBlock[],
  walk: BodyWalk,
  labels: Map<number, string>,
): { blocks: RawBlock[]; blockOfParagraph: (paragraph: number | null) => number | null } {
  const { units, unitOfParagraph } = bodyUnits(walk.paragraphs);
  const matches = alignBlocks(
    htmlBlocks.filter((entry) => entry.source === "body").map(({ block }) => ({ isTable: block.kind === "table", text: blockText(block) })),
    units,
  );

  const blockOfUnit: (number | null)[] = units.map(() => null);
  let lastLocation: RawBlock["location"] = {};
  let bodyPosition = 0;
  const blocks = htmlBlocks.map((entry, index) => {
    const unitIndex = entry.source === "body" ? (matches[bodyPosition++] ?? null) : null;
    const unit: BodyUnit | undefined = unitIndex === null ? undefined : units[unitIndex];
    if (unitIndex === null || !unit) {
      // Footnotes sit where they are cited; an unmatched block is placed with the block before it.
      return { ...entry.block, location: { ...lastLocation } };
    }
    blockOfUnit[unitIndex] = index;
    lastLocation = { paragraph: unit.firstParagraph };
    const block: RawBlock = { ...entry.block, location: { paragraph: unit.firstParagraph } };
    const label = labels.get(unit.firstParagraph);
    if (block.kind === "heading" && label && !block.text.startsWith(label)) block.text = `${label} ${block.text}`;
    return block;
  });

  fillGaps(blockOfUnit);
  return {
    blocks,
    blockOfParagraph: (paragraph) => {
      if (paragraph === null) return null;
      const unitIndex = unitOfParagraph[paragraph];
      return unitIndex === undefined ? null : (blockOfUnit[unitIndex] ?? null);
    },
  };
}

/** Units with no block of their own take the nearest block before them (or the first block, at the very start). */
function fillGaps(blockOfUnit: (number | null)[]): void {
  let previous: number | null = null;
  for (let i = 0; i < blockOfUnit.length; i++) {
    if (blockOfUnit[i] === null) blockOfUnit[i] = previous;
    else previous = blockOfUnit[i]!;
  }
  const first = blockOfUnit.find((block) => block !== null) ?? null;
  for (let i = 0; i < blockOfUnit.length && blockOfUnit[i] === null; i++) blockOfUnit[i] = first;
}

function blockText(block: RawBlock): string {
  return block.kind === "table" ? [block.header, ...block.rows].flat().join(" ") : block.text;
}

function readComments(comments: XmlDocument | null, walk: BodyWalk, blockOfParagraph: (paragraph: number | null) => number | null): RawComment[] {
  if (!comments) return [];
  const out: (RawComment & { order: number })[] = [];
  for (const element of wordDescendants(comments, "comment")) {
    const id = wordAttribute(element, "id");
    if (id === undefined) continue;
    const anchor = walk.anchors.get(id);
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

function trackedChanges(walk: BodyWalk, blockOfParagraph: (paragraph: number | null) => number | null): RawTrackedChange[] {
  return walk.changes.flatMap((change) => {
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
