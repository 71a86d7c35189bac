// Advice older than 12 months at the plan date may no longer describe the child: the Code of Practice lets
// existing advice be reused only when everyone agrees it is still sufficient (reg 6(4)).
import { defineRule } from "../define-rule.ts";
import { addMonths, formatUkDate } from "../dates.ts";
import { DEFAULT_ADVICE_TYPES, describeEntry, readAdviceList, type AdviceListOptions } from "../text/advice-list.ts";
import { adviceListOptionsSchema, DEFAULT_ABSENCE_PHRASES, DEFAULT_EXPLANATION_PHRASES } from "./required-advice.ts";

interface Options extends AdviceListOptions {
  maxAgeMonths: number;
}

/** Whole calendar months from `from` to `to`. */
function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number);
  const [y2, m2, d2] = to.split("-").map(Number);
  return (y2! - y1!) * 12 + (m2! - m1!) - (d2! < d1! ? 1 : 0);
}

export default defineRule<Options>({
  meta: {
    id: "advice-current",
    category: "professional-advice",
    title: "Advice is recent",
    description: "Warns when a piece of advice listed in the plan is dated more than 12 months (configurable) before the plan, or gives no date.",
    source: "SEND Regulations 2014, reg 6(1), 6(4) and reg 12(1)(k); SEND Code of Practice 9.49",
    rationale: "Advice that is old may no longer describe the child; an LA may reuse advice only when everyone agrees it is still sufficient.",
    examples: {
      pass: [
        { text: "An educational psychologist's report dated four months before the plan." },
      ],
      fail: [
        { text: "A paediatric report dated two and a half years before the plan." },
        { text: "An advice entry with no date at all." },
      ],
    },
    defaultSeverity: "warning",
    defaultWeight: 1,
    optionsSchema: {
      type: "object",
      properties: { ...adviceListOptionsSchema, maxAgeMonths: { type: "integer", minimum: 1, maximum: 60 } },
      required: ["adviceTypes", "absencePhrases", "explanationPhrases", "maxAgeMonths"],
      additionalProperties: false,
    },
    defaultOptions: { adviceTypes: DEFAULT_ADVICE_TYPES, absencePhrases: DEFAULT_ABSENCE_PHRASES, explanationPhrases: DEFAULT_EXPLANATION_PHRASES, maxAgeMonths: 12 },
    messages: {
      stale: "The {{advice}} is dated {{date}}, {{months}} months before {{reference}} ({{referenceDate}}); advice more than {{max}} months old may no longer describe the child's needs.",
      undated: "The entry for {{advice}} gives no date, so it cannot be told whether the advice is recent.",
    },
  },
  check({ plan, options, settings, report }) {
    const list = readAdviceList(plan, options);
    if (list.entries.length === 0) return { notApplicable: "The plan lists no advice to date." };
    const [referenceDate, reference] = plan.facts.planDate
      ? [plan.facts.planDate, "the plan date"]
      : plan.facts.finalIssuedDate
        ? [plan.facts.finalIssuedDate, "the date the plan was issued"]
        : [settings.auditDate, "the date of this audit"];
    let current = 0;
    for (const entry of list.entries) {
      const advice = describeEntry(entry, options.adviceTypes);
      if (!entry.date) {
        report({
          messageId: "undated",
          data: { advice },
          section: entry.section,
          excerpt: entry.text,
          blockId: entry.blockId,
          suggestion: "Give the date of each piece of advice in Section K.",
        });
        continue;
      }
      // A month-only date ("March 2024") is read as the end of that month, giving the advice the benefit of the doubt.
      const effective = entry.datePrecision === "month" ? addMonths(entry.date, 1) : entry.date;
      if (addMonths(effective, options.maxAgeMonths) < referenceDate) {
        report({
          messageId: "stale",
          data: {
            advice,
            date: entry.dateText ?? formatUkDate(entry.date),
            months: monthsBetween(entry.date, referenceDate),
            reference,
            referenceDate: formatUkDate(referenceDate),
            max: options.maxAgeMonths,
          },
          section: entry.section,
          excerpt: entry.text,
          blockId: entry.blockId,
          suggestion: "Ask the professional for updated advice, or record that the family, the professional and the local authority agree the existing advice is still sufficient.",
        });
        continue;
      }
      current += 1;
    }
    return {
      score: current / list.entries.length,
      note: `${current} of ${list.entries.length} piece(s) of advice are dated within ${options.maxAgeMonths} months of ${reference} (${formatUkDate(referenceDate)}).`,
    };
  },
});
