// The corrections asked for on a draft, from its Word comments, its tracked changes and any response letters,
// read into one shape so each can be checked against the final the same way.
import type { EhcpDocument, SectionId } from "../../model/document.ts";
import { SECTION_IDS } from "../../model/document.ts";

export type CorrectionKind =
  /** Old wording replaced by new wording. */
  | "replace"
  /** Text to be added (a tracked insertion, or quoted words to add): exact text. */
  | "insert"
  /** Text to be taken out. */
  | "delete"
  /** New content to be written, in the requester's words ("add that Maya loves swimming"). */
  | "add"
  /** The text is wrong and must change, with no new wording given ("This is not her name"). */
  | "change"
  /** More detail asked for: where, who, how often, how long, how many, when. */
  | "detail"
  /** Asks for nothing ("Agreed, thanks", "no changes to this section"). */
  | "none"
  /** Asks for something we cannot pin down: reported for a person to check. */
  | "unclear";

/** The details a "please say where ... and who ..." request can ask for. */
export type DetailAsked = "where" | "who" | "when" | "how often" | "how long" | "how many";

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
  /** For "detail": what was asked for. */
  asks?: DetailAsked[];
  /** Section named or found in the draft. */
  section: SectionId | null;
  /** Every section a letter item names ("Sections D and H1: ..."), when it names more than one. */
  sections?: SectionId[];
  /** What the request says the draft says ("Section A says Mia wants to be a vet"): finds its place. */
  said?: string;
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

const REQUEST_CUES = /\b(change|replace|amend|correct|update|add|include|insert|put in|remove|delete|take out|should (?:be|say|read)|is not|isn['’]t|not (?:her|his|their|the)|wrong|incorrect|not right|missing|needs? to|must|about another child|spel(?:t|led|ling)|mis-?spelt|typo|not accurate|inaccurate|suggest|please|would like)\b/i;
/** Whether a text asks for something to change at all (a complaint or a remark may not). */
export const asksForChange = (text: string): boolean => REQUEST_CUES.test(text);
const NO_CHANGE = /\b(no (?:further )?changes?(?: is| are)? (?:needed|required|necessary|to (?:this|that|the))|we have no changes|nothing to change|happy with (?:this|that|the|it|how)\b|(?:we|i) (?:are|am) (?:happy|content|pleased) with|(?:we|i) agree with (?:this|that|the)\b)/i;
const DELETE_VERBS = /\b(remove|delete|take out|taken out|should not be (?:here|in)|about another child|not about (?:her|him|them|this child|[A-Z][a-z]+))\b/i;
// "name" is a request only as a verb ("please name Ashcombe Primary"), not in "her name is".
const ADD_VERBS = /\b(?:add|include|insert|put in|mention)\b|\b(?:please|also)\s+name\b|(?:^|[:.]\s*)name\b/i;
const DETAIL = /\b(?:say|specify|state|clarify|explain|confirm|make (?:it )?clear|set out)\b/i;
const DETAIL_WORDS: [DetailAsked, RegExp][] = [
  ["how often", /\bhow often\b/i],
  ["how long", /\bhow long\b/i],
  ["how many", /\bhow many\b|\bgroup size\b/i],
  ["where", /\bwhere\b/i],
  ["who", /\bwho\b|\bwhich (?:adult|member of staff|staff)\b/i],
  ["when", /\bwhen\b|\bwhat time\b/i],
];
// A quote after these words is the wording as it stands; after the others, the wording wanted.
const OLD_QUOTE_LEAD = /(?:\bsays?|\bsaid|\breads?|\bgiven as|\bstates?|\bwritten as|\bdescribed as|\bshown as|\blisted as|\bbegins|\bstarting|\bstarts|\bcalls? (?:her|him|them)|\bnot|\bremove|\bdelete)\s*:?\s*$/i;
const NEW_QUOTE_LEAD = /(?:\bto|\bwith|\bto read|\bshould (?:read|say|be)|\bsuggest(?:ion)?|\bwording to|\badd|\binsert|\binclude|\buse)\s*:?\s*$/i;

/** What a request wants the plan to say: "to say that ...", "should state that ...". */
const SAY_THAT = /\b(?:to|should|must|needs? to|could|please)\s+(?:also\s+)?(?:say|state|read|include|mention|record|show|explain)\s+that\s+(.{8,}?)(?:[.;!?](?:\s|$)|$)/i;

/** A sentence that reports what the draft says. */
const DRAFT_REPORT = /\b(?:says?|states?|reads?|describes?|gives?|calls?|written|put)\b/i;

interface Quote {
  text: string;
  role: "old" | "new" | "unknown";
}

/** Quoted wording with its role: ‘…’, “…”, "…", or '…' when the marks stand apart from words (not Maya's). */
export function quotedPhrases(text: string): string[] {
  return quotesOf(text).map((quote) => quote.text);
}

function quotesOf(text: string): Quote[] {
  const quotes: Quote[] = [];
  const pattern = /‘([^’]{2,}?)’|“([^”]{2,}?)”|"([^"]{2,}?)"|(?<![\p{L}\p{N}])'([^']{2,}?)'(?![\p{L}\p{N}])/gu;
  for (const match of text.matchAll(pattern)) {
    const quoted = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").trim().replace(/[.,;]$/, "");
    if (quoted === "") continue;
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    // "Section F says Tom gets 'support with reading'": a quote in a sentence that reports the draft is its wording.
    const sentence = text.slice(0, match.index).split(/[.!?]\s/).pop() ?? "";
    const role = OLD_QUOTE_LEAD.test(before) ? "old" : NEW_QUOTE_LEAD.test(before) ? "new" : DRAFT_REPORT.test(sentence) ? "old" : "unknown";
    quotes.push({ text: quoted, role });
  }
  return quotes;
}

