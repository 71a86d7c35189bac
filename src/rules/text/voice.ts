// Whose words is each line of Section A? The child's own (first person, quoted, or gathered another way),
// the parents', the professionals', or a description of the child in the third person. Word lists come
// from the rule set (child-voice options); this module only applies them.
import type { TitleFacts } from "../../model/document.ts";
import { findPhrases, hasPhrase } from "./phrase-list.ts";
import type { SectionLine } from "./section-lines.ts";
import { escapeRegExp, wholeWord } from "../../text/regexp.ts";

export interface VoiceLexicon {
  /** Sub-headings introducing the child's own words ("My views", "In my own words"). */
  childHeadings: string[];
  /** Sub-headings introducing the parents' views ("Parents' views", "Our views"). */
  parentHeadings: string[];
  /** Sub-headings introducing professionals' views ("What school says", "Professionals' views"). */
  professionalHeadings: string[];
  /** Who parents are ("mum", "parents", "carer"). */
  parentSpeakers: string[];
  /** Who professionals are ("class teacher", "SENCo", "the EP", "school"). */
  professionalSpeakers: string[];
  /** Verbs that attribute words to a speaker ("says", "reported", "would like"). */
  reportingVerbs: string[];
  /** Verbs that report what the child said or communicated ("said", "told", "explained", "wrote"). */
  speechVerbs: string[];
  /** Phrases that mark a line as the parents' own ("we would like", "our son", "my daughter"). */
  parentPhrases: string[];
  /** Phrases that mark a line as a professional's ("according to", "assessment shows"). */
  professionalPhrases: string[];
  /** Ways of gathering the views of a child who does not use speech (PECS, Talking Mats, observation...). */
  methods: string[];
  /** Words saying a line is about gathering the child's views ("views", "wishes", "chose", "using"). */
  viewWords: string[];
  /** Words reporting what was learned about the child ("likes", "enjoys", "chose", "becomes anxious"). */
  preferenceWords: string[];
  /** Who can observe a child ("teaching assistant", "key worker"): observation counts only when the observer is named. */
  observers: string[];
  /** The child was not consulted ("not consulted", "unable to give his views"). */
  notConsultedPhrases: string[];
  /** Template text or boilerplate standing in for views ("views are reflected throughout this plan"). */
  boilerplatePhrases: string[];
}

export type Voice = "child" | "parent" | "professional" | "about-child" | "other";

export interface VoiceLine extends SectionLine {
  voice: Voice;
  /** How the child's voice shows: first person, a quote attributed to the child. */
  childBy?: "first-person" | "quote" | "reported";
  /** The line says how views were gathered without speech (the method words found). */
  methods: string[];
  /** The line reports something learned about the child (the word found). */
  learned?: string;
  notConsulted?: string;
  boilerplate?: string;
}

export interface ChildRef {
  /** Forename, when the plan gives the child's name. */
  forename?: string;
  fullName?: string;
}

export function childRef(facts: TitleFacts): ChildRef {
  const fullName = facts.childName?.trim();
  if (!fullName) return {};
  const forename = fullName.split(/\s+/)[0]!.replace(/[^\p{L}'’-]/gu, "");
  return forename ? { forename, fullName } : { fullName };
}

/** "Sam", or "the child" when the plan gives no name — for messages. */
export const childLabel = (child: ChildRef): string => child.forename ?? "the child";

const FIRST_PERSON = /(?<![\p{L}'’])(?:I(?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![\p{L}'’])/u;
const THIRD_PERSON = /\b(?:he|she|they|him|her|his|hers|their|them|himself|herself|themselves)\b/i;
const SELF_NAMING = /\b(?:my name is|i am called|i['’]m called|call me|people call me|i am \d+|i['’]m \d+)\b/i;
const QUOTE = /“[^”]{2,}”|"[^"]{2,}"|(?<![\p{L}])‘[^’]{2,}’(?![\p{L}])/gu;
const ANY_QUOTE = /“[^”]+”|"[^"]+"|(?<![\p{L}])‘[^’]+’(?![\p{L}])/gu;

