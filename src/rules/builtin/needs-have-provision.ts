// Every need in Section B must have provision in Section F that meets it (CoP 9.69; SEND Regulations 2014,
// reg 12(1)). Needs are grouped into the Code of Practice's four broad areas, recognised from B's sub-headings,
// or from its wording when B has no such sub-headings.
import type { Block, Section } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";
import { findPhrases, hasPhrase, keyedPhraseListSchema, phraseListSchema } from "../text/phrase-list.ts";
import { findProvisionStatements } from "../text/provision-statements.ts";
import { splitSentences } from "../scope.ts";
import { countWords } from "../../text/words.ts";
import { saysAbsent } from "../text/negation.ts";

interface Options {
  /** Each area of need (named as the report should name it) and the words that show a text is about it. */
  needAreas: Record<string, string[]>;
  /** Without area sub-headings in B, how many mentions of an area's words show B describes a need in it. */
  minMentions: number;
  /** Wording under a sub-heading that says there is no need in that area. */
  noNeedPhrases: string[];
}

/** What B says about one area: the words a finding quotes. */
interface DescribedNeed {
  area: string;
  excerpt: string;
  blockId: string;
}

const MAX_HEADING_WORDS = 10;
const NO_NEED_MAX_WORDS = 25;

/** A heading block, or a short paragraph standing alone as a label ("Communication and interaction:"). */
const isSubHeading = (block: Block): boolean =>
  block.kind === "heading" || (block.kind === "paragraph" && countWords(block.text) <= MAX_HEADING_WORDS && !/[.!?]$/.test(block.text.trim()));

const areasNamedIn = (text: string, areas: Record<string, string[]>): string[] =>
  Object.entries(areas)
    .filter(([, words]) => hasPhrase(text, words))
    .map(([area]) => area);

/** Needs from B's area sub-headings: each heading's area, with the first text under it. */
function needsFromHeadings(section: Section, options: Options): DescribedNeed[] {
  const needs: DescribedNeed[] = [];
  let current: { areas: string[]; texts: Block[] } | null = null;
  const flush = () => {
    if (!current) return;
    const body = current.texts.map((block) => block.text).join(" ");
    const first = current.texts[0];
    // "No needs identified in this area." — a short note, not a description that happens to mention one strength;
    // or a part whose every sentence says a need is absent ("She has no identified sensory or physical needs.").
    const sentences = splitSentences(body).map((sentence) => sentence.text);
    const saysNoNeed =
      (countWords(body) <= NO_NEED_MAX_WORDS && (hasPhrase(body, options.noNeedPhrases) || saysAbsent(sentences[0] ?? ""))) ||
      (sentences.length > 0 && sentences.every(saysAbsent));
    if (first && body.trim() && !saysNoNeed) {
      for (const area of current.areas) needs.push({ area, excerpt: first.text, blockId: first.id });
    }
  };
  for (const block of section.blocks) {
    const areas = isSubHeading(block) ? areasNamedIn(block.text, options.needAreas) : [];
    if (areas.length > 0) {
      flush();
      current = { areas, texts: [] };
    } else if (current) {
      current.texts.push(block);
    }
  }
  flush();
  return needs;
}

/** Needs from B's wording: an area counts when its words occur at least `minMentions` times. */
function needsFromWording(section: Section, options: Options): DescribedNeed[] {
  const needs: DescribedNeed[] = [];
  for (const [area, words] of Object.entries(options.needAreas)) {
    let mentions = 0;
    let first: DescribedNeed | undefined;
    for (const block of section.blocks) {
      for (const sentence of splitSentences(block.text)) {
        // "He has no hearing or vision needs" names an area to say it is not one.
        if (saysAbsent(sentence.text)) continue;
        const found = findPhrases(sentence.text, words).length;
        if (found > 0 && !first) first = { area, excerpt: sentence.text, blockId: block.id };
        mentions += found;
      }
    }
    if (first && mentions >= options.minMentions) needs.push(first);
  }
  return needs;
}

