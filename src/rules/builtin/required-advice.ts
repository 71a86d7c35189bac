// The plan lists advice of every kind regulation 6(1) requires — parent, educational, medical, psychological,
// social care, and others where relevant — or says explicitly why one was not obtained.
import { defineRule } from "../define-rule.ts";
import { DEFAULT_ADVICE_TYPES, describeEntry, explanationsInPlan, readAdviceList, type AdviceListOptions, type AdviceTypes } from "../text/advice-list.ts";
import { hasPhrase, keyedPhraseListSchema, phraseListSchema } from "../text/phrase-list.ts";
import { splitSentences } from "../scope.ts";

const DETAILS = ["author", "role", "organisation"] as const;
type Detail = (typeof DETAILS)[number];

interface Options extends AdviceListOptions {
  /** Type ids every plan needs. */
  required: string[];
  /** Type ids needed when the plan's needs sections (B, C, D) mention one of the words ({ "sensory": ["hearing impairment"] }). */
  requiredWhen: Record<string, string[]>;
  /** What each entry should say about its author. Parents' advice and the child's views need no role or organisation. */
  requiredDetails: Detail[];
}

export const DEFAULT_ABSENCE_PHRASES = [
  "not applicable", "n/a", "none", "not requested", "not obtained", "not sought", "not received", "not provided", "not required", "not needed",
  "no advice", "no report", "nil return", "no involvement", "not involved", "not known to", "no social care needs", "no health needs",
  "no medical needs", "no needs", "no identified needs", "no additional needs", "not open to", "no role", "declined", "did not respond",
  "no response",
];

export const DEFAULT_EXPLANATION_PHRASES = [
  "because", "as there", "as he", "as she", "as they", "as no", "since", "due to", "requested on", "was requested", "were requested",
  "was sought", "no social care needs", "no health needs", "no medical needs", "no needs", "no identified needs", "no additional needs",
  "needs were identified", "needs have been identified", "not known to", "no involvement", "not involved", "not open to", "no role",
  "declined", "nil return", "did not respond", "no response", "closed to",
];

const adviceTypesSchema = {
  type: "object",
  additionalProperties: {
    type: "object",
    properties: {
      label: { type: "string", minLength: 1 },
      terms: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
      weakTerms: { type: "array", items: { type: "string", minLength: 1 } },
    },
    required: ["label", "terms"],
    additionalProperties: false,
  },
} as const;

export const adviceListOptionsSchema = {
  adviceTypes: adviceTypesSchema,
  absencePhrases: phraseListSchema,
  explanationPhrases: phraseListSchema,
} as const;

const labelOf = (types: AdviceTypes, id: string): string => types[id]?.label ?? `${id} advice`;
const DETAIL_WORDS: Record<Detail, string> = { author: "who wrote it", role: "the author's role", organisation: "the author's organisation" };

