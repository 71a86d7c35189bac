// Section A records the child's aspirations for the future (work, independence, friendships, what they
// want to do): the plan's outcomes are meant to lead towards them.
import { defineRule } from "../define-rule.ts";
import { DEFAULT_ASPIRATIONS, findTopic, topicSchema, type TopicLexicon } from "../text/section-a-topics.ts";
import { childPronouns } from "../text/child-pronouns.ts";
import { childLabel, childRef } from "../text/voice.ts";

interface Options {
  aspirations: TopicLexicon;
}

export default defineRule<Options>({
  meta: {
    id: "child-aspirations",
    category: "child-voice",
    title: "Section A records aspirations for the future",
    description: "Warns when Section A says nothing about the child's (or parents') aspirations: work, independence, friendships, what the child wants to do.",
    source: "SEND Code of Practice 2015, paras 9.61–9.62 (Section A); Children and Families Act 2014 s19",
    defaultSeverity: "warning",
    defaultWeight: 1,
    optionsSchema: {
      type: "object",
      properties: { aspirations: topicSchema },
      required: ["aspirations"],
      additionalProperties: false,
    },
    defaultOptions: { aspirations: DEFAULT_ASPIRATIONS },
    messages: {
      missing: "Section A does not record {{child}}'s aspirations for the future.",
    },
  },
  check({ plan, options, scope, report }) {
    const { sections, found } = findTopic(plan, scope, options.aspirations);
    if (sections.length === 0) return { notApplicable: "There is no Section A to look for aspirations in." };
    const name = childLabel(childRef(plan.facts));
    if (found.length === 0) {
      report({
        messageId: "missing",
        data: { child: name },
        section: sections[0]!.id,
        excerpt: "",
        blockId: sections[0]!.headingBlockId ?? undefined,
        suggestion: `Add ${name}'s hopes for the future in ${childPronouns(plan).possessive} own words (for example "When I grow up I want to ...", "I would like to live in my own flat") and the family's aspirations for ${name}: work, independence, friendships, what ${name} wants to do.`,
      });
      return { note: "No aspirations found in Section A." };
    }
    return { note: `${found.length} ${found.length === 1 ? "line" : "lines"} about aspirations, for example "${found[0]!.text}"` };
  },
});
