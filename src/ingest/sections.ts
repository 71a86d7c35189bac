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
import type { Block, EhcpDocument, Location, Section, SectionId } from "../model/document.ts";
import type { RawBlock, RawDocument } from "./raw.ts";
import { extractFacts } from "./facts.ts";
import { AliasIndex, headingTitle, inlineSubsectionMarker, matchSectionHeading, type HeadingMatch, type SectionAliases, type SectionKey } from "./section-headings.ts";
import { unfoldSectionTable, type UnitBlock } from "./section-tables.ts";
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
  /** Higher is more heading-like: a top-level heading or table label, another heading, a paragraph, a list item. */
  rank: number;
  hasContent: boolean;
}

export function buildDocument(raw: RawDocument, info: BuildInfo): EhcpDocument {
  const aliases = new AliasIndex(info.aliases);
  const lettered = usesLetteredHeadings(raw.blocks, aliases);
  const units = unfold(raw.blocks, aliases, lettered);
  const candidates = findCandidates(units, aliases, lettered);
  const selected = selectHeadings(candidates);
  const { assigned, sections: starts } = assignSections(units, selected, candidates, aliases, raw.format);

  const blocks = units.map((unit, index) => toBlock(unit, index, assigned[index] ?? null));
  const sections = [...starts].map(([id, start]): Section => {
    const headingBlock = start.headingUnit === null ? undefined : blocks[start.headingUnit];
    const sectionBlocks = blocks.filter((block) => block.section === id && block !== headingBlock);
    const location = headingBlock?.location ?? sectionBlocks[0]?.location ?? {};
    return { id, heading: start.heading, headingBlockId: headingBlock?.id ?? null, blocks: sectionBlocks, location: { ...location } };
  });
  sections.sort((a, b) => starts.get(a.id)!.firstUnit - starts.get(b.id)!.firstUnit);

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
  return document;
}

/** Step 1: does the template name its sections by letter? Counted before tables are unfolded, labels included. */
function usesLetteredHeadings(blocks: RawBlock[], aliases: AliasIndex): boolean {
  const ids = new Set<SectionKey>();
  for (const block of blocks) {
    const texts = block.kind === "table" ? [block.header[0], ...block.rows.map((row) => row[0])] : [block.text];
    const context = block.kind === "table" ? "table-label" : block.kind === "heading" ? "heading" : "paragraph";
    for (const text of texts) {
      const match = text ? matchSectionHeading(text, context, aliases) : null;
      if (match?.explicit && !match.contentsEntry) ids.add(match.id);
    }
  }
  return ids.size >= LETTERED_TEMPLATE_MIN_SECTIONS;
}

