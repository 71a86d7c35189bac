// Title-block facts (child's name, date of birth, plan status and key dates) from the blocks before the
// first section, in "Label | value" tables, "Label: value" lines and title lines. LAs word the labels in
// many ways ("Name of child/young person", "DOB", "Date draft plan issued to parents", "My next review"),
// so a label is read by the meaning of its content words (birth, request, draft, review, next, original,
// amendment...), not matched against a fixed list.
import type { Block, PlanStatus, TitleFacts } from "../model/document.ts";
import { findDates } from "../text/dates.ts";

type DateFact =
  | "dateOfBirth"
  | "planDate"
  | "requestDate"
  | "draftIssuedDate"
  | "finalIssuedDate"
  | "originalIssueDate"
  | "amendmentNoticeDate"
  | "reviewMeetingDate"
  | "reviewDate";
type NameFact = "childName" | "knownAs" | "firstName" | "lastName";
type Fact = DateFact | NameFact | "status";

interface LabelMeaning {
  fact: Fact;
  /** "Name", "Date" or "Child" alone: trusted in the title block, not in end matter (an appendix's "Name:" is its author). */
  generic: boolean;
}

/** Words that carry a label's meaning, each mapped to the concept it stands for. */
const CONCEPTS: Record<string, string> = {
  birth: "birth", born: "birth", dob: "birth", birthday: "birth", birthdate: "birth",
  name: "name", names: "name",
  known: "alias", called: "alias", nickname: "alias", aka: "alias",
  forename: "first", forenames: "first", given: "first", christian: "first",
  surname: "last",
  child: "child", children: "child", childs: "child", young: "child", person: "child", persons: "child", yp: "child", cyp: "child",
  pupil: "child", pupils: "child", learner: "child", student: "child", my: "child",
  request: "request", requested: "request", requesting: "request", referral: "request", referred: "request", application: "request", applied: "request",
  draft: "draft", drafted: "draft", proposed: "draft",
  final: "final", finalised: "final", finalized: "final",
  issue: "issue", issued: "issue", sent: "issue", published: "issue", made: "issue", circulated: "issue",
  plan: "plan", ehcp: "plan", ehc: "plan",
  review: "review", reviewed: "review", reviews: "review",
  next: "future", due: "future", planned: "future", upcoming: "future", future: "future", scheduled: "future",
  previous: "past", prior: "past", recent: "past", meeting: "past", held: "past", took: "past", attended: "past",
  amend: "amend", amended: "amend", amendment: "amend", amendments: "amend",
  notice: "notice", notification: "notice", notified: "notice",
  original: "original", initial: "original",
  status: "status", type: "status", stage: "status", version: "status", kind: "status",
  date: "date", dated: "date", when: "date", on: "date",
};

/** Names that are someone else's, not the child's. */
const SOMEONE_ELSE = new Set([
  "parent", "parents", "carer", "carers", "mother", "father", "mum", "dad", "guardian", "school", "setting", "nursery", "college", "officer",
  "coordinator", "co", "caseworker", "case", "worker", "author", "lead", "signed", "signature", "doctor", "therapist", "psychologist", "ep",
  "la", "authority", "council", "contact", "gp", "sibling", "siblings", "brother", "sister", "completed", "completing", "manager", "senco",
  "teacher", "head", "team", "service", "provider", "writer", "chair", "professional", "social", "keyworker", "key", "employer",
]);
/** Words a label may hold besides its content words ("Date this plan was issued", "Name in full"). */
const FILLER = new Set(["of", "the", "this", "a", "an", "in", "full", "legal", "was", "is", "were", "be", "to", "for", "current", "latest", "that", "s"]);

const MAX_LABEL_WORDS = 12;

/** A word that belongs to a label rather than to a value: a content word of labels, or a filler word. */
const isLabelWord = (word: string): boolean => labelWords(word).every((part) => CONCEPTS[part] !== undefined || FILLER.has(part));

