// Each piece of advice listed in Section K should be used: Sections B to H refer to it, by the professional's
// role, their name or the report's name. Advice listed but never used suggests it was not carried into the plan.
import type { SectionId } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";
import { DEFAULT_ADVICE_TYPES, describeEntry, readAdviceList, type AdviceEntry, type AdviceListOptions, type AdviceTypes } from "../text/advice-list.ts";
import { hasPhrase } from "../text/phrase-list.ts";
import { adviceListOptionsSchema, DEFAULT_ABSENCE_PHRASES, DEFAULT_EXPLANATION_PHRASES } from "./required-advice.ts";
import { wholeWord } from "../../text/regexp.ts";

interface Options extends AdviceListOptions {
  /** Type ids whose advice need not be referred to in B–H (the child's own views belong in Section A). */
  exempt: string[];
}

const DEFAULT_SCOPE: SectionId[] = ["B", "C", "D", "E", "F", "G", "H1", "H2"];

/** The words by which the plan can refer to an entry: its type's terms, its role, its author's surname. */
function referencesTo(entry: AdviceEntry, types: AdviceTypes): { phrases: string[]; names: RegExp[] } {
  const phrases = entry.types.flatMap((id) => types[id]?.terms ?? []);
  if (entry.role) phrases.push(entry.role);
  const names: RegExp[] = [];
  const surname = entry.author?.split(/\s+/).pop()?.replace(/[^\p{L}'’-]/gu, "");
  if (surname && surname.length >= 3) names.push(wholeWord(surname));
  return { phrases, names };
}

export default defineRule<Options>({
  meta: {
    id: "advice-used",
    category: "professional-advice",
    title: "Advice listed is used in the plan",
    description: "Warns about each piece of advice listed in Section K that nothing in Sections B to H refers to, by the professional's role, name or the report's name.",
    source: "SEND Regulations 2014, reg 6(1) and reg 12(1)(k); SEND Code of Practice 9.49",
    rationale: "Advice listed in Section K should shape the plan; advice that nothing in Sections B to H draws on suggests it was gathered and not read.",
    examples: {
      pass: [
        { text: "An occupational therapy report that Section B quotes and Section F's provision follows." },
      ],
      fail: [
        { text: "A physiotherapy report listed in Section K that no section mentions." },
      ],
    },
    defaultSeverity: "warning",
    defaultWeight: 1,
    optionsSchema: {
      type: "object",
      properties: { ...adviceListOptionsSchema, exempt: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true } },
      required: ["adviceTypes", "absencePhrases", "explanationPhrases", "exempt"],
      additionalProperties: false,
    },
    defaultOptions: { adviceTypes: DEFAULT_ADVICE_TYPES, absencePhrases: DEFAULT_ABSENCE_PHRASES, explanationPhrases: DEFAULT_EXPLANATION_PHRASES, exempt: ["child"] },
    messages: {
      unused: "The {{advice}} is listed, but nothing in Sections {{sections}} refers to it (by the professional's role, name or the report's name).",
    },
  },
  check({ plan, options, scope, report }) {
    const list = readAdviceList(plan, options);
    const entries = list.entries.filter((entry) => !(entry.types.length > 0 && entry.types.every((id) => options.exempt.includes(id))));
    if (entries.length === 0) return { notApplicable: "The plan lists no advice to look for in Sections B to H." };
    const sectionIds = scope ?? DEFAULT_SCOPE;
    const text = plan.sections
      .filter((section) => sectionIds.includes(section.id))
      .flatMap((section) => section.blocks.map((block) => block.text))
      .join("\n");
    const letter = (id: SectionId | undefined) => (id ?? "").replace(/^H\d$/, "H");
    const sectionsLabel = sectionIds.length > 1 ? `${letter(sectionIds[0])} to ${letter(sectionIds[sectionIds.length - 1])}` : letter(sectionIds[0]);
    let used = 0;
    for (const entry of entries) {
      const { phrases, names } = referencesTo(entry, options.adviceTypes);
      if (hasPhrase(text, phrases) || names.some((name) => name.test(text))) {
        used += 1;
        continue;
      }
      report({
        messageId: "unused",
        data: { advice: describeEntry(entry, options.adviceTypes), sections: sectionsLabel },
        section: entry.section,
        excerpt: entry.text,
        blockId: entry.blockId,
        suggestion: "Use this advice where it bears on the child's needs (B–D), outcomes (E) or provision (F–H), naming its source (for example \"The educational psychologist's report (March 2025) found ...\"), or say why it was not used.",
      });
    }
    return { score: used / entries.length, note: `${used} of ${entries.length} piece(s) of advice are referred to in Sections ${sectionsLabel}.` };
  },
});
