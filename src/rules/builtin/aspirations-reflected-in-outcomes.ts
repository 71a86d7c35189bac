// The outcomes in Section E should lead towards the aspirations in Section A (CoP 9.64, 9.66): an
// aspiration that no outcome reflects, by shared words or shared theme (work, independence, friends...), is flagged.
import { defineRule } from "../define-rule.ts";
import { DEFAULT_ASPIRATIONS, findTopic, topicSchema, type TopicLexicon } from "../text/section-a-topics.ts";
import { isEmptyMeaning, meaningOf, sharedMeaning, type SynonymGroups } from "../text/meaning.ts";
import { keyedPhraseListSchema, phraseListSchema } from "../text/phrase-list.ts";
import { sectionLines } from "../text/section-lines.ts";
import { childLabel, childRef } from "../text/voice.ts";

interface Options {
  aspirations: TopicLexicon;
  /** Themes an aspiration and an outcome can share without sharing words ("get a job" / "work experience"). */
  themes: Record<string, string[]>;
  /** Words that say nothing about which aspiration a line is about ("want", "happy", "future"). */
  ignoreWords: string[];
}

export const DEFAULT_ASPIRATION_THEMES: SynonymGroups = {
  employment: [
    "job", "jobs", "career", "careers", "employment", "employed", "paid work", "go to work", "get a job", "work experience", "work placement",
    "apprenticeship", "supported internship", "internship", "volunteer", "volunteering", "vocational", "employer", "workplace", "earn money",
    "earn my own money", "preparing for adulthood", "preparation for adulthood",
  ],
  "further-education": ["college", "university", "sixth form", "further education", "degree", "course", "GCSE", "GCSEs", "A levels", "qualification", "qualifications", "exams"],
  "independent-living": [
    "live independently", "independent living", "live on my own", "my own flat", "my own home", "my own house", "move out", "cook", "cooking",
    "meals", "shopping", "money", "budget", "manage money", "household", "self-care", "personal care", "dress", "dressing", "laundry",
  ],
  travel: ["travel", "travelling", "bus", "buses", "train", "trains", "public transport", "drive", "driving", "travel independently", "travel training", "road safety", "cycle", "cycling", "bike"],
  friendships: ["friends", "friend", "friendship", "friendships", "socialise", "social", "peers", "peer", "relationships", "play with others", "belong"],
  leisure: ["club", "clubs", "activities", "leisure", "hobbies", "hobby", "sport", "sports", "football", "swimming", "scouts", "brownies", "youth club", "music", "dance", "drama"],
  wellbeing: ["healthy", "fit", "fitness", "exercise", "sleep", "wellbeing", "well-being", "mental health", "calm", "anxiety", "anxious", "worries", "emotions"],
  communication: ["talk", "talking", "speak", "speaking", "communicate", "communication", "conversation", "conversations", "tell people", "sentences"],
  literacy: ["read", "reading", "write", "writing", "spell", "spelling", "books", "stories"],
  numeracy: ["maths", "numbers", "counting", "count", "money"],
};

export const DEFAULT_ASPIRATION_IGNORE_WORDS = [
  "want", "wants", "wanted", "like", "would", "grow", "grown", "older", "future", "dream", "dreams", "hope", "hopes", "hoping", "aspiration",
  "aspirations", "ambition", "become", "able", "really", "lot", "lots", "thing", "things", "happy", "happier", "well", "best", "good", "better",
  "potential", "successful", "safe", "confident", "help", "get", "make", "go", "going", "have", "do", "more", "love", "enjoy", "leave",
  "school", "play", "use", "take", "learn", "know", "feel", "see", "keep", "try", "find", "give", "think", "need", "needs", "achieve",
  "long", "term", "life", "people", "person", "adult", "adults", "day", "someday", "one", "also", "still", "always", "every", "because",
  "outcome", "outcomes", "will", "year", "end", "key", "stage", "month", "months", "july", "september", "december", "march", "april", "june",
  "support", "supported", "independently", "increase", "improve", "improved", "develop", "developing", "skills", "skill",
];

export default defineRule<Options>({
  meta: {
    id: "aspirations-reflected-in-outcomes",
    category: "child-voice",
    title: "The outcomes reflect the aspirations in Section A",
    description: "Names each aspiration in Section A that no outcome in Section E reflects, by shared words or a shared theme (work, independence, friendships...).",
    source: "SEND Code of Practice 2015, paras 9.61–9.66 (Sections A and E); Children and Families Act 2014 s19",
    rationale: "Outcomes should be steps towards the child's aspirations; an aspiration no outcome leads towards has been written down and then forgotten.",
    examples: {
      pass: [
        { text: "Section A says the child wants to travel to school on her own, and an outcome in Section E is about using the bus independently by Year 9." },
      ],
      fail: [
        { text: "Section A says the child wants to be a chef, and no outcome is about cooking, food or independent living." },
      ],
    },
    defaultSeverity: "warning",
    defaultWeight: 1,
    optionsSchema: {
      type: "object",
      properties: { aspirations: topicSchema, themes: keyedPhraseListSchema, ignoreWords: phraseListSchema },
      required: ["aspirations", "themes", "ignoreWords"],
      additionalProperties: false,
    },
    defaultOptions: { aspirations: DEFAULT_ASPIRATIONS, themes: DEFAULT_ASPIRATION_THEMES, ignoreWords: DEFAULT_ASPIRATION_IGNORE_WORDS },
    messages: {
      notReflected: "No outcome in Section E leads towards this aspiration from Section A.",
    },
  },
  check({ plan, options, report }) {
    const { sections, found } = findTopic(plan, ["A"], options.aspirations);
    if (sections.length === 0 || found.length === 0) return { notApplicable: "Section A records no aspirations to compare with the outcomes." };
    const outcomeSection = plan.sections.filter((section) => section.id === "E");
    const outcomes = outcomeSection.flatMap((section) => sectionLines(section.blocks));
    if (outcomes.length === 0) return { notApplicable: "There are no outcomes in Section E to compare with the aspirations." };

    const child = childRef(plan.facts);
    const meaningOptions = { groups: options.themes, ignoreWords: options.ignoreWords, alsoIgnore: [child.forename ?? "", ...(child.fullName?.split(/\s+/) ?? [])].filter(Boolean) };
    const outcomeMeanings = outcomes.map((line) => meaningOf(line.text, meaningOptions));
    let judged = 0;
    const unreflected = found.filter((line) => {
      const meaning = meaningOf(line.text, meaningOptions);
      if (isEmptyMeaning(meaning)) return false; // "I want to be happy": nothing specific to look for
      judged += 1;
      return !outcomeMeanings.some((outcome) => {
        const shared = sharedMeaning(meaning, outcome);
        return shared.groups.length > 0 || shared.stems.length > 0;
      });
    });
    if (judged === 0) return { notApplicable: "The aspirations in Section A are too general to compare with the outcomes." };
    const name = childLabel(child);
    for (const line of unreflected) {
      report({
        messageId: "notReflected",
        section: line.section,
        excerpt: line.text,
        blockId: line.blockId,
        suggestion: `Add an outcome in Section E that is a step towards this aspiration (for example "By the end of ..., ${name} will ..."), or say in Section A how the plan supports it.`,
      });
    }
    return {
      score: (judged - unreflected.length) / judged,
      note: `${judged - unreflected.length} of ${judged} aspiration line(s) in Section A are reflected in the outcomes in Section E.`,
    };
  },
});