export default defineRule<Options>({
  meta: {
    id: "required-advice",
    category: "professional-advice",
    title: "Advice from every required professional",
    description:
      "Reads the plan's list of advice (Section K) and fails when a kind of advice regulation 6(1) requires (parent, educational, medical, psychological, social care) is missing without a reason; warns when an entry does not say its author's role or organisation.",
    source: "SEND Regulations 2014, reg 6(1) and reg 12(1)(k); SEND Code of Practice 9.49",
    rationale: "An EHC needs assessment must gather advice from the parents and from educational, medical, psychological and social care advisers; a plan that does not list one of them, or say why it is missing, rests on an incomplete assessment.",
    examples: {
      pass: [
        { text: "A Section K listing advice from the parents, the school, a paediatrician, an educational psychologist and social care, each with the author's role." },
      ],
      fail: [
        { text: "A Section K with no educational psychology advice and no reason given." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 3,
    optionsSchema: {
      type: "object",
      properties: {
        ...adviceListOptionsSchema,
        required: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
        requiredWhen: keyedPhraseListSchema,
        requiredDetails: { type: "array", items: { enum: [...DETAILS] }, uniqueItems: true },
      },
      required: ["adviceTypes", "absencePhrases", "explanationPhrases", "required", "requiredWhen", "requiredDetails"],
      additionalProperties: false,
    },
    defaultOptions: {
      adviceTypes: DEFAULT_ADVICE_TYPES,
      absencePhrases: DEFAULT_ABSENCE_PHRASES,
      explanationPhrases: DEFAULT_EXPLANATION_PHRASES,
      required: ["parent", "educational", "medical", "psychological", "social-care"],
      requiredWhen: {
        sensory: ["hearing impairment", "hearing loss", "hearing impaired", "deaf", "visual impairment", "visually impaired", "vision impairment", "sight loss", "blind", "multi-sensory impairment"],
      },
      requiredDetails: ["role", "organisation"],
    },
    messages: {
      noList: "The plan does not list the advice and information it is based on.",
      missingType: "The plan lists no {{type}}, and does not say why.",
      absentWithoutReason: "The plan says there is no {{type}}, but not why.",
      missingDetails: "The entry for {{advice}} does not give {{missing}}.",
    },
  },
  check({ plan, options, report }) {
    const list = readAdviceList(plan, options);
    if (list.entries.length === 0 && list.explanations.length === 0) {
      report({
        messageId: "noList",
        section: "K",
        excerpt: "",
        suggestion: "List in Section K each piece of advice obtained (reg 6(1)): who gave it, their role and organisation, and its date.",
      });
      return { score: 0, note: "No list of advice was found." };
    }

    // An impairment the needs sections describe makes specialist advice necessary; a denial ("no hearing or vision
    // impairment") or a mild or passing loss ("a mild hearing loss with glue ear") does not.
    const needSentences = plan.sections
      .filter((section) => ["B", "C", "D"].includes(section.id))
      .flatMap((section) => section.blocks.flatMap((block) => splitSentences(block.text).map((sentence) => sentence.text)))
      .filter((sentence) => !/\b(?:no|not|never|without|none|mild|slight|temporary|glue ear)\b/i.test(sentence));
    const conditional = Object.entries(options.requiredWhen).filter(([, words]) => needSentences.some((sentence) => hasPhrase(sentence, words))).map(([id]) => id);
    const required = [...new Set([...options.required, ...conditional])];
    const present = new Set(list.entries.flatMap((entry) => entry.types));
    const explanations = [...list.explanations, ...explanationsInPlan(plan, options)];

    let satisfied = 0;
    const explainedNotes: string[] = [];
    for (const id of required) {
      if (present.has(id)) {
        satisfied += 1;
        continue;
      }
      const about = explanations.filter((line) => line.types.includes(id));
      const reasoned = about.find((line) => line.reasoned);
      if (reasoned) {
        satisfied += 1;
        explainedNotes.push(`${labelOf(options.adviceTypes, id)} not obtained, with the reason given: "${reasoned.text}"`);
        continue;
      }
      const label = labelOf(options.adviceTypes, id);
      const unexplained = about[0];
      if (unexplained) {
        report({
          messageId: "absentWithoutReason",
          data: { type: label },
          section: unexplained.section,
          excerpt: unexplained.text,
          blockId: unexplained.blockId,
          suggestion: `Say why there is no ${label}: for example "${capitalise(label)} was requested on [date]; no needs were identified", or obtain it.`,
        });
      } else {
        report({
          messageId: "missingType",
          data: { type: label },
          section: "K",
          excerpt: "",
          suggestion: `Obtain ${label} and list it in Section K with the author's name, role, organisation and date, or say in Section K why it was not needed (for example "${capitalise(label)} was requested on [date] and no needs were identified").`,
        });
      }
    }

    for (const entry of list.entries) {
      const personal = entry.types[0] === "parent" || entry.types[0] === "child";
      const missing = options.requiredDetails.filter((detail) => {
        if (personal && detail !== "author") return false;
        if (detail === "author") return !entry.author;
        if (detail === "role") return !entry.role;
        return !entry.organisation;
      });
      if (missing.length === 0) continue;
      report({
        messageId: "missingDetails",
        data: { advice: describeEntry(entry, options.adviceTypes), missing: joinWords(missing.map((detail) => DETAIL_WORDS[detail])) },
        severity: "warning",
        section: entry.section,
        excerpt: entry.text,
        blockId: entry.blockId,
        suggestion: "Give the author's name, role and organisation, and the date of the advice, so readers can find the report.",
      });
    }

    const found = [...present].filter((id) => options.adviceTypes[id]).map((id) => labelOf(options.adviceTypes, id));
    const note = [`${satisfied} of ${required.length} required kinds of advice accounted for in ${list.where ?? "the plan"}; listed: ${found.join(", ") || "none"}.`, ...explainedNotes].join(" ");
    return satisfied < required.length ? { score: satisfied / required.length, note } : { note };
  },
});

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}
