// Section K (or wherever the plan lists its advice): each piece of advice with its type (reg 6(1): parent,
// educational, medical, psychological, social care, others), author, role, organisation and date; and the
// lines that say why a kind of advice was not obtained ("social care advice was requested on ... and no
// social care needs were identified").
import type { Block, EhcpDocument, SectionId } from "../../model/document.ts";
import { findDates } from "../../text/dates.ts";
import { findPhrases, hasPhrase } from "./phrase-list.ts";
import { splitSentences } from "../scope.ts";

export interface AdviceType {
  /** How messages name it: "medical advice". */
  label: string;
  /** Words that name this kind of advice or its author's role ("educational psychologist", "EP"). */
  terms: string[];
  /** Words that suggest it only when nothing stronger does (an organisation: "NHS", "school"). */
  weakTerms?: string[];
}

export type AdviceTypes = Record<string, AdviceType>;

export const DEFAULT_ADVICE_TYPES: AdviceTypes = {
  parent: {
    label: "parental advice",
    terms: ["parental advice", "parent advice", "parents' advice", "parent's advice", "parent/carer advice", "parental contribution", "parents' views", "parent views", "parent", "parents", "mother", "father", "mum", "dad", "carer", "carers", "foster carer", "guardian", "family"],
  },
  child: {
    label: "the child's or young person's own views",
    terms: ["child's views", "young person's views", "pupil views", "views of the child", "views of the young person", "one-page profile", "one page profile", "young person's advice", "child's advice"],
  },
  educational: {
    label: "educational advice",
    terms: ["educational advice", "education advice", "school advice", "SENCo", "SENDCo", "special educational needs co-ordinator", "special educational needs coordinator", "headteacher", "head teacher", "class teacher", "teacher", "head of year", "early years practitioner", "nursery manager", "inclusion manager"],
    weakTerms: ["school", "academy", "nursery", "college", "setting", "pre-school"],
  },
  medical: {
    label: "medical advice",
    terms: ["medical advice", "health advice", "paediatrician", "paediatric", "community paediatrician", "consultant", "doctor", "GP", "general practitioner", "school nurse", "nurse", "health visitor", "designated medical officer", "DMO", "neurologist", "medical officer"],
    weakTerms: ["NHS", "hospital", "health", "clinic"],
  },
  psychological: {
    label: "psychological advice",
    terms: ["psychological advice", "educational psychologist", "educational psychology", "EP", "EPS", "psychologist", "psychology service"],
  },
  "social-care": {
    label: "social care advice",
    terms: ["social care advice", "social care", "social worker", "children's services", "children's social care", "children with disabilities team", "disabled children's team", "CWD team", "early help", "family support worker", "short breaks"],
  },
  salt: {
    label: "speech and language therapy advice",
    terms: ["speech and language therapy", "speech and language therapist", "speech & language therapy", "speech & language therapist", "SaLT", "SLT", "speech therapist", "speech therapy"],
  },
  ot: { label: "occupational therapy advice", terms: ["occupational therapy", "occupational therapist", "OT"] },
  physio: { label: "physiotherapy advice", terms: ["physiotherapy", "physiotherapist", "physio"] },
  sensory: {
    label: "advice on hearing or vision impairment",
    terms: ["vision advice", "hearing advice", "visual impairment advice", "hearing impairment advice", "sensory service", "sensory support service", "vision support service", "hearing support service", "teacher of the deaf", "qualified teacher of the deaf", "ToD", "qualified teacher of the visually impaired", "teacher of the visually impaired", "QTVI", "QTHI", "hearing impairment team", "visual impairment team", "sensory support", "sensory impairment", "audiologist", "audiology", "orthoptist", "vision specialist", "hearing specialist"],
  },
  camhs: {
    label: "mental health (CAMHS) advice",
    terms: ["CAMHS", "child and adolescent mental health", "clinical psychologist", "psychiatrist", "mental health"],
  },
  other: {
    label: "other advice",
    terms: ["specialist teacher", "advisory teacher", "autism outreach", "outreach", "portage", "virtual school", "youth offending", "YOT", "preparing for adulthood", "careers adviser", "careers advisor"],
  },
};

export interface AdviceEntry {
  /** Verbatim text of the entry (a list item, a paragraph, or a table row's cells joined with " | "). */
  text: string;
  blockId: string;
  section: SectionId | null;
  /** Advice type ids, strongest evidence first. */
  types: string[];
  author?: string;
  role?: string;
  organisation?: string;
  /** ISO date. */
  date?: string;
  dateText?: string;
  datePrecision?: "day" | "month";
}

