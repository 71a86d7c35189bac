// A plan that calls the child by another child's name was copied from another plan: a serious data breach and
// a sign the content is not about this child.
import nlp from "compromise";
import { defineRule } from "../define-rule.ts";
import { splitSentences } from "../scope.ts";
import { escapeRegExp } from "../../text/regexp.ts";

interface Options {
  /** Words that follow a child's name when the plan writes about the child ("Oliver will", "Oliver finds"). */
  childVerbs: string[];
  /** Titles and roles that mark a name as an adult's (a parent, a professional). */
  adultMarkers: string[];
}

const wordsOf = (text: string): string[] => text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];

// Tagging a name on its own gives the same answer as in its sentence, at a fraction of the cost; cache it per name.
const firstNames = new Map<string, boolean>();
function isFirstName(word: string): boolean {
  let known = firstNames.get(word);
  if (known === undefined) {
    known = nlp(word).has("#FirstName");
    if (firstNames.size > 5000) firstNames.clear();
    firstNames.set(word, known);
  }
  return known;
}

export default defineRule<Options>({
  meta: {
    id: "child-name-consistent",
    category: "consistency",
    title: "The plan uses only this child's name",
    description: "Flags another first name written where the plan talks about the child: text copied from another child's plan.",
    source: "SEND Code of Practice 2015, para 9.61; UK GDPR Article 5(1)(d) (accuracy); Ofsted/CQC area SEND inspection findings ('wrong names')",
    defaultSeverity: "error",
    defaultWeight: 3,
    optionsSchema: {
      type: "object",
      properties: {
        childVerbs: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
        adultMarkers: { type: "array", items: { type: "string", minLength: 1 } },
      },
      required: ["childVerbs", "adultMarkers"],
      additionalProperties: false,
    },
    defaultOptions: {
      childVerbs: ["will", "is", "was", "has", "had", "can", "cannot", "can't", "needs", "finds", "enjoys", "likes", "loves", "struggles", "benefits", "attends", "uses", "requires", "communicates", "responds", "reads", "writes", "becomes", "wants", "would", "should", "may", "feels", "shows", "presents", "understands", "does", "prefers", "tends", "manages"],
      adultMarkers: ["mr", "mrs", "ms", "miss", "dr", "prof", "mum", "mother", "dad", "father", "parent", "parents", "carer", "grandmother", "grandfather", "nan", "gran", "aunt", "uncle", "sister", "brother", "teacher", "senco", "therapist", "psychologist", "paediatrician", "nurse", "worker", "officer", "caseworker", "coordinator", "co-ordinator", "head", "headteacher", "assistant", "ta", "consultant", "specialist", "practitioner", "manager", "advisor", "adviser"],
    },
    messages: {
      otherName: 'The plan calls the child "{{name}}" here, but this plan is about {{child}}. Was this text copied from another child\'s plan?',
    },
  },
  check({ plan, options, report }) {
    const childName = plan.facts.childName;
    if (!childName) return { notApplicable: "The plan does not give the child's name, so names could not be checked." };
    const own = new Set(wordsOf(childName).map((word) => word.toLowerCase()));
    const markers = new Set(options.adultMarkers.map((marker) => marker.toLowerCase()));
    const verbs = options.childVerbs.map(escapeRegExp).join("|");
    // "Name will", "Name's": the positions in which a plan writes about its child.
    const subjectUse = new RegExp(`(?<![\\p{L}])(\\p{Lu}\\p{Ll}{1,20})(?:['’]s\\b|\\s+(?:${verbs})\\b)`, "gu");

    // Names seen beside a title or role anywhere in the plan are adults ("Sarah (Mum)", "Dr Emily Hart").
    const adults = new Set<string>();
    for (const block of plan.blocks) {
      const words = wordsOf(block.text);
      words.forEach((word, i) => {
        if (!markers.has(word.toLowerCase())) return;
        for (const near of words.slice(Math.max(0, i - 3), i + 4)) if (/^\p{Lu}/u.test(near)) adults.add(near.toLowerCase().replace(/['’]s$/, ""));
      });
    }

    const reported = new Set<string>();
    for (const block of plan.blocks) {
      if (block.section === null) continue;
      for (const sentence of splitSentences(block.text)) {
        for (const match of sentence.text.matchAll(subjectUse)) {
          const name = match[1]!;
          const key = name.toLowerCase();
          // "St Michael's" is a school or church, not a child.
          if (/\b(?:St|Saint|Mount|Lady)\.?\s*$/.test(sentence.text.slice(0, match.index))) continue;
          if (own.has(key) || adults.has(key) || reported.has(key)) continue;
          // Only a word the language model knows as a person's first name: "Maths will" and "Reading is" are not names.
          if (!isFirstName(name)) continue;
          reported.add(key);
          report({
            messageId: "otherName",
            data: { name, child: childName },
            section: block.section,
            excerpt: sentence.text,
            blockId: block.id,
            suggestion: `Check the whole paragraph is about ${childName}, then change "${name}" to "${wordsOf(childName)[0]}".`,
          });
        }
      }
    }
  },
});
