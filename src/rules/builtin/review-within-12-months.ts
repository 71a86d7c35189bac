// The plan must be reviewed within 12 months of being issued, and then within 12 months of each review: an amended
// plan's next review is counted from the review meeting that led to the amendment.
import { defineRule } from "../define-rule.ts";
import { addMonths, formatUkDate } from "../dates.ts";
import { planDates } from "../plan-dates.ts";

interface Options {
  maxMonths: number;
}

export default defineRule<Options>({
  meta: {
    id: "review-within-12-months",
    category: "timeliness",
    title: "Review due within 12 months",
    description: "Checks the review date is no later than 12 months after the plan was issued, or after the last review meeting when the plan gives one.",
    source: "Children and Families Act 2014, s44; SEND Regulations 2014, reg 18; SEND Code of Practice 2015, para 9.166",
    rationale: "A plan must be reviewed at least every 12 months, so the review date must fall within a year of issue (or of the last review).",
    examples: {
      pass: [
        { text: "A plan issued on 10 September with its review due by 1 September the next year." },
      ],
      fail: [
        { text: "A plan issued on 10 September with its review set for December the following year." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 1,
    optionsSchema: {
      type: "object",
      properties: { maxMonths: { type: "integer", minimum: 1, maximum: 24 } },
      required: ["maxMonths"],
      additionalProperties: false,
    },
    defaultOptions: { maxMonths: 12 },
    messages: {
      tooLate: "The review date ({{review}}) is more than {{maxMonths}} months after the plan was issued ({{issued}}).",
      tooLateAfterReview: "The review date ({{review}}) is more than {{maxMonths}} months after the last review meeting ({{issued}}).",
      beforeIssue: "The review date ({{review}}) is before the plan was issued ({{issued}}).",
    },
  },
  check({ plan, options, report }) {
    const { facts } = plan;
    const dates = planDates(facts);
    // Reviews run from the last review where the plan gives one (reg 18: within 12 months of the previous review).
    const fromReview = dates.reviewMeetingDate !== null && dates.reviewMeetingDate <= (facts.reviewDate ?? dates.reviewMeetingDate);
    const issued = fromReview ? dates.reviewMeetingDate! : (dates.planDate ?? facts.draftIssuedDate);
    if (!facts.reviewDate) return { notApplicable: "The plan does not give a review date, so the 12-month review could not be checked." };
    if (!issued) return { notApplicable: "The plan does not say when it was issued, so the 12-month review could not be checked." };
    const latest = addMonths(issued, options.maxMonths);
    const data = { review: formatUkDate(facts.reviewDate), issued: formatUkDate(issued), maxMonths: options.maxMonths };
    const common = { section: null, excerpt: "" } as const;
    if (facts.reviewDate > latest) {
      report({ ...common, messageId: fromReview ? "tooLateAfterReview" : "tooLate", data, suggestion: `Set the review for ${formatUkDate(latest)} or earlier.` });
    } else if (!fromReview && facts.reviewDate < issued) {
      report({ ...common, messageId: "beforeIssue", data, severity: "warning", suggestion: "Check the review date and the date of issue: one of them is wrong." });
    }
    return { note: `Review by ${formatUkDate(facts.reviewDate)}; latest allowed ${formatUkDate(latest)}.` };
  },
});
