// Provision must be "so specific and so clear as to leave no room for doubt" (L v Clarke and Somerset CC):
// each statement in F (and G, H1, H2) is read whole for what, who, how long, how often and group size.
import type { SectionId } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";
import {
  analyseProvision,
  DEFAULT_GENERIC_WORDS,
  DEFAULT_REQUIREMENTS,
  DEFAULT_VAGUE_LEXICON,
  judgeSpecificity,
  VAGUE_EFFECTS,
  type ProvisionAnalysis,
  type SlotName,
  type SpecificityJudgement,
  type SpecificityRequirements,
  type VagueLexiconEntry,
  type VagueSignal,
} from "../text/provision-slots.ts";
import { findProvisionStatements, NOT_PROVISION_PHRASES, PROVISION_CUES, type FoundProvision } from "../text/provision-statements.ts";
import { keyedPhraseListSchema, phraseListSchema } from "../text/phrase-list.ts";

interface Options {
  vagueLexicon: VagueLexiconEntry[];
  genericWords: string[];
  require: SpecificityRequirements;
  /** Words that make a sentence a provision statement even when no slot or vague phrase is found in it. */
  provisionCues: string[];
  /** Phrases that mark a sentence as an introduction or cross-reference, not provision (unless it is quantified). */
  notProvisionPhrases: string[];
  /** Phrases naming a therapy, and the professional who delivers it (used to suggest who). */
  therapists: Record<string, string[]>;
}

export const DEFAULT_SCOPE: SectionId[] = ["F", "G", "H1", "H2"];

const SLOT_QUESTION: Record<SlotName, string> = {
  what: "what will be provided",
  frequency: "how often",
  duration: "how long each session lasts",
  who: "who delivers it",
  groupSize: "how many children are in the group",
};
const QUESTION_ORDER: SlotName[] = ["what", "frequency", "duration", "who", "groupSize"];

const quote = (text: string): string => `"${text}"`;

