// Section A must carry the child's own views: their words (first person or quoted), or, for a child who
// does not use speech, how views were gathered and what was learned. Parents' and professionals' views,
// a third-person description, "not consulted" or template wording do not stand in for them.
import type { SectionId } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";
import type { ReportedFinding } from "../types.ts";
import { hasPhrase, phraseListSchema } from "../text/phrase-list.ts";
import { sectionLines } from "../text/section-lines.ts";
import { childPronouns } from "../text/child-pronouns.ts";
import { childLabel, childRefOf, classifyVoices, viewsSections, type VoiceLexicon, type VoiceLine } from "../text/voice.ts";

export interface ChildVoiceOptions extends VoiceLexicon {
  /** Words that say first-person text is the child's own, or say how it was gathered (CoP 9.62). */
  attributionPhrases: string[];
  /** Warn when Section A is in the first person but never says whose words they are. */
  requireFirstPersonAttribution: boolean;
  /** How many of the lines that replaced the child's voice a failure quotes. */
  maxQuotedLines: number;
}

export const DEFAULT_CHILD_VOICE_OPTIONS: ChildVoiceOptions = {
  childHeadings: [
    "my views", "my views and wishes", "in my own words", "my own words", "my words", "what i think", "what i say", "about me", "all about me",
    "what i like", "what i don't like", "what is important to me", "important to me", "my wishes", "child's views", "young person's views",
    "views of the child", "views of the young person", "pupil voice", "child's voice", "my voice", "my hopes", "my story", "my aspirations",
    "my dreams", "what i am good at", "my strengths",
  ],
  parentHeadings: [
    "parents' views", "parent's views", "parents views", "parent views", "parent/carer views", "parent/carer's views", "parents/carers' views",
    "parents'/carers' views", "carers' views", "carer's views", "our views", "family views", "family's views", "views of parents",
    "views of the parents", "views of my parents", "my parents' views", "what my parents say", "what my parents think", "what my family say",
    "what my family think", "mum and dad's views", "mum's views", "dad's views", "parental views", "views of the family", "views of my family",
  ],
  professionalHeadings: [
    "professionals' views", "professional views", "views of professionals", "what school says", "what school say", "school's views",
    "school views", "teacher's views", "what my teachers say", "what others say", "what other people say", "views of others",
  ],
  parentSpeakers: [
    "mum", "mummy", "dad", "daddy", "mother", "father", "parent", "parents", "mum and dad", "carer", "carers", "foster carer", "foster carers",
    "grandparent", "grandparents", "grandma", "grandmother", "grandad", "grandfather", "nan", "stepmother", "stepfather", "step-mum", "step-dad",
    "guardian", "family",
  ],
  professionalSpeakers: [
    "teacher", "teachers", "class teacher", "SENCo", "SENDCo", "headteacher", "head teacher", "teaching assistant", "TA", "school", "staff",
    "school staff", "EP", "educational psychologist", "psychologist", "paediatrician", "doctor", "therapist", "speech and language therapist",
    "SaLT", "occupational therapist", "OT", "physiotherapist", "social worker", "nurse", "school nurse", "key worker", "keyworker",
    "practitioner", "practitioners", "professionals", "report", "reports", "assessment", "CAMHS", "setting", "nursery",
  ],
  reportingVerbs: [
    "says", "said", "say", "feels", "feel", "felt", "reports", "reported", "report", "thinks", "think", "thought", "would like", "wants", "want",
    "hopes", "hope", "told", "tells", "explains", "explained", "describes", "described", "describe", "shared", "shares", "believes", "believe",
    "worries", "worry", "is worried", "are worried", "is concerned", "are concerned", "noted", "notes", "observed", "observes", "observe",
    "commented", "comments", "stated", "states", "mentioned", "expressed", "highlighted", "raised", "indicated", "indicates", "identified",
    "found", "advised", "recommends", "recommended", "suggests", "suggested", "would prefer", "is keen", "are keen", "agree", "agreed",
    "confirmed", "assessed",
  ],
  speechVerbs: [
    "said", "says", "told", "tells", "explained", "explains", "shared", "shares", "described", "describes", "commented", "added", "wrote",
    "writes", "typed", "signed", "answered", "replied", "let us know", "asked for", "pointed to", "indicated",
  ],
  parentPhrases: [
    "we would like", "we want", "we feel", "we hope", "we think", "we believe", "we are worried", "we are concerned", "we worry", "we know",
    "we have noticed", "we find", "we would love", "we are proud", "our son", "our daughter", "our child", "our children", "our views",
    "as parents", "as a family we", "as his parents", "as her parents", "my son", "my daughter", "my child", "my grandson", "my granddaughter",
    "my foster child", "as his mum", "as her mum", "as his dad", "as her dad",
  ],
  professionalPhrases: [
    "according to", "school reports", "staff report", "staff have observed", "staff describe", "teachers report", "the report states",
    "reports indicate", "assessment shows", "assessments show", "assessment indicates", "was observed", "when observed", "observed in class",
    "during my assessment", "in my assessment", "when I assessed", "when I observed", "my observation", "I observed",
  ],
  methods: [
    "PECS", "picture exchange", "Talking Mats", "Talking Mat", "AAC", "augmentative and alternative communication", "communication aid",
    "communication device", "voice output", "eye gaze", "eye-gaze", "eye pointing", "Makaton", "signing", "sign language", "BSL",
    "British Sign Language", "symbols", "Widgit", "Boardmaker", "communication book", "communication board", "choice board", "choice boards",
    "objects of reference", "photographs", "photos", "picture cards", "drawings", "drawing", "drew", "one-page profile", "one page profile",
    "communication passport", "observation", "observations", "observed", "intensive interaction", "body language", "facial expressions",
    "vocalisations", "gestures", "emotion cards", "smiley faces", "rating scale", "Proloquo2Go",
  ],
  viewWords: [
    "views", "view", "wishes", "feelings", "voice", "told us", "showed us", "shows us", "tells us", "communicated", "communicates",
    "expressed", "indicated", "indicates", "pointed", "selected", "sorted", "chose", "chooses", "what matters", "gathered", "sought",
    "captured", "collected", "obtained", "asked", "using", "by means of",
  ],
  preferenceWords: [
    "likes", "like", "enjoys", "enjoy", "enjoyed", "loves", "love", "favourite", "favorite", "prefers", "preferred", "chose", "chooses",
    "dislikes", "dislike", "does not like", "doesn't like", "did not like", "didn't like", "is happiest", "happiest", "happy when", "calm when",
    "upset when", "becomes upset", "becomes anxious", "anxious when", "distressed", "frightened", "scared", "finds it hard", "finds it difficult",
    "wants", "would like", "interested in", "motivated by", "smiles", "laughs", "relaxes", "is good at", "proud", "important to",
  ],
  observers: [
    "teacher", "class teacher", "teaching assistant", "TA", "key worker", "keyworker", "key person", "SENCo", "SENDCo", "support assistant",
    "learning support assistant", "LSA", "speech and language therapist", "SaLT", "occupational therapist", "educational psychologist", "EP",
    "nursery nurse", "practitioner", "staff who know him well", "staff who know her well", "staff who know them well",
  ],
  notConsultedPhrases: [
    "not consulted", "not been consulted", "was not seen", "were not seen", "has not been seen", "have not been seen", "not been seen",
    "not seen for", "unable to give his views", "unable to give her views", "unable to give their views", "unable to give views",
    "unable to give a view", "unable to share his views", "unable to share her views", "unable to share their views",
    "unable to express his views", "unable to express her views", "unable to express their views", "could not give his views",
    "could not give her views", "could not give their views", "not able to give his views", "not able to give her views",
    "not able to give their views", "views were not obtained", "views have not been obtained", "views could not be obtained",
    "views were not sought", "views have not been sought", "views were not gathered", "views have not been gathered",
    "views could not be gathered", "no views were obtained", "not possible to obtain", "not possible to gather", "did not take part",
    "declined to take part", "declined to give", "did not wish to take part", "did not want to take part", "did not contribute",
    "not spoken to", "has not been spoken to", "was not spoken to", "not available to contribute", "not available to give", "not available to share",
    "unavailable to contribute", "was not available to", "were not available to",
  ],
  boilerplatePhrases: [
    "views are reflected throughout", "views are reflected in", "views have been reflected", "views have been considered",
    "views have been taken into account", "views are taken into account", "views were taken into account", "views have been incorporated",
    "views are incorporated", "has been involved in the process", "to be completed", "to be added", "will be added", "to follow",
    "enter text here", "click here to enter", "insert text", "insert views", "[insert", "«", "tbc", "see attached", "please see attached",
    "see appendix", "see appendices", "refer to appendix", "please refer to", "n/a", "not applicable", "information to be gathered",
  ],
  attributionPhrases: [
    "own words", "in his words", "in her words", "in their words", "told us", "told me", "told his", "told her", "told their", "said", "says",
    "wrote", "written by", "written with", "wrote this", "with help from", "with the help of", "with support from", "helped me", "dictated",
    "typed", "in conversation with", "talked with", "talked to", "spoke with", "spoke to", "views were gathered", "views were collected",
    "views were sought", "views were obtained", "gathered", "these are my words", "my words", "i told", "i said", "i chose", "quoted",
    "verbatim",
  ],
  requireFirstPersonAttribution: true,
  maxQuotedLines: 3,
};

