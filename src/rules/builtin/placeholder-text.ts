// Template text left in a plan ("[insert date]", "«Child_Forename»", "TBC") shows it was not finished.
import type { SectionId } from "../../model/document.ts";
import { SECTION_IDS } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";
import { findPhrases } from "../text/phrase-list.ts";
import { PLACEHOLDER_PATTERNS, PLACEHOLDER_PHRASES } from "../../text/placeholders.ts";

interface Options {
  /** Placeholder phrases, matched as whole words, case-insensitively. */
  phrases: string[];
  /** Regular expressions for placeholder shapes (square-bracket prompts, mail-merge fields). */
  patterns: string[];
  /** Sections where a draft may say "to be confirmed" (the placement is decided after the draft). */
  draftUndecidedSections: SectionId[];
}

export default defineRule<Options>({
  meta: {
    id: "placeholder-text",
    category: "consistency",
    title: "No template placeholders left in",
    description: "Flags template prompts, mail-merge fields and 'TBC' left in the plan.",
    source: "SEND Code of Practice 2015, para 9.61 (plans must be clear, concise and specific); Ofsted/CQC area SEND inspection findings",
    rationale: "Template prompts and \"TBC\" left in a plan show it was not finished, and they leave gaps where the family needs an answer.",
    examples: {
      pass: [
        { section: "B", text: "Tam finds it hard to follow spoken instructions that have more than two steps." },
      ],
      fail: [
        { section: "B", text: "Tam has difficulties with [insert area of need]." },
        { section: "F", text: "Review of provision: TBC" },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 2,
    optionsSchema: {
      type: "object",
      properties: {
        phrases: { type: "array", items: { type: "string", minLength: 1 } },
        patterns: { type: "array", items: { type: "string", minLength: 1, format: "regex" } },
        draftUndecidedSections: { type: "array", items: { enum: [...SECTION_IDS] }, uniqueItems: true },
      },
      required: ["phrases", "patterns", "draftUndecidedSections"],
      additionalProperties: false,
    },
    defaultOptions: {
      phrases: PLACEHOLDER_PHRASES,
      patterns: PLACEHOLDER_PATTERNS,
      draftUndecidedSections: ["I"],
    },
    messages: {
      placeholder: 'Template text "{{text}}" is still in the plan.',
    },
  },
  check({ plan, options, report }) {
    const patterns = options.patterns.map((source) => new RegExp(source, "giu"));
    const isDraft = plan.facts.status === "draft";
    for (const block of plan.blocks) {
      const phrasesApply = !(isDraft && block.section !== null && options.draftUndecidedSections.includes(block.section));
      const found = [
        ...(phrasesApply ? findPhrases(block.text, options.phrases) : []),
        ...patterns.flatMap((pattern) => [...block.text.matchAll(pattern)].map((m) => ({ index: m.index, text: m[0] }))),
      ];
      // One finding per placeholder occurrence: a phrase inside a bracketed placeholder is the same one.
      const kept: { index: number; text: string }[] = [];
      for (const match of found.sort((a, b) => b.text.length - a.text.length)) {
        const end = match.index + match.text.length;
        if (!kept.some((k) => match.index >= k.index && end <= k.index + k.text.length)) kept.push(match);
      }
      for (const match of kept.sort((a, b) => a.index - b.index)) {
        report({
          messageId: "placeholder",
          data: { text: match.text },
          section: block.section,
          excerpt: block.text,
          blockId: block.id,
          suggestion: "Replace it with the real detail, or remove it.",
        });
      }
    }
  },
});
