// Section A's aspirations (the future: work, independence, friendships, what the child wants to do) and
// how to communicate with the child: lines found by word lists and by the sub-headings they sit under.
import type { EhcpDocument, Section, SectionId } from "../../model/document.ts";
import { hasPhrase } from "./phrase-list.ts";
import { sectionLines, type SectionLine } from "./section-lines.ts";
import { viewsSections } from "./voice.ts";

export interface TopicLexicon {
  /** Words in a line that put it on the topic. */
  phrases: string[];
  /** Sub-headings whose every line is on the topic ("My hopes for the future"). */
  headings: string[];
}

export const DEFAULT_ASPIRATIONS: TopicLexicon = {
  phrases: [
    "when i grow up", "when i am older", "when i'm older", "when i am grown up", "in the future", "my future", "for the future", "future",
    "i want to be", "i would like to be", "i'd like to be", "i want to become", "i would like to become", "i want to work", "i would like to work",
    "i hope to", "i hope i", "i would love to", "i'd love to", "my dream", "my dreams", "dream is", "dreams are", "ambition", "ambitions",
    "aspiration", "aspirations", "hopes for", "when i leave school", "after school i", "after i leave school", "go to college", "go to university",
    "get a job", "have a job", "a job as", "a job in", "a job with", "a job when", "my job", "career", "work as", "work with", "live on my own", "live independently", "my own flat", "my own house",
    "my own home", "be independent", "more independent", "travel on my own", "learn to drive", "make friends", "have friends", "more friends",
    "wants to be", "would like to be", "wants to become", "hopes to", "would like him to", "would like her to", "would like them to",
    "we hope", "our hopes", "adulthood",
  ],
  headings: [
    "aspirations", "my aspirations", "hopes and dreams", "my hopes and dreams", "my hopes", "hopes for the future", "my future", "the future",
    "what i want to achieve", "what i would like to achieve", "when i grow up", "my dreams", "ambitions", "looking ahead",
  ],
};

export const DEFAULT_COMMUNICATION: TopicLexicon = {
  phrases: [
    "how to communicate with me", "communicate with me", "how best to communicate", "best way to communicate", "how i communicate",
    "i communicate", "communicates using", "communicates through", "communicates by", "communication passport", "talk to me", "talking to me",
    "talk with me", "speak to me", "speaking to me", "when you talk", "when you speak", "listen to me", "give me time", "give me extra time",
    "processing time", "time to process", "time to answer", "time to respond", "short sentences", "simple language", "simple words",
    "one instruction at a time", "say my name", "use my name", "get my attention", "eye contact", "now and next", "visual prompts",
    "visual cues", "visual support", "visuals", "symbols", "gestures", "Makaton", "signing", "sign language", "BSL", "PECS", "AAC",
    "communication aid", "communication device", "communication book", "Talking Mats", "help me understand", "i understand best",
    "understand me", "explain things", "show me", "written down", "in writing", "i prefer to", "please don't", "please do not",
  ],
  headings: [
    "how to communicate with me", "how best to communicate with me", "how i communicate", "communicating with me", "talking with me",
    "communication", "my communication", "how to talk to me", "how to help me understand",
  ],
};

/** The lines on the topic, in order. */
export function topicLines<Line extends SectionLine>(lines: readonly Line[], lexicon: TopicLexicon): Line[] {
  return lines.filter((line) => hasPhrase(line.text, lexicon.phrases) || (line.heading !== null && hasPhrase(line.heading, lexicon.headings)));
}

export const topicSchema = {
  type: "object",
  properties: {
    phrases: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
    headings: { type: "array", items: { type: "string", minLength: 1 } },
  },
  required: ["phrases", "headings"],
  additionalProperties: false,
} as const;

export interface TopicSearch {
  /** The sections searched (Section A unless the rule set's scope says otherwise); empty when there are none. */
  sections: Section[];
  found: SectionLine[];
}

/** The lines on a topic in the sections a rule looks at (Section A by default). */
export function findTopic(plan: EhcpDocument, scope: SectionId[] | null, lexicon: TopicLexicon): TopicSearch {
  // The views headings of the voice check's word lists are not this rule's options; the generic ones find the part.
  const sections = viewsSections(plan, scope, { childHeadings: [], parentHeadings: [] });
  return { sections, found: topicLines(sections.flatMap((section) => sectionLines(section.blocks)), lexicon) };
}
