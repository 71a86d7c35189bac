// A plan that calls the child by another child's name was copied from another plan: a serious data breach and
// a sign the content is not about this child.
import { nlp } from "../../text/nlp.ts";
import { defineRule } from "../define-rule.ts";
import { splitSentences } from "../scope.ts";
import { escapeRegExp, NOT_AFTER_LETTER } from "../../text/regexp.ts";
import { callingNames, childNamesOf, isFirstName, isUnknownWord, peopleAroundChild } from "../text/people.ts";

interface Options {
  /** Words that follow a child's name when the plan writes about the child ("Oliver will", "Oliver finds"). */
  childVerbs: string[];
  /** Titles, roles and relations that introduce the people around the child ("Mrs", "mum", "class teacher", "brother"). */
  adultMarkers: string[];
  /** Verbs only a person is the subject of ("enjoys", "feels"): they make a word the model does not know a name. */
  personVerbs: string[];
}

const wordsOf = (text: string): string[] => text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
/** Words in quotation marks are someone's own words; the names in them are the people they talk about. */
const QUOTED = /“[^”]*”|"[^"]*"/g;

/** Whether `name` is the subject of a verb in the sentence, as the language model reads it ("Amelia comes home tired"). */
function isSubjectOfVerb(sentence: string, name: string): boolean {
  return nlp(sentence).match(`${name} (#Adverb|#Auxiliary|#Negative)? #Verb`).found;
}

