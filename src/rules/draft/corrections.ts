// The corrections asked for on a draft, from its Word comments, its tracked changes and any response letters,
// read into one shape so each can be checked against the final the same way.
import type { EhcpDocument, SectionId } from "../../model/document.ts";
import { SECTION_IDS } from "../../model/document.ts";

export type CorrectionKind =
  /** Old wording replaced by new wording. */
  | "replace"
  /** Text to be added (a tracked insertion: exact text). */
  | "insert"
  /** Text to be taken out. */
  | "delete"
  /** New content to be written, in the requester's words ("add that Maya loves swimming"). */
  | "add"
  /** The anchored text is wrong and must change, with no new wording given ("This is not her name"). */
  | "change"
  /** Asks for nothing ("Agreed, thanks"). */
  | "none"
  /** Asks for something we cannot pin down: reported for a person to check. */
  | "unclear";

export interface Correction {
  source: "comment" | "tracked-change" | "response-letter";
  author: string;
  /** What was asked, as written. */
  request: string;
  kind: CorrectionKind;
  /** Draft text the correction is about (the commented text, the changed text, the quoted old wording). */
  anchorText: string;
  oldText?: string;
  newText?: string;
  /** What new content is about ("Maya loves swimming"), or what a deletion is about ("her previous school"), in the requester's words. */
  topic?: string;
  /** Section named or found in the draft. */
  section: SectionId | null;
  /** Draft block the correction sits in, when known. */
  draftBlockId: string | null;
  /** The input the correction came from: the draft, or a response letter. */
  document: "draft" | "response";
  /** For response letters: which letter, so findings can point to it. */
  responseIndex?: number;
}

export interface IntentPhrases {
  /** Comments that ask nothing: "agreed", "thanks". */
  acknowledgements: string[];
}

