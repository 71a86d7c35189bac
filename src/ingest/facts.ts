// Title-block facts (child's name, date of birth, plan status and key dates) from the blocks before the
// first section, in "Label | value" tables, "Label: value" lines and title lines. LAs word the labels in
// many ways ("Name of child/young person", "DOB", "Date draft plan issued to parents"), so labels are read
// by the words they contain, not matched against a fixed list.
import type { Block, PlanStatus, TitleFacts } from "../model/document.ts";
import { parseUkDate } from "../text/dates.ts";

type DateFact = "dateOfBirth" | "planDate" | "requestDate" | "draftIssuedDate" | "finalIssuedDate" | "reviewDate";
type Fact = DateFact | "childName" | "status";

interface LabelMeaning {
  fact: Fact;
  /** "Name" or "Date" alone: trusted in the title block, not in end matter (an appendix's "Name:" is its author). */
  generic: boolean;
}

function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/['’]s\b/g, "s")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9/]+/g, " ")
    .trim();
}

/** Names that are someone else's, not the child's. */
const SOMEONE_ELSE = /\b(parents?|carers?|mother|father|guardian|school|setting|nursery|college|officer|co ?ordinator|caseworker|case worker|worker|author|lead|signed|signature|doctor|therapist|psychologist|ep|la|authority|council|contact|gp|siblings?|completed|completing|manager|senco|teacher|head|preferred|known as|team|service|provider)\b/;
const CHILD = /\b(child|children|childs|young person|young persons|yp|cyp|pupil|pupils|learner|learners|student|students)\b/;

/** What a label is about, or null. Order matters: "Date of request" is the request date, not the plan date. */
export function classifyLabel(label: string): LabelMeaning | null {
  const text = normalizeLabel(label);
  if (text === "" || text.split(" ").length > 12) return null;
  if (/\bdate of birth\b|^dob$|^d o b$|^birth ?date$|^born$|\bdob\b/.test(text)) return { fact: "dateOfBirth", generic: false };
  if (/\brequest(ed)?\b|\breferral\b/.test(text) && !/\bname\b/.test(text)) return { fact: "requestDate", generic: false };
  if (/\bdraft\b/.test(text) && !/\b(comments?|responses?|name)\b/.test(text)) return { fact: "draftIssuedDate", generic: false };
  if (/\bfinal(ised|ized)?\b/.test(text) && !/\bname\b/.test(text)) return { fact: "finalIssuedDate", generic: false };
  if (/\breview\b/.test(text) && !/\b(last|previous|most recent|prior|name|reviewed by)\b/.test(text)) return { fact: "reviewDate", generic: false };
  if (/\bdate\b/.test(text) && (/\b(plan|ehcp|issue|issued)\b/.test(text) || text === "date")) return { fact: "planDate", generic: text === "date" };
  if (/^(?:ehc )?(?:plan )?(?:status|type|stage|version)(?: of (?:ehc )?plan)?$/.test(text)) return { fact: "status", generic: false };
  if (/\bname\b/.test(text) && !SOMEONE_ELSE.test(text)) {
    if (CHILD.test(text)) return { fact: "childName", generic: false };
    if (/^(?:full |legal |full legal )?name(?: in full)?$/.test(text)) return { fact: "childName", generic: true };
  }
  return null;
}

/** "Draft", "FINAL", "Amended EHC plan", "Proposed amendments" -> a plan status. */
export function parseStatus(text: string): PlanStatus | undefined {
  const lower = text.toLowerCase();
  if (/\bamend(ed|ment|ments)?\b/.test(lower)) return "amended";
  if (/\bdraft\b/.test(lower)) return "draft";
  if (/\bfinal\b/.test(lower)) return "final";
  return undefined;
}

/** A value read as the child's name: a few words, no digits, no sentence. */
function parseName(value: string): string | undefined {
  const name = value.replace(/\s+/g, " ").trim().replace(/[.,;:]+$/, "");
  if (name === "" || /\d/.test(name) || name.split(" ").length > 6 || !/\p{L}/u.test(name)) return undefined;
  return name;
}

function parseValue(fact: Fact, value: string): string | undefined {
  if (fact === "childName") return parseName(value.split("\n")[0] ?? "");
  if (fact === "status") return parseStatus(value);
  return parseUkDate(value);
}

