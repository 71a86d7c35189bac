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
  type ProvisionType,
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
  /** How many vague statements make the check fail; fewer are reported as warnings. */
  vagueStatementsToFail: number;
}

export const DEFAULT_SCOPE: SectionId[] = ["F", "G", "H1", "H2"];

const TYPE_LABEL: Record<ProvisionType, string> = {
  session: "a teaching, intervention or therapy session",
  staffing: "adult support",
  strategy: "a strategy or adjustment",
  equipment: "equipment or a resource",
  event: "training, an assessment or another planned event",
};

/** How the report names a detail, for the type that asks for it. */
function slotName(slot: SlotName, type: ProvisionType): string {
  switch (slot) {
    case "what":
      return "what exactly is provided";
    case "who":
      return type === "equipment" ? "who provides it" : "who";
    case "frequency":
      return type === "strategy" ? "when it applies" : type === "staffing" ? "how much (hours a week, a ratio or when)" : type === "event" ? "when or how often" : "how often";
    case "duration":
      return "for how long";
    case "groupSize":
      return "the group size";
  }
}

const quote = (text: string): string => `"${text}"`;

/** "a, b or c" — the way the report lists details. */
function listWith(items: string[], conjunction: "and" | "or"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const dedupe = (items: string[]): string[] => [...new Set(items)];

// What a binding phrase does, by lexicon kind (kinds a rule set adds fall back to the general wording).
const BINDING_PROBLEM: Record<string, string> = {
  hedge: "says what might help, not what will be provided",
  opportunity: "offers a chance, not provision that will be made",
  "qualified-commitment": "makes the provision conditional, so it cannot be relied on",
  discretionary: "leaves it to staff to decide whether and when it happens",
  access: "gives access to something without saying when or how much",
  "deferred-content": "leaves what is provided to be decided elsewhere",
  examples: "gives examples instead of saying exactly what will be provided",
  "imprecise-frequency": "does not say how often",
  "upper-limit": "sets only a limit, not an amount that will be provided",
  range: "is a range, not a set amount",
};

/** Plain-English reasons, naming what the statement's type asks for and what it leaves out. */
export function describeProblems(judgement: SpecificityJudgement, analysis: ProvisionAnalysis): string {
  const sentences: string[] = [];
  for (const signal of analysis.vagueSignals.filter((candidate) => candidate.binding)) {
    sentences.push(`${quote(signal.phrase)} ${BINDING_PROBLEM[signal.kind] ?? "makes the provision conditional, so it cannot be relied on"}`);
  }
  const type = judgement.type;
  const missing = judgement.missing.filter((slot) => !judgement.undone.some((entry) => entry.slot === slot));
  if (missing.includes("what")) {
    sentences.push("it does not say what will actually be provided");
  } else if (missing.length > 0) {
    const says = ["what", ...judgement.stated.map((slot) => slotName(slot, type))];
    sentences.push(`read as ${TYPE_LABEL[type]}, it says ${listWith(dedupe(says), "and")}, not ${listWith(missing.map((slot) => slotName(slot, type)), "or")}`);
  }
  return `${capitalise(dedupe(sentences).join("; "))}.`;
}

/** The loose phrases that explain a gap without binding anything themselves ("key adult", "small group"). */
function wordingNote(signals: VagueSignal[]): string {
  // Only phrases that explain a gap; a permission ("she may go") or an allowance ("up to 10 minutes") is not loose.
  const phrases = dedupe(signals.filter((signal) => !signal.binding && signal.effect === "none").map((signal) => signal.phrase.toLowerCase()));
  return phrases.length > 0 ? ` Loose wording: ${phrases.map(quote).join(", ")}.` : "";
}

/** Who could deliver it: the therapist when the statement names a therapy, otherwise a placeholder for the role. */
function whoPlaceholder(analysis: ProvisionAnalysis, therapists: Record<string, string[]>): string {
  const what = analysis.what?.toLowerCase() ?? "";
  for (const [therapist, phrases] of Object.entries(therapists)) {
    if (phrases.some((phrase) => what.includes(phrase.toLowerCase()))) return `a qualified ${therapist}`;
  }
  return analysis.type === "equipment" ? "[who provides and maintains it]" : "[role, and the training they have]";
}

/** A rewrite of the statement for its type, keeping what it already says and leaving placeholders for the rest. */
export function buildSuggestion(judgement: SpecificityJudgement, analysis: ProvisionAnalysis, therapists: Record<string, string[]>): string {
  const parts: string[] = [];
  const binding = analysis.vagueSignals.filter((signal) => signal.binding);
  const hedged = binding.filter((signal) => !signal.undoes && signal.kind !== "examples" && signal.kind !== "deferred-content");
  if (hedged.length > 0) parts.push(`Remove ${listWith(dedupe(hedged.map((signal) => quote(signal.phrase))), "and")}: write the provision as a decision that will be made`);
  const open = new Set<SlotName>([...judgement.missing, ...judgement.undone.map((entry) => entry.slot)]);
  const keep = (slot: SlotName, placeholder: string): string => (open.has(slot) ? placeholder : (analysis[slot] ?? placeholder));
  const what = open.has("what") || !analysis.what ? "[exactly what: the named programme, approach or item]" : analysis.what;
  const who = keep("who", whoPlaceholder(analysis, therapists));
  // Labelled fields read the same for every type and every template: what the statement says, placeholders for the rest.
  const fields: [string, string][] = [["Provision", what]];
  switch (analysis.type) {
    case "session":
      fields.push(["Delivered by", who], ["How often", keep("frequency", "[N] times a week")], ["How long", keep("duration", "[N] minutes a session")]);
      if (analysis.isGroupWork) fields.push(["Group size", keep("groupSize", "no more than [N] pupils")]);
      break;
    case "staffing":
      fields.push(["Adult", who], ["Amount", keep("frequency", "[N] hours a week, or at [which times]")]);
      break;
    case "strategy":
      fields.push(["When it applies", keep("frequency", "[in every lesson / at each transition / throughout the day]")]);
      if (analysis.who) fields.push(["Who", analysis.who]);
      break;
    case "equipment":
      fields.push(["Provided and maintained by", who]);
      break;
    case "event":
      fields.push(["By", who], ["When", keep("frequency", "[by date, or how often: termly, once a year]")]);
      break;
  }
  const rewrite = fields.map(([label, value]) => `${label}: ${value}`).join(". ");
  parts.push(`For example: '${rewrite.replace(/\s+/g, " ")}.'`);
  return parts.join(". ");
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
    description: "Reads each provision statement by its type (session, adult support, strategy, equipment, training or event) and flags those a hedge makes vague or that leave out what their type must say (what, who, how often, how long, group size).",
    source: "SEND Code of Practice 2015, para 9.69; L v Clarke and Somerset CC [1998] ELR 129; Worcestershire CC v SE [2020] UKUT 217 (AAC)",
    rationale: "Provision in Section F is only enforceable when it is so specific that there is no room for doubt: what is provided, by whom, how often, for how long and in what group. Hedges such as \"access to\" or \"as appropriate\" leave the amount to the school's discretion.",
    examples: {
      pass: [
        { section: "F", text: "A speech and language therapist will deliver a language programme to Tam one to one, 30 minutes twice a week." },
      ],
      fail: [
        { section: "F", text: "Tam will have access to speech and language therapy as appropriate." },
        { section: "F", text: "Tam will have regular support from an adult when needed." },
      ],
    },
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
        vagueStatementsToFail: { type: "integer", minimum: 1 },
      },
      required: ["vagueLexicon", "genericWords", "require", "provisionCues", "notProvisionPhrases", "therapists", "vagueStatementsToFail"],
      additionalProperties: false,
    },
    defaultOptions: {
      vagueLexicon: DEFAULT_VAGUE_LEXICON,
      genericWords: DEFAULT_GENERIC_WORDS,
      require: DEFAULT_REQUIREMENTS,
      provisionCues: PROVISION_CUES,
      notProvisionPhrases: NOT_PROVISION_PHRASES,
      therapists: DEFAULT_THERAPISTS,
      vagueStatementsToFail: 2,
    },
    messages: {
      notSpecific: "Not specific enough to enforce. {{problems}}{{wording}}",
      incomplete: "Enforceable, but could say more. {{problems}}{{wording}}",
    },
  },
  check({ plan, options, scope, report }) {
    const sections = scope ?? DEFAULT_SCOPE;
    const found: FoundProvision[] = findProvisionStatements(plan, sections, options);
    if (found.length === 0) {
      return { notApplicable: `No provision statements were found in section${sections.length === 1 ? "" : "s"} ${listWith([...sections], "and")}.` };
    }
    const judged = found.map((provision) => ({ ...provision, judgement: judgeSpecificity(provision.analysis, options.require) }));
    const vague = judged.filter(({ judgement }) => judgement.level === "vague");
    // One loose statement in a plan whose other provision is specific is a lapse to fix, not a failing plan.
    const vagueSeverity = vague.length >= options.vagueStatementsToFail ? "error" : "warning";
    for (const { statement, analysis, judgement } of judged) {
      if (judgement.level === "specific") continue;
      const data = { problems: describeProblems(judgement, analysis), wording: wordingNote(analysis.vagueSignals) };
      report({
        messageId: judgement.level === "vague" ? "notSpecific" : "incomplete",
        severity: judgement.level === "vague" ? vagueSeverity : "info",
        data,
        section: statement.section,
        excerpt: statement.text,
        blockId: statement.blockId,
        suggestion: buildSuggestion(judgement, analysis, options.therapists),
      });
    }
    const specific = judged.length - vague.length;
    return {
      score: specific / judged.length,
      note: `${specific} of ${judged.length} provision statement${judged.length === 1 ? " is" : "s are"} specific enough to enforce.`,
    };
  },
});
