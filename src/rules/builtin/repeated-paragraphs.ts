// The same paragraph word for word in several places is copy-and-paste, not a description of this child.
import { defineRule } from "../define-rule.ts";
import { countWords } from "../scope.ts";

interface Options {
  /** Paragraphs shorter than this are ignored: short stock phrases legitimately repeat. */
  minWords: number;
}

const normalise = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export default defineRule<Options>({
  meta: {
    id: "repeated-paragraphs",
    category: "consistency",
    title: "No paragraph repeated word for word",
    description: "Flags a paragraph or list item that appears word for word in more than one place.",
    source: "SEND Code of Practice 2015, para 9.61 (plans should be clear, concise and specific to the child)",
    rationale: "The same paragraph word for word in several places makes a plan long without saying more, and often means one area of need was filled in by copying another.",
    examples: {
      pass: [
        { text: "A plan whose areas of need each have their own description." },
      ],
      fail: [
        { text: "The same paragraph about attention and listening appearing under both communication and cognition." },
      ],
    },
    defaultSeverity: "warning",
    defaultWeight: 1,
    optionsSchema: {
      type: "object",
      properties: { minWords: { type: "integer", minimum: 3 } },
      required: ["minWords"],
      additionalProperties: false,
    },
    defaultOptions: { minWords: 15 },
    messages: {
      repeated: "This text appears {{count}} times, word for word ({{where}}).",
    },
  },
  check({ plan, options, report }) {
    const groups = new Map<string, (typeof plan.blocks)[number][]>();
    for (const block of plan.blocks) {
      if (block.kind !== "paragraph" && block.kind !== "list-item") continue;
      if (countWords(block.text) < options.minWords) continue;
      const key = normalise(block.text);
      groups.set(key, [...(groups.get(key) ?? []), block]);
    }
    for (const blocks of groups.values()) {
      if (blocks.length < 2) continue;
      const where = blocks.map((block) => (block.section ? `Section ${block.section}` : "outside the sections")).join(", ");
      const [first] = blocks;
      report({
        messageId: "repeated",
        data: { count: blocks.length, where },
        section: first!.section,
        excerpt: first!.text,
        blockId: blocks[1]!.id,
        suggestion: "Keep it where it belongs and write what is specific to this child in the other places.",
      });
    }
  },
});