/** "Label: value" pairs on a line, including several on one line ("Name: Ava Smith Date of birth: 1 May 2015"). */
function colonPairs(line: string): { label: string; value: string }[] {
  const pieces = line.split(/\s*[:：]\s+|\s*[:：]$/);
  if (pieces.length < 2) return [];
  const pairs: { label: string; value: string }[] = [];
  let label = pieces[0]!;
  for (let at = 1; at < pieces.length; at++) {
    const piece = pieces[at]!;
    const isLast = at === pieces.length - 1;
    // The end of this piece may be the next pair's label: the shortest tail (up to 7 words) that reads as one.
    const words = piece.split(" ");
    let split = words.length;
    if (!isLast) {
      for (let take = 1; take <= Math.min(7, words.length - 1); take++) {
        if (classifyLabel(words.slice(words.length - take).join(" "))) {
          split = words.length - take;
          break;
        }
      }
    }
    pairs.push({ label, value: words.slice(0, split).join(" ") });
    label = words.slice(split).join(" ");
  }
  return pairs;
}

/** "Date of birth 12 March 2015" with no colon (PDF tables read as lines; Word tab stops). */
function spacedPair(line: string): { label: string; value: string } | null {
  const words = line.split(" ");
  for (let take = 1; take <= Math.min(8, words.length - 1); take++) {
    const label = words.slice(0, take).join(" ");
    const meaning = classifyLabel(label);
    if (!meaning || meaning.generic) continue;
    const value = words.slice(take).join(" ");
    if (meaning.fact === "childName") return /^(?:\p{Lu}[\p{L}'’-]*\s?){1,5}$/u.test(value) ? { label, value } : null;
    return { label, value };
  }
  return null;
}

/** Every label/value pair in a block. */
function pairsOf(block: Block): { label: string; value: string }[] {
  if (block.kind === "table") {
    const labelsInHeader = block.header.filter((cell) => classifyLabel(cell)).length >= 2;
    if (labelsInHeader) {
      // A header row of labels over a row of values.
      return block.header.flatMap((label, column) => (block.rows[0]?.[column] ? [{ label, value: block.rows[0][column] }] : []));
    }
    const rows = block.header.length > 0 ? [block.header, ...block.rows] : block.rows;
    return rows.flatMap((row) => {
      const pairs: { label: string; value: string }[] = [];
      for (let column = 0; column + 1 < row.length; column += 2) pairs.push({ label: row[column]!.replace(/:\s*$/, ""), value: row[column + 1]! });
      // A single cell "Name: Ava Smith" holds its own pair.
      for (const cell of row) for (const line of cell.split("\n")) pairs.push(...colonPairs(line));
      return pairs;
    });
  }
  return block.text.split("\n").flatMap((line) => {
    const trimmed = line.replace(/\s+/g, " ").trim();
    const pairs = colonPairs(trimmed);
    if (pairs.length > 0) return pairs;
    const spaced = spacedPair(trimmed);
    return spaced ? [spaced] : [];
  });
}

/** "Education, Health and Care Plan for Ava Smith". */
const PLAN_FOR = /\b(?:[Pp]lan|PLAN|EHCP)\s+(?:for|of)\s+((?:\p{Lu}[\p{L}'’-]+\s?){1,4})$/u;
/** A title line that states the status: "DRAFT", "Final Education, Health and Care Plan", "Amended EHC plan". */
const STATUS_TITLE_MAX_WORDS = 12;

function readBlocks(blocks: Block[], facts: TitleFacts, trustGeneric: boolean): void {
  for (const block of blocks) {
    for (const { label, value } of pairsOf(block)) {
      const meaning = classifyLabel(label);
      if (!meaning || (meaning.generic && !trustGeneric) || facts[meaning.fact] !== undefined) continue;
      const parsed = parseValue(meaning.fact, value);
      if (parsed !== undefined) (facts as Record<Fact, string>)[meaning.fact] = parsed;
    }
  }
}

/** Reads the facts from the title block (`front`, trusted first) and from end matter outside sections (`back`). */
export function extractFacts({ front, back }: { front: Block[]; back: Block[] }): TitleFacts {
  const facts: TitleFacts = {};
  readBlocks(front, facts, true);
  readBlocks(back, facts, false);
  for (const block of front) {
    if (block.kind === "table") continue;
    const line = block.text.replace(/\s+/g, " ").trim();
    if (facts.status === undefined && line.split(" ").length <= STATUS_TITLE_MAX_WORDS && !/[.:]$/.test(line) && !line.includes(":")) {
      const mentionsPlan = /\b(plan|ehcp|ehc)\b/i.test(line) || line.split(" ").length <= 2;
      const status = mentionsPlan ? parseStatus(line) : undefined;
      if (status) facts.status = status;
    }
    if (facts.childName === undefined) {
      const named = PLAN_FOR.exec(line);
      const name = named ? parseName(named[1]!) : undefined;
      if (name) facts.childName = name;
    }
  }
  return facts;
}