export default defineRule<Options>({
  meta: {
    id: "child-name-consistent",
    category: "consistency",
    title: "The plan uses only this child's name",
    description: "Flags another first name written where the plan talks about the child: text copied from another child's plan.",
    source: "SEND Code of Practice 2015, para 9.61; UK GDPR Article 5(1)(d) (accuracy); Ofsted/CQC area SEND inspection findings ('wrong names')",
    rationale: "Another child's name in a plan means text was copied from someone else's plan: it may describe needs or provision that are not this child's, and it discloses another family's information.",
    examples: {
      pass: [
        { section: "B", text: "Tam needs an adult to help him start a writing task." },
      ],
      fail: [
        { text: "In a plan about Tam, Section B says: \"Jordan needs an adult to help him start a writing task.\"" },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 3,
    optionsSchema: {
      type: "object",
      properties: {
        childVerbs: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
        adultMarkers: { type: "array", items: { type: "string", minLength: 1 } },
        personVerbs: { type: "array", items: { type: "string", minLength: 1 } },
      },
      required: ["childVerbs", "adultMarkers", "personVerbs"],
      additionalProperties: false,
    },
    defaultOptions: {
      childVerbs: ["will", "is", "was", "has", "had", "can", "cannot", "can't", "needs", "finds", "enjoys", "likes", "loves", "struggles", "benefits", "attends", "uses", "requires", "communicates", "responds", "reads", "writes", "becomes", "wants", "would", "should", "may", "feels", "shows", "presents", "understands", "does", "prefers", "tends", "manages"],
      adultMarkers: ["mr", "mrs", "ms", "miss", "dr", "prof", "mum", "mother", "dad", "father", "parent", "parents", "carer", "grandmother", "grandfather", "nan", "gran", "aunt", "uncle", "sister", "brother", "teacher", "senco", "therapist", "psychologist", "paediatrician", "nurse", "worker", "officer", "caseworker", "coordinator", "co-ordinator", "head", "headteacher", "assistant", "ta", "consultant", "specialist", "practitioner", "manager", "advisor", "adviser",
        "parents", "mummy", "daddy", "stepmother", "stepfather", "stepmum", "stepdad", "step-mum", "step-dad", "foster carer", "grandma", "grandad",
        "grandparents", "grandmother", "sibling", "siblings", "sisters", "brothers", "cousin", "cousins", "friend", "friends", "key person",
        "key worker", "keyworker", "support worker", "mentor", "tutor", "coach", "interpreter", "partner", "dog", "cat", "pet"],
      personVerbs: ["enjoys", "enjoyed", "feels", "felt", "likes", "liked", "loves", "loved", "dislikes", "hates", "wants", "wanted", "worries", "struggles", "struggled", "prefers", "finds", "communicates", "chooses", "gets upset", "becomes upset", "becomes anxious", "lives", "cries", "laughs", "smiles"],
    },
    messages: {
      otherName: 'The plan calls the child "{{name}}" here, but this plan is about {{child}}. Was this text copied from another child\'s plan?',
    },
  },
  check({ plan, options, report }) {
    const childName = plan.facts.childName;
    if (!childName) return { notApplicable: "The plan does not give the child's name, so names could not be checked." };
    const child = childNamesOf(plan);
    const calledBy = callingNames(child).join(" or ");
    const verbs = options.childVerbs.map(escapeRegExp).join("|");
    // "Name will", "Name's": the positions in which a plan writes about its child.
    const subjectUse = new RegExp(`(?<![\\p{L}])(\\p{Lu}\\p{Ll}{1,20})(?:['’]s\\b|\\s+(?:${verbs})\\b)`, "u");
    const relationOf = new RegExp(`^['’]s\\s+(?:${options.adultMarkers.map(escapeRegExp).join("|")})(?![\\p{L}])`, "iu");
    // A capitalised word not joined to the word before by a letter, an apostrophe or a hyphen ("O'Neil", "Ann-Marie").
    const candidate = new RegExp(`${NOT_AFTER_LETTER}(?<!['’-])\\p{Lu}\\p{Ll}{1,20}(?![\\p{L}])`, "gu");
    const personVerbAfter = new RegExp(`^\\s+(?:${options.personVerbs.map(escapeRegExp).join("|")})(?![\\p{L}])`, "u");
    // The people the plan introduces (parents, siblings, staff) are not the child, wherever they appear.
    const people = peopleAroundChild(plan, options.adultMarkers);

    const sentences = plan.blocks
      .filter((block) => block.section !== null)
      .flatMap((block) =>
        splitSentences(block.text).map((sentence) => {
          const unquoted = sentence.text.replace(QUOTED, (quote) => " ".repeat(quote.length));
          return { block, text: sentence.text, unquoted, names: [...unquoted.matchAll(candidate)] };
        }),
      );
    // A name written in the same sentence as the child's ("Kai and Tilly walk to the bus") is someone else the child
    // knows: a name pasted from another plan stands where the child's name should be, not beside it.
    const callingKeys = new Set(callingNames(child).map((name) => name.toLowerCase()));
    const besideChild = new Set<string>();
    for (const { names } of sentences) {
      const words = names.map((match) => match[0].toLowerCase());
      if (words.some((word) => callingKeys.has(word))) for (const word of words) besideChild.add(word);
    }

    const reported = new Set<string>();
    for (const { block, text, unquoted, names } of sentences) {
      for (const match of names) {
        const name = match[0];
        const key = name.toLowerCase();
        if (child.words.has(key) || people.has(key) || besideChild.has(key) || reported.has(key)) continue;
        // "St Michael's" is a school or church; the second word of "Nadia Sheridan" is a surname.
        const before = unquoted.slice(0, match.index);
        if (/\b(?:St|Saint|Mount|Lady)\.?\s*$/.test(before) || /\p{Lu}[\p{Ll}'’-]+\s+$/u.test(before)) continue;
        // Only a word the language model knows as a person's first name ("Maths will" and "Reading is" are not
        // names), or a word it does not know at all doing what only a person does ("Kian enjoys", "Jayce feels"):
        // the model's list of first names is short, and a programme or a subject never enjoys or feels.
        if (!isFirstName(name) && !(isUnknownWord(name) && personVerbAfter.test(unquoted.slice(match.index + name.length)))) continue;
        // Used as the plan uses its child: the subject of what is said ("Amelia will", "Amelia's", "Amelia comes home").
        const rest = unquoted.slice(match.index);
        // "Alfie's sister" names someone by their relation to Alfie: Alfie is someone the child knows.
        if (relationOf.test(rest.slice(name.length, name.length + 40))) continue;
        // A name set off by a comma or bracket ("Nadia Sheridan, Occupational Therapist") is a label, not a subject.
        const setOff = /^[,;:)]/.test(rest.slice(name.length));
        if (!subjectUse.test(rest.slice(0, name.length + 30)) && (setOff || !isSubjectOfVerb(rest, name))) continue;
        reported.add(key);
        report({
          messageId: "otherName",
          data: { name, child: childName },
          section: block.section,
          excerpt: text,
          blockId: block.id,
          suggestion: `Check the whole paragraph is about ${childName}, then change "${name}" to "${calledBy || wordsOf(childName)[0]}".`,
        });
      }
    }
  },
});
