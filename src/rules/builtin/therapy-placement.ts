// Health care provision that educates or trains the child is special educational provision (Children and Families
// Act 2014, s21(5)), so therapy written only into Section G cannot be enforced against the local authority.
import { defineRule } from "../define-rule.ts";
import { findPhrases, hasPhrase, keyedPhraseListSchema, phraseListSchema } from "../text/phrase-list.ts";
import { forenameOf } from "../text/provision-statements.ts";
import { splitStatements } from "../text/statements.ts";
import { ledByEvent } from "../text/provision-slots.ts";

// A therapist who only receives a report ("results sent to his speech and language therapist").
const RECIPIENTS = /\b(?:sent|copied|shared|given|passed|reported|forwarded)\s+(?:on\s+)?to\s+[^.;|]*/gi;

interface Options {
  /** Each therapy (named as the report should name it) and the phrases that mention it. */
  therapies: Record<string, string[]>;
  /** Phrases showing a G statement is health care only (equipment, clinic appointments), not teaching or training. */
  healthOnlyPhrases: string[];
}

export default defineRule<Options>({
  meta: {
    id: "therapy-placement",
    category: "provision-specificity",
    title: "Therapy that educates or trains is in Section F",
    description: "Flags speech and language therapy, occupational therapy or physiotherapy set out in Section G but not in Section F.",
    source: "Children and Families Act 2014, s21(5); SEND Code of Practice 2015, paras 9.73–9.74",
    rationale: "Therapy that educates or trains a child (speech and language therapy, and often occupational therapy or physiotherapy) is special educational provision: only in Section F is it enforceable against the LA.",
    examples: {
      pass: [
        { section: "G", text: "Tam uses a wheelchair, which the wheelchair service reviews once a year." },
      ],
      fail: [
        { section: "G", text: "Tam will have occupational therapy to develop handwriting, 45 minutes every fortnight." },
      ],
    },
    // Whether a therapy "educates or trains" is a judgement the officer makes with the therapist's advice: a warning.
    defaultSeverity: "warning",
    defaultWeight: 2,
    optionsSchema: {
      type: "object",
      properties: { therapies: keyedPhraseListSchema, healthOnlyPhrases: phraseListSchema },
      required: ["therapies", "healthOnlyPhrases"],
      additionalProperties: false,
    },
    defaultOptions: {
      therapies: {
        "speech and language therapy": ["speech and language therapy", "speech and language therapist", "speech therapy", "speech therapist", "SaLT", "SALT", "language therapy"],
        "occupational therapy": ["occupational therapy", "occupational therapist", "OT"],
        physiotherapy: ["physiotherapy", "physiotherapist", "physio"],
      },
      healthOnlyPhrases: ["wheelchair", "splint", "splints", "orthotic", "orthotics", "ankle-foot orthoses", "afos", "botox", "surgery", "medication", "clinic appointment", "hospital appointment", "equipment review", "seating review", "housing adaptation", "hoist", "prescription"],
    },
    messages: {
      onlyInG: "{{Therapy}} is set out in Section G but not in Section F. Therapy that educates or trains {{child}} is special educational provision and must be in Section F.",
    },
  },
  check({ plan, options, report }) {
    const gSections = plan.sections.filter((section) => section.id === "G");
    if (gSections.length === 0) return { notApplicable: "The plan has no Section G." };
    const fText = plan.sections
      .filter((section) => section.id === "F")
      .flatMap((section) => section.blocks.map((block) => block.text))
      .join("\n");
    const child = forenameOf(plan) ?? "the child";
    const named: string[] = [];
    let inF = 0;
    for (const [therapy, phrases] of Object.entries(options.therapies)) {
      // The first G statement that sets out this therapy as something done with the child, not equipment or clinic care.
      // A therapist who only receives a report ("results sent to his speech and language therapist"), or an assessment
      // or test that a therapy service carries out, is not therapy delivered to the child.
      const educational = gSections
        .flatMap((section) => splitStatements(section.blocks))
        .find((statement) => {
          const provided = statement.text.replace(RECIPIENTS, " ");
          if (findPhrases(provided, phrases).length === 0 || hasPhrase(statement.text, options.healthOnlyPhrases)) return false;
          return !ledByEvent(statement.text);
        });
      if (!educational) continue;
      named.push(therapy);
      if (hasPhrase(fText, phrases)) {
        inF++;
        continue;
      }
      report({
        messageId: "onlyInG",
        data: { Therapy: therapy.charAt(0).toUpperCase() + therapy.slice(1), child },
        section: "G",
        excerpt: educational.text,
        blockId: educational.blockId,
        suggestion: `Write the ${therapy} into Section F, saying what it is, who delivers it, how long and how often; keep in Section G only health care that does not educate or train ${child}.`,
      });
    }
    if (named.length === 0) return { notApplicable: `Section G does not set out ${Object.keys(options.therapies).join(", ")}.` };
    return { score: inF / named.length, note: `${inF} of ${named.length} therapies set out in Section G are also in Section F.` };
  },
});
