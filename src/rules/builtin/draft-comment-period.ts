// The family must have at least 15 days to comment on the draft before the final is issued; for an amended plan, on
// the amendment notice (the proposed amendments) before the amended plan is issued.
import { defineRule } from "../define-rule.ts";
import { daysBetween, formatUkDate } from "../dates.ts";
import { planDates } from "../plan-dates.ts";

interface Options {
  minDays: number;
}

export default defineRule<Options>({
  meta: {
    id: "draft-comment-period",
    category: "timeliness",
    title: "The family had 15 days to comment on the draft",
    description: "Counts the days between the draft (or an amended plan's amendment notice) being issued and the final plan.",
    source: "SEND Regulations 2014, regs 13(1) and 22(2); SEND Code of Practice 2015, paras 9.77 and 9.194",
    rationale: "The family must have at least 15 days to comment on the draft and ask for a school; a final issued sooner takes that right away.",
    examples: {
      pass: [
        { text: "A draft issued on 1 May and a final issued on 2 June." },
      ],
      fail: [
        { text: "A draft issued on 1 May and a final issued on 9 May." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 1,
    optionsSchema: {
      type: "object",
      properties: { minDays: { type: "integer", minimum: 1, maximum: 60 } },
      required: ["minDays"],
      additionalProperties: false,
    },
    defaultOptions: { minDays: 15 },
    messages: {
      tooShort: "The final plan was issued {{days}} days after the draft ({{draft}} to {{final}}). The family must have at least {{minDays}} days to comment.",
    },
  },
  check({ plan, options, report }) {
    const dates = planDates(plan.facts);
    if (dates.status === "draft") return { notApplicable: "This is a draft: the comment period is checked on the final plan." };
    const amended = dates.status === "amended";
    const draftDate = (amended ? dates.amendmentNoticeDate : null) ?? dates.draftDate;
    // The final's date: the date it was issued, or the date a plan marked final carries.
    const finalDate = dates.status === null ? (plan.facts.finalIssuedDate ?? null) : dates.planDate;
    const draftName = amended ? "the date the amendment notice was sent" : "the date the draft was issued";
    const missing = [!draftDate && draftName, !finalDate && "the date the final was issued"].filter(Boolean);
    if (missing.length > 0) return { notApplicable: `The plan does not give ${missing.join(" or ")}, so the comment period could not be checked.` };
    const days = daysBetween(draftDate!, finalDate!);
    if (days < options.minDays) {
      report({
        messageId: "tooShort",
        data: { days, draft: formatUkDate(draftDate!), final: formatUkDate(finalDate!), minDays: options.minDays },
        section: null,
        excerpt: "",
        suggestion: "Check with the family that they had the chance to comment; if not, offer a meeting and consider re-issuing.",
      });
    }
    return { note: `${days} days between draft and final (minimum ${options.minDays}).` };
  },
});
