// `ehcp-qa parse --format text`: what was found in a plan, for a person checking that the checker read it right.
import type { Block, EhcpDocument, TitleFacts } from "../model/document.ts";
import { SECTION_IDS } from "../model/document.ts";
import { countWords } from "../text/words.ts";

const FORMAT_NAMES: Record<EhcpDocument["format"], string> = { docx: "Word document", pdf: "PDF", text: "text file" };
const FACT_LABELS: [keyof TitleFacts, string][] = [
  ["childName", "Child"],
  ["knownAs", "Known as"],
  ["dateOfBirth", "Date of birth"],
  ["status", "Status"],
  ["planDate", "Plan date"],
  ["requestDate", "Request for assessment"],
  ["draftIssuedDate", "Draft issued"],
  ["finalIssuedDate", "Final issued"],
  ["originalIssueDate", "Original plan issued"],
  ["amendmentNoticeDate", "Amendment notice"],
  ["reviewMeetingDate", "Review meeting"],
  ["reviewDate", "Review"],
];
const KIND_NAMES: [Block["kind"], string, string][] = [
  ["paragraph", "paragraph", "paragraphs"],
  ["list-item", "list item", "list items"],
  ["table", "table", "tables"],
  ["heading", "sub-heading", "sub-headings"],
];
const HEADING_WIDTH = 52;

const number = (value: number): string => value.toLocaleString("en-GB");
const plural = (count: number, one: string, many: string): string => `${number(count)} ${count === 1 ? one : many}`;

/** "2015-03-12" -> "12 March 2015" */
function ukDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!)).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function blockCounts(blocks: Block[]): string {
  const parts = KIND_NAMES.flatMap(([kind, one, many]) => {
    const count = blocks.filter((block) => block.kind === kind).length;
    return count > 0 ? [plural(count, one, many)] : [];
  });
  return parts.length > 0 ? parts.join(", ") : "empty";
}

const wordsIn = (blocks: Block[]): number => blocks.reduce((sum, block) => sum + countWords(block.text), 0);

function fit(text: string, width: number): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > width ? `${line.slice(0, width - 1)}…` : line.padEnd(width);
}

export function documentSummary(doc: EhcpDocument): string {
  const size = doc.format === "pdf" ? plural(doc.pageCount ?? 0, "page", "pages") : plural(doc.paragraphCount ?? 0, "paragraph", "paragraphs");
  const lines = [`${doc.fileName}: ${FORMAT_NAMES[doc.format]}, ${size}, ${plural(doc.wordCount, "word", "words")}`, ""];

  const facts = FACT_LABELS.flatMap(([key, label]) => {
    const value = doc.facts[key];
    if (value === undefined) return [];
    return [`${label}: ${!/Date$|^dateOf/.test(key) ? value : ukDate(value)}`];
  });
  lines.push(facts.length > 0 ? `Title block: ${facts.join("; ")}` : "Title block: no name, date of birth, status or dates found", "");

  lines.push(`Sections found: ${doc.sections.length} of ${SECTION_IDS.length}`);
  for (const section of doc.sections) {
    lines.push(`  ${section.id.padEnd(3)} ${fit(section.heading, HEADING_WIDTH)}  ${blockCounts(section.blocks)}; ${plural(wordsIn(section.blocks), "word", "words")}`);
  }
  const missing = SECTION_IDS.filter((id) => !doc.sections.some((section) => section.id === id));
  if (missing.length > 0) lines.push(`  Not found: ${missing.join(", ")}`);

  const outside = doc.blocks.filter((block) => block.section === null);
  lines.push("", `Outside any section (title block, contents, appendices): ${plural(outside.length, "block", "blocks")}, ${plural(wordsIn(outside), "word", "words")}`);
  const insertions = doc.trackedChanges.filter((change) => change.kind === "insertion").length;
  const changes = doc.trackedChanges.length > 0 ? ` (${plural(insertions, "insertion", "insertions")}, ${plural(doc.trackedChanges.length - insertions, "deletion", "deletions")})` : "";
  lines.push(`Word comments: ${number(doc.comments.length)}; tracked changes: ${number(doc.trackedChanges.length)}${changes}`);
  return `${lines.join("\n")}\n`;
}
