// Section A says how to communicate with the child, so everyone working with them can hear their voice.
import { defineRule } from "../define-rule.ts";
import { DEFAULT_COMMUNICATION, findTopic, topicSchema, type TopicLexicon } from "../text/section-a-topics.ts";
import { childLabel, childRef } from "../text/voice.ts";

interface Options {
  communication: TopicLexicon;
}

export default defineRule<Options>({
  meta: {
    id: "child-communication",
    category: "child-voice",
    title: "Section A says how to communicate with the child",
    description: "Warns when Section A does not say how best to communicate with the child (how they communicate, what helps them understand and be understood).",
    source: "SEND Code of Practice 2015, paras 9.61–9.62 (Section A); Children and Families Act 2014 s19",
    defaultSeverity: "warning",
    defaultWeight: 1,
    optionsSchema: {
      type: "object",
      properties: { communication: topicSchema },
      required: ["communication"],
      additionalProperties: false,
    },
    defaultOptions: { communication: DEFAULT_COMMUNICATION },
    messages: {
      missing: "Section A does not say how to communicate with {{child}}.",
    },
  },
  check({ plan, options, scope, report }) {
    const { sections, found } = findTopic(plan, scope, options.communication);
    if (sections.length === 0) return { notApplicable: "There is no Section A to look in for how to communicate with the child." };
    const name = childLabel(childRef(plan.facts));
    if (found.length === 0) {
      report({
        messageId: "missing",
        data: { child: name },
        section: sections[0]!.id,
        excerpt: "",
        blockId: sections[0]!.headingBlockId ?? undefined,
        suggestion: `Add a short "How to communicate with me" part: how ${name} communicates (speech, signs, symbols, a device), and what helps (for example "give me time to answer", "use short sentences", "show me a picture").`,
      });
      return { note: "Nothing in Section A says how to communicate with the child." };
    }
    return { note: `${found.length} line(s) on communicating with ${name}, for example "${found[0]!.text}"` };
  },
});
