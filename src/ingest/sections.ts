// RawDocument -> EhcpDocument: finds the plan's sections (A-K, H1/H2) in whatever template the LA uses.
//
// 1. Style: when three or more sections are named by letter ("Section A", "Part F", "(Section B)"), the
//    template uses letters, and a heading naming a section by meaning alone ("Outcomes") is a sub-heading.
// 2. Tables whose first column holds section labels are unfolded into headings and content (section-tables.ts).
// 3. Candidates: heading blocks, short paragraphs (PDFs have no styles; DOCX authors use bold lines) and
//    lettered list items that read as a section heading. A contents page ("Contents" followed by headings
//    ending in page numbers) gives no candidates.
// 4. One heading per section: when a section is named more than once, the one followed by content wins, then
//    the one that keeps the sections in their usual order, then the lettered one, then the higher-level one,
//    then the first (a sub-heading repeating the section's name comes after it).
// 5. A section runs to the next section. An appendix heading ends it; so does, after the last section, a sign-off
//    ("Signed on behalf of ...") or (DOCX) any other heading of the sections' own level. What follows belongs to
//    no section.
// 6. A combined "Section H: Social care" is split into H1/H2 where its text says so ("H1: ...", "Other social
//    care provision"). When it is not split, it is H1 if it mentions the CSDPA (section 2 of the Chronically
//    Sick and Disabled Persons Act 1970, which is what H1 is about), and H2 otherwise.
import type { Block, EhcpDocument, Location, Section, SectionFoundBy, SectionId, SectionRegion } from "../model/document.ts";
import type { RawBlock, RawDocument } from "./raw.ts";
import { extractFacts } from "./facts.ts";
import { AliasIndex, headingTitle, inlineSubsectionMarker, matchSectionHeading, type HeadingMatch, type SectionAliases, type SectionKey } from "./section-headings.ts";
import { isContentsRow, unfoldColumnTable, unfoldSectionTable, type UnitBlock } from "./section-tables.ts";
import { areaOfNeedOf } from "./section-meaning.ts";
import { countWords } from "../text/words.ts";

export type { SectionAliases, SectionKey } from "./section-headings.ts";

export interface BuildInfo {
  fileName: string;
  sha256: string;
  aliases: SectionAliases;
}

/** Sections named by letter in a document that uses lettered headings. */
const LETTERED_TEMPLATE_MIN_SECTIONS = 3;
/** The usual order of sections; a combined H sits where H1 and H2 do. */
const ORDER: Record<SectionKey, number> = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6, H: 7, H1: 7.1, H2: 7.2, I: 8, J: 9, K: 10 };
const CONTENTS_TITLE = /^(?:table of )?contents:?$/i;
const CONTENTS_LINE = /(?:\.{2,}|…|\s)\d{1,3}$/;
const APPENDIX = /^(?:appendix|appendices|annex|annexe|annexes)\b/i;
const CSDPA = /\bCSDPA\b|chronically sick and disabled persons/i;
const APPENDIX_LINE_MAX_WORDS = 12;
const SIGN_OFF = /^(?:signed|signature|signatures|authorised|authorized)\b/i;
/** A label alone on its line: "Section A", "Part F", "H1". */
const BARE_LABEL = /^(?:(?:section|part)\s+)?(?:H\s?[12]|[A-K])$/i;
/** A label in brackets alone on its line: "(Section H1)". */
const BRACKETED_LABEL = /^[(\[]\s*(?:section|part)\s+(?:H\s?[12]|[A-K])\s*[)\]]$/i;
/** A line no heading ends with: it was cut where the line wrapped. */
const DANGLING_WORD = /\b(?:the|of|and|or|to|for|under|in|with|a|an|by|on|from|which|that)$/i;
const JOINED_LINE_MAX_WORDS = 16;

interface Unit {
  block: UnitBlock;
  /** The raw blocks this unit comes from (two when a heading's title line was joined to it). */
  rawIndexes: number[];
  location: Location;
}

