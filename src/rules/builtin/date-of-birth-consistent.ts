// One child, one date of birth: a second date of birth in the plan is another child's text or a typing error.
import { defineRule } from "../define-rule.ts";
import { formatUkDate } from "../dates.ts";
import { findDates } from "../../text/dates.ts";
import { escapeRegExp } from "../../text/regexp.ts";

interface Options {
  /** Labels a date of birth follows ("Date of birth:", "DOB"). */
  labels: string[];
}


export default defineRule<Options>({
  meta: {
    id: "date-of-birth-consistent",
    category: "consistency",
    title: "The same date of birth everywhere",
    description: "Flags a date of birth anywhere in the plan that differs from the one on the front page.",
    source: "SEND Code of Practice 2015, para 9.61; UK GDPR Article 5(1)(d) (accuracy)",
    rationale: "Two dates of birth in one plan make it uncertain whose plan it is, and an accurate record is a legal duty.",
    examples: {
      pass: [
        { text: "A plan giving 14 March 2016 on the front page and nowhere a different date." },
      ],
      fail: [
        { text: "A front page giving 14 March 2016 and Section C giving 4 March 2016." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 2,
    optionsSchema: {
      type: "object",
      properties: { labels: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 } },
      required: ["labels"],
      additionalProperties: false,
    },
    defaultOptions: { labels: ["date of birth", "DOB", "D.O.B.", "D.O.B", "born on", "birth date"] },
    messages: {
      differs: "This date of birth ({{found}}) is not the one on the front page ({{expected}}).",
      conflicting: "The plan gives more than one date of birth ({{dates}}).",
    },
  },
  check({ plan, options, report }) {
    const label = new RegExp(`(?:${options.labels.map(escapeRegExp).join("|")})\\W{0,4}`, "gi");
    const mentions: { iso: string; text: string; blockId: string; section: (typeof plan.blocks)[number]["section"]; excerpt: string }[] = [];
    for (const block of plan.blocks) {
      for (const match of block.text.matchAll(label)) {
        // The date must follow its label closely ("Date of birth: 12 March 2015", "DOB 12/03/2015").
        const after = block.text.slice(match.index + match[0].length, match.index + match[0].length + 40);
        const date = findDates(after).find((found) => found.index <= 6 && found.precision === "day");
        if (date) mentions.push({ iso: date.iso, text: date.text, blockId: block.id, section: block.section, excerpt: block.text });
      }
    }
    const expected = plan.facts.dateOfBirth ?? mentions[0]?.iso;
    if (!expected) return { notApplicable: "The plan gives no date of birth." };
    const wrong = mentions.filter((mention) => mention.iso !== expected);
    for (const mention of wrong) {
      report({
        messageId: plan.facts.dateOfBirth ? "differs" : "conflicting",
        data: { found: mention.text, expected: formatUkDate(expected), dates: [...new Set(mentions.map((m) => formatUkDate(m.iso)))].join(", ") },
        section: mention.section,
        excerpt: mention.excerpt,
        blockId: mention.blockId,
        suggestion: `Check the child's date of birth against the case record and correct it to one date throughout.`,
      });
    }
    return { note: `${mentions.length} mention(s) of the date of birth checked.` };
  },
});
