// Section A says how to communicate with the child, so everyone working with them can hear their voice.
import { DEFAULT_COMMUNICATION } from "../text/section-a-topics.ts";
import { sectionATopicRule } from "../text/section-a-topic-rule.ts";

export default sectionATopicRule({
  meta: {
    id: "child-communication",
    title: "Section A says how to communicate with the child",
    description: "Warns when Section A does not say how best to communicate with the child (how they communicate, what helps them understand and be understood).",
    rationale: "Everyone working with the child needs to know how best to communicate with them: how they show what they mean and what helps them understand.",
    examples: {
      pass: [
        { section: "A", text: "I understand best when adults use short sentences and show me pictures." },
      ],
      fail: [
        { section: "A", text: "I like swimming and cooking with my grandad." },
      ],
    },
  },
  optionKey: "communication",
  defaults: DEFAULT_COMMUNICATION,
  missingMessage: "Section A does not say how to communicate with {{child}}.",
  notApplicable: "There is no Section A to look in for how to communicate with the child.",
  noneNote: "Nothing in Section A says how to communicate with the child.",
  foundNote: (count, name) => `${count} ${count === 1 ? "line" : "lines"} on communicating with ${name}`,
  suggestion: (name) =>
    `Add a short "How to communicate with me" part: how ${name} communicates (speech, signs, symbols, a device), and what helps (for example "give me time to answer", "use short sentences", "show me a picture").`,
});