interface Candidate extends HeadingMatch {
  unit: number;
  /** An area-of-need heading ("Cognition and learning") standing for needs, outcomes and provision together. */
  area?: boolean;
  /** Higher is more heading-like: a top-level heading or table label, another heading, a paragraph, a list item. */
  rank: number;
  hasContent: boolean;
}

export function buildDocument(raw: RawDocument, info: BuildInfo): EhcpDocument {
  const aliases = AliasIndex.of(info.aliases);
  const explicitIds = letteredIds(raw.blocks, aliases);
  const lettered = explicitIds.size >= LETTERED_TEMPLATE_MIN_SECTIONS;
  const units = unfold(raw.blocks, aliases, lettered, explicitIds);
  const candidates = findCandidates(units, aliases, lettered, explicitIds);
  const selected = corroborated(selectHeadings(candidates));
  const { assigned, regions } = assignSections(units, selected, aliases, raw.format);

  const blocks = units.map((unit, index) => toBlock(unit, index, assigned[index] ?? null));
  const sections = toSections(regions, blocks);

  const blockIdOf = rawBlockLocator(units, blocks);
  const document: EhcpDocument = {
    format: raw.format,
    fileName: info.fileName,
    sha256: info.sha256,
    wordCount: blocks.reduce((sum, block) => sum + countWords(block.text), 0),
    facts: extractFacts(factBlocks(blocks, sections)),
    blocks,
    sections,
    comments: raw.comments.map(({ rawBlockIndex, ...comment }) => ({ ...comment, blockId: blockIdOf(rawBlockIndex, comment.anchorText) })),
    trackedChanges: raw.trackedChanges.map(({ rawBlockIndex, ...change }) => ({ ...change, blockId: blockIdOf(rawBlockIndex, change.text) })),
  };
  if (raw.pageCount !== undefined) document.pageCount = raw.pageCount;
  if (raw.paragraphCount !== undefined) document.paragraphCount = raw.paragraphCount;
  if (raw.notes?.length) document.notes = [...raw.notes];
  return document;
}

/** Step 1: the sections the template names by letter. Counted before tables are unfolded, labels included. */
function letteredIds(blocks: RawBlock[], aliases: AliasIndex): Set<SectionKey> {
  const ids = new Set<SectionKey>();
  for (const block of blocks) {
    // A contents table ("A | Views, interests and aspirations | 2") names letters the headings themselves may not use.
    const texts = block.kind === "table" ? [block.header, ...block.rows].filter((row) => !isContentsRow(row)).map((row) => row[0]) : [block.text];
    const context = block.kind === "table" ? "table-label" : block.kind === "heading" ? "heading" : "paragraph";
    for (const text of texts) {
      const match = text ? matchSectionHeading(text, context, aliases) : null;
      if (match?.explicit && !match.contentsEntry) for (const id of match.ids) ids.add(id);
    }
  }
  return ids;
}

/** Step 2: section tables become headings and content; every other block is kept as it is. */
function unfold(blocks: RawBlock[], aliases: AliasIndex, lettered: boolean, explicitIds: Set<SectionKey>): Unit[] {
  const units = blocks.flatMap((block, rawIndex): Unit[] => {
    const { location, ...rest } = block;
    const unfolded = block.kind === "table" ? (unfoldColumnTable(block, aliases, explicitIds) ?? unfoldSectionTable(block, aliases, lettered)) : null;
    return (unfolded ?? [rest as UnitBlock]).map((unitBlock) => ({ block: unitBlock, rawIndexes: [rawIndex], location }));
  });
  return joinTitleLines(units, aliases);
}

/** Blocks whose text may be (part of) a heading line. */
const lineOf = (unit: Unit | undefined): string | null =>
  unit && unit.block.kind !== "table" ? unit.block.text.replace(/\s+/g, " ").trim() : null;

/**
 * A heading split over two blocks is put back together, as the Word file has it. PDFs wrap long headings and
 * lose table cells' layout:
 *   "Section A" + "Views, interests and aspirations"                  (a label cell read as two lines)
 *   "Social care provision under ... 1970" + "(Section H1)"           (a numbered heading wrapped before its letter)
 *   "Section H1: Social care provision under section 2 of the" + "Chronically Sick and ... Act 1970"
 */