const alternation = (phrases: readonly string[]): string =>
  [...phrases].sort((a, b) => b.length - a.length).map((phrase) => escapeRegExp(phrase.trim()).replace(/\s+/g, "\\s+").replace(/['’]/g, "['’]")).join("|");

interface Attribution {
  parent: RegExp | null;
  professional: RegExp | null;
  /** Words attributed to the child anywhere in a text ("Sam said", "said Sam", "in his own words"). */
  child: RegExp;
  /** A line that opens by reporting the child's words: "When asked, Sam said that ...". */
  childReported: RegExp;
}

const attributionCache = new WeakMap<VoiceLexicon, Map<string, Attribution>>();

/** "Mum says", "his class teacher reported", "according to Dad", ", said his mother". */
function speakerPattern(speakers: readonly string[], verbs: readonly string[]): RegExp | null {
  if (speakers.length === 0 || verbs.length === 0) return null;
  const who = `(?:(?:his|her|their|the|[\\p{Lu}][\\p{L}'’-]*['’]s)\\s+)?(?:${alternation(speakers)})`;
  const verb = `(?:${alternation(verbs)})`;
  const forward = `${who}\\s+(?:(?:also|both|all|have|has|had|would|strongly|clearly)\\s+)*${verb}`;
  // Only as a tag after quoted words (", said Mum"), so "I told my teacher" is not read as the teacher speaking.
  const backward = `(?<=[,"”’]\\s*)${verb}\\s+${who}`;
  const according = `(?:according\\s+to|in\\s+the\\s+view\\s+of|in\\s+the\\s+words\\s+of)\\s+${who}`;
  return new RegExp(`(?<![\\p{L}])(?:${forward}|${backward}|${according})(?![\\p{L}])`, "iu");
}

function attribution(lexicon: VoiceLexicon, child: ChildRef): Attribution {
  let perChild = attributionCache.get(lexicon);
  if (!perChild) attributionCache.set(lexicon, (perChild = new Map()));
  const key = child.forename ?? "";
  let found = perChild.get(key);
  if (!found) {
    const name = child.forename ? `${escapeRegExp(child.forename)}|` : "";
    const verbs = `(?:${alternation(lexicon.speechVerbs)}|told\\s+(?:us|me|\\w+))`;
    const subject = `(?:${name}he|she|they)`;
    const possessive = child.forename ? `|${escapeRegExp(child.forename)}['’]s\\s+(?:own\\s+)?(?:words|views)` : "";
    found = {
      parent: speakerPattern(lexicon.parentSpeakers, lexicon.reportingVerbs),
      professional: speakerPattern(lexicon.professionalSpeakers, lexicon.reportingVerbs),
      // "Sam said", "said Sam", "in Sam's own words", "Sam's views:", "in his words"
      child: new RegExp(
        `(?<![\\p{L}])(?:${subject}\\s+(?:(?:also|then|once|has|had|have)\\s+)*${verbs}|${verbs}\\s+${subject}|in\\s+(?:${name}his|her|their)(?:['’]s)?\\s+(?:own\\s+)?words${possessive})(?![\\p{L}])`,
        "iu",
      ),
      childReported: new RegExp(`^[^.;:!?]{0,40}?(?<![\\p{L}])${subject}\\s+(?:(?:also|then|once|has|had|have)\\s+)*${verbs}(?![\\p{L}])`, "iu"),
    };
    perChild.set(key, found);
  }
  return found;
}

type HeadingVoice = "child" | "parent" | "professional" | null;

function headingVoice(heading: string | null, lexicon: VoiceLexicon): HeadingVoice {
  if (!heading) return null;
  if (hasPhrase(heading, lexicon.parentHeadings)) return "parent";
  if (hasPhrase(heading, lexicon.professionalHeadings)) return "professional";
  if (hasPhrase(heading, lexicon.childHeadings)) return "child";
  return null;
}

/** The speaker of a quote in a block, from the words just before and after it. */
function quoteSpeaker(blockText: string, quoteStart: number, quoteEnd: number, attr: Attribution): HeadingVoice {
  const before = blockText.slice(Math.max(0, quoteStart - 80), quoteStart);
  const after = blockText.slice(quoteEnd, quoteEnd + 60);
  // The nearest attribution wins: the clause right before the quote, or the tag right after it.
  const tail = before.split(/[.!?](?=\s)/).pop() ?? "";
  const head = after.split(/[.!?](?=\s|$)/)[0] ?? "";
  for (const context of [head, tail]) {
    if (attr.parent?.test(context)) return "parent";
    if (attr.professional?.test(context)) return "professional";
    if (attr.child.test(context)) return "child";
  }
  return null;
}

function mentionsChild(text: string, child: ChildRef): boolean {
  if (child.forename && wholeWord(child.forename).test(text)) return true;
  return THIRD_PERSON.test(text);
}

/** Observation counts as a way of gathering views only when it says who observed. */
function methodsIn(text: string, lexicon: VoiceLexicon): string[] {
  const found = findPhrases(text, lexicon.methods).map((match) => match.text);
  if (found.length === 0) return [];
  const observationOnly = found.every((word) => /^observ/i.test(word));
  if (observationOnly) {
    const named = hasPhrase(text, lexicon.observers) || /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z]+/.test(text);
    if (!named) return [];
  }
  return found;
}

/** Classify every line of Section A. */
export function classifyVoices(lines: readonly SectionLine[], lexicon: VoiceLexicon, child: ChildRef): VoiceLine[] {
  const attr = attribution(lexicon, child);
  // Quotes are found per block (a quote can hold several sentences), then given to the lines they overlap.
  const quoteVoices = new Map<string, { start: number; end: number; voice: HeadingVoice; firstPerson: boolean }[]>();
  for (const line of lines) {
    if (quoteVoices.has(line.blockId + line.blockText)) continue;
    const quotes: { start: number; end: number; voice: HeadingVoice; firstPerson: boolean }[] = [];
    for (const match of line.blockText.matchAll(QUOTE)) {
      const inner = match[0].slice(1, -1);
      if ((inner.match(/[\p{L}]+/gu) ?? []).length < 3) continue; // a label such as "like" or "don't like", not words spoken
      const end = match.index + match[0].length;
      // An unattributed quote counts as the child's only when it reads as speech: first person and a few words ("All about me" is a title).
      const spoken = FIRST_PERSON.test(inner) && (inner.match(/[\p{L}]+/gu) ?? []).length >= 4;
      quotes.push({ start: match.index, end, voice: quoteSpeaker(line.blockText, match.index, end, attr), firstPerson: spoken });
    }
    quoteVoices.set(line.blockId + line.blockText, quotes);
  }

  return lines.map((line): VoiceLine => {
    const text = line.text;
    const result: VoiceLine = { ...line, voice: "other", methods: methodsIn(text, lexicon) };
    const learned = findPhrases(text, lexicon.preferenceWords)[0];
    if (learned) result.learned = learned.text;
    const notConsulted = findPhrases(text, lexicon.notConsultedPhrases)[0];
    if (notConsulted) result.notConsulted = notConsulted.text;
    const boilerplate = findPhrases(text, lexicon.boilerplatePhrases)[0];
    if (boilerplate) result.boilerplate = boilerplate.text;

    const context = headingVoice(line.heading, lexicon);
    const quotes = (quoteVoices.get(line.blockId + line.blockText) ?? []).filter((quote) =>
      line.start < 0 ? line.text.includes(line.blockText.slice(quote.start + 1, quote.end - 1).slice(0, 20)) : quote.start < line.start + line.text.length && line.start < quote.end,
    );
    const quote = quotes.find((q) => q.voice === "child") ?? quotes.find((q) => q.voice !== null) ?? quotes[0];
    const parentMarked = (attr.parent?.test(text) ?? false) || hasPhrase(text, lexicon.parentPhrases);
    const professionalMarked = (attr.professional?.test(text) ?? false) || hasPhrase(text, lexicon.professionalPhrases);
    // A quoted label or title ("All about me", under “I don't like”) is not the line speaking in the first person.
    const firstPerson = FIRST_PERSON.test(text.replace(ANY_QUOTE, (quoted) => ((quoted.match(/[\p{L}]+/gu) ?? []).length < 4 ? " " : quoted)));

    if (quote?.voice === "child" || (quote && quote.voice === null && quote.firstPerson && context !== "parent" && context !== "professional" && !parentMarked && !professionalMarked)) {
      return { ...result, voice: "child", childBy: "quote" };
    }
    if (parentMarked || quote?.voice === "parent") return { ...result, voice: "parent" };
    if (professionalMarked || quote?.voice === "professional") return { ...result, voice: "professional" };
    if (firstPerson) {
      if (context === "parent" || context === "professional") return { ...result, voice: context };
      // "I am worried about Sam's sleep" is an adult writing about the child; "My name is Sam" is the child.
      const namesChild = child.forename !== undefined && wholeWord(child.forename).test(text);
      if (namesChild && !SELF_NAMING.test(text) && !attr.child.test(text)) return { ...result, voice: "parent" };
      return { ...result, voice: "child", childBy: "first-person" };
    }
    if (context === "parent" || context === "professional") return { ...result, voice: context };
    if (attr.childReported.test(text)) return { ...result, voice: "child", childBy: "reported" };
    if (mentionsChild(text, child)) return { ...result, voice: "about-child" };
    return result;
  });
}
