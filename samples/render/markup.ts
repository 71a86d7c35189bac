// Inline markup of sample text (see SpecText in ../spec.ts): comments, tracked changes and bold.
// Parsed once into a flat list of pieces that the DOCX, text and manifest writers all read.
import type { SpecText } from "../spec.ts";

export type Piece =
  | { kind: "text"; text: string; bold: boolean; insertion?: string; deletion?: string }
  | { kind: "comment-start"; commentId: string }
  | { kind: "comment-end"; commentId: string };

const TOKEN = /\{c:([^}]+)\}|\{\/c\}|\{ins:([^}]+)\}|\{\/ins\}|\{del:([^}]+)\}|\{\/del\}|\*\*/g;

/** Splits marked-up text into pieces; throws on unbalanced or crossed markup so a spec mistake shows at once. */
export function parseMarkup(source: SpecText): Piece[] {
  const pieces: Piece[] = [];
  const openComments: string[] = [];
  let bold = false;
  let insertion: string | undefined;
  let deletion: string | undefined;
  let last = 0;
  const pushText = (text: string): void => {
    if (text === "") return;
    pieces.push({ kind: "text", text, bold, ...(insertion ? { insertion } : {}), ...(deletion ? { deletion } : {}) });
  };
  const fail = (why: string): never => {
    throw new Error(`Sample text markup: ${why} in "${source.slice(0, 80)}"`);
  };
  for (const match of source.matchAll(TOKEN)) {
    pushText(source.slice(last, match.index));
    last = match.index + match[0].length;
    const token = match[0];
    if (match[1] !== undefined) {
      openComments.push(match[1]);
      pieces.push({ kind: "comment-start", commentId: match[1] });
    } else if (token === "{/c}") {
      const id = openComments.pop() ?? fail("{/c} without an open comment");
      pieces.push({ kind: "comment-end", commentId: id });
    } else if (match[2] !== undefined) {
      if (insertion || deletion) fail("a tracked change inside another");
      insertion = match[2];
    } else if (token === "{/ins}") {
      if (!insertion) fail("{/ins} without {ins:ID}");
      insertion = undefined;
    } else if (match[3] !== undefined) {
      if (insertion || deletion) fail("a tracked change inside another");
      deletion = match[3];
    } else if (token === "{/del}") {
      if (!deletion) fail("{/del} without {del:ID}");
      deletion = undefined;
    } else {
      bold = !bold;
    }
  }
  pushText(source.slice(last));
  if (openComments.length > 0 || insertion || deletion || bold) fail("markup left open");
  return pieces;
}

/**
 * The text a reader of the document sees with tracked changes accepted: insertions kept, deletions dropped,
 * markup removed. This is also what mammoth reports for the paragraph.
 */
export function plainText(source: SpecText): string {
  return parseMarkup(source)
    .map((piece) => (piece.kind === "text" && !piece.deletion ? piece.text : ""))
    .join("");
}

/** The text a comment is anchored to, per comment id (insertions kept, deletions kept too: they are in the range). */
export function commentAnchors(source: SpecText): Map<string, string> {
  const anchors = new Map<string, string>();
  const open = new Set<string>();
  for (const piece of parseMarkup(source)) {
    if (piece.kind === "comment-start") {
      open.add(piece.commentId);
      anchors.set(piece.commentId, "");
    } else if (piece.kind === "comment-end") {
      open.delete(piece.commentId);
    } else {
      for (const id of open) anchors.set(id, (anchors.get(id) ?? "") + piece.text);
    }
  }
  return anchors;
}

/** Text of each tracked change, per revision id. */
export function revisionTexts(source: SpecText): Map<string, { kind: "insertion" | "deletion"; text: string }> {
  const revisions = new Map<string, { kind: "insertion" | "deletion"; text: string }>();
  for (const piece of parseMarkup(source)) {
    if (piece.kind !== "text") continue;
    const id = piece.insertion ?? piece.deletion;
    if (!id) continue;
    const kind = piece.insertion ? "insertion" : "deletion";
    const previous = revisions.get(id);
    revisions.set(id, { kind, text: (previous?.text ?? "") + piece.text });
  }
  return revisions;
}

export const countWords = (text: string): number => (text.match(/\S+/g) ?? []).length;
