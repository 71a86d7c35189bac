// The document model: what every rule reads. Nothing here knows about DOCX or PDF.

/** Section ids of an EHC plan (SEND Regulations 2014, reg 12). */
export const SECTION_IDS = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export type DocumentFormat = "docx" | "pdf" | "text";

/** Where a block sits in the source file: paragraph index (DOCX, 0-based body order) or page (PDF, 1-based). */
export interface Location {
  page?: number;
  paragraph?: number;
}

interface BlockBase {
  /** Stable id, "b" + document-order index ("b0", "b1", ...). */
  id: string;
  /** Position in document order across the whole file. */
  index: number;
  /** The section this block belongs to, or null for title block, front matter and appendices. */
  section: SectionId | null;
  /** Plain text of the block; for a table, its cells row by row, joined with " | " and newlines. */
  text: string;
  location: Location;
}

export interface HeadingBlock extends BlockBase {
  kind: "heading";
  /** 1 = top level. PDFs have no styles, so headings there are inferred. */
  level: number;
}

export interface ParagraphBlock extends BlockBase {
  kind: "paragraph";
}

export interface ListItemBlock extends BlockBase {
  kind: "list-item";
  /** 0 = top level. */
  level: number;
  ordered: boolean;
}

export interface TableBlock extends BlockBase {
  kind: "table";
  /** The header row's cells (empty when the table has no header row). */
  header: string[];
  /** Body rows, each a list of cell texts, not flattened. */
  rows: string[][];
}

export type Block = HeadingBlock | ParagraphBlock | ListItemBlock | TableBlock;

/**
 * How a section's heading was spotted in the layout:
 * "heading-style" a Word heading style; "layout" a PDF line set apart by its font and spacing; "line" a short
 * line of its own (often bold or in capitals); "banner" a one-cell table; "table" a labelled table row;
 * "column" a table column's title; "label" a labelled line or sub-heading inside a combined part; "combined" a
 * combined part ("Health: needs and provision") that does not separate this section's text.
 */
export type SectionFoundBy = "heading-style" | "layout" | "line" | "banner" | "table" | "column" | "label" | "combined";

/** One stretch of a section's text: a plan in areas of need repeats B, E and F once per area. */
export interface SectionRegion {
  /** The heading that opens this region, as written. */
  heading: string;
  headingBlockId: string | null;
  /** One of the four areas of need (SEND Code of Practice 6.28) when the layout groups by area. */
  areaOfNeed?: string;
  /** The region's blocks in order, its heading excluded. */
  blocks: Block[];
  location: Location;
}

export interface Section {
  id: SectionId;
  /** The heading as written in the document, e.g. "Part F: The support I will get". */
  heading: string;
  /** The block that carries the heading (a heading block, or a table when the section is a table row). */
  headingBlockId: string | null;
  /** Blocks in order, heading excluded: the union of the regions' blocks. */
  blocks: Block[];
  location: Location;
  /** Where the section's text stands, in document order; one region unless the layout repeats the section. */
  regions: SectionRegion[];
  foundBy: SectionFoundBy;
  /** What named it: its letter, a rule-set alias, or the meaning of the heading's words. */
  matchedBy: "letter" | "alias" | "meaning";
}

export type PlanStatus = "draft" | "final" | "amended";

/** What the title block's dates mean for the plan (rules/plan-dates.ts reads them once for the report and the rules). */
export interface PlanDates {
  status: PlanStatus | null;
  /** The request for an EHC needs assessment. */
  requestDate: string | null;
  /** The draft (for an amended plan, the proposed amendments are its amendment notice). */
  draftDate: string | null;
  /** When the plan was first issued as a final: for an amended plan, the original plan's date of issue. */
  issueDate: string | null;
  /** The date of this document: the final's (or the amended plan's) date of issue, else the date it carries. */
  planDate: string | null;
  /** Amended plans: the amendment notice, and the review meeting that led to it. */
  amendmentNoticeDate: string | null;
  reviewMeetingDate: string | null;
  /** The next review. */
  reviewDate: string | null;
}

/** Title-block facts; dates are ISO "YYYY-MM-DD". Each is absent when the document does not state it. */
export interface TitleFacts {
  /** The child's full name as the title block gives it ("Samuel Okafor"). */
  childName?: string;
  firstName?: string;
  lastName?: string;
  /** The name the child is known by or prefers ("Zac"). */
  knownAs?: string;
  dateOfBirth?: string;
  /** Stated, or inferred from the title block's other facts when not stated (see facts.ts): one answer for every rule. */
  status?: PlanStatus;
  /** The date of this document when the title block does not say what it is the date of ("Date of plan", "Date issued"). */
  planDate?: string;
  requestDate?: string;
  draftIssuedDate?: string;
  /** The date this final (or, for an amended plan, this amended plan) was issued. */
  finalIssuedDate?: string;
  /** Amended plans: when the first plan was issued. */
  originalIssueDate?: string;
  /** Amended plans: when the amendment notice (the proposed amendments) was sent to the family. */
  amendmentNoticeDate?: string;
  /** The most recent review meeting held (an annual review that led to an amendment). */
  reviewMeetingDate?: string;
  /** The next review due. */
  reviewDate?: string;
}

export interface WordComment {
  id: string;
  author: string;
  date?: string;
  text: string;
  /** The exact document text the comment is anchored to ("" when anchored to a point). */
  anchorText: string;
  blockId: string | null;
}

export interface TrackedChange {
  id: string;
  kind: "insertion" | "deletion";
  author: string;
  date?: string;
  text: string;
  blockId: string | null;
}

export interface EhcpDocument {
  format: DocumentFormat;
  fileName: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  /** Number of pages (PDF) — undefined for DOCX. */
  pageCount?: number;
  /** Number of body paragraphs (DOCX) — undefined for PDF. */
  paragraphCount?: number;
  /** What the reader could not do in full (a PDF's tables read as plain lines), in words for the report; never file text. */
  notes?: string[];
  wordCount: number;
  facts: TitleFacts;
  /** Every block in document order, including those outside any section. */
  blocks: Block[];
  /** Sections found, in document order. A section's blocks are the same objects as in `blocks`. */
  sections: Section[];
  comments: WordComment[];
  trackedChanges: TrackedChange[];
}