/** "Section F", "Part B", "section h1" -> the section id. */
export function sectionNamed(text: string): SectionId | null {
  const match = /\b(?:section|part)\s+(H1|H2|[A-K])\b/i.exec(text);
  if (!match) return null;
  const id = match[1]!.toUpperCase();
  return (SECTION_IDS as readonly string[]).includes(id) ? (id as SectionId) : null;
}

/** Every section a text names: "Sections D and H1", "Section B", "Parts E and F" -> ["D", "H1"], ... in order. */
export function sectionsNamed(text: string): SectionId[] {
  const found: SectionId[] = [];
  // Section letters are capitals: "Section F and a new ..." names F only.
  const list = /\b(?:[Ss]ections?|[Pp]arts?|SECTIONS?|PARTS?)\s+((?:H[12]|[A-K])\b(?:\s*(?:,|and|&|or)\s*(?:(?:[Ss]ection|[Pp]art)\s+)?(?:H[12]|[A-K])\b)*)/g;
  for (const match of text.matchAll(list)) {
    for (const id of match[1]!.match(/\b(?:H[12]|[A-K])\b/g) ?? []) {
      if ((SECTION_IDS as readonly string[]).includes(id) && !found.includes(id as SectionId)) found.push(id as SectionId);
    }
  }
  return found;
}