export interface AdviceExplanation {
  text: string;
  blockId: string;
  section: SectionId | null;
  types: string[];
  /** True when the line gives a reason (not just "N/A"). */
  reasoned: boolean;
}

export interface AdviceList {
  /** The blocks the list was read from (K's, or those under an advice heading); empty when there is none. */
  blocks: Block[];
  /** Where it was found, for notes: "Section K" or the heading's text. */
  where: string | null;
  entries: AdviceEntry[];
  /** Lines saying a kind of advice was not obtained, with or without a reason. */
  explanations: AdviceExplanation[];
}

export interface AdviceListOptions {
  adviceTypes: AdviceTypes;
  /** Words that say a kind of advice was not obtained or does not apply ("n/a", "not requested", "no social care needs"). */
  absencePhrases: string[];
  /** Words that give the reason ("because", "requested on", "no social care needs", "not known to"). */
  explanationPhrases: string[];
}

const ADVICE_HEADING = (text: string): boolean => /\badvice\b/i.test(text) && /\b(information|list|appendix|appendices|reports?|obtained|gathered|used)\b/i.test(text);

/**
 * A block that reads as a heading although ingest did not mark it as one: a short line with no full stop, such as
 * a numbered part ("7. Advice and information") or a one-cell banner table's text.
 */
function headingLike(block: Block): boolean {
  if (block.kind === "heading") return true;
  const text = block.text.trim();
  const oneCell = block.kind === "table" && block.rows.length + (block.header.length > 0 ? 1 : 0) <= 1 && (block.rows[0]?.length ?? block.header.length) <= 1;
  return (block.kind === "paragraph" || oneCell) && text.split(/\s+/).length <= 10 && !/[.!?:]$/.test(text) && /^(?:(?:part|section)\s+\w+\b|\d+[.:)]\s)/i.test(text);
}

/**
 * Where a plan lists its advice: Section K, else the blocks under a heading about advice (often an appendix, or a
 * numbered part of a layout whose headings ingest did not recognise).
 */
export function adviceBlocks(plan: EhcpDocument): { blocks: Block[]; where: string | null } {
  const k = plan.sections.filter((section) => section.id === "K");
  if (k.some((section) => section.blocks.length > 0)) return { blocks: k.flatMap((section) => section.blocks), where: "Section K" };
  // A PDF may read a numbered part's title as a list item ("7." taken for its number): any short line without a full stop may open the list.
  const headingIndex = plan.blocks.findIndex((block) => (headingLike(block) || (block.kind !== "table" && block.text.trim().split(/\s+/).length <= 10 && !/[.!?:]$/.test(block.text.trim()))) && ADVICE_HEADING(block.text));
  if (headingIndex < 0) return { blocks: [], where: null };
  const heading = plan.blocks[headingIndex]!;
  const level = heading.kind === "heading" ? heading.level : 1;
  const blocks: Block[] = [];
  for (const block of plan.blocks.slice(headingIndex + 1)) {
    if (block.kind === "heading" ? block.level <= level : headingLike(block)) break;
    blocks.push(block);
  }
  return { blocks, where: heading.text.trim() };
}

interface TypeHit {
  id: string;
  index: number;
  length: number;
  strong: boolean;
  text: string;
}

const termCache = new WeakMap<AdviceTypes, { strong: Map<string, string[]>; weak: Map<string, string[]>; strongTerms: string[]; weakTerms: string[] }>();

const normalise = (text: string): string => text.toLowerCase().replace(/[‘’]/g, "'").replace(/[-–—]/g, "-").replace(/\s+/g, " ").trim();

function termIndex(types: AdviceTypes) {
  let index = termCache.get(types);
  if (!index) {
    const strong = new Map<string, string[]>();
    const weak = new Map<string, string[]>();
    for (const [id, type] of Object.entries(types)) {
      for (const term of type.terms) strong.set(normalise(term), [...(strong.get(normalise(term)) ?? []), id]);
      for (const term of type.weakTerms ?? []) weak.set(normalise(term), [...(weak.get(normalise(term)) ?? []), id]);
    }
    index = { strong, weak, strongTerms: [...strong.keys()], weakTerms: [...weak.keys()] };
    termCache.set(types, index);
  }
  return index;
}

