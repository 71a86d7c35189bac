// Section A records the child's aspirations for the future (work, independence, friendships, what they
// want to do): the plan's outcomes are meant to lead towards them.
import { childPronouns } from "../text/child-pronouns.ts";
import { DEFAULT_ASPIRATIONS } from "../text/section-a-topics.ts";
import { sectionATopicRule } from "../text/section-a-topic-rule.ts";

export default sectionATopicRule({
  meta: {
    id: "child-aspirations",
    title: "Section A records aspirations for the future",
    description: "Warns when Section A says nothing about the child's (or parents') aspirations: work, independence, friendships, what the child wants to do.",
    rationale: "The plan's outcomes are meant to lead towards what the child hopes for; a Section A without aspirations leaves nothing for them to lead towards.",
    examples: {
      pass: [
        { section: "A", text: "When I grow up I want to work with animals, maybe at a zoo." },
      ],
      fail: [
        { section: "A", text: "I like trains and playing outside at break time." },
      ],
    },
  },
  optionKey: "aspirations",
  defaults: DEFAULT_ASPIRATIONS,
  missingMessage: "Section A does not record {{child}}'s aspirations for the future.",
  notApplicable: "There is no Section A to look for aspirations in.",
  noneNote: "No aspirations found in Section A.",
  foundNote: (count) => `${count} ${count === 1 ? "line" : "lines"} about aspirations`,
  suggestion: (name, plan) =>
    `Add ${name}'s hopes for the future in ${childPronouns(plan).possessive} own words (for example "When I grow up I want to ...", "I would like to live in my own flat") and the family's aspirations for ${name}: work, independence, friendships, what ${name} wants to do.`,
});
