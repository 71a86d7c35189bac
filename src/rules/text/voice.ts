// Whose words is each line of Section A? The child's own (first person, quoted, or gathered another way),
// the parents', the professionals', or a description of the child in the third person. Word lists come
// from the rule set (child-voice options); this module only applies them.
import type { EhcpDocument, Section, SectionId, TitleFacts } from "../../model/document.ts";
import { findPhrases, hasPhrase } from "./phrase-list.ts";
import { callingNames, childNamesOf, namesAnotherPerson, namesFromFacts, type ChildNames } from "./people.ts";
import { isHeadingLike, type SectionLine } from "./section-lines.ts";
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

export type Voice = "child" | "parent" | "professional" | "adult" | "about-child" | "other";

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
  /** The name the child is known by, when the plan gives one other than the forename. */
  knownAs?: string;
  names: ChildNames;
}

const refOf = (names: ChildNames): ChildRef => ({
  ...(names.forename ? { forename: names.forename } : {}),
  ...(names.fullName ? { fullName: names.fullName } : {}),
  ...(names.knownAs ? { knownAs: names.knownAs } : {}),
  names,
});

/** The child as the title facts name them. */
export function childRef(facts: TitleFacts): ChildRef {
  return refOf(namesFromFacts(facts));
}

/** The child as the plan names them, with the name they are known by ("Known as: Alfie"). */
export function childRefOf(plan: EhcpDocument): ChildRef {
  return refOf(childNamesOf(plan));
}

/** "Sam", or "the child" when the plan gives no name — for messages. */
export const childLabel = (child: ChildRef): string => child.knownAs ?? child.forename ?? "the child";

const FIRST_PERSON = /(?<![\p{L}'’])(?:I(?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![\p{L}'’])/u;
const THIRD_PERSON = /\b(?:he|she|they|him|her|his|hers|their|them|himself|herself|themselves)\b/i;
const SELF_NAMING = /\b(?:my name is|i am called|i['’]m called|call me|people call me|i am \d+|i['’]m \d+)\b/i;
// A quote left open at the end of a block is one the page or PDF line break cut off: it runs to the block's end.
const QUOTE = /“[^”]{2,}”|"[^"]{2,}"|(?<![\p{L}])‘[^’]{2,}’(?![\p{L}])|“[^”]{8,}$/gu;
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
  const calling = callingNames(child.names);
  const key = calling.join("|");
  let found = perChild.get(key);
  if (!found) {
    const name = calling.length > 0 ? `${calling.map(escapeRegExp).join("|")}|` : "";
    const verbs = `(?:${alternation(lexicon.speechVerbs)}|told\\s+(?:us|me|\\w+))`;
    const subject = `(?:${name}he|she|they)`;
    const possessive = calling.length > 0 ? `|(?:${calling.map(escapeRegExp).join("|")})['’]s\\s+(?:own\\s+)?(?:words|views)` : "";
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

/** Who is speaking: the child, a parent or carer, a professional, another named adult; null when nothing says. */
export type Speaker = "child" | "parent" | "professional" | "adult";
type HeadingVoice = Speaker | null;

/** Verbs that introduce someone's words in a clause or heading ("Mum said:", "What Sam told us", "They added:"). */
const CLAUSE_VERBS = ["added", "gave", "wrote", "views", "words", "voice", "think", "thinks", "say", "says", "told"];

interface VerbLists {
  /** Verbs that open a clause introducing someone's words ("Mum said:", "Sam gave his views:"). */
  clause: string[];
  /** Verbs that make a heading say whose words follow ("What Sam told us"). */
  heading: string[];
  /** A tag after a quote: ", said Mum". */
  quoteTag: RegExp;
  /** Parent and professional speakers together. */
  speakers: string[];
}

/** Made once per lexicon: the phrase matchers are cached by list, so the lists must be the same arrays every call. */
const verbListsCache = new WeakMap<VoiceLexicon, VerbLists>();
function verbLists(lexicon: VoiceLexicon): VerbLists {
  let lists = verbListsCache.get(lexicon);
  if (!lists) {
    lists = {
      clause: [...lexicon.speechVerbs, ...lexicon.reportingVerbs, ...CLAUSE_VERBS],
      heading: [...lexicon.speechVerbs, ...CLAUSE_VERBS],
      quoteTag: new RegExp(`^\\s*,?\\s*(?:${lexicon.speechVerbs.map(escapeRegExp).join("|")})\\s+([^.,;!?“"]{1,60})`, "iu"),
      speakers: [...lexicon.parentSpeakers, ...lexicon.professionalSpeakers],
    };
    verbListsCache.set(lexicon, lists);
  }
  return lists;
}
const PRONOUN_SUBJECT = /^(?:and\s+)?(?:he|she|they|we)(?:\s+(?:also|both|then|all))?$/i;

/** The child named as a subject ("Sam", "Sam's views"), not as someone's relation ("Sam's mum", "Sam's teacher"). */
function namesChildAsSubject(subject: string, child: ChildRef): boolean {
  return callingNames(child.names).some((name) => {
    const at = new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])(['’]s\\s+(?:own\\s+)?\\p{L}+)?`, "iu").exec(subject);
    return at !== null && (at[1] === undefined || /(?:words|views|voice)$/i.test(at[1]));
  });
}

/** Where the child's name last starts in a phrase (-1 when it does not appear). */
function lastChildMention(phrase: string, child: ChildRef): number {
  let last = -1;
  for (const name of callingNames(child.names)) {
    for (const match of phrase.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, "giu"))) last = Math.max(last, match.index);
  }
  return last;
}

