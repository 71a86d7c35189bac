// required-section: each listed section is in the plan and has at least `minWords` words under its heading.
import { SECTION_IDS, type EhcpDocument, type SectionId } from "../../model/document.ts";
import { countWords } from "../scope.ts";
import { listWords, type DeclarativeKind } from "./declarative.ts";

export interface RequiredSectionOptions {
  sections: SectionId[];
  minWords: number;
  suggestion: string;
}

/** Words under a section's heading; a section split into several parts counts them all. */
export function sectionWords(doc: EhcpDocument, id: SectionId): number {
  return doc.sections.filter((s) => s.id === id).reduce((sum, s) => sum + s.blocks.reduce((n, b) => n + countWords(b.text), 0), 0);
}

export const requiredSection: DeclarativeKind<RequiredSectionOptions> = {
  name: "required-section",
  summary: "Each listed section is in the plan and is not empty (at least a number of words).",
  optionsSchema: {
    type: "object",
    properties: {
      sections: { type: "array", items: { enum: [...SECTION_IDS] }, uniqueItems: true },
      minWords: { type: "integer", minimum: 1 },
      suggestion: { type: "string" },
    },
    required: ["sections", "minWords", "suggestion"],
    additionalProperties: false,
  },
  defaultOptions: { sections: [], minWords: 1, suggestion: "" },
  messages: {
    missing: "Section {{section}} is missing.",
    thin: "Section {{section}} has {{words}} word(s); at least {{min}} are expected.",
  },
  check(context) {
    const { sections, minWords, suggestion } = context.options;
    for (const id of sections) {
      const present = context.plan.sections.find((s) => s.id === id);
      if (!present) {
        context.report({ messageId: "missing", data: { section: id }, section: id, excerpt: "", suggestion });
        continue;
      }
      const words = sectionWords(context.plan, id);
      if (words < minWords) {
        context.report({ messageId: "thin", data: { section: id, words, min: minWords }, section: id, excerpt: present.heading, suggestion, blockId: present.headingBlockId ?? undefined });
      }
    }
    return { note: sections.length === 0 ? "No sections are listed for this check." : `Looked for ${listWords(sections.map((s) => `Section ${s}`))}.` };
  },
};