const wordList = phraseListSchema;
const lexiconKeys = [
  "childHeadings", "parentHeadings", "professionalHeadings", "parentSpeakers", "professionalSpeakers", "reportingVerbs", "speechVerbs", "parentPhrases",
  "professionalPhrases", "methods", "viewWords", "preferenceWords", "observers", "notConsultedPhrases", "boilerplatePhrases", "attributionPhrases",
] as const;

const SUGGESTION =
  "Record {{child}}'s own views in Section A: {{their}} words in the first person or in quotation marks (\"I like ...\", \"I find it hard when ...\", \"When I grow up I want to ...\"). " +
  "If {{child}} does not use speech, say how {{their}} views were gathered (for example PECS, Talking Mats, symbols, or observation by a named member of staff) and what was learned.";

const fill = (template: string, child: string, their: string): string => template.replace(/\{\{child\}\}/g, child).replace(/\{\{their\}\}/g, their);
const lineCount = (count: number): string => `${count} line${count === 1 ? "" : "s"}`;

export default defineRule<ChildVoiceOptions>({
  meta: {
    id: "child-voice",
    category: "child-voice",
    title: "The child's own views are in Section A",
    description:
      "Checks that Section A gives the child's own views — first-person statements, quotes attributed to the child, or views gathered another way (PECS, Talking Mats, observation) with what was learned — rather than only the parents', professionals' or a third-person description.",
    source: "SEND Code of Practice 2015, paras 9.61–9.62 (Section A); Children and Families Act 2014 s19",
    rationale: "The law puts the child's own views, wishes and feelings at the centre of the plan: Section A should give them in the child's words, or say how they were gathered and what was learned when the child does not use words.",
    examples: {
      pass: [
        { section: "A", text: "\"I like drawing dragons and I want to make video games when I grow up,\" Tam told us." },
      ],
      fail: [
        { section: "A", text: "Tam's mother says he enjoys football and wants more friends." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 3,
    optionsSchema: {
      type: "object",
      properties: {
        ...Object.fromEntries(lexiconKeys.map((key) => [key, wordList])),
        requireFirstPersonAttribution: { type: "boolean" },
        maxQuotedLines: { type: "integer", minimum: 1, maximum: 10 },
      },
      required: [...lexiconKeys, "requireFirstPersonAttribution", "maxQuotedLines"],
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_CHILD_VOICE_OPTIONS },
    messages: {
      noSection: "The plan has no Section A, so {{child}}'s own views are missing.",
      empty: "Section A is empty: it gives none of {{child}}'s views.",
      notConsulted: "Section A says {{child}} was not consulted or could not give views, and does not say how {{their}} views were gathered another way.",
      boilerplate: "Section A holds template or general wording instead of {{child}}'s views.",
      parentsOnly: "Section A gives the parents' views but never {{child}}'s own ({{count}} in the parents' words, none in {{child}}'s).",
      professionalsOnly: "Section A gives professionals' views but never {{child}}'s own ({{count}} in professionals' words, none in {{child}}'s).",
      othersOnly: "Section A gives only the parents' and professionals' views ({{count}}); {{child}}'s own views are missing.",
      thirdPersonOnly: "Section A describes {{child}} in the third person only ({{count}}); it never gives {{child}}'s own words.",
      methodWithoutLearning: "Section A says how {{child}}'s views were gathered ({{methods}}) but not what was learned from them.",
      alsoReplaced: "Also written about {{child}} rather than in {{child}}'s words.",
      unmarkedFirstPerson:
        "Section A is written in the first person but does not say whether these are {{child}}'s own words or someone else's account of them.",
    },
  },
  check({ plan, options, scope, report }) {
    const child = childRefOf(plan);
    const name = childLabel(child);
    const sectionIds: SectionId[] = scope ?? ["A"];
    const sections = viewsSections(plan, scope, options);
    const their = childPronouns(plan).possessive;
    const suggestion = fill(SUGGESTION, name, their);
    const anchor: SectionId = sectionIds[0] ?? "A";
    if (sections.length === 0) {
      report({ messageId: "noSection", data: { child: name }, section: anchor, excerpt: "", suggestion });
      return { note: "No Section A was found." };
    }
    const lines = classifyVoices(sections.flatMap((section) => sectionLines(section.blocks)), options, child);
    if (lines.length === 0) {
      report({ messageId: "empty", data: { child: name }, section: anchor, excerpt: "", suggestion, blockId: sections[0]!.headingBlockId ?? undefined });
      return { note: "Section A has no text." };
    }

    const own = lines.filter((line) => line.voice === "child");
    const quoted = own.filter((line) => line.childBy === "quote" || line.childBy === "reported");
    const gathering = lines.filter((line) => line.methods.length > 0 && hasPhrase(line.text, options.viewWords));
    const learned = lines.filter((line) => line.learned !== undefined && line.voice !== "parent");
    const notConsulted = lines.filter((line) => line.notConsulted !== undefined);
    const gatheredAnotherWay = gathering.length > 0 && learned.length > 0;

    // The plan itself saying the child was not consulted outweighs unattributed first-person text written for them.
    const childVoiceShown = gatheredAnotherWay || quoted.length > 0 || (own.length > 0 && notConsulted.length === 0);
    if (childVoiceShown) {
      if (
        options.requireFirstPersonAttribution &&
        quoted.length === 0 &&
        !gatheredAnotherWay &&
        !lines.some((line) => hasPhrase(line.text, options.attributionPhrases) || (line.heading !== null && hasPhrase(line.heading, options.attributionPhrases)))
      ) {
        report({
          messageId: "unmarkedFirstPerson",
          data: { child: name },
          severity: "warning",
          section: own[0]!.section,
          excerpt: own[0]!.text,
          blockId: own[0]!.blockId,
          suggestion: `Say whose words these are: for example "${name} told ${their} teaching assistant this in a one-to-one conversation" or "These are ${name}'s own words", and put direct quotes in quotation marks.`,
        });
      }
      return { note: passNote(name, own, gathering, learned) };
    }

    const quote = (reason: ReportedFinding["messageId"], quotedLines: VoiceLine[], data: Record<string, string | number>) => {
      const [first, ...rest] = quotedLines.slice(0, options.maxQuotedLines);
      if (!first) {
        report({ messageId: reason, data: { child: name, their, ...data }, section: anchor, excerpt: "", suggestion });
        return;
      }
      report({ messageId: reason, data: { child: name, their, ...data }, section: first.section, excerpt: first.text, blockId: first.blockId, suggestion });
      for (const line of rest) {
        report({ messageId: "alsoReplaced", data: { child: name }, severity: "info", section: line.section, excerpt: line.text, blockId: line.blockId });
      }
    };

    const byVoice = (voice: VoiceLine["voice"]) => lines.filter((line) => line.voice === voice);
    const parents = byVoice("parent");
    const professionals = byVoice("professional");
    // Named adults whose role the plan does not give (a parent by name, a relative) are counted with the family.
    const adults = byVoice("adult");
    const about = byVoice("about-child");
    const boilerplate = lines.filter((line) => line.boilerplate !== undefined);

    if (notConsulted.length > 0) {
      quote("notConsulted", notConsulted, {});
    } else if (gathering.length > 0) {
      quote("methodWithoutLearning", gathering, { methods: [...new Set(gathering.flatMap((line) => line.methods))].join(", ") });
    } else if (boilerplate.length > 0 && boilerplate.length * 2 >= lines.length - parents.length - adults.length - professionals.length) {
      quote("boilerplate", boilerplate, {});
    } else if (parents.length + adults.length > 0 && professionals.length > 0) {
      quote("othersOnly", [...parents, ...adults, ...professionals, ...about], { count: lineCount(parents.length + adults.length + professionals.length) });
    } else if (parents.length + adults.length > 0) {
      quote("parentsOnly", [...parents, ...adults, ...about], { count: lineCount(parents.length + adults.length) });
    } else if (professionals.length > 0) {
      quote("professionalsOnly", [...professionals, ...about], { count: lineCount(professionals.length) });
    } else if (about.length > 0) {
      quote("thirdPersonOnly", about, { count: lineCount(about.length) });
    } else if (boilerplate.length > 0) {
      quote("boilerplate", boilerplate, {});
    } else {
      quote("empty", [], {});
    }
    return {
      note: `Section A has ${lines.length} line(s): ${own.length} in ${name}'s words, ${parents.length + adults.length} the family's or other adults', ${professionals.length} professionals', ${about.length} about ${name} in the third person.`,
    };
  },
});

function passNote(name: string, own: VoiceLine[], gathering: VoiceLine[], learned: VoiceLine[]): string {
  if (own.length > 0) {
    const ways = { "first-person": "in the first person", quote: "quoted", reported: "reported as said by them" } as const;
    const kinds = [...new Set(own.map((line) => ways[line.childBy ?? "first-person"]))].join(" or ");
    const example = own.find((line) => line.childBy !== "reported") ?? own[0]!;
    return `Section A gives ${name}'s own views: ${own.length} line(s) ${kinds}, for example "${example.text}"`;
  }
  const methods = [...new Set(gathering.flatMap((line) => line.methods))].join(", ");
  return `Section A says how ${name}'s views were gathered (${methods}) and what was learned, for example "${learned[0]!.text}"`;
}
