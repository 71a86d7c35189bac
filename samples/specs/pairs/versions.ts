// One pair's draft and final are written once, as a function of the version, so the two share every sentence nobody
// asked to change. The text of a correction in the final is derived from its ground-truth verdict, so the verdict and
// the final cannot disagree: a carried-over insertion is in the final, a not-carried-over deletion is still there.
import type { CorrectionVerdict, SpecComment, SpecRevision, SpecText } from "../../spec.ts";

export type PlanVersion = "draft" | "final";

/** Text that differs between draft and final for a reason nobody asked for (an unrequested edit, a filled-in date). */
export const pick = (version: PlanVersion, draft: SpecText, final: SpecText): SpecText => (version === "draft" ? draft : final);

function verdictOf(list: { id: string; correction?: CorrectionVerdict }[], id: string): CorrectionVerdict {
  const verdict = list.find((entry) => entry.id === id)?.correction;
  if (!verdict) throw new Error(`Sample pair: no correction verdict declared for "${id}"`);
  return verdict;
}

/**
 * Changes asked for in words (a Word comment on the draft, or a numbered item in a response letter): in the final,
 * the text they are about stays as it was unless the request was acted on.
 */
export class RequestedChanges {
  constructor(
    private readonly version: PlanVersion,
    private readonly requests: { id: string; correction?: CorrectionVerdict }[],
    /** How the draft marks the text a request is about (a comment anchor), or not at all (a letter quotes it). */
    private readonly markInDraft: (id: string, text: SpecText) => SpecText = (_id, text) => text,
  ) {}

  /**
   * The draft shows `anchor` (marked). The final shows `anchor` unchanged when the request was not acted on (not
   * carried over, or not a correction) and `final` otherwise (carried over or partly carried over).
   */
  on(id: string, anchor: SpecText, final?: SpecText): SpecText {
    if (this.version === "draft") return this.markInDraft(id, anchor);
    const verdict = verdictOf(this.requests, id);
    const acted = verdict === "carried-over" || verdict === "partly-carried-over";
    if (acted !== (final !== undefined)) throw new Error(`Sample pair: request "${id}" is ${verdict}, so its final text must ${acted ? "" : "not "}be given`);
    return acted ? (final as SpecText) : anchor;
  }
}

/** Word comments on a draft, anchored to the text they are about. */
export const commentedText = (version: PlanVersion, comments: SpecComment[]): RequestedChanges =>
  new RequestedChanges(version, comments, (id, text) => `{c:${id}}${text}{/c}`);

/** Tracked changes in a draft: in the final, each is accepted, rejected or partly made, as its verdict says. */
export class TrackedText {
  constructor(
    private readonly version: PlanVersion,
    private readonly revisions: SpecRevision[],
  ) {}

  private resolved(id: string, accepted: SpecText, rejected: SpecText, partly: SpecText | undefined): SpecText {
    const verdict = verdictOf(this.revisions, id);
    if ((verdict === "partly-carried-over") !== (partly !== undefined)) throw new Error(`Sample pair: revision "${id}" is ${verdict}; give its partial final text exactly when it is partly carried over`);
    if (verdict === "carried-over") return accepted;
    if (verdict === "partly-carried-over") return partly as SpecText;
    return rejected;
  }

  /** Inserted `text`; in the final it is there (carried over), absent (not) or `partly`. */
  ins(id: string, text: SpecText, partly?: SpecText): SpecText {
    return this.version === "draft" ? `{ins:${id}}${text}{/ins}` : this.resolved(id, text, "", partly);
  }

  /** Deleted `text`; in the final it is gone (carried over), still there (not) or `partly`. */
  del(id: string, text: SpecText, partly?: SpecText): SpecText {
    return this.version === "draft" ? `{del:${id}}${text}{/del}` : this.resolved(id, "", text, partly);
  }

  /** A replacement: deletion `delId` of `before` then insertion `insId` of `after`; both carry the replacement's verdict. */
  replace(delId: string, insId: string, before: SpecText, after: SpecText, partly?: SpecText): SpecText {
    if (this.version === "draft") return `{del:${delId}}${before}{/del}{ins:${insId}}${after}{/ins}`;
    const verdict = verdictOf(this.revisions, delId);
    if (verdictOf(this.revisions, insId) !== verdict) throw new Error(`Sample pair: replacement "${delId}"/"${insId}" has two different verdicts`);
    return this.resolved(delId, after, before, partly);
  }
}

/** Drops list items left empty in the final because the draft inserted the whole item and the insertion was not kept. */
export function keptItems<T extends string | { text: string }>(items: T[]): T[] {
  return items.filter((item) => (typeof item === "string" ? item : item.text).trim() !== "");
}
