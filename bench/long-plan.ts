// A ~30-page plan for the bench: the longest sample plan with, in each of its sections, the same section's content
// from every other sample plan and final plan of the draft/final pairs added after its own (so the text is varied, not one paragraph repeated). Rendered
// to DOCX with the sample renderer, and to PDF with LibreOffice when it is installed.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { convertToPdf, renderDocx } from "../samples/render/index.ts";
import type { SampleSpec, SpecBlock } from "../samples/spec.ts";
import { pairs } from "../samples/specs/pairs/index.ts";
import { plans } from "../samples/specs/plans/index.ts";

type SectionKey = string;

/** Blocks after each section heading, up to the next section or level-1 heading. */
function sectionBodies(spec: SampleSpec): Map<SectionKey, SpecBlock[]> {
  const bodies = new Map<SectionKey, SpecBlock[]>();
  let current: SpecBlock[] | null = null;
  for (const block of spec.blocks) {
    if ("section" in block) {
      current = [];
      bodies.set(block.section, current);
    } else if (("h" in block && block.level === 1) || "toc" in block) {
      current = null;
    } else if (current) {
      current.push(block);
    }
  }
  return bodies;
}

// Other plans' comments and tracked changes refer to their own ids: their blocks are left out.
const hasMarkup = (block: SpecBlock): boolean => /\{(c|ins|del):/.test(JSON.stringify(block));

export function longPlanSpec(base: SampleSpec, others: SampleSpec[]): SampleSpec {
  const extra = others.map(sectionBodies);
  const blocks: SpecBlock[] = [];
  let open: SectionKey | null = null;
  const flush = () => {
    if (open === null) return;
    for (const bodies of extra) blocks.push(...(bodies.get(open) ?? []).filter((block) => !hasMarkup(block) && !("subsection" in block && block.subsection)));
    open = null;
  };
  for (const block of base.blocks) {
    if ("section" in block || ("h" in block && block.level === 1)) flush();
    blocks.push(block);
    if ("section" in block) open = block.section;
  }
  flush();
  return { ...base, id: `bench-long-${base.id}`, blocks, comments: base.comments ?? [], revisions: base.revisions ?? [] };
}

export interface LongPlan {
  docx: { bytes: Buffer; fileName: string };
  /** The sample the long plan was grown from (samples/<id>.docx). */
  baseId: string;
  pdf?: { bytes: Buffer; fileName: string; pages: number };
  /** Why there is no PDF, when there is none. */
  pdfNote?: string;
}

const pageCount = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1] ?? Number.NaN);

/** The long plan as DOCX, and as PDF too when `withPdf` (LibreOffice renders it: several seconds). */
export async function buildLongPlan({ withPdf = true }: { withPdf?: boolean } = {}): Promise<LongPlan> {
  const finals = pairs.filter((spec) => spec.kind === "plan" && spec.expect.draftOf !== undefined);
  const [base, ...others] = [...plans, ...finals].sort((a, b) => JSON.stringify(b.blocks).length - JSON.stringify(a.blocks).length);
  const spec = longPlanSpec(base!, others);
  const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-bench-"));
  const docxPath = path.join(dir, `${spec.id}.docx`);
  const bytes = await renderDocx(spec);
  await writeFile(docxPath, bytes);
  const plan: LongPlan = { docx: { bytes, fileName: `${spec.id}.docx` }, baseId: base!.id };
  if (!withPdf) return plan;
  try {
    convertToPdf([docxPath], dir);
    const pdfPath = path.join(dir, `${spec.id}.pdf`);
    plan.pdf = { bytes: await readFile(pdfPath), fileName: `${spec.id}.pdf`, pages: pageCount(pdfPath) };
  } catch (error) {
    plan.pdfNote = `no PDF of the long plan (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
  return plan;
}