function joinTitleLines(units: Unit[], aliases: AliasIndex): Unit[] {
  const out: Unit[] = [];
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]!;
    const next = units[index + 1];
    const line = lineOf(unit);
    const nextLine = lineOf(next);
    const joined = line !== null && nextLine !== null && !(unit.block.kind === "heading" && unit.block.label) ? joinedHeading(line, nextLine, aliases) : null;
    if (!joined) {
      out.push(unit);
      continue;
    }
    const level = unit.block.kind === "heading" ? unit.block.level : next!.block.kind === "heading" ? next!.block.level : 1;
    out.push({ block: { kind: "heading", level, text: joined }, rawIndexes: [...unit.rawIndexes, ...next!.rawIndexes], location: unit.location });
    index++;
  }
  return out;
}

function joinedHeading(line: string, next: string, aliases: AliasIndex): string | null {
  if (countWords(next) > JOINED_LINE_MAX_WORDS) return null;
  if (BARE_LABEL.test(line)) {
    const label = matchSectionHeading(line, "table-label", aliases);
    return label && aliases.match(next, 3) === label.id ? `${line} – ${next}` : null;
  }
  if (countWords(line) > JOINED_LINE_MAX_WORDS || /[.;:,]$/.test(line)) return null;
  if (BRACKETED_LABEL.test(next)) return matchSectionHeading(`${line} ${next}`, "heading", aliases)?.explicit ? `${line} ${next}` : null;
  if (!matchSectionHeading(line, "heading", aliases)) return null;
  // "... aiming for" + "This part sets out ...": a heading may end on such a word; the joined line must still read as one.
  if (DANGLING_WORD.test(line)) return matchSectionHeading(`${line} ${next}`, "heading", aliases) ? `${line} ${next}` : null;
  // The next line completes the section's name: "... section 2 of the Chronically" + "Sick and Disabled Persons Act 1970".
  const completes = aliases.matchStart(headingTitle(`${line} ${next}`))?.tailWords === 0 && aliases.matchStart(headingTitle(line))?.tailWords !== 0;
  return completes ? `${line} ${next}` : null;
}

function unitText(block: UnitBlock): string {
  return block.kind === "table" ? tableText(block.header, block.rows) : block.text;
}

function tableText(header: string[], rows: string[][]): string {
  return [header, ...rows]
    .filter((row) => row.length > 0)
    .map((row) => row.join(" | "))
    .join("\n");
}

/** Step 3: every block that reads as a section heading. */
function findCandidates(units: Unit[], aliases: AliasIndex, lettered: boolean, explicitIds: Set<SectionKey>): Candidate[] {
  const contents = contentsPage(units, aliases);
  const matches = units.map((unit, index): Omit<Candidate, "hasContent"> | null => {
    const { block } = unit;
    if (block.kind === "table") return null;
    // A column title heads one cell of a row: a part inside a section, never a section's start.
    if (block.kind === "heading" && block.label) return block.foundBy === "column" ? null : { ...block.label, unit: index, rank: 3 };
    const match = matchSectionHeading(block.text, block.kind === "heading" ? "heading" : "paragraph", aliases);
    let rank = block.kind === "heading" ? 2 : block.kind === "paragraph" ? 1 : 0;
    if (!match) return block.kind === "list-item" ? null : areaCandidate(block.text, index, rank, contents.has(index));
    // A numbered heading can read as a one-item list (a PDF's "1. All about me"); a list with siblings is text.
    const lone = block.kind === "list-item" && block.ordered && isLoneItem(units, index);
    if (block.kind === "list-item" && !match.explicit && !lone) return null;
    if (lone) rank = 2;
    return { ...match, contentsEntry: match.contentsEntry || contents.has(index), unit: index, rank };
  });

  let found = matches.filter((match): match is Omit<Candidate, "hasContent"> => match !== null && !match.contentsEntry);
  // In a lettered template a heading by meaning is a sub-heading ("Outcomes" under F), unless it is a combined
  // part standing for sections the template names nowhere by letter ("My needs, the help I get and my goals").
  if (lettered) found = found.filter((match) => match.explicit || (match.ids.length > 1 && match.ids.every((id) => !explicitIds.has(id))));
  found = dropSubheadings(found, units);
  // Contents entries still count as candidates when judging content: an entry followed by the next entry has none.
  const kept = new Set(found);
  const all = matches.filter((match): match is Omit<Candidate, "hasContent"> => match !== null && (match.contentsEntry || kept.has(match)));
  const headingAt = new Map(all.map((match) => [match.unit, match.id]));
  return found.map((match) => ({ ...match, hasContent: hasContent(match, headingAt, units.length) }));
}