/** Step 2: section tables become headings and content; every other block is kept as it is. */
function unfold(blocks: RawBlock[], aliases: AliasIndex, lettered: boolean): Unit[] {
  const units = blocks.flatMap((block, rawIndex): Unit[] => {
    const { location, ...rest } = block;
    const unfolded = block.kind === "table" ? unfoldSectionTable(block, aliases, lettered) : null;
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
  if (DANGLING_WORD.test(line)) return `${line} ${next}`;
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
function findCandidates(units: Unit[], aliases: AliasIndex, lettered: boolean): Candidate[] {
  const contents = contentsPage(units, aliases);
  const matches = units.map((unit, index): Omit<Candidate, "hasContent"> | null => {
    const { block } = unit;
    if (block.kind === "table") return null;
    if (block.kind === "heading" && block.label) return { ...block.label, unit: index, rank: 3 };
    const match = matchSectionHeading(block.text, block.kind === "heading" ? "heading" : "paragraph", aliases);
    if (!match || (block.kind === "list-item" && !match.explicit)) return null;
    const rank = block.kind === "heading" ? 2 : block.kind === "paragraph" ? 1 : 0;
    return { ...match, contentsEntry: match.contentsEntry || contents.has(index), unit: index, rank };
  });

  let found = matches.filter((match): match is Omit<Candidate, "hasContent"> => match !== null && !match.contentsEntry);
  if (lettered) found = found.filter((match) => match.explicit);
  found = dropSubheadings(found, units);
  // Contents entries still count as candidates when judging content: an entry followed by the next entry has none.
  const kept = new Set(found);
  const all = matches.filter((match): match is Omit<Candidate, "hasContent"> => match !== null && (match.contentsEntry || kept.has(match)));
  const headingAt = new Map(all.map((match) => [match.unit, match.id]));
  return found.map((match) => ({ ...match, hasContent: hasContent(match, headingAt, units.length) }));
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

/** Step 4: one heading per section. */
function selectHeadings(candidates: Candidate[]): Candidate[] {
  const byId = new Map<SectionKey, Candidate[]>();
  for (const candidate of candidates) byId.set(candidate.id, [...(byId.get(candidate.id) ?? []), candidate]);
  const pick = (key: (c: Candidate) => number[]): Candidate[] =>
    [...byId.values()].map((list) => list.reduce((best, c) => (compareKeys(key(c), key(best)) > 0 ? c : best)));

  const provisional = pick((c) => [c.hasContent ? 1 : 0, c.explicit ? 1 : 0, c.rank, -c.unit]);
  const outOfOrder = (c: Candidate): number =>
    provisional.filter((other) => other.id !== c.id && ORDER[other.id] < ORDER[c.id] !== other.unit < c.unit).length;
  // Order before letters: outside a lettered template, a lone "Section B" is more likely a cross-reference.
  return pick((c) => [c.hasContent ? 1 : 0, -outOfOrder(c), c.explicit ? 1 : 0, c.rank, -c.unit]).sort((a, b) => a.unit - b.unit);
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

interface SectionStart {
  heading: string;
  headingUnit: number | null;
  firstUnit: number;
}

/** Steps 5 and 6: which section every unit belongs to, and where each section's heading is. */
function assignSections(units: Unit[], selected: Candidate[], candidates: Candidate[], aliases: AliasIndex, format: RawDocument["format"]) {
  const assigned: (SectionId | null)[] = units.map(() => null);
  const sections = new Map<SectionId, SectionStart>();
  const candidateUnits = new Set(candidates.map((c) => c.unit));
  const text = (index: number): string => unitText(units[index]!.block).replace(/\s+/g, " ").trim();
  const open = (id: SectionId, heading: string, headingUnit: number | null, firstUnit: number): void => {
    if (!sections.has(id)) sections.set(id, { heading, headingUnit, firstUnit });
  };
  const sectionLevel = mostCommon(selected.map((c) => units[c.unit]!.block).flatMap((block) => (block.kind === "heading" ? [block.level] : [])).concat([1]));

  for (let at = 0; at < selected.length; at++) {
    const start = selected[at]!;
    let next = at + 1;
    // A combined H takes in the H1/H2 headings that follow it: they are its parts.
    if (start.id === "H") while (selected[next] && (selected[next]!.id === "H1" || selected[next]!.id === "H2")) next++;
    const isLast = next >= selected.length;
    const end = sectionEnd(units, start.unit + 1, selected[next]?.unit ?? units.length, isLast, isLast && format === "docx" ? sectionLevel : null, candidateUnits);

    if (start.id !== "H") {
      for (let index = start.unit; index < end; index++) assigned[index] = start.id;
      open(start.id, text(start.unit), start.unit, start.unit);
      continue;
    }
    const parts = new Set(selected.slice(at + 1, next).map((c) => c.unit));
    splitCombinedH(start.unit, end, parts);
    at = next - 1;
  }

  function splitCombinedH(headingUnit: number, end: number, selectedParts: Set<number>): void {
    const markers = new Map<number, { id: "H1" | "H2"; isHeading: boolean }>();
    for (let index = headingUnit + 1; index < end; index++) {
      const block = units[index]!.block;
      if (block.kind === "table") continue;
      const match = selectedParts.has(index) ? candidates.find((c) => c.unit === index) : matchSectionHeading(block.text, block.kind === "heading" ? "heading" : "paragraph", aliases);
      if (match?.id === "H1" || match?.id === "H2") markers.set(index, { id: match.id, isHeading: true });
      else {
        const inline = inlineSubsectionMarker(block.text, aliases);
        if (inline) markers.set(index, { id: inline, isHeading: false });
      }
    }
    const heading = text(headingUnit);
    if (markers.size === 0) {
      let body = "";
      for (let index = headingUnit + 1; index < end; index++) body += ` ${text(index)}`;
      const id = CSDPA.test(body) ? "H1" : "H2";
      for (let index = headingUnit; index < end; index++) assigned[index] = id;
      open(id, heading, headingUnit, headingUnit);
      return;
    }
    // The combined heading heads the first part; a later part is headed by its own sub-heading.
    let current = markers.values().next().value!.id;
    open(current, heading, headingUnit, headingUnit);
    assigned[headingUnit] = current;
    for (let index = headingUnit + 1; index < end; index++) {
      const marker = markers.get(index);
      if (marker && marker.id !== current) {
        current = marker.id;
        open(current, marker.isHeading ? text(index) : heading, marker.isHeading ? index : null, index);
      }
      assigned[index] = current;
    }
  }

  return { assigned, sections };
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
