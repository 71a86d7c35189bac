// Every section of reg 12 must be in the plan, separately labelled; H1 and H2 apart.
import type { SectionId } from "../../model/document.ts";
import { SECTION_IDS } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";

interface Options {
  required: SectionId[];
}

const SECTION_NAMES: Record<SectionId, string> = {
  A: "the views, interests and aspirations of the child and their parents",
  B: "the child's special educational needs",
  C: "health needs related to their SEN",
  D: "social care needs related to their SEN",
  E: "the outcomes sought",
  F: "the special educational provision",
  G: "health provision",
  H1: "social care provision under section 2 of the CSDPA 1970",
  H2: "other social care provision",
  I: "the placement (school or other institution)",
  J: "the personal budget",
  K: "the advice and information obtained",
};

const ADD_HEADING = (id: SectionId): string => `Add a heading "Section ${id}: ..." and its content; if there is nothing to record, say so under the heading.`;

/** The rule-set JSON that names an LA's own heading for a section (the "H" key would cover a combined H). */
const aliasJson = (id: SectionId): string => JSON.stringify({ sections: { aliases: { [id]: ["your heading for this section, as written"] } } });

export default defineRule<Options>({
  meta: {
    id: "sections-present",
    category: "structure",
    title: "Every section is present and labelled",
    description: "Flags any of sections A to K (with H1 and H2 apart) that the plan does not have under its own heading.",
    source: "SEND Regulations 2014, reg 12(1); SEND Code of Practice 2015, para 9.62",
    rationale: "A plan is a legal document with a fixed shape: each section has its own legal force (Section F is enforceable against the LA, Section I names the placement), so a section that is missing or merged into another cannot be relied on or appealed.",
    examples: {
      pass: [
        { text: "A plan with sections A to K, H1 and H2 apart, each under a heading that gives its letter." },
      ],
      fail: [
        { text: "A plan whose health provision sits inside Section F with no Section G heading." },
        { text: "A plan with no Section J, even though no personal budget was asked for (the section should say so)." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 3,
    defaultCritical: true,
    optionsSchema: {
      type: "object",
      properties: {
        required: { type: "array", items: { enum: [...SECTION_IDS] }, uniqueItems: true, minItems: 1 },
      },
      required: ["required"],
      additionalProperties: false,
    },
    defaultOptions: { required: [...SECTION_IDS] },
    messages: {
      missing: "Section {{id}} ({{name}}) is missing, or is not labelled with its letter.",
    },
  },
  check({ plan, options, report }) {
    const present = new Set(plan.sections.map((section) => section.id));
    for (const id of options.required) {
      if (present.has(id)) continue;
      report({
        messageId: "missing",
        data: { id, name: SECTION_NAMES[id] },
        section: id,
        excerpt: "",
        suggestion: present.size > 0 ? `${ADD_HEADING(id)} If the plan has it under a heading the checker did not recognise, add that heading to the rule set: ${aliasJson(id)}` : ADD_HEADING(id),
      });
    }
    return { score: options.required.filter((id) => present.has(id)).length / options.required.length };
  },
});
