// The final plan must be issued within 20 weeks of the request for an EHC needs assessment.
import { defineRule } from "../define-rule.ts";
import { addDays, daysBetween, formatUkDate, weeksBetween } from "../dates.ts";

interface Options {
  maxWeeks: number;
  /** Days the family must have to comment on a draft (reg 13(1)): a draft issued later than deadline minus this cannot meet the limit. */
  commentDays: number;
}

export default defineRule<Options>({
  meta: {
    id: "issued-within-20-weeks",
    category: "timeliness",
    title: "Final plan issued within 20 weeks of the request",
    description: "Measures the weeks from the request for assessment to the final plan; for a draft, whether it leaves time for the family's comments before the deadline.",
    source: "SEND Regulations 2014, reg 13(2); SEND Code of Practice 2015, para 9.40",
    defaultSeverity: "error",
    defaultWeight: 2,
    optionsSchema: {
      type: "object",
      properties: {
        maxWeeks: { type: "number", minimum: 1, maximum: 52 },
        commentDays: { type: "integer", minimum: 0, maximum: 60 },
      },
      required: ["maxWeeks", "commentDays"],
      additionalProperties: false,
    },
    defaultOptions: { maxWeeks: 20, commentDays: 15 },
    messages: {
      late: "The final plan was issued {{weeks}} weeks after the request for assessment ({{request}} to {{issued}}). The legal limit is {{maxWeeks}} weeks.",
      deadlinePassed: "The draft is dated {{draftDate}}, after the {{maxWeeks}}-week deadline for the final plan ({{deadline}}).",
      deadlineAtRisk: "The final plan is due by {{deadline}}, but the family must have {{commentDays}} days to comment on the draft: a draft dated {{draftDate}} cannot be finalised in time.",
    },
  },
  check({ plan, options, settings, report }) {
    const { facts } = plan;
    if (facts.status === "amended") return { notApplicable: "This is an amended plan: the 20-week limit applies to new plans only." };
    if (!facts.requestDate) {
      return { notApplicable: "The plan does not give the date of the request for assessment, so the 20-week limit could not be checked." };
    }
    const maxDays = Math.round(options.maxWeeks * 7);
    const deadline = addDays(facts.requestDate, maxDays);
    const issued = facts.finalIssuedDate ?? (facts.status === "final" ? facts.planDate : undefined);
    const common = { section: null, excerpt: "" } as const;

    if (issued) {
      const weeks = weeksBetween(facts.requestDate, issued);
      if (daysBetween(facts.requestDate, issued) > maxDays) {
        report({
          ...common,
          messageId: "late",
          data: { weeks, request: formatUkDate(facts.requestDate), issued: formatUkDate(issued), maxWeeks: options.maxWeeks },
          suggestion: "Record the reason for the delay on the case file and tell the family; check whether an exception in reg 13(3) applies.",
        });
      }
      return { note: `Issued ${weeks} weeks after the request (limit ${options.maxWeeks}).` };
    }

    if (facts.status !== "draft") {
      return { notApplicable: "The plan gives no date of issue and is not marked as a draft, so the 20-week limit could not be checked." };
    }
    // A draft is judged as at the day it was issued (so the result does not change with the day of the audit):
    // the family's comment period must end by the deadline.
    const draftDate = facts.draftIssuedDate ?? facts.planDate ?? settings.auditDate;
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
    return { note: `Draft of ${formatUkDate(draftDate)}, ${weeksBetween(facts.requestDate, draftDate)} weeks after the request: the final plan is due by ${formatUkDate(deadline)}.` };
  },
});