/** Type ids named in `text`: the longest term wins where terms overlap ("educational psychologist" is not "educational"). */
export function adviceTypesIn(text: string, types: AdviceTypes): string[] {
  const index = termIndex(types);
  const hits: TypeHit[] = [];
  for (const match of findPhrases(text, index.strongTerms)) {
    for (const id of index.strong.get(normalise(match.text)) ?? []) hits.push({ id, index: match.index, length: match.text.length, strong: true, text: match.text });
  }
  if (hits.length === 0) {
    for (const match of findPhrases(text, index.weakTerms)) {
      for (const id of index.weak.get(normalise(match.text)) ?? []) hits.push({ id, index: match.index, length: match.text.length, strong: false, text: match.text });
    }
  }
  // "X advice" names the type outright; otherwise the earliest role named is the author's.
  const named = hits.filter((hit) => /\b(advice|report|contribution|views)\b/i.test(hit.text));
  const ordered = [...named, ...hits.filter((hit) => !named.includes(hit)).sort((a, b) => a.index - b.index)];
  return [...new Set(ordered.map((hit) => hit.id))];
}

/** The role as written: the longest role-like term in the text. */
function roleIn(text: string, types: AdviceTypes): string | undefined {
  const index = termIndex(types);
  const roles = findPhrases(text, index.strongTerms).filter((match) => !/\b(advice|report|contribution|views|service|team)\b/i.test(match.text));
  return roles.sort((a, b) => b.text.length - a.text.length)[0]?.text;
}

const TITLE = "(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor)\\.?";
const NAME = "(?:[A-Z]\\.?\\s*){0,3}[A-Z][a-z'’-]+(?:\\s+[A-Z][a-z'’-]+)?";
// "Dr A Brown", "Mrs J. Smith", "Mr and Mrs Taylor", "Ms P Green and Mr R Patel"
// "Westmoor Speech and Language Therapy Service" names an organisation, not a role.
const SERVICE_WORDS = /\b(service|services|team|trust|NHS|council|EPS|department|authority|hospital|clinic|centre|center|partnership|foundation)\b/i;

/** The part of "Dr A Brown, Specialist Educational Psychologist, ..." that names the role, as written. */
function roleFromParts(parts: string[], types: AdviceTypes): string | undefined {
  return parts.find(
    (part) =>
      roleIn(part, types) !== undefined &&
      !/\b(advice|report|contribution|views)\b/i.test(part) &&
      !SERVICE_WORDS.test(part) &&
      findDates(part).length === 0 &&
      part.split(/\s+/).length <= 8,
  );
}

const PERSON = new RegExp(`\\b${TITLE}\\s+(?:(?:and|&)\\s+${TITLE}\\s+)?${NAME}(?:\\s+(?:and|&)\\s+${TITLE}\\s+${NAME})?`);
const ORGANISATION_WORDS = /\b(school|academy|college|nursery|NHS|trust|service|services|council|EPS|team|hospital|clinic|centre|center|CAMHS|partnership|foundation|department|authority|practice|surgery|unit|federation|pre-school|health|healthcare)\b/i;