function isLoneItem(units: Unit[], index: number): boolean {
  const isItem = (at: number): boolean => {
    const neighbour = units[at]?.block;
    return neighbour?.kind === "list-item" && neighbour.ordered;
  };
  return !isItem(index - 1) && !isItem(index + 1);
}

/** Words in a line naming an area of need, and nothing else of note. */
const AREA_HEADING_MAX_WORDS = 14;

/** Short, capitalised, not ending like a sentence: "Cognition and learning", not "She has sensory needs." */
function isHeadingLine(line: string): boolean {
  return countWords(line) <= AREA_HEADING_MAX_WORDS && !/[.;:,]$/.test(line) && /^[\p{Lu}\p{N}]/u.test(line);
}

/** An area-of-need heading stands for that area's needs, outcomes and provision (B, E, F) until something else is named. */
function areaCandidate(text: string, unit: number, rank: number, inContents: boolean): Omit<Candidate, "hasContent"> | null {
  const line = text.replace(/\s+/g, " ").trim();
  if (inContents || !isHeadingLine(line) || areaOfNeedOf(line) === null) return null;
  return { id: "B", ids: ["B", "E", "F"], by: "meaning", explicit: false, contentsEntry: false, unit, rank, area: true };
}

/** Headings by meaning that sit below the level the sections' headings use are sub-headings ("Outcomes" under F). */
function dropSubheadings(found: Omit<Candidate, "hasContent">[], units: Unit[]): Omit<Candidate, "hasContent">[] {
  const levels = found.flatMap((match) => {
    const block = units[match.unit]!.block;
    return block.kind === "heading" && !block.label ? [block.level] : [];
  });
  if (levels.length === 0) return found;
  const sectionLevel = mostCommon(levels);
  return found.filter((match) => {
    const block = units[match.unit]!.block;
    return match.explicit || block.kind !== "heading" || block.label !== undefined || block.level <= sectionLevel;
  });
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

/** A "Contents" title and the lines after it that list headings or end in page numbers. */
function contentsPage(units: Unit[], aliases: AliasIndex): Set<number> {
  const marked = new Set<number>();
  units.forEach((unit, index) => {
    const { block } = unit;
    if (block.kind === "table" || !CONTENTS_TITLE.test(block.text.trim())) return;
    marked.add(index);
    // Entries run on while they list headings or end in page numbers. Once entries have page numbers, a line
    // without one is the document itself; without page numbers, a section listed twice is the section itself.
    let numbered = false;
    const listed = new Set<string>();
    for (let next = index + 1; next < units.length; next++) {
      const entry = units[next]!.block;
      if (entry.kind === "table") {
        if (next === index + 1) marked.add(next);
        break;
      }
      const text = entry.text.replace(/\s+/g, " ").trim();
      const hasPageNumber = CONTENTS_LINE.test(text) && countWords(text) <= 20;
      const heading = countWords(text) <= 20 ? matchSectionHeading(text, "heading", aliases) : null;
      if (numbered ? !hasPageNumber : (heading === null && !hasPageNumber) || (heading !== null && listed.has(heading.id))) break;
      numbered ||= hasPageNumber;
      if (heading) listed.add(heading.id);
      marked.add(next);
    }
  });
  return marked;
}

/** Whether anything but other sections' headings follows the candidate before the next section's heading. */
function hasContent(candidate: Omit<Candidate, "hasContent">, headingAt: Map<number, SectionKey>, unitCount: number): boolean {
  for (let next = candidate.unit + 1; next < unitCount; next++) {
    const id = headingAt.get(next);
    if (id === undefined) return true;
    if (id !== candidate.id) return false;
  }
  return false;
}

/** Sections a document must show by meaning alone, when none is named by letter or alias, to be read as a plan's. */
const MIN_SECTIONS_BY_MEANING_ALONE = 6;

/** An advice report's "Views" and "Summary of needs" read like plan sections; a plan in any layout has most of them. */
function corroborated(selected: Selected[]): Selected[] {
  if (selected.some((s) => s.candidate.by !== "meaning")) return selected;
  const ids = new Set(selected.flatMap((s) => s.ids));
  return ids.size >= MIN_SECTIONS_BY_MEANING_ALONE ? selected : [];
}

/** A selected heading and the sections it opens (a combined part opens several). */
interface Selected {
  candidate: Candidate;
  ids: SectionKey[];
}

/**
 * Step 4: one heading per section. A combined heading ("Health: needs and provision") competes for each section
 * it names; it wins over a single heading it contains, which then marks a part inside it.
 */
function selectHeadings(candidates: Candidate[]): Selected[] {
  const byId = new Map<SectionKey, Candidate[]>();
  for (const candidate of candidates) for (const id of candidate.ids) byId.set(id, [...(byId.get(id) ?? []), candidate]);
  const pick = (key: (c: Candidate, id: SectionKey) => number[]): Map<SectionKey, Candidate> =>
    new Map([...byId].map(([id, list]) => [id, list.reduce((best, c) => (compareKeys(key(c, id), key(best, id)) > 0 ? c : best))]));
  // A letter, then a named heading over an area of need, then a combined part, then an LA's alias over the meaning of words.
  const strength = (c: Candidate): number[] => [c.explicit ? 1 : 0, c.area ? 0 : 1, c.ids.length, c.by === "alias" ? 1 : 0];

  const provisional = pick((c) => [c.hasContent ? 1 : 0, ...strength(c), c.rank, -c.unit]);
  const outOfOrder = (c: Candidate, id: SectionKey): number =>
    [...provisional].filter(([otherId, other]) => other !== c && otherId !== id && ORDER[otherId] < ORDER[id] !== other.unit < c.unit).length;
  // Order before letters: outside a lettered template, a lone "Section B" is more likely a cross-reference.
  const chosen = pick((c, id) => [c.hasContent ? 1 : 0, -outOfOrder(c, id), ...strength(c), c.rank, -c.unit]);
  const byUnit = new Map<number, Selected>();
  for (const [id, candidate] of chosen) {
    const entry = byUnit.get(candidate.unit) ?? { candidate, ids: [] };
    entry.ids.push(id);
    byUnit.set(candidate.unit, entry);
  }
  for (const entry of byUnit.values()) entry.ids.sort((a, b) => ORDER[a] - ORDER[b]);
  return [...byUnit.values()].sort((a, b) => a.candidate.unit - b.candidate.unit);
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** A stretch of units [first, end) belonging to one section, as found. */
interface RegionDraft {
  id: SectionKey;
  headingUnit: number | null;
  first: number;
  end: number;
  area: string | null;
  foundBy: SectionFoundBy;
  matchedBy: HeadingMatch["by"];
  /** Sections of a combined part that does not separate them share its units. */
  shared: boolean;
  /** An area-of-need sub-heading opened the region: it stays part of the section's text, as it always was. */
  keepsHeading?: boolean;
}

/** Steps 5 and 6: which section every unit belongs to, and the regions each section's text stands in. */
function assignSections(units: Unit[], selected: Selected[], aliases: AliasIndex, format: RawDocument["format"]) {
  const assigned: (SectionId | null)[] = units.map(() => null);
  const regions: RegionDraft[] = [];
  const candidateUnits = new Set(selected.map((s) => s.candidate.unit));
  const sectionLevel = mostCommon(selected.map((s) => units[s.candidate.unit]!.block).flatMap((block) => (block.kind === "heading" ? [block.level] : [])).concat([1]));

  for (let at = 0; at < selected.length; at++) {
    const { candidate, ids } = selected[at]!;
    let next = at + 1;
    // A combined H takes in the H1/H2 headings that follow it: they are its parts.
    if (ids.includes("H")) while (selected[next] && selected[next]!.ids.every((id) => id === "H1" || id === "H2")) next++;
    const isLast = next >= selected.length;
    const end = sectionEnd(units, candidate.unit + 1, selected[next]?.candidate.unit ?? units.length, isLast, isLast && format === "docx" ? sectionLevel : null, candidateUnits);
    at = next - 1;
    splitPart(units, candidate, ids, end, aliases, regions);
  }

  // H parts are H1 when they speak of the CSDPA (section 2 of the Chronically Sick and Disabled Persons Act 1970).
  for (const region of regions) {
    if (region.id !== "H") continue;
    let body = "";
    for (let index = region.first; index < region.end; index++) if (index !== region.headingUnit) body += ` ${unitText(units[index]!.block)}`;
    region.id = CSDPA.test(body) ? "H1" : "H2";
  }
  for (const region of regions) {
    if (region.shared) continue;
    for (let index = region.first; index < region.end; index++) assigned[index] = region.id as SectionId;
  }
  return { assigned, regions };
}

/**
 * The units of one selected heading, split into the parts its layout separates: sub-headings, labelled lines and
 * column titles naming one of its sections, and area-of-need headings. Text before the first part belongs to the
 * heading's first section; a section the heading names but never separates shares the whole part.
 */
function splitPart(units: Unit[], candidate: Candidate, ids: SectionKey[], end: number, aliases: AliasIndex, regions: RegionDraft[]): void {
  const allowed = new Set<SectionKey>(ids);
  if (allowed.has("H")) allowed.add("H1").add("H2");
  const headingBlock = units[candidate.unit]!.block;
  const foundBy = foundByOf(units[candidate.unit]!);
  let area: string | null = headingBlock.kind === "table" || !(ids.includes("B") || ids.includes("E") || ids.includes("F")) ? null : areaOfNeedOf(headingBlock.text);
  let current: RegionDraft = { id: ids[0]!, headingUnit: candidate.unit, first: candidate.unit, end, area, foundBy, matchedBy: candidate.by, shared: false };
  const found: RegionDraft[] = [current];
  const splits = ids.length > 1 || allowed.has("H");
  const byArea = allowed.has("B") || allowed.has("E") || allowed.has("F");

  for (let index = candidate.unit + 1; index < end; index++) {
    const unit = units[index]!;
    const { block } = unit;
    if (block.kind === "table") continue;
    const line = block.text.replace(/\s+/g, " ").trim();
    // Areas of need divide needs, outcomes and provision; elsewhere ("Cognition and learning" in Section A) they are topics.
    const lineArea = block.kind === "list-item" || !byArea || !isHeadingLine(line) ? null : areaOfNeedOf(line);
    const part = splits ? partMarker(block, line, allowed, aliases) : null;
    if (lineArea === null && part === null) continue;
    const id = part?.id ?? (lineArea !== null ? ids[0]! : current.id);
    if (lineArea !== null) area = lineArea;
    if (id === current.id && area === current.area) continue;
    current.end = index;
    current = { id, headingUnit: part?.inline ? null : index, first: index, end, area, foundBy: part?.foundBy ?? foundBy, matchedBy: part?.by ?? candidate.by, shared: false, keepsHeading: part === null };
    found.push(current);
  }
  // A combined "Section H" heads its first part: "H1: ..." after it continues the heading's own region.
  if (found[0]!.id === "H" && found[1] && (found[1].id === "H1" || found[1].id === "H2")) {
    found[0]!.id = found[1].id;
    if (found[1].area === found[0]!.area) {
      found[0]!.end = found[1].end;
      found.splice(1, 1);
    }
  }
  regions.push(...found);
  // A combined heading whose text is not separated still shows each section it names (its blocks stay with the first).
  const separated = new Set(found.map((region) => region.id));
  for (const id of ids) {
    if (separated.has(id) || (id === "H" && (separated.has("H1") || separated.has("H2")))) continue;
    regions.push({ id, headingUnit: candidate.unit, first: candidate.unit, end, area: null, foundBy: "combined", matchedBy: candidate.by, shared: true });
  }
}

/** A line starting one section's part inside a combined heading: a sub-heading, a column title, a labelled line ("H1: ..."). */
function partMarker(block: UnitBlock, line: string, allowed: Set<SectionKey>, aliases: AliasIndex): { id: SectionKey; foundBy: SectionFoundBy; by: HeadingMatch["by"]; inline?: boolean } | null {
  if (block.kind === "table") return null;
  if (block.kind === "heading" && block.label) {
    return block.label.ids.length === 1 && allowed.has(block.label.id) ? { id: block.label.id, foundBy: block.foundBy ?? "label", by: block.label.by } : null;
  }
  const match = matchSectionHeading(line, block.kind === "heading" ? "heading" : "paragraph", aliases);
  if (match && match.ids.length === 1 && allowed.has(match.id) && (block.kind !== "list-item" || match.explicit)) return { id: match.id, foundBy: "label", by: match.by };
  if (allowed.has("H1") || allowed.has("H2")) {
    const inline = inlineSubsectionMarker(line, aliases);
    // "H1: Ava will have ..." starts the part and is its first line of content, not a heading.
    if (inline && allowed.has(inline)) return { id: inline, foundBy: "label", by: "letter", inline: true };
  }
  return null;
}

function foundByOf(unit: Unit): SectionFoundBy {
  const { block } = unit;
  if (block.kind === "heading" && block.foundBy) return block.foundBy;
  if (block.kind === "heading") return unit.location.page !== undefined ? "layout" : "heading-style";
  return "line";
}

/** Regions grouped into one Section per id, in document order; a section's blocks are its regions' blocks. */
function toSections(drafts: RegionDraft[], blocks: Block[]): Section[] {
  const byId = new Map<SectionId, { regions: SectionRegion[]; first: RegionDraft; firstUnit: number }>();
  const ordered = [...drafts].sort((a, b) => a.first - b.first || (a.shared ? 1 : 0) - (b.shared ? 1 : 0));
  for (const draft of ordered) {
    const id = draft.id as SectionId;
    const headingBlock = draft.headingUnit === null ? undefined : blocks[draft.headingUnit];
    const regionBlocks = blocks.slice(draft.first, draft.end).filter((block) => (draft.keepsHeading || block !== headingBlock) && (draft.shared || block.section === id));
    const region: SectionRegion = { heading: headingBlock?.text.replace(/\s+/g, " ").trim() ?? "", headingBlockId: headingBlock?.id ?? null, blocks: regionBlocks, location: { ...(headingBlock?.location ?? regionBlocks[0]?.location ?? {}) } };
    if (draft.area !== null) region.areaOfNeed = draft.area;
    const entry = byId.get(id);
    if (entry) entry.regions.push(region);
    else byId.set(id, { regions: [region], first: draft, firstUnit: draft.first });
  }
  return [...byId]
    .sort((a, b) => a[1].firstUnit - b[1].firstUnit)
    .map(([id, { regions, first }]): Section => {
      const seen = new Set<Block>();
      const sectionBlocks = regions.flatMap((region) => region.blocks).filter((block) => (seen.has(block) ? false : (seen.add(block), true)));
      sectionBlocks.sort((a, b) => a.index - b.index);
      return { id, heading: regions[0]!.heading, headingBlockId: regions[0]!.headingBlockId, blocks: sectionBlocks, location: { ...regions[0]!.location }, regions, foundBy: first.foundBy, matchedBy: first.matchedBy };
    });
}

/**
 * Where a section stops: at the next section, or at an appendix heading; after the last section of a DOCX
 * (`lastLevel` given), also at any other heading of the sections' own level ("Signatures", "Appendix 1").
 */
function sectionEnd(units: Unit[], from: number, to: number, isLast: boolean, lastLevel: number | null, candidateUnits: Set<number>): number {
  for (let index = from; index < to; index++) {
    const block = units[index]!.block;
    if (isAppendixStart(units, index)) return index;
    if (isLast && isSignOff(block)) return index;
    if (lastLevel !== null && block.kind === "heading" && block.level <= lastLevel && !candidateUnits.has(index)) return index;
  }
  return to;
}

/** "Signed on behalf of the council" after the last section: the plan's sign-off, not the section's content. */
function isSignOff(block: UnitBlock): boolean {
  return (block.kind === "heading" || block.kind === "paragraph") && SIGN_OFF.test(block.text.trim()) && countWords(block.text) <= APPENDIX_LINE_MAX_WORDS;
}

/** An appendix heading; a short line naming an appendix counts only when it is not one of a list of them. */
function isAppendixStart(units: Unit[], index: number): boolean {
  const block = units[index]!.block;
  if (block.kind === "table" || !APPENDIX.test(block.text.trim())) return false;
  if (block.kind === "heading") return true;
  if (block.kind !== "paragraph" || countWords(block.text) > APPENDIX_LINE_MAX_WORDS || /[.;,]$/.test(block.text.trim())) return false;
  const namesAppendix = (at: number): boolean => {
    const neighbour = units[at]?.block;
    return neighbour !== undefined && neighbour.kind !== "table" && neighbour.kind !== "heading" && APPENDIX.test(neighbour.text.trim());
  };
  return !namesAppendix(index - 1) && !namesAppendix(index + 1);
}

function toBlock(unit: Unit, index: number, section: SectionId | null): Block {
  const base = { id: `b${index}`, index, section, location: { ...unit.location } };
  const { block } = unit;
  switch (block.kind) {
    case "heading":
      return { ...base, kind: "heading", level: block.level, text: block.text };
    case "paragraph":
      return { ...base, kind: "paragraph", text: block.text };
    case "list-item":
      return { ...base, kind: "list-item", level: block.level, ordered: block.ordered, text: block.text };
    case "table":
      return { ...base, kind: "table", header: block.header, rows: block.rows, text: tableText(block.header, block.rows) };
  }
}

/** A raw block's index -> the id of the block holding `text` (an unfolded table became several blocks). */
function rawBlockLocator(units: Unit[], blocks: Block[]): (rawIndex: number | null, text: string) => string | null {
  const byRaw = new Map<number, Block[]>();
  units.forEach((unit, index) => {
    for (const rawIndex of unit.rawIndexes) byRaw.set(rawIndex, [...(byRaw.get(rawIndex) ?? []), blocks[index]!]);
  });
  const fold = (value: string): string => value.replace(/\s+/g, " ").trim();
  return (rawIndex, text) => {
    if (rawIndex === null) return null;
    const candidates = byRaw.get(rawIndex) ?? [];
    const wanted = fold(text);
    const holder = wanted === "" ? undefined : candidates.find((block) => fold(block.text).includes(wanted));
    return (holder ?? candidates[0])?.id ?? null;
  };
}

/** Title-block facts come from the front matter and the first page; end matter outside sections is read last. */
function factBlocks(blocks: Block[], sections: Section[]): { front: Block[]; back: Block[] } {
  const firstSectionIndex = Math.min(blocks.length, ...sections.map((section) => blocks.findIndex((block) => block.section === section.id)).filter((index) => index >= 0));
  const front = blocks.filter((block) => (block.index < firstSectionIndex && block.section === null) || block.location.page === 1);
  const back = blocks.filter((block) => block.index >= firstSectionIndex && block.section === null && block.location.page !== 1);
  return { front, back };
}