const NO_REQUEST = /\b(change|replace|amend|correct|update|add|include|insert|put|remove|delete|take out|should (?:be|say|read)|is not|isn['’]t|not (?:her|his|their|the)|wrong|incorrect|not right|missing|needs? to|must|about another child|spel(?:t|led|ling)|mis-?spelt|typo|not accurate|inaccurate)\b/i;

/** Quoted wording: ‘…’, “…”, "…", or '…' when the quote marks stand apart from words (not Maya's). */
export function quotedPhrases(text: string): string[] {
  const quotes: string[] = [];
  const pattern = /‘([^’]{2,}?)’|“([^”]{2,}?)”|"([^"]{2,}?)"|(?<![\p{L}\p{N}])'([^']{2,}?)'(?![\p{L}\p{N}])/gu;
  for (const match of text.matchAll(pattern)) quotes.push((match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").trim());
  return quotes.filter((quote) => quote !== "");
}

/** "Section F", "Part B", "section h1" -> the section id. */
export function sectionNamed(text: string): SectionId | null {
  const match = /\b(?:section|part)\s+(H1|H2|[A-K])\b/i.exec(text);
  if (!match) return null;
  const id = match[1]!.toUpperCase();
  return (SECTION_IDS as readonly string[]).includes(id) ? (id as SectionId) : null;
}

/** What a comment or a letter item asks for, from its wording. */
export function readRequest(text: string, acknowledgements: readonly string[]): Pick<Correction, "kind" | "oldText" | "newText" | "topic"> {
  const lower = text.toLowerCase().trim();
  const quotes = quotedPhrases(text);
  if (!NO_REQUEST.test(lower) && !/\bplease\b/.test(lower)) {
    const acknowledged = acknowledgements.some((phrase) => lower.startsWith(phrase.toLowerCase()));
    // A question with no request in it ("Is this the current SENCo?") or a thank-you asks for no change.
    if (acknowledged || lower.endsWith("?") || quotes.length === 0) return { kind: "none" };
  }
  if (/\b(remove|delete|take out|taken out|should not be (?:here|in)|about another child|not about (?:her|him|them|this child))\b/.test(lower)) {
    if (quotes[0]) return { kind: "delete", oldText: quotes[0] };
    const about = /\babout\s+(?!another child)(.+?)[.\s]*$/i.exec(text);
    return about ? { kind: "delete", topic: about[1]! } : { kind: "delete" };
  }
  if (/\b(change|replace|amend|alter|correct|update|should (?:be|say|read)|to read|is not|isn['’]t|wrong|incorrect)\b/.test(lower) && quotes.length > 0) {
    return quotes.length >= 2 ? { kind: "replace", oldText: quotes[0]!, newText: quotes[1]! } : { kind: "replace", newText: quotes[0]! };
  }
  const addition = /\b(?:add|include|insert|put in|mention|missing)\b(?:\s+(?:that|a|an|the|in|here))*\s*(.*)$/i.exec(text);
  if (addition) {
    const content = quotes[0] ?? addition[1]!.replace(/\b(here|please|to (?:this|the) section|in this section)\b/gi, "").replace(/[.\s]+$/, "").trim();
    return content ? { kind: "add", topic: content } : { kind: "unclear" };
  }
  if (/\b(is not|isn['’]t|not (?:her|his|their|the)|wrong|incorrect|not right|not accurate|inaccurate|spel(?:t|led|ling)|typo|change|update|correct|amend)\b/.test(lower)) {
    return { kind: "change" };
  }
  return { kind: "unclear" };
}

/** Corrections carried by the draft itself: its comments and tracked changes. */
export function draftCorrections(draft: EhcpDocument, phrases: IntentPhrases): Correction[] {
  const sectionOf = (blockId: string | null): SectionId | null => draft.blocks.find((block) => block.id === blockId)?.section ?? null;
  const corrections: Correction[] = draft.comments.map((comment) => {
    const intent = readRequest(comment.text, phrases.acknowledgements);
    return {
      source: "comment" as const,
      author: comment.author || "unknown",
      request: comment.text,
      ...intent,
      anchorText: comment.anchorText,
      // A comment's "change this" is about the commented text when it quotes no old wording.
      ...(intent.kind !== "none" && intent.oldText === undefined && comment.anchorText ? { oldText: comment.anchorText } : {}),
      section: sectionOf(comment.blockId),
      draftBlockId: comment.blockId,
      document: "draft" as const,
    };
  });

  // A deletion and an insertion by the same author in the same block are one replacement.
  const changes = draft.trackedChanges.filter((change) => change.text.trim() !== "");
  const used = new Set<string>();
  for (const change of changes) {
    if (used.has(change.id)) continue;
    used.add(change.id);
    const base = { source: "tracked-change" as const, author: change.author || "unknown", section: sectionOf(change.blockId), draftBlockId: change.blockId, document: "draft" as const };
    const partner = changes.find(
      (other) => !used.has(other.id) && other.kind !== change.kind && other.blockId === change.blockId && other.author === change.author,
    );
    if (partner) {
      used.add(partner.id);
      const [deletion, insertion] = change.kind === "deletion" ? [change, partner] : [partner, change];
      corrections.push({ ...base, kind: "replace", request: `Replace "${deletion.text.trim()}" with "${insertion.text.trim()}"`, anchorText: insertion.text.trim(), oldText: deletion.text.trim(), newText: insertion.text.trim() });
    } else if (change.kind === "insertion") {
      corrections.push({ ...base, kind: "insert", request: `Insert "${change.text.trim()}"`, anchorText: change.text.trim(), newText: change.text.trim() });
    } else {
      corrections.push({ ...base, kind: "delete", request: `Delete "${change.text.trim()}"`, anchorText: change.text.trim(), oldText: change.text.trim() });
    }
  }
  return corrections;
}

/** Who wrote a letter: the line after "Yours sincerely/faithfully", else a "From:" line, else its file name. */
export function letterAuthor(letter: EhcpDocument): string {
  const texts = letter.blocks.map((block) => block.text.trim()).filter(Boolean);
  const signOff = texts.findIndex((text) => /^(yours (sincerely|faithfully)|kind regards|best wishes|regards)\b/i.test(text));
  if (signOff >= 0) {
    const after = texts[signOff]!.replace(/^(yours (sincerely|faithfully)|kind regards|best wishes|regards)[,.]?\s*/i, "").trim();
    const name = after || texts[signOff + 1];
    if (name && name.split(/\s+/).length <= 8) return name;
  }
  const from = texts.find((text) => /^from:\s*/i.test(text));
  return from ? from.replace(/^from:\s*/i, "") : `the response letter (${letter.fileName})`;
}

/** Numbered requests in a response letter: its list items, or paragraphs that start "1." / "2)". */
export function letterCorrections(letter: EhcpDocument, responseIndex: number, phrases: IntentPhrases): Correction[] {
  const author = letterAuthor(letter);
  const items = letter.blocks.filter((block) => block.kind === "list-item" || (block.kind === "paragraph" && /^\s*\(?\d{1,2}[.)]\s+\S/.test(block.text)));
  return items.map((item) => {
    const request = item.text.replace(/^\s*\(?\d{1,2}[.)]\s+/, "").trim();
    const intent = readRequest(request, phrases.acknowledgements);
    return {
      source: "response-letter" as const,
      author,
      request,
      // A numbered item in a letter of requested amendments is a request even when it reads like a statement.
      ...(intent.kind === "none" ? { kind: "unclear" as const } : intent),
      anchorText: intent.oldText ?? "",
      section: sectionNamed(request),
      draftBlockId: null,
      document: "response" as const,
      responseIndex,
    };
  });
}