function labelWords(label: string): string[] {
  return label
    .toLowerCase()
    .replace(/\bd\.?\s?o\.?\s?b\.?/g, "dob")
    .replace(/['’]s\b/g, "s")
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** What a label is about, or null. The order of the tests matters: "Date of original request" is a request. */
export function classifyLabel(label: string): LabelMeaning | null {
  const words = labelWords(label);
  if (words.length === 0 || words.length > MAX_LABEL_WORDS) return null;
  const concepts = new Set(words.map((word) => CONCEPTS[word]).filter((concept): concept is string => concept !== undefined));
  const has = (concept: string): boolean => concepts.has(concept);
  const about = (fact: Fact, generic = false): LabelMeaning => ({ fact, generic });
  // "Last name" and "first review" read "last" and "first" by what they qualify.
  const hasWord = (word: string): boolean => words.includes(word);
  /** A person's role is named: "Parent's name", "EHC coordinator", "Name of school". */
  const personRole = words.some((word) => SOMEONE_ELSE.has(word));
  /** The label asks for a person, not a date: "Reviewed by", "Completed by", "Name of person requesting". */
  const asksForPerson = has("name") || (words.at(-1) === "by" && /(?:ed|en)$/.test(words.at(-2) ?? ""));
  const onlyOf = (...allowed: string[]): boolean => words.every((word) => allowed.includes(CONCEPTS[word] ?? word) || FILLER.has(word));

  if (has("birth")) return personRole ? null : about("dateOfBirth");
  const nameLabel = readNameLabel(has, hasWord, personRole);
  if (nameLabel !== undefined) return nameLabel;
  if (asksForPerson) return null;
  if (has("review")) {
    if (personRole) return null;
    if (has("future") || hasWord("by") || hasWord("first") || (hasWord("annual") && !has("past"))) return about("reviewDate");
    if (has("past") || hasWord("last")) return about("reviewMeetingDate");
    return about("reviewDate");
  }
  if (has("request")) return about("requestDate");
  if (has("amend")) return has("notice") || has("draft") ? about("amendmentNoticeDate") : about("finalIssuedDate");
  if (has("original") || (hasWord("first") && has("plan"))) return has("issue") || has("plan") || has("final") || has("date") ? about("originalIssueDate") : null;
  if (has("draft")) return /\b(comments?|responses?|views)\b/.test(words.join(" ")) ? null : about("draftIssuedDate");
  if (has("final")) return about("finalIssuedDate");
  if (personRole) return null;
  if (has("status") && onlyOf("status", "plan")) return about("status");
  if (onlyOf("plan")) return about("status", true);
  if ((has("date") || has("issue")) && onlyOf("date", "plan", "issue")) return about("planDate", !has("plan") && !has("issue"));
  if (onlyOf("child")) return about("childName", true);
  return null;
}

/** A label about a name: the child's full name, first or last name, or the name they are known by; undefined when not about a name. */
function readNameLabel(has: (concept: string) => boolean, hasWord: (word: string) => boolean, personRole: boolean): LabelMeaning | null | undefined {
  const preferredName = (hasWord("preferred") || hasWord("prefers")) && has("name");
  const firstName = has("first") || (hasWord("first") && has("name"));
  const lastName = has("last") || ((hasWord("last") || hasWord("family")) && has("name"));
  if (!has("name") && !has("alias") && !firstName && !lastName) return undefined;
  if (personRole) return null;
  if (has("alias") || preferredName) return { fact: "knownAs", generic: false };
  if (firstName) return { fact: "firstName", generic: !has("child") };
  if (lastName) return { fact: "lastName", generic: !has("child") };
  // "Name", "Full name", "Name in full": the child's in a title block; "Child's name", "My name": always.
  return { fact: "childName", generic: !has("child") };
}

/** "Draft", "FINAL", "Amended EHC plan", "Proposed amendments" -> a plan status. */
export function parseStatus(text: string): PlanStatus | undefined {
  const lower = text.toLowerCase();
  if (/\bamend(ed|ment|ments)?\b/.test(lower)) return "amended";
  if (/\bdraft\b/.test(lower)) return "draft";
  if (/\bfinal\b/.test(lower)) return "final";
  return undefined;
}

const NAME_WORD = /^[\p{L}][\p{L}'’.-]*$/u;

/** A value read as a name: a few words of letters, no digits, no sentence; "SMITH, Ava" is put in reading order. */
function parseName(value: string): string | undefined {
  let name = value.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ").trim().replace(/[.,;:]+$/, "");
  const surnameFirst = /^(\p{Lu}[\p{Lu}'’-]+),\s*(\p{L}[\p{L}'’ -]*)$/u.exec(name);
  if (surnameFirst) name = `${surnameFirst[2]!.trim()} ${surnameFirst[1]![0]}${surnameFirst[1]!.slice(1).toLowerCase()}`;
  const words = name.split(" ");
  if (name === "" || words.length > 6 || !words.every((word) => NAME_WORD.test(word))) return undefined;
  // A name starts with a capital; "not known", "to follow" are not names.
  if (!/^\p{Lu}/u.test(name)) return undefined;
  return name;
}

/** "Ava Smith (known as Avi)", "Ava Smith, known as Avi". */
const KNOWN_AS_IN_VALUE = /\b(?:known as|prefers to be called|preferred name:?|likes to be called|called)\s+["“']?(\p{Lu}[\p{L}'’-]*)/u;

function parseDate(value: string, fact: DateFact): string | undefined {
  // "By 10/03/2026", "6 January 2025, then every 6 months": the first full date. A review label's value may also
  // give the previous review ("Last reviewed 1 May 2024; next review by ..."), so prefer a date after "next"/"by".
  const dates = findDates(value).filter((date) => date.precision === "day");
  if (fact === "reviewDate" && dates.length > 1) {
    const flagged = dates.find((date) => /\b(?:next|by|due)\b[^0-9]{0,20}$/i.test(value.slice(0, date.index)));
    if (flagged) return flagged.iso;
  }
  return dates[0]?.iso;
}

function parseValue(fact: Fact, value: string): string | undefined {
  const firstLine = value.split("\n")[0] ?? "";
  switch (fact) {
    case "childName":
    case "knownAs":
    case "firstName":
    case "lastName":
      return parseName(firstLine);
    case "status":
      return firstLine.split(/\s+/).length <= 8 ? parseStatus(firstLine) : undefined;
    default:
      return parseDate(value, fact);
  }
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
      // "... Date of birth": the label goes on back over label words ("Date", "of"), never into the value ("Smith").
      while (split > 1 && split < words.length && isLabelWord(words[split - 1]!)) split--;
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
    if (meaning.fact === "childName" || meaning.fact === "knownAs") return /^(?:\p{Lu}[\p{L}'’-]*\s?){1,5}$/u.test(value) ? { label, value } : null;
    if (meaning.fact === "status") return null;
    return { label, value };
  }
  return null;
}

/** Every label/value pair in a block. */
function pairsOf(block: Block): { label: string; value: string }[] {
  if (block.kind === "table") {
    const rows = block.header.length > 0 ? [block.header, ...block.rows] : block.rows;
    const [first = [], second = []] = rows;
    const isLabel = (cell: string): boolean => classifyLabel(cell) !== null;
    const labelsInHeader = block.header.filter(isLabel).length >= 2;
    // A first row made only of labels over a row of their values, when the reader saw no header row:
    // "Name | D.O.B. | Status" over "Ava Smith | 3 June 2008 | Final".
    const readsAsValue = (label: string, column: number): boolean => {
      const meaning = classifyLabel(label);
      return meaning !== null && second[column] !== undefined && parseValue(meaning.fact, second[column]) !== undefined;
    };
    const labelRow =
      !labelsInHeader && first.filter(isLabel).length >= 2 && first.every((cell) => cell.trim() === "" || isLabel(cell)) && first.filter(readsAsValue).length >= 2;
    if (labelsInHeader || labelRow) {
      // A header row of labels over a row of values.
      return first.flatMap((label, column) => (second[column] ? [{ label, value: second[column] }] : []));
    }
    return rows.flatMap((row) => {
      const pairs: { label: string; value: string }[] = [];
      for (let column = 0; column + 1 < row.length; column += 2) pairs.push({ label: row[column]!.replace(/[:：]\s*$/, ""), value: row[column + 1]! });
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
/** "My name is Ava Smith", "I am called Ava": a child-centred title block in the first person. */
const MY_NAME_IS = /\b(?:[Mm]y name is|MY NAME IS|I am called|I['’]m called)\s+((?:\p{Lu}[\p{L}'’-]+\s?){1,4})/u;
/** "I like to be called Avi", "Please call me Avi". */
const CALL_ME = /\b(?:like to be called|prefer to be called|[Pp]lease call me|everyone calls me|people call me)\s+(\p{Lu}[\p{L}'’-]+)/u;
/** A sentence in which an adult introduces themself ("My name is Sarah and I am Ava's mum"). */
const ADULT_INTRODUCTION = /\b(?:mum|mother|dad|father|carer|parent|teacher|senco|grandmother|grandfather|nan|gran|aunt|uncle|worker|officer|therapist|psychologist)\b/i;
/** A title line that states the status: "DRAFT", "Final Education, Health and Care Plan", "Amended EHC plan". */
const STATUS_TITLE_MAX_WORDS = 12;

function readBlocks(blocks: Block[], facts: TitleFacts, trustGeneric: boolean): void {
  const record = facts as Record<Fact, string | undefined>;
  for (const block of blocks) {
    for (const { label, value } of pairsOf(block)) {
      const meaning = classifyLabel(label);
      if (!meaning || (meaning.generic && !trustGeneric)) continue;
      // Several past reviews ("previous review", "annual review meeting"): the latest is the one that counts.
      if (record[meaning.fact] !== undefined && meaning.fact !== "reviewMeetingDate") continue;
      const parsed = parseValue(meaning.fact, value);
      if (parsed === undefined) continue;
      if (meaning.fact === "reviewMeetingDate" && record.reviewMeetingDate !== undefined && record.reviewMeetingDate > parsed) continue;
      record[meaning.fact] = parsed;
      if (meaning.fact === "childName" && facts.knownAs === undefined) {
        const knownAs = KNOWN_AS_IN_VALUE.exec(value)?.[1];
        if (knownAs) facts.knownAs = knownAs;
      }
    }
  }
}

function readTitleLines(front: Block[], facts: TitleFacts): void {
  for (const block of front) {
    if (block.kind === "table") continue;
    const line = block.text.replace(/\s+/g, " ").trim();
    if (facts.status === undefined && line.split(" ").length <= STATUS_TITLE_MAX_WORDS && !/[.:]$/.test(line) && !line.includes(":")) {
      const mentionsPlan = /\b(plan|ehcp|ehc)\b/i.test(line) || line.split(" ").length <= 2;
      const status = mentionsPlan ? parseStatus(line) : undefined;
      if (status) facts.status = status;
    }
    if (facts.childName === undefined) {
      const named = PLAN_FOR.exec(line) ?? (ADULT_INTRODUCTION.test(line) ? null : MY_NAME_IS.exec(line));
      const name = named ? parseName(named[1]!) : undefined;
      if (name) facts.childName = name;
    }
    if (facts.knownAs === undefined && !ADULT_INTRODUCTION.test(line)) {
      const called = CALL_ME.exec(line)?.[1];
      if (called) facts.knownAs = called;
    }
  }
}

/** The name's parts, each way round: a full name gives first and last; first and last give a full name. */
function completeName(facts: TitleFacts): void {
  if (facts.childName === undefined && facts.firstName !== undefined) {
    facts.childName = facts.lastName !== undefined ? `${facts.firstName} ${facts.lastName}` : facts.firstName;
  }
  if (facts.childName === undefined) return;
  const words = facts.childName.split(" ");
  facts.firstName ??= words[0]!;
  if (words.length > 1) facts.lastName ??= words[words.length - 1]!;
}

/**
 * One status for the whole report. When the title block does not state it, its other facts may: a plan that
 * gives the date the amendment notice was sent or the first plan was issued is an amended plan; one that gives
 * the date its final was issued is a final. Otherwise it stays unknown.
 */
function inferStatus(facts: TitleFacts): void {
  if (facts.status !== undefined) return;
  if (facts.amendmentNoticeDate !== undefined || facts.originalIssueDate !== undefined) facts.status = "amended";
  else if (facts.finalIssuedDate !== undefined) facts.status = "final";
}

/** Reads the facts from the title block (`front`, trusted first) and from end matter outside sections (`back`). */
export function extractFacts({ front, back }: { front: Block[]; back: Block[] }): TitleFacts {
  const facts: TitleFacts = {};
  readBlocks(front, facts, true);
  readBlocks(back, facts, false);
  readTitleLines(front, facts);
  completeName(facts);
  inferStatus(facts);
  return facts;
}