export default defineRule<Options>({
  meta: {
    id: "needs-have-provision",
    category: "provision-specificity",
    title: "Every need in Section B has provision in Section F",
    description: "Flags each area of need described in Section B that no provision in Section F addresses.",
    source: "SEND Code of Practice 2015, para 9.69; SEND Regulations 2014, reg 12(1)",
    rationale: "Every need described in Section B must be met by provision in Section F; a need with no provision is a need the plan does nothing about.",
    examples: {
      pass: [
        { text: "Section B describes needs in speech and in sensory processing, and Section F has provision for both." },
      ],
      fail: [
        { text: "Section B describes needs in social communication, and nothing in Section F addresses them." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 2,
    optionsSchema: {
      type: "object",
      properties: {
        needAreas: keyedPhraseListSchema,
        minMentions: { type: "integer", minimum: 1, maximum: 20 },
        noNeedPhrases: phraseListSchema,
      },
      required: ["needAreas", "minMentions", "noNeedPhrases"],
      additionalProperties: false,
    },
    defaultOptions: {
      needAreas: {
        "communication and interaction": ["communication and interaction", "communication", "speech", "language", "social communication", "social interaction", "interaction", "autism", "autistic", "ASD", "ASC", "attention and listening", "expressive", "receptive", "vocabulary", "stammer", "pragmatic", "spoken instructions", "eye contact", "turn-taking", "turn taking"],
        "cognition and learning": ["cognition and learning", "cognition", "literacy", "reading", "phonics", "spelling", "numeracy", "maths", "mathematics", "number skills", "memory", "working memory", "processing speed", "slow processing", "dyslexia", "dyslexic", "dyscalculia", "learning difficulty", "learning difficulties", "comprehension", "problem solving", "writing"],
        "social, emotional and mental health": ["social, emotional and mental health", "SEMH", "emotional", "emotions", "anxiety", "anxious", "self-esteem", "regulation", "regulate", "behaviour", "mental health", "wellbeing", "well-being", "friendships", "ADHD", "attachment", "trauma", "anger", "worries", "dysregulated", "dysregulation"],
        "sensory and/or physical": ["sensory and/or physical", "sensory and physical", "physical", "sensory", "hearing", "deaf", "hearing impairment", "vision", "visual impairment", "visually impaired", "fine motor", "gross motor", "motor skills", "handwriting", "mobility", "coordination", "co-ordination", "dyspraxia", "DCD", "cerebral palsy", "self-care", "toileting", "balance"],
      },
      minMentions: 2,
      noNeedPhrases: ["no needs", "no identified needs", "no needs identified", "no difficulties", "not an area of need", "no concerns", "not applicable"],
    },
    messages: {
      noProvision: "Section B describes needs in {{area}}, but no provision in Section F addresses them.",
    },
  },
  check({ plan, options, report }) {
    const bSections = plan.sections.filter((section) => section.id === "B");
    if (bSections.length === 0) return { notApplicable: "The plan has no Section B." };
    const fromHeadings = bSections.flatMap((section) => needsFromHeadings(section, options));
    const described = fromHeadings.length > 0 ? fromHeadings : bSections.flatMap((section) => needsFromWording(section, options));
    const needs = described.filter((need, i) => described.findIndex((other) => other.area === need.area) === i);
    if (needs.length === 0) return { notApplicable: "No area of need could be recognised in Section B." };

    // What F says: its sub-headings, and every provision statement (a table row includes its "need" column).
    const fSections = plan.sections.filter((section) => section.id === "F");
    const fTexts = [
      ...fSections.flatMap((section) => section.blocks.filter(isSubHeading).map((block) => block.text)),
      ...findProvisionStatements(plan, ["F"]).map(({ statement }) => statement.text),
    ];
    // When F is set out by area of need (its headings or sub-headings name the areas), an area with no provision is a
    // plain omission. When F is set out otherwise (by outcome, by provider), matching words across sections cannot
    // prove that nothing meets the need: the officer is asked to check (a warning).
    const fHeadings = fSections.flatMap((section) => [section.heading, ...section.blocks.filter(isSubHeading).map((block) => block.text)]);
    const naming = fHeadings.map((text) => areasNamedIn(text, options.needAreas)).filter((areas) => areas.length > 0);
    // Set out by area: at least two areas named, and every sub-heading names an area: a theme heading ("Feeling safe",
    // "Independence", "Moving to secondary school") can hold provision for any need.
    const subHeadings = fSections.flatMap((section) => section.blocks.filter(isSubHeading));
    const namingSubHeadings = subHeadings.filter((block) => areasNamedIn(block.text, options.needAreas).length > 0);
    const byArea = new Set(naming.flat()).size >= 2 && namingSubHeadings.length === subHeadings.length;
    let met = 0;
    for (const need of needs) {
      const words = options.needAreas[need.area] ?? [];
      if (fTexts.some((text) => hasPhrase(text, words))) {
        met++;
        continue;
      }
      report({
        severity: byArea ? "error" : "warning",
        messageId: "noProvision",
        data: { area: need.area },
        section: "B",
        excerpt: need.excerpt,
        blockId: need.blockId,
        suggestion: `Add provision to Section F that meets the ${need.area} needs described in Section B, saying what, who, how long and how often.`,
      });
    }
    return { score: met / needs.length, note: `${met} of ${needs.length} areas of need in Section B have provision in Section F.` };
  },
});