/** "Section A says Mia wants to be a vet." -> "Mia wants to be a vet": the draft's statement, as the requester gives it. */
export function saidInDraft(text: string): string | undefined {
  const match = /\b(?:says?|states?|reads?|gives?|describes?|puts?|has)\s+(?:that\s+)?([^.;!?]{8,}?)(?:[.;!?](?:\s|$)|$)/i.exec(text);
  const said = match?.[1]?.trim();
  const lead = text.slice(0, match?.index ?? 0);
  // "Section C does not say ...", "make sure Section G says ...": what is missing or wanted, not what the draft says.
  if (!said || /\b(?:not|n['’]t|never|make sure|ensure|should|must|will|would|to)\s+(?:\w+\s+){0,3}$/i.test(lead)) return undefined;
  return /\b(?:section|part|draft|plan|it|this)\b[^.]*$/i.test(lead) ? said : undefined;
}

/** The words after a verb up to the end of its clause: "add that Maya loves swimming. She goes..." -> "Maya loves swimming". */
function clauseAfter(text: string, verb: RegExp): string {
  const match = verb.exec(text);
  if (!match) return "";
  const rest = text.slice(match.index + match[0].length);
  const clause = rest.split(/[.;!?]\s|\s[–—-]\s|\.$|,\s(?:as|because|which|so|since)\b/)[0] ?? "";
  return clause.replace(/^\s*(?:that|a|an|the|in|here|to)\b\s*/i, "").replace(/\b(here|please|to (?:this|the) section|in this section)\b/gi, "").replace(/\s+/g, " ").trim();
}

/** "It was on 2 June 2026, not '2 January 2026'" -> new "2 June 2026". */
function correctedBefore(text: string, oldQuote: string): string | undefined {
  const at = text.indexOf(oldQuote);
  const head = text.slice(0, Math.max(0, at)).replace(/,?\s*not\s*['‘"“]?$/i, "");
  const clause = head.split(/[.;:!?]\s/).pop() ?? "";
  const value = clause.replace(/^\s*(?:it|this|she|he|they|her [\w ]+?|his [\w ]+?)\s+(?:was|is|were|are|should be)\s+(?:on|in|at)?\s*/i, "").trim();
  return value && value !== clause.trim() ? value : undefined;
}

/** What a comment or a letter item asks for, from its wording. */
export function readRequest(text: string, acknowledgements: readonly string[]): Pick<Correction, "kind" | "oldText" | "newText" | "topic" | "asks"> {
  const lower = text.toLowerCase().trim();
  const quotes = quotesOf(text);
  const acknowledged = acknowledgements.some((phrase) => lower.startsWith(phrase.toLowerCase()));
  if (NO_CHANGE.test(lower) || (acknowledged && !/\bbut\b/.test(lower)) || (lower.endsWith("?") && !REQUEST_CUES.test(lower))) return { kind: "none" };
  const oldQuote = quotes.find((quote) => quote.role === "old")?.text;
  const newQuote = quotes.find((quote) => quote.role === "new")?.text ?? quotes.find((quote) => quote.role === "unknown" && quote.text !== oldQuote)?.text;

  if (DELETE_VERBS.test(text)) {
    const target = oldQuote ?? quotes[0]?.text;
    if (target) return { kind: "delete", oldText: target };
    const about = /\babout\s+(?!another child)(.+?)[.\s]*$/i.exec(clauseAfter(text, DELETE_VERBS) || text);
    return about ? { kind: "delete", topic: about[1]! } : { kind: "delete" };
  }
  if (ADD_VERBS.test(text) && !/\b(?:change|replace)\b/i.test(text)) {
    if (newQuote) return oldQuote ? { kind: "insert", oldText: oldQuote, newText: newQuote } : { kind: "insert", newText: newQuote };
    const topic = clauseAfter(text, ADD_VERBS);
    return topic ? { kind: "add", topic } : { kind: "unclear" };
  }
  if (newQuote) return oldQuote ? { kind: "replace", oldText: oldQuote, newText: newQuote } : { kind: "replace", newText: newQuote };
  const changeTo = /\b(?:change|amend|alter|update)\s+(?:it\s+|this\s+|the wording\s+)?to\s+(.+?)(?:,\s*(?:as|because|which|so)\b|[.;]\s|$)/i.exec(text);
  if (changeTo) return { kind: "replace", ...(oldQuote ? { oldText: oldQuote } : {}), newText: changeTo[1]!.replace(/[.\s]+$/, "") };
  if (oldQuote) {
    const corrected = correctedBefore(text, oldQuote);
    return corrected ? { kind: "replace", oldText: oldQuote, newText: corrected } : { kind: "change", oldText: oldQuote };
  }
  if (DETAIL.test(text)) {
    const asks = DETAIL_WORDS.filter(([, pattern]) => pattern.test(text)).map(([asked]) => asked);
    if (asks.length > 0) return { kind: "detail", asks };
  }
  // "We would like Section A to say that Maya loves swimming": new content, in the requester's words.
  const sayThat = SAY_THAT.exec(text);
  if (sayThat) return { kind: "add", topic: sayThat[1]!.trim() };
  // Anything else that is not an acknowledgement says the text is wrong ("Amara is in Year 4 now.").
  return { kind: "change" };
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

/** A paragraph of a letter that asks for a change in prose: "We would like Section F to say ...", "Please change ...". */
const PROSE_REQUEST = /\b(?:please (?:change|amend|add|include|remove|delete|correct|update|replace|say|state|make|put|write|use|name)|(?:we|i)(?: would|['’]d) like (?:the plan|it|section|part|this|you)\b|(?:should|must|needs? to) (?:say|read|state|include|be changed|be removed|be added|name)\b|(?:change|amend|replace) .{3,80}? to\b)/i;
/** Letter furniture that uses the same words: "Please find our comments below", "Please contact me". */
const LETTER_FURNITURE = /\b(?:please (?:find|see|let us know|contact|call|get in touch|do not hesitate|note that we)|(?:below|attached|following)(?: are)? (?:our|my|the) (?:comments|changes|points))\b/i;

/** Requests in a response letter: its list items, paragraphs that start "1." / "2)", and prose paragraphs that ask for a change. */
export function letterCorrections(letter: EhcpDocument, responseIndex: number, phrases: IntentPhrases): Correction[] {
  const author = letterAuthor(letter);
  const numbered = (text: string) => /^\s*\(?\d{1,2}[.)]\s+\S/.test(text);
  const items = letter.blocks.filter(
    (block) =>
      block.kind === "list-item" ||
      (block.kind === "paragraph" &&
        (numbered(block.text) || (PROSE_REQUEST.test(block.text) && !LETTER_FURNITURE.test(block.text) && !/:\s*$/.test(block.text) && (sectionsNamed(block.text).length > 0 || quotedPhrases(block.text).length > 0)))),
  );
  return items.map((item) => {
    const request = item.text.replace(/^\s*\(?\d{1,2}[.)]\s+/, "").trim();
    const intent = readRequest(request, phrases.acknowledgements);
    const sections = sectionsNamed(request);
    const said = saidInDraft(request);
    return {
      source: "response-letter" as const,
      author,
      request,
      // Without an anchor, "this is wrong" names nothing the final can be checked for until its place is found.
      ...(intent.kind === "change" && !intent.oldText && !said ? { kind: "unclear" as const } : intent),
      anchorText: intent.oldText ?? "",
      section: sections[0] ?? null,
      ...(sections.length > 1 ? { sections } : {}),
      ...(said ? { said } : {}),
      draftBlockId: null,
      document: "response" as const,
      responseIndex,
    };
  });
}
