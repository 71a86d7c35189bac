// The family must have at least 15 days to comment on the draft before the final is issued.
import { defineRule } from "../define-rule.ts";
import { daysBetween, formatUkDate } from "../dates.ts";

interface Options {
  minDays: number;
}

export default defineRule<Options>({
  meta: {
    id: "draft-comment-period",
    category: "timeliness",
    title: "The family had 15 days to comment on the draft",
    description: "Counts the days between the draft being issued and the final plan.",
    source: "SEND Regulations 2014, reg 13(1); SEND Code of Practice 2015, para 9.77",
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
    const { facts } = plan;
    if (facts.status === "draft") return { notApplicable: "This is a draft: the comment period is checked on the final plan." };
    const missing = [!facts.draftIssuedDate && "the date the draft was issued", !facts.finalIssuedDate && "the date the final was issued"].filter(Boolean);
    if (missing.length > 0) return { notApplicable: `The plan does not give ${missing.join(" or ")}, so the comment period could not be checked.` };
    const days = daysBetween(facts.draftIssuedDate!, facts.finalIssuedDate!);
    if (days < options.minDays) {
      report({
        messageId: "tooShort",
        data: { days, draft: formatUkDate(facts.draftIssuedDate!), final: formatUkDate(facts.finalIssuedDate!), minDays: options.minDays },
        section: null,
        excerpt: "",
        suggestion: "Check with the family that they had the chance to comment; if not, offer a meeting and consider re-issuing.",
      });
    }
    return { note: `${days} days between draft and final (minimum ${options.minDays}).` };
  },
});