/** "a, b, or c" — the way the report lists what is missing. */
function listWithOr(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")}, or ${items[items.length - 1]}`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

// What a vague phrase does, by lexicon kind (kinds a rule set adds fall back to the general wording).
const COMMITMENT_PROBLEM: Record<string, string> = {
  hedge: "says what would help, not what will be provided",
  opportunity: "offers a chance, not provision that will be made",
  conditional: "makes it conditional, so it cannot be relied on",
};
const CONTENT_PROBLEM: Record<string, string> = {
  examples: "gives examples instead of saying exactly what will be provided",
  "unspecified-content": "does not say what the provision actually is",
};

/** Plain-English reasons the statement cannot be enforced. */
export function describeProblems(judgement: SpecificityJudgement, analysis: ProvisionAnalysis): string {
  const sentences: string[] = [];
  const hedges = analysis.vagueSignals.filter((signal) => signal.effect === "commitment");
  for (const signal of hedges) sentences.push(`${quote(signal.phrase)} ${COMMITMENT_PROBLEM[signal.kind] ?? COMMITMENT_PROBLEM.conditional}`);
  const missing = QUESTION_ORDER.filter((slot) => judgement.missing.includes(slot)).map((slot) => SLOT_QUESTION[slot]);
  if (missing.length > 0) sentences.push(`it does not say ${listWithOr(missing)}`);
  for (const { slot, phrase } of judgement.undone) {
    const signal = analysis.vagueSignals.find((candidate) => candidate.phrase === phrase);
    if (signal?.kind === "range") sentences.push(`${quote(phrase)} is a range, not a set ${slot === "duration" ? "length" : "number of sessions"}`);
    else if (signal?.effect === "slot") sentences.push(`${quote(phrase)} sets only a limit on ${SLOT_QUESTION[slot]}, not an amount that will be provided`);
    else if (slot === "what") sentences.push(`${quote(phrase)} ${CONTENT_PROBLEM[signal?.kind ?? ""] ?? "leaves open what will be provided"}`);
    else sentences.push(`${quote(phrase)} does not say ${SLOT_QUESTION[slot]}`);
  }
  return `${capitalise(dedupe(sentences).join("; "))}.`;
}

const dedupe = (items: string[]): string[] => [...new Set(items)];

/** The vague phrases that explain a gap without undoing anything themselves ("access to", "regular"). */
function wordingNote(signals: VagueSignal[]): string {
  const phrases = dedupe(signals.map((signal) => signal.phrase.toLowerCase()));
  return phrases.length > 0 ? ` Vague wording: ${phrases.map(quote).join(", ")}.` : "";
}

function shorten(text: string, words = 8): string {
  const parts = text.split(/\s+/);
  return parts.length <= words ? text : `${parts.slice(0, words).join(" ")} ...`;
}

/** Who could deliver it: the therapist when the statement names a therapy, otherwise a trained assistant. */
function whoExample(analysis: ProvisionAnalysis, therapists: Record<string, string[]>): string {
  const what = analysis.what?.toLowerCase() ?? "";
  for (const [therapist, phrases] of Object.entries(therapists)) {
    if (phrases.some((phrase) => what.includes(phrase.toLowerCase()))) return `a qualified ${therapist}`;
  }
  const core = analysis.what ? coreOf(analysis.what) : "";
  // Only a short naming phrase reads well after "trained in" ("precision teaching"); a clause ("kai needs a high level",
  // "visit her new classroom") or bare support ("lunchtime support") does not.
  const naming = core !== "" && core.split(/\s+/).length <= 4 && !/\b(?:will|be|is|are|was|were|needs?|used|checked|aware|ha(?:ve|s)|gets?|uses?|can|should|visit|take|go|make|his|her|their|him|them|support|help)\b/i.test(core);
  return naming ? `a teaching assistant trained in ${core}` : "a named teaching assistant, with the training they have";
}

/** The head of a "what" phrase, in running text: "Small group work to develop his social skills" -> "small group work". */
function coreOf(what: string): string {
  const head = (what.split(/,|\s(?:to|for|with|in|on|so that|during|at|which|that)\s/)[0] ?? what).replace(/^(?:a|an|the)\s+/i, "").trim();
  const lowered = /^[A-Z][a-z]/.test(head) && !/^[A-Z][a-z]+\s+[A-Z]/.test(head) ? head.charAt(0).toLowerCase() + head.slice(1) : head;
  return shorten(lowered, 6);
}

/** What to write instead, built from what the statement already says. */
export function buildSuggestion(judgement: SpecificityJudgement, analysis: ProvisionAnalysis, therapists: Record<string, string[]>): string {
  const parts: string[] = [];
  const missing = new Set(judgement.missing);
  for (const { slot, phrase } of judgement.undone) {
    const signal = analysis.vagueSignals.find((candidate) => candidate.phrase === phrase);
    if (signal?.kind === "range") parts.push(`Replace the range ${quote(phrase)} with one ${slot === "duration" ? "length" : "number"}`);
    else if (signal?.effect === "slot") parts.push(`Replace ${quote(phrase)} with the amount that will be provided`);
    else missing.add(slot);
  }
  if (missing.has("what")) parts.push(`Say exactly what will be provided (name the programme or approach${analysis.what ? "" : ", not just 'support'"})`);
  const asks: string[] = [];
  if (missing.has("who")) asks.push(`who delivers it (for example '${whoExample(analysis, therapists)}')`);
  const duration = analysis.duration ?? "30 minutes";
  if (missing.has("frequency") && missing.has("duration")) asks.push("how often and for how long (for example '30 minutes, 3 times a week')");
  else if (missing.has("frequency")) asks.push(`how often (for example '${analysis.isSession || analysis.duration ? `${duration}, ` : ""}3 times a week')`);
  else if (missing.has("duration")) asks.push(`how long each session lasts (for example '30 minutes${analysis.frequency ? `, ${analysis.frequency.toLowerCase()}` : ""}')`);
  if (missing.has("groupSize")) asks.push("how many children are in the group (for example 'in a group of no more than 4')");
  if (asks.length > 0) parts.push(`Say ${listWithAnd(asks)}`);
  const hedges = analysis.vagueSignals.filter((signal) => signal.effect === "commitment");
  if (hedges.some((signal) => signal.kind === "hedge" || signal.kind === "opportunity")) parts.push("Write it as a decision ('... will receive ...'), not a recommendation or an opportunity");
  for (const signal of hedges.filter((candidate) => candidate.kind !== "hedge" && candidate.kind !== "opportunity")) parts.push(`Remove ${quote(signal.phrase)}: provision in the plan must be made`);
  return `${dedupe(parts).join(". ")}.`;
}

function listWithAnd(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")}, and ${items[items.length - 1]}`;
}

const lexiconEntrySchema = {
  type: "object",
  properties: {
    kind: { type: "string", minLength: 1 },
    effect: { enum: [...VAGUE_EFFECTS] },
    phrases: phraseListSchema,
  },
  required: ["kind", "effect", "phrases"],
  additionalProperties: false,
};

export const DEFAULT_THERAPISTS: Record<string, string[]> = {
  "speech and language therapist": ["speech and language therapy", "speech therapy", "salt", "slt", "language therapy"],
  "occupational therapist": ["occupational therapy", "sensory integration", "fine motor", "handwriting"],
  physiotherapist: ["physiotherapy", "physio", "gross motor", "mobility programme"],
};

export default defineRule<Options>({
  meta: {
    id: "provision-specificity",
    category: "provision-specificity",
    title: "Provision is specific and quantified",
    description: "Flags each provision statement that does not say what, who, how often (and how long, and in what size of group, where that applies), or that undoes one of them with vague wording.",
    source: "SEND Code of Practice 2015, para 9.69; L v Clarke and Somerset CC [1998] ELR 129; Worcestershire CC v SE [2020] UKUT 217 (AAC)",
    defaultSeverity: "error",
    defaultWeight: 3,
    optionsSchema: {
      type: "object",
      properties: {
        vagueLexicon: { type: "array", items: lexiconEntrySchema },
        genericWords: phraseListSchema,
        require: {
          type: "object",
          properties: {
            who: { type: "boolean" },
            frequency: { type: "boolean" },
            durationForSessions: { type: "boolean" },
            groupSizeForGroupWork: { type: "boolean" },
          },
          required: ["who", "frequency", "durationForSessions", "groupSizeForGroupWork"],
          additionalProperties: false,
        },
        provisionCues: phraseListSchema,
        notProvisionPhrases: phraseListSchema,
        therapists: keyedPhraseListSchema,
      },
      required: ["vagueLexicon", "genericWords", "require", "provisionCues", "notProvisionPhrases", "therapists"],
      additionalProperties: false,
    },
    defaultOptions: {
      vagueLexicon: DEFAULT_VAGUE_LEXICON,
      genericWords: DEFAULT_GENERIC_WORDS,
      require: DEFAULT_REQUIREMENTS,
      provisionCues: PROVISION_CUES,
      notProvisionPhrases: NOT_PROVISION_PHRASES,
      therapists: DEFAULT_THERAPISTS,
    },
    messages: {
      notSpecific: "Not specific enough to enforce. {{problems}}{{wording}}",
    },
  },
  check({ plan, options, scope, report }) {
    const sections = scope ?? DEFAULT_SCOPE;
    const found: FoundProvision[] = findProvisionStatements(plan, sections, options);
    if (found.length === 0) {
      return { notApplicable: `No provision statements were found in section${sections.length === 1 ? "" : "s"} ${listWithAnd(sections)}.` };
    }
    let specific = 0;
    for (const { statement, analysis } of found) {
      const judgement = judgeSpecificity(analysis, options.require);
      if (judgement.specific) {
        specific++;
        continue;
      }
      const explanatory = analysis.vagueSignals.filter((signal) => signal.effect === "none");
      report({
        messageId: "notSpecific",
        data: { problems: describeProblems(judgement, analysis), wording: wordingNote(explanatory) },
        section: statement.section,
        excerpt: statement.text,
        blockId: statement.blockId,
        suggestion: buildSuggestion(judgement, analysis, options.therapists),
      });
    }
    return {
      score: specific / found.length,
      note: `${specific} of ${found.length} provision statement${found.length === 1 ? " is" : "s are"} specific.`,
    };
  },
});
