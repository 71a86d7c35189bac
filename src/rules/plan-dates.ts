// What the title block's dates mean for the plan, read once: the report's facts and the timeliness rules use
// these, so every part of the report gives the same answer for the plan's status and dates.
import type { PlanStatus, TitleFacts } from "../model/document.ts";
import type { DocumentFacts } from "../model/report.ts";

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

export function planDates(facts: TitleFacts): PlanDates {
  const status = facts.status ?? null;
  const dateOfThisPlan = facts.finalIssuedDate ?? facts.planDate ?? (status === "draft" ? facts.draftIssuedDate : undefined);
  // A plan dated without saying what the date is: a final's date is its date of issue, a draft's is the draft's.
  const finalDate = facts.finalIssuedDate ?? (status === "final" || status === "amended" ? facts.planDate : undefined);
  return {
    status,
    requestDate: facts.requestDate ?? null,
    draftDate: facts.draftIssuedDate ?? (status === "draft" ? (facts.planDate ?? null) : null),
    issueDate: (status === "amended" ? (facts.originalIssueDate ?? finalDate) : finalDate) ?? null,
    planDate: dateOfThisPlan ?? null,
    amendmentNoticeDate: facts.amendmentNoticeDate ?? null,
    reviewMeetingDate: facts.reviewMeetingDate ?? null,
    reviewDate: facts.reviewDate ?? null,
  };
}

/** The report's `documents[i].facts`: every field present, null where the document does not say. */
export function reportFacts(facts: TitleFacts): DocumentFacts {
  const { childName, firstName, lastName, knownAs, dateOfBirth } = facts;
  const { status, requestDate, draftDate, issueDate, planDate, amendmentNoticeDate, reviewMeetingDate, reviewDate } = planDates(facts);
  return {
    childName: childName ?? null,
    firstName: firstName ?? null,
    lastName: lastName ?? null,
    knownAs: knownAs ?? null,
    dateOfBirth: dateOfBirth ?? null,
    status,
    requestDate,
    draftDate,
    issueDate,
    planDate,
    amendmentNoticeDate,
    reviewMeetingDate,
    reviewDate,
  };
}
