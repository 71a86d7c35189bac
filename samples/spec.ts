// The shape of a fictional sample document, written as data and rendered to DOCX (docx package) and PDF
// (LibreOffice). Expectations sit next to the text they are about, so tests read ground truth from here.
import type { SectionId, TitleFacts } from "../src/model/document.ts";

/** How section headings are written: the templates local authorities use. */
export type TemplateStyle =
  /** "Section A: Views, interests and aspirations" / "Section F – Special educational provision" */
  | "section-colon"
  /** "Part A – All about me" / "Part F: The support I will get" */
  | "part-dash"
  /** "1. Views, interests and aspirations (Section A)" */
  | "numbered-bracket"
  /** "Special Educational Needs", "Outcomes", "Placement": meaning alone, no letter */
  | "meaning-only"
  /** Each section is a table whose first column holds the section letter or name */
  | "table-sections";

/** Whether a provision statement is specific enough (CoP 9.69), for the provision-specificity tests. */
export type ProvisionExpect = "specific" | "vague";

/** How a requested correction on a draft should be judged against the final. */
export type CorrectionVerdict = "carried-over" | "not-carried-over" | "partly-carried-over" | "not-a-correction";

/** How an advice report's recommendation is carried into the plan. */
export type RecommendationVerdict = "carried" | "weakened" | "missing";

export interface Expectations {
  provision?: ProvisionExpect;
  /**
   * A sentence inside F, G, H1 or H2 that is not itself provision (an introduction, "No social care provision is
   * required"): a provision rule should leave it alone. Every other statement there carries `provision`.
   */
  notProvision?: true;
  correction?: CorrectionVerdict;
  recommendation?: RecommendationVerdict;
  /** For an outcome in Section E: whether it is SMART (time-bound, measurable, about the child, not provision). */
  outcome?: OutcomeExpect;
}

export type OutcomeExpect = "smart" | "not-smart";

/**
 * Inline markup allowed in any text:
 *   {c:ID}anchored text{/c}   a Word comment (see SampleSpec.comments) anchored to the text
 *   {ins:ID}text{/ins}        a tracked insertion (see SampleSpec.revisions)
 *   {del:ID}text{/del}        a tracked deletion
 *   **bold**                  bold run
 */
export type SpecText = string;

export type SpecItem = SpecText | ({ text: SpecText } & Expectations);

export type SpecBlock =
  /** Start of a plan section; the renderer writes the heading in the spec's template style. "H" is a combined H1/H2 heading. */
  | { section: SectionId | "H"; title: string }
  /**
   * Any other heading (title, sub-heading inside a section, appendix heading); level 2 when not given.
   * A level-1 heading ends the current section (appendices after K). Inside a combined "H" section, a sub-heading
   * starting "H1"/"H2" (or carrying `subsection`) starts that part.
   */
  | { h: SpecText; level?: 1 | 2 | 3; subsection?: "H1" | "H2" }
  | ({ p: SpecText } & Expectations)
  | { ul: SpecItem[] }
  | { ol: SpecItem[] }
  /** A real Word table; `expect[i]` is about rows[i]. An empty `header` makes a table without a header row. */
  | { table: { header: string[]; rows: SpecText[][]; expect?: (Expectations | null)[]; /** Relative column widths. */ widths?: number[] } }
  /** A table of contents listing the section headings (must not be mistaken for the sections). */
  | { toc: true }
  | { pageBreak: true };

export interface SpecComment extends Pick<Expectations, "correction"> {
  id: string;
  author: string;
  /** ISO date-time */
  date: string;
  text: string;
}

export interface SpecRevision extends Pick<Expectations, "correction"> {
  id: string;
  author: string;
  date: string;
}

export interface SampleSpec {
  /** File base name: samples/<id>.docx and samples/<id>.pdf */
  id: string;
  kind: "plan" | "advice-report" | "response-letter";
  /** For plans: how section headings are written. */
  template?: TemplateStyle;
  /** Running header on every page (e.g. the child's name and date of birth); the footer always carries "Page x of y". */
  runningHeader?: string;
  blocks: SpecBlock[];
  comments?: SpecComment[];
  revisions?: SpecRevision[];
  /** Also write a plain-text rendering (response letters can arrive as .txt). */
  alsoText?: boolean;
  expect: {
    /** Section ids present, in document order (H1/H2 as split). */
    sections: SectionId[];
    facts?: TitleFacts;
    /** For a final plan: the id of its draft sample, so tests can pair them. */
    draftOf?: string;
    /** Free-form notes for humans reading the samples (what is good or poor about this plan). */
    notes?: string;
  };
}