function splitParts(text: string): string[] {
  return text
    .split(/\s*(?:\||,|;|\s[-–—]\s|\(|\)|:)\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** The part naming an organisation: one with an organisation word, else a run of capitalised words that is not a person. */
function organisationIn(parts: string[], role: string | undefined): string | undefined {
  const candidates = parts.filter((part) => part !== role && !/\b(advice|report)\b/i.test(part) && findDates(part).length === 0 && !PERSON.test(part));
  return candidates.find((part) => ORGANISATION_WORDS.test(part)) ?? candidates.find((part) => /^(?:\p{Lu}[\p{L}'’&-]*\s+){1,6}\p{Lu}[\p{L}'’&-]*$/u.test(part));
}

function columnIndex(header: string[], pattern: RegExp): number {
  return header.findIndex((cell) => pattern.test(cell));
}

const foldSpaces = (text: string): string => text.replace(/\s+/g, " ").trim();

function entryFrom(text: string, block: Block, types: AdviceTypes, cells?: { header: string[]; row: string[] }): AdviceEntry {
  const entry: AdviceEntry = { text: foldSpaces(text), blockId: block.id, section: block.section, types: adviceTypesIn(text, types) };
  const dateColumn = cells ? columnIndex(cells.header, /\bdate/i) : -1;
  const dateSource = (dateColumn >= 0 ? cells?.row[dateColumn]?.trim() : undefined) || text;
  const date = findDates(dateSource).pop() ?? findDates(text).pop();
  if (date) {
    entry.date = date.iso;
    entry.dateText = date.text;
    entry.datePrecision = date.precision;
  }
  const roleColumn = cells ? columnIndex(cells.header, /\b(role|title|designation|position|job)\b/i) : -1;
  const organisationColumn = cells ? columnIndex(cells.header, /\b(organisation|organization|service|agency|employer|setting|team|school)\b/i) : -1;
  const cell = (column: number): string | undefined => (column >= 0 && cells ? cells.row[column]?.trim() || undefined : undefined);
  let role: string | undefined;
  let organisation: string | undefined;
  if (roleColumn >= 0 && roleColumn === organisationColumn) {
    // "Role and organisation": "Educational Psychologist, Castlebrook Educational Psychology Service"
    const both = cell(roleColumn) ?? "";
    const parts = splitParts(both);
    role = roleFromParts(parts, types) ?? parts[0];
    organisation = organisationIn(parts, role) ?? (parts.length > 1 ? parts.slice(1).join(", ") : undefined);
  } else {
    role = cell(roleColumn) ?? roleFromParts(splitParts(text), types);
    organisation = cell(organisationColumn) ?? organisationIn(splitParts(text), role);
  }
  if (role) entry.role = role;
  if (organisation) entry.organisation = organisation;
  // An author column holds the name as written ("Priya Raman"); elsewhere a titled name is looked for.
  const author = cell(cells ? columnIndex(cells.header, /\b(name|author|by|from|who|professional|contributor)\b/i) : -1) ?? PERSON.exec(text)?.[0];
  if (author) entry.author = author.trim();
  return entry;
}

/** Lines and table rows of the advice list, as text units with their block. */
function units(blocks: readonly Block[]): { text: string; block: Block; cells?: { header: string[]; row: string[] } }[] {
  const result: { text: string; block: Block; cells?: { header: string[]; row: string[] } }[] = [];
  for (const block of blocks) {
    if (block.kind === "heading") continue;
    if (block.kind === "table") {
      for (const row of block.rows) {
        if (row.every((cell) => cell.trim() === "")) continue;
        result.push({ text: row.filter((cell) => cell.trim() !== "").join(" | "), block, cells: { header: block.header, row } });
      }
      continue;
    }
    // A paragraph can list several pieces of advice as sentences; a list item is one entry.
    if (block.kind === "list-item") result.push({ text: block.text, block });
    else for (const sentence of splitSentences(block.text)) result.push({ text: sentence.text, block });
  }
  return result;
}

/** Read the plan's advice list. */
export function readAdviceList(plan: EhcpDocument, options: AdviceListOptions): AdviceList {
  const { blocks, where } = adviceBlocks(plan);
  const entries: AdviceEntry[] = [];
  const explanations: AdviceExplanation[] = [];
  for (const unit of units(blocks)) {
    const text = unit.text.trim();
    if (text === "" || /:$/.test(text)) continue; // "The following advice was obtained:"
    const types = adviceTypesIn(text, options.adviceTypes);
    // "Social care advice: N/A" or "... no social care needs were identified": this kind of advice is absent, with or without a reason.
    if (types.length > 0 && hasPhrase(text, options.absencePhrases)) {
      explanations.push({ text: foldSpaces(text), blockId: unit.block.id, section: unit.block.section, types, reasoned: hasPhrase(text, options.explanationPhrases) });
      continue;
    }
    // A sentence of prose in Section K ("Parents have the right to appeal ...") is an entry only when it names advice or is dated.
    if (!unit.cells && unit.block.kind === "paragraph" && !/\b(advice|report|contribution)\b/i.test(text) && findDates(text).length === 0) continue;
    const entry = entryFrom(text, unit.block, options.adviceTypes, unit.cells);
    if (entry.types.length === 0 && !entry.role && !entry.date) continue;
    entries.push(entry);
  }
  return { blocks, where, entries, explanations };
}

/** Lines anywhere in the plan that say why a kind of advice was not obtained. */
export function explanationsInPlan(plan: EhcpDocument, options: AdviceListOptions): AdviceExplanation[] {
  const found: AdviceExplanation[] = [];
  for (const block of plan.blocks) {
    if (block.kind === "heading" || block.section === "K") continue;
    for (const unit of units([block])) {
      if (!/\b(advice|report|assessment|involvement|involved|known to)\b/i.test(unit.text)) continue;
      if (!hasPhrase(unit.text, options.absencePhrases) || !hasPhrase(unit.text, options.explanationPhrases)) continue;
      const types = adviceTypesIn(unit.text, options.adviceTypes);
      if (types.length > 0) found.push({ text: foldSpaces(unit.text), blockId: block.id, section: block.section, types, reasoned: true });
    }
  }
  return found;
}

/** How messages name an entry: "medical advice from Dr K Khan (Community Paediatrician), 3 February 2025". */
export function describeEntry(entry: AdviceEntry, types: AdviceTypes): string {
  const type = entry.types[0] ? types[entry.types[0]]?.label ?? "advice" : "advice";
  const who = entry.author ?? entry.role;
  const role = entry.author && entry.role ? ` (${entry.role})` : "";
  return `${type}${who ? ` from ${who}${role}` : ""}`;
}