/** Where the last parent or professional speaker word in a phrase ends (-1 when none). */
function lastSpeakerWordEnd(phrase: string, lexicon: VoiceLexicon): number {
  const found = findPhrases(phrase, verbLists(lexicon).speakers);
  return found.reduce((end, match) => Math.max(end, match.index + match.text.length), -1);
}

/** Who a phrase names as speaker: "his mother" → parent; "Mrs Kaur" → another adult; "Sam" → the child; "they" → the last speaker. */
function speakerNamed(phrase: string, lexicon: VoiceLexicon, child: ChildRef, previous: HeadingVoice): HeadingVoice {
  const subject = phrase.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, "");
  if (subject === "") return null;
  // "They added:", "She also said" continue the speaker before them; with none, a pronoun is the child.
  if (PRONOUN_SUBJECT.test(subject)) return previous ?? (/^(?:and\s+)?we\b/i.test(subject) ? null : "child");
  // The speaker is the last one named before the verb: in "When asked about school Sam said" school is a topic.
  if (namesChildAsSubject(subject, child) && lastChildMention(subject, child) >= lastSpeakerWordEnd(subject, lexicon)) return "child";
  if (hasPhrase(subject, lexicon.parentSpeakers)) return "parent";
  if (hasPhrase(subject, lexicon.professionalSpeakers)) return "professional";
  if (namesChildAsSubject(subject, child)) return "child";
  if (namesAnotherPerson(subject, child.names)) return "adult";
  return null;
}

/**
 * The speaker a clause introduces: the subject before its reporting verb ("Ned's mum, Mrs Smith, said:" → the
 * mother). The noun phrase nearest the verb decides; the whole clause is the fallback ("Mum gave her views:").
 */
