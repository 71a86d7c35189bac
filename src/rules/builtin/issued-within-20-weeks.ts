// The final plan must be issued within 20 weeks of the request for an EHC needs assessment; an amended plan within
// 8 weeks of the amendment notice (and so, at the latest, 4 + 8 weeks after the review meeting that led to it).
import { defineRule } from "../define-rule.ts";
import { addDays, daysBetween, formatUkDate, weeksBetween } from "../dates.ts";
import { planDates } from "../plan-dates.ts";

interface Options {
  maxWeeks: number;
  /** Days the family must have to comment on a draft (reg 13(1)): a draft issued later than deadline minus this cannot meet the limit. */
  commentDays: number;
  /** Weeks from the amendment notice to the amended plan (reg 22(5)). */
  amendmentWeeks: number;
  /** Weeks from a review meeting to the notice of the decision to amend (reg 20(10)). */
  reviewDecisionWeeks: number;
}

export default defineRule<Options>({
  meta: {
    id: "issued-within-20-weeks",
    category: "timeliness",
    title: "Final plan issued within 20 weeks of the request",
    description:
      "Measures the weeks from the request for assessment to the final plan; for a draft, whether it leaves time for the family's comments before the deadline; for an amended plan, the weeks from the amendment notice (or the review meeting) to the amended plan.",
    source: "SEND Regulations 2014, regs 13(2), 20(10) and 22; SEND Code of Practice 2015, paras 9.40 and 9.194",
    rationale: "The law gives 20 weeks from the request for an assessment to the final plan; delay leaves a child without enforceable provision.",
    examples: {
      pass: [
        { text: "A request for assessment on 3 February and a final plan issued on 12 June the same year (18 weeks)." },
      ],
      fail: [
        { text: "A request on 3 February and a final plan issued on 14 August (27 weeks)." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 2,
    optionsSchema: {
      type: "object",
      properties: {
        maxWeeks: { type: "number", minimum: 1, maximum: 52 },
        commentDays: { type: "integer", minimum: 0, maximum: 60 },
        amendmentWeeks: { type: "number", minimum: 1, maximum: 52 },
        reviewDecisionWeeks: { type: "number", minimum: 0, maximum: 52 },
      },
      required: ["maxWeeks", "commentDays"],
      additionalProperties: false,
    },
    defaultOptions: { maxWeeks: 20, commentDays: 15, amendmentWeeks: 8, reviewDecisionWeeks: 4 },
    messages: {
      late: "The final plan was issued {{weeks}} weeks after the request for assessment ({{request}} to {{issued}}). The legal limit is {{maxWeeks}} weeks.",
      deadlinePassed: "The draft is dated {{draftDate}}, after the {{maxWeeks}}-week deadline for the final plan ({{deadline}}).",
      deadlineAtRisk: "The final plan is due by {{deadline}}, but the family must have {{commentDays}} days to comment on the draft: a draft dated {{draftDate}} cannot be finalised in time.",
      amendmentLate: "The amended plan was issued {{weeks}} weeks after the amendment notice ({{notice}} to {{issued}}). The legal limit is {{amendmentWeeks}} weeks.",
      amendmentLateAfterReview:
        "The amended plan was issued {{weeks}} weeks after the review meeting ({{meeting}} to {{issued}}): more than the {{reviewDecisionWeeks}} weeks allowed to send the amendment notice and the {{amendmentWeeks}} weeks after it to issue the plan.",
    },
  },
  check({ plan, options, settings, report }) {
    const { facts } = plan;
    const dates = planDates(facts);
    const common = { section: null, excerpt: "" } as const;
    const amendmentWeeks = options.amendmentWeeks ?? 8;
    const reviewDecisionWeeks = options.reviewDecisionWeeks ?? 4;

    if (dates.status === "amended") {
      // The 20 weeks were the original plan's; an amendment has its own limit, counted from its notice.
      const issued = dates.planDate;
      if (!issued) return { notApplicable: "The plan does not say when the amended plan was issued, so the time taken to amend it could not be checked." };
      if (dates.amendmentNoticeDate) {
        const weeks = weeksBetween(dates.amendmentNoticeDate, issued);
        if (daysBetween(dates.amendmentNoticeDate, issued) > amendmentWeeks * 7) {
          report({
            ...common,
            messageId: "amendmentLate",
            data: { weeks, notice: formatUkDate(dates.amendmentNoticeDate), issued: formatUkDate(issued), amendmentWeeks },
            suggestion: "Record the reason for the delay on the case file and tell the family.",
          });
        }
        return { note: `Amended plan issued ${weeks} weeks after the amendment notice (limit ${amendmentWeeks}).` };
      }
      if (dates.reviewMeetingDate && dates.reviewMeetingDate <= issued) {
        const weeks = weeksBetween(dates.reviewMeetingDate, issued);
        if (daysBetween(dates.reviewMeetingDate, issued) > (reviewDecisionWeeks + amendmentWeeks) * 7) {
          report({
            ...common,
            messageId: "amendmentLateAfterReview",
            data: { weeks, meeting: formatUkDate(dates.reviewMeetingDate), issued: formatUkDate(issued), reviewDecisionWeeks, amendmentWeeks },
            suggestion: "Record the reason for the delay on the case file and tell the family; give the date of the amendment notice on the front page.",
          });
        }
        return { note: `Amended plan issued ${weeks} weeks after the review meeting (limit ${reviewDecisionWeeks + amendmentWeeks}).` };
      }
      return { notApplicable: "The amended plan gives neither the date of the amendment notice nor of the review meeting, so the time taken to amend it could not be checked." };
    }

    if (!dates.requestDate) {
      return { notApplicable: "The plan does not give the date of the request for assessment, so the 20-week limit could not be checked." };
    }
    const maxDays = Math.round(options.maxWeeks * 7);
    const deadline = addDays(dates.requestDate, maxDays);
    const issued = dates.issueDate;

    if (issued) {
      const weeks = weeksBetween(dates.requestDate, issued);
      if (daysBetween(dates.requestDate, issued) > maxDays) {
        report({
          ...common,
          messageId: "late",
          data: { weeks, request: formatUkDate(dates.requestDate), issued: formatUkDate(issued), maxWeeks: options.maxWeeks },
          suggestion: "Record the reason for the delay on the case file and tell the family; check whether an exception in reg 13(3) applies.",
        });
      }
      return { note: `Issued ${weeks} weeks after the request (limit ${options.maxWeeks}).` };
    }

    if (dates.status !== "draft") {
      return { notApplicable: "The plan gives no date of issue and is not marked as a draft, so the 20-week limit could not be checked." };
    }
    // A draft is judged as at the day it was issued (so the result does not change with the day of the audit):
    // the family's comment period must end by the deadline.
    const draftDate = dates.draftDate ?? settings.auditDate;
    const data = { deadline: formatUkDate(deadline), maxWeeks: options.maxWeeks, commentDays: options.commentDays, draftDate: formatUkDate(draftDate) };
    if (draftDate > deadline) {
      report({ ...common, messageId: "deadlinePassed", data, suggestion: "Issue the final plan as soon as possible and tell the family why it is late." });
    } else if (addDays(draftDate, options.commentDays) > deadline) {
      report({
        ...common,
        messageId: "deadlineAtRisk",
        severity: "warning",
        data,
        suggestion: "Issue the final on the day the comment period ends, and tell the family why it will be late.",
      });
    }
    return { note: `Draft of ${formatUkDate(draftDate)}, ${weeksBetween(dates.requestDate, draftDate)} weeks after the request: the final plan is due by ${formatUkDate(deadline)}.` };
  },
});
