// What the title block's dates mean for the plan, read once: the report's facts and the timeliness rules use
// these, so every part of the report gives the same answer for the plan's status and dates.
import type { PlanDates, TitleFacts } from "../model/document.ts";
import type { DocumentFacts } from "../model/report.ts";


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