function clauseSpeaker(clause: string, lexicon: VoiceLexicon, child: ChildRef, previous: HeadingVoice): HeadingVoice {
  const verb = findPhrases(clause, verbLists(lexicon).clause)[0];
  const subject = verb ? clause.slice(0, verb.index) : clause;
  const nearest = subject.split(/[,;(]/).map((part) => part.trim()).filter((part) => part !== "").pop() ?? "";
  return speakerNamed(nearest, lexicon, child, previous) ?? (nearest !== subject.trim() ? speakerNamed(subject, lexicon, child, previous) : null);
}

function headingVoice(heading: string | null, lexicon: VoiceLexicon, child: ChildRef): HeadingVoice {
  if (!heading) return null;
  if (hasPhrase(heading, lexicon.parentHeadings)) return "parent";
  if (hasPhrase(heading, lexicon.professionalHeadings)) return "professional";
  if (hasPhrase(heading, lexicon.childHeadings)) return "child";
  // "What Sam told us", "What Sam's parents say": a heading that says whose words follow.
  if (!hasPhrase(heading, verbLists(lexicon).heading)) return null;
  return clauseSpeaker(heading, lexicon, child, null);
}

/** The speaker of a quote in a block: the clause just before it ("Mum said: “...”"), or the tag just after it ("“...”, said Mum"). */
function quoteSpeaker(blockText: string, quoteStart: number, quoteEnd: number, attr: Attribution, lexicon: VoiceLexicon, child: ChildRef, previous: HeadingVoice): HeadingVoice {
  const before = blockText.slice(Math.max(0, quoteStart - 120), quoteStart);
  const after = blockText.slice(quoteEnd, quoteEnd + 60);
  const tail = (before.split(/[.!?”"](?=\s)/).pop() ?? "").trim();
  const head = after.split(/[.!?](?=\s|$)/)[0] ?? "";
  if (/[\p{L}]/u.test(tail)) {
    const speaker = clauseSpeaker(tail, lexicon, child, previous);
    if (speaker) return speaker;
  }
  const tag = verbLists(lexicon).quoteTag.exec(head);
  if (tag) return speakerNamed(tag[1]!, lexicon, child, previous);
  for (const context of [head, tail]) {
    if (attr.parent?.test(context)) return "parent";
    if (attr.professional?.test(context)) return "professional";
    if (attr.child.test(context)) return "child";
  }
  return null;
}

function mentionsChild(text: string, child: ChildRef): boolean {
  if (callingNames(child.names).some((name) => wholeWord(name).test(text))) return true;
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

interface QuoteSpan {
  start: number;
  end: number;
  voice: HeadingVoice;
  /** Unattributed words that read as speech: first person and a few words ("All about me" is a title). */
  firstPerson: boolean;
}

/** Classify every line of Section A. */
export function classifyVoices(lines: readonly SectionLine[], lexicon: VoiceLexicon, child: ChildRef): VoiceLine[] {
  const attr = attribution(lexicon, child);
  // Quotes are found per block (a quote can hold several sentences), then given to the lines they overlap. The last
  // speaker carries on to "They added: “...”", the
  const quoteVoices = new Map<string, QuoteSpan[]>();
  // speaker of the last attributed quote, which carries on into the same paragraph and the next one only.
  let previous: HeadingVoice = null;
  let blocksSincePrevious = 0;
  for (const line of lines) {
    if (quoteVoices.has(line.blockId + line.blockText)) continue;
    if (++blocksSincePrevious > 2) previous = null;
    const quotes: QuoteSpan[] = [];
    for (const match of line.blockText.matchAll(QUOTE)) {
      const inner = match[0].slice(1, -1);
      if ((inner.match(/[\p{L}]+/gu) ?? []).length < 3) continue; // a label such as "like" or "don't like", not words spoken
      const end = match.index + match[0].length;
      const voice = quoteSpeaker(line.blockText, match.index, end, attr, lexicon, child, previous);
      if (voice) {
        previous = voice;
        blocksSincePrevious = 1;
      }
      const spoken = FIRST_PERSON.test(inner) && (inner.match(/[\p{L}]+/gu) ?? []).length >= 4;
      quotes.push({ start: match.index, end, voice, firstPerson: spoken });
    }
    quoteVoices.set(line.blockId + line.blockText, quotes);
  }

  // "I am Sam's mum", "As his father, I ...": the writer says who they are, and the first person after it, under the
  // same sub-heading, is theirs.
  const selfDeclared = new RegExp(
    `\\b(?:I\\s+am|I['’]m|as)\\s+(?:(?:${callingNames(child.names).map(escapeRegExp).join("|") || "\\p{Lu}\\p{Ll}+"})['’]s|his|her|their)\\s+(?:${alternation([...lexicon.parentSpeakers, ...lexicon.professionalSpeakers])})(?![\\p{L}])`,
    "iu",
  );
  let declared: { heading: string | null; voice: Speaker } | null = null;
  return lines.map((line): VoiceLine => {
    const text = line.text;
    const declaration = selfDeclared.exec(text);
    if (declaration) declared = { heading: line.heading, voice: hasPhrase(declaration[0], lexicon.parentSpeakers) ? "parent" : "professional" };
    else if (declared && declared.heading !== line.heading) declared = null;
    const result: VoiceLine = { ...line, voice: "other", methods: methodsIn(text, lexicon) };
    const learned = findPhrases(text, lexicon.preferenceWords)[0];
    if (learned) result.learned = learned.text;
    const notConsulted = findPhrases(text, lexicon.notConsultedPhrases)[0];
    if (notConsulted) result.notConsulted = notConsulted.text;
    const boilerplate = findPhrases(text, lexicon.boilerplatePhrases)[0];
    if (boilerplate) result.boilerplate = boilerplate.text;

    const context = headingVoice(line.heading, lexicon, child);
    const adultContext = context !== null && context !== "child";
    const quotes = (quoteVoices.get(line.blockId + line.blockText) ?? []).filter((quote) =>
      line.start < 0 ? line.text.includes(line.blockText.slice(quote.start + 1, quote.end - 1).slice(0, 20)) : quote.start < line.start + line.text.length && line.start < quote.end,
    );
    const quote = quotes.find((q) => q.voice === "child") ?? quotes.find((q) => q.voice !== null) ?? quotes[0];
    const parentMarked = (attr.parent?.test(text) ?? false) || hasPhrase(text, lexicon.parentPhrases);
    const professionalMarked = (attr.professional?.test(text) ?? false) || hasPhrase(text, lexicon.professionalPhrases);
    // A quoted label or title ("All about me", under “I don't like”) is not the line speaking in the first person.
    const firstPerson = FIRST_PERSON.test(text.replace(ANY_QUOTE, (quoted) => ((quoted.match(/[\p{L}]+/gu) ?? []).length < 4 ? " " : quoted)));

    if (quote?.voice === "child" || (quote && quote.voice === null && quote.firstPerson && !adultContext && !parentMarked && !professionalMarked)) {
      return { ...result, voice: "child", childBy: "quote" };
    }
    // A quote attributed to an adult, or the first person under an adult's sub-heading, is that adult's.
    if (quote?.voice === "parent" || quote?.voice === "professional" || quote?.voice === "adult") return { ...result, voice: quote.voice };
    if (parentMarked) return { ...result, voice: "parent" };
    if (professionalMarked) return { ...result, voice: "professional" };
    if (firstPerson) {
      if (adultContext) return { ...result, voice: context };
      if (declared) return { ...result, voice: declared.voice };
      // "I am worried about Sam's sleep" is an adult writing about the child; "My name is Sam" is the child.
      const namesChild = callingNames(child.names).some((name) => wholeWord(name).test(text));
      if (namesChild && !SELF_NAMING.test(text) && !attr.child.test(text)) return { ...result, voice: "parent" };
      return { ...result, voice: "child", childBy: "first-person" };
    }
    if (adultContext) return { ...result, voice: context };
    if (attr.childReported.test(text)) return { ...result, voice: "child", childBy: "reported" };
    if (mentionsChild(text, child)) return { ...result, voice: "about-child" };
    return result;
  });
}

/**
 * The parts holding the views: the sections in scope (Section A by default). When the plan has none of them (its
 * "about me" heading was not recognised as a section), the run of unsectioned blocks under a views heading.
 */
export function viewsSections(plan: EhcpDocument, scope: SectionId[] | null, lexicon: Pick<VoiceLexicon, "childHeadings" | "parentHeadings">): Section[] {
  const sectionIds: SectionId[] = scope ?? ["A"];
  const sections = plan.sections.filter((section) => sectionIds.includes(section.id));
  if (sections.length > 0 || !sectionIds.includes("A")) return sections;
  const viewsHeading = (text: string) => isHeadingLike(text) && (hasPhrase(text, lexicon.childHeadings) || hasPhrase(text, lexicon.parentHeadings) || /\b(?:views|all about|about me)\b/i.test(text));
  const start = plan.blocks.findIndex((block) => block.section === null && (block.kind === "heading" || block.kind === "paragraph") && viewsHeading(block.text));
  if (start < 0) return [];
  const blocks = [];
  for (const block of plan.blocks.slice(start + 1)) {
    if (block.section !== null) break;
    blocks.push(block);
  }
  if (blocks.length === 0) return [];
  const headingBlock = plan.blocks[start]!;
  const region = { heading: headingBlock.text, headingBlockId: headingBlock.id, blocks, location: headingBlock.location };
  return [{ id: "A", ...region, regions: [region], foundBy: "line", matchedBy: "meaning" }];
}
