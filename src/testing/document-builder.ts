// Builds small EhcpDocuments in code for rule tests: `planBuilder({...}).section("F").paragraph("...").build()`.
import type { Block, DocumentFormat, EhcpDocument, Section, SectionId, TitleFacts } from "../model/document.ts";
import { countWords } from "../text/words.ts";

const DEFAULT_HEADINGS: Record<SectionId, string> = {
  A: "Section A: Views, interests and aspirations",
  B: "Section B: Special educational needs",
  C: "Section C: Health needs related to SEN",
  D: "Section D: Social care needs",
  E: "Section E: Outcomes",
  F: "Section F: Special educational provision",
  G: "Section G: Health provision",
  H1: "Section H1: Social care provision under section 2 of the CSDPA 1970",
  H2: "Section H2: Other social care provision",
  I: "Section I: Placement",
  J: "Section J: Personal budget",
  K: "Section K: Advice and information",
};

type NewBlock = Block extends unknown ? (Block extends infer B ? (B extends Block ? Omit<B, "id" | "index" | "section" | "location"> : never) : never) : never;


export class DocumentBuilder {
  private readonly blocks: Block[] = [];
  private readonly sections: Section[] = [];
  private readonly document: Pick<EhcpDocument, "comments" | "trackedChanges"> = { comments: [], trackedChanges: [] };
  private current: Section | null = null;

  constructor(
    private readonly facts: TitleFacts = {},
    private readonly format: DocumentFormat = "docx",
    private readonly fileName = "test-plan.docx",
  ) {}

  private nextLocation() {
    const index = this.blocks.length;
    return this.format === "pdf" ? { page: 1 + Math.floor(index / 20) } : { paragraph: index };
  }

  private push(partial: NewBlock): this {
    const index = this.blocks.length;
    const block = { ...partial, id: `b${index}`, index, section: this.current?.id ?? null, location: this.nextLocation() } as Block;
    this.blocks.push(block);
    this.current?.blocks.push(block);
    return this;
  }

  /** Start a section; following blocks belong to it. The heading defaults to "Section X: <standard title>". */
  section(id: SectionId, heading = DEFAULT_HEADINGS[id]): this {
    this.current = null;
    this.push({ kind: "heading", level: 1, text: heading });
    const headingBlock = this.blocks[this.blocks.length - 1]!;
    // One region sharing the section's block list: blocks pushed later belong to both.
    const blocks: Block[] = [];
    const region = { heading, headingBlockId: headingBlock.id, blocks, location: headingBlock.location };
    this.current = { id, heading, headingBlockId: headingBlock.id, blocks, location: headingBlock.location, regions: [region], foundBy: "heading-style", matchedBy: "letter" };
    headingBlock.section = id;
    this.sections.push(this.current);
    return this;
  }

  /** Following blocks belong to no section (front matter, appendices). */
  outsideSections(): this {
    this.current = null;
    return this;
  }

  heading(text: string, level = 2): this {
    return this.push({ kind: "heading", level, text });
  }

  paragraph(text: string): this {
    return this.push({ kind: "paragraph", text });
  }

  listItem(text: string, options: { level?: number; ordered?: boolean } = {}): this {
    return this.push({ kind: "list-item", text, level: options.level ?? 0, ordered: options.ordered ?? false });
  }

  list(items: string[], ordered = false): this {
    for (const item of items) this.listItem(item, { ordered });
    return this;
  }

  table(header: string[], rows: string[][]): this {
    const text = [header, ...rows].filter((row) => row.length > 0).map((row) => row.join(" | ")).join("\n");
    return this.push({ kind: "table", header, rows, text });
  }

  /** A Word comment anchored to `anchorText` in the last block. */
  comment(author: string, text: string, anchorText: string, date?: string): this {
    const last = this.blocks[this.blocks.length - 1] ?? null;
    const comment = { id: String(this.document.comments.length), author, text, anchorText, blockId: last?.id ?? null };
    this.document.comments.push(date ? { ...comment, date } : comment);
    return this;
  }

  /** A tracked change in the last block. */
  trackedChange(kind: "insertion" | "deletion", author: string, text: string): this {
    const last = this.blocks[this.blocks.length - 1] ?? null;
    this.document.trackedChanges.push({ id: String(this.document.trackedChanges.length), kind, author, text, blockId: last?.id ?? null });
    return this;
  }

  build(): EhcpDocument {
    const wordCount = this.blocks.reduce((sum, block) => sum + countWords(block.text), 0);
    const doc: EhcpDocument = {
      format: this.format,
      fileName: this.fileName,
      sha256: "0".repeat(64),
      wordCount,
      facts: { ...this.facts },
      blocks: [...this.blocks],
      sections: this.sections.map((section) => ({ ...section, blocks: [...section.blocks] })),
      comments: [...this.document.comments],
      trackedChanges: [...this.document.trackedChanges],
    };
    if (this.format === "pdf") doc.pageCount = 1 + Math.floor(this.blocks.length / 20);
    else doc.paragraphCount = this.blocks.length;
    return doc;
  }
}

export function planBuilder(facts: TitleFacts = {}, format: DocumentFormat = "docx"): DocumentBuilder {
  return new DocumentBuilder(facts, format, format === "pdf" ? "test-plan.pdf" : "test-plan.docx");
}
