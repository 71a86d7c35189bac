// Where a finding is, in words a Word or PDF reader can follow: the section and its heading, the sub-heading above,
// the table and row, the page. Word shows no paragraph numbers, so the block index stays a machine field only.
import type { Block, EhcpDocument, Section, SectionId } from "../model/document.ts";
import type { CheckResult, Finding, FindingLocation } from "../model/report.ts";
import type { AuditInputs } from "../rules/types.ts";

const DOCUMENT_LABELS = { plan: "the plan", draft: "the draft", response: "a response letter", advice: "an advice report" } as const;

/** What is known about a block's surroundings, worked out once per document. */
interface BlockContext {
  block: Block;
  section: Section | undefined;
  /** The nearest heading above the block inside its section (not the section's own heading). */
  subheading: string | undefined;
  /** 1-based number of the table within its section (tables only). */
  tableNumber: number | undefined;
}

const fold = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();
const clip = (text: string, max = 60): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** One pass over the blocks: each block's section, the heading above it and its table number. */
function blockContexts(doc: EhcpDocument): Map<string, BlockContext> {
  const sectionOf = new Map<string, Section>();
  for (const section of doc.sections) for (const block of section.blocks) sectionOf.set(block.id, section);
  const contexts = new Map<string, BlockContext>();
  let currentSection: Section | undefined;
  let subheading: string | undefined;
  let tables = 0;
  for (const block of doc.blocks) {
    const section = sectionOf.get(block.id);
    if (section !== currentSection) {
      currentSection = section;
      subheading = undefined;
      tables = 0;
    }
    if (block.kind === "table") tables += 1;
    contexts.set(block.id, { block, section, subheading, tableNumber: block.kind === "table" ? tables : undefined });
    if (block.kind === "heading" && block.id !== section?.headingBlockId) subheading = block.text.trim();
  }
  return contexts;
}

/** "Section F: The help I get", or the heading as written when it names its letter already. */
export function sectionLabel(id: SectionId, heading: string | undefined): string {
  if (!heading) return `Section ${id}`;
  return new RegExp(`\\b${id}\\b`).test(heading) ? heading : `Section ${id}: ${heading}`;
}

/** The table row holding the excerpt: its number as Word counts rows (header row included) and its first cell. */
function rowOf(block: Block, excerpt: string): { row: number; label: string } | undefined {
  if (block.kind !== "table" || excerpt === "") return undefined;
  const wanted = fold(excerpt);
  const offset = block.header.length > 0 ? 1 : 0;
  for (const [index, cells] of block.rows.entries()) {
    const rowText = fold(cells.join(" "));
    if (rowText.includes(wanted) || cells.some((cell) => cell.trim() !== "" && wanted.includes(fold(cell)) && fold(cell).length > 15)) {
      return { row: index + 1 + offset, label: (cells.find((cell) => cell.trim() !== "") ?? "").trim() };
    }
  }
  return undefined;
}

/** The place as words, e.g. `Section F: The help I get, under "Speaking", table 1, row 3 ("Speech therapy"), page 4`. */
export function describePlace(finding: Pick<Finding, "section" | "excerpt" | "document" | "location">, context: BlockContext | undefined, sectionHeadings: ReadonlyMap<SectionId, string>): string {
  const parts: string[] = [];
  const sectionId = context?.section?.id ?? finding.section;
  const inPlan = !finding.document || finding.document === "plan";
  if (sectionId) parts.push(sectionLabel(sectionId, context?.section?.heading ?? sectionHeadings.get(sectionId)));
  else if (inPlan) parts.push(context ? "before the sections (title or front matter)" : "the plan as a whole");
  if (context?.subheading) parts.push(`under "${clip(context.subheading)}"`);
  if (context?.tableNumber !== undefined) {
    const row = rowOf(context.block, finding.excerpt);
    parts.push(`table ${context.tableNumber}${row ? `, row ${row.row}${row.label ? ` ("${clip(row.label, 40)}")` : ""}` : ""}`);
  }
  if (finding.location.page !== undefined) parts.push(`page ${finding.location.page}`);
  if (inPlan) return parts.join(", ");
  const inDocument = `In ${DOCUMENT_LABELS[finding.document!]}`;
  return parts.length > 0 ? `${inDocument}: ${parts.join(", ")}` : inDocument;
}

/** Adds `location.description` to every finding (one pass per document, then a lookup per finding). */
export function describeFindingPlaces(checks: CheckResult[], inputs: AuditInputs): void {
  const documents: Record<NonNullable<Finding["document"]>, EhcpDocument[]> = {
    plan: [inputs.plan],
    draft: inputs.draft ? [inputs.draft] : [],
    response: inputs.responses,
    advice: inputs.advice,
  };
  const contexts = new Map<EhcpDocument, Map<string, BlockContext>>();
  const contextsOf = (doc: EhcpDocument) => {
    let map = contexts.get(doc);
    if (!map) contexts.set(doc, (map = blockContexts(doc)));
    return map;
  };
  const headings = new Map<SectionId, string>();
  for (const section of inputs.plan.sections) if (!headings.has(section.id)) headings.set(section.id, section.heading);
  for (const check of checks) {
    for (const finding of check.findings) {
      const blockId = finding.location.block;
      let context: BlockContext | undefined;
      if (blockId) for (const doc of documents[finding.document ?? "plan"]) if ((context = contextsOf(doc).get(blockId))) break;
      const location: FindingLocation = finding.location;
      location.description = describePlace(finding, context, finding.document && finding.document !== "plan" ? new Map() : headings);
    }
  }
}
