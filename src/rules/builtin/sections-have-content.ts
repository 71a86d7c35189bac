// A section that is present but empty leaves the reader guessing: C, D, G, H and J may say "none", but must say it.
import type { SectionId } from "../../model/document.ts";
import { SECTION_IDS } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";
import { countWords } from "../../text/words.ts";

interface Options {
  /** Sections where an explicit statement that there is nothing to record is enough. */
  mayBeNone: SectionId[];
  /** Phrases that say explicitly there is nothing to record (matched case-insensitively). */
  nonePhrases: string[];
}


export default defineRule<Options>({
  meta: {
    id: "sections-have-content",
    category: "structure",
    title: "Sections have content, or say there is none",
    description: "Flags sections with no content, and sections other than C, D, G, H and J that only say 'none'.",
    source: "SEND Code of Practice 2015, paras 9.62 and 9.69; SEND Regulations 2014, reg 12",
    rationale: "An empty section leaves a reader unable to tell whether something was forgotten or there is genuinely nothing to record; only some sections may honestly say there is none.",
    examples: {
      pass: [
        { section: "D", text: "There are no social care needs arising from the child's special educational needs." },
        { text: "Section B describes each area of need in a few paragraphs." },
      ],
      fail: [
        { section: "B", text: "None." },
        { text: "A Section F heading followed straight away by the Section G heading." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 2,
    optionsSchema: {
      type: "object",
      properties: {
        mayBeNone: { type: "array", items: { enum: [...SECTION_IDS] }, uniqueItems: true },
        nonePhrases: { type: "array", items: { type: "string", minLength: 1 } },
      },
      required: ["mayBeNone", "nonePhrases"],
      additionalProperties: false,
    },
    defaultOptions: {
      mayBeNone: ["C", "D", "G", "H1", "H2", "J"],
      nonePhrases: ["none", "no identified", "there are no", "not applicable", "n/a", "no known", "has no", "does not have", "no needs", "no provision", "not required", "no personal budget"],
    },
    messages: {
      empty: "Section {{id}} has a heading but nothing under it.",
      onlyNone: "Section {{id}} only says there is nothing to record; this section must describe the child's {{what}}.",
    },
  },
  check({ plan, options, report }) {
    const isDraft = plan.facts.status === "draft";
    let sound = 0;
    for (const section of plan.sections) {
      // A draft must leave the placement blank (checked by placement-matches-status), so an empty I is right there.
      if (section.id === "I" && isDraft) {
        sound++;
        continue;
      }
      const text = section.blocks.map((block) => block.text).join(" ");
      const words = countWords(text);
      const lower = text.toLowerCase();
      const saysNone = options.nonePhrases.some((phrase) => lower.includes(phrase.toLowerCase()));
      const common = { section: section.id, blockId: section.headingBlockId ?? undefined } as const;
      if (words === 0) {
        const suggestion = options.mayBeNone.includes(section.id)
          ? `If there is nothing to record, say so and on whose advice, for example "There are no ${WHAT[section.id]} (advice from ..., dated ...)."`
          : "Write this section, or remove the heading if the plan template puts it elsewhere.";
        report({ ...common, messageId: "empty", data: { id: section.id }, excerpt: section.heading, suggestion });
      } else if (!options.mayBeNone.includes(section.id) && saysNone && words <= 12) {
        report({
          ...common,
          messageId: "onlyNone",
          data: { id: section.id, what: WHAT[section.id] },
          excerpt: text,
          suggestion: `Describe the ${WHAT[section.id]}, drawing on the advice received.`,
        });
      } else {
        sound++;
      }
    }
    return plan.sections.length === 0 ? { notApplicable: "No sections were found in the plan." } : { score: sound / plan.sections.length };
  },
});

const WHAT: Record<SectionId, string> = {
  A: "views, interests and aspirations",
  B: "special educational needs",
  C: "health needs",
  D: "social care needs",
  E: "outcomes",
  F: "special educational provision",
  G: "health provision",
  H1: "social care provision",
  H2: "social care provision",
  I: "placement",
  J: "personal budget arrangements",
  K: "advice and information",
};
