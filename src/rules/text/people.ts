// Who is who in a plan: the child's names (full name, forename, the name they are known by) and the names of
// other people, told apart by the language model's person tagging (compromise) and by titles ("Mrs Kaur").
// Shared by the voice attribution (a named adult's words are not the child's) and the names check.
import nlp from "compromise";
import type { EhcpDocument, TitleFacts } from "../../model/document.ts";

export interface ChildNames {
  fullName?: string;
  forename?: string;
  /** The name the plan says the child is known by ("Known as: Alfie"), when it differs from the forename. */
  knownAs?: string;
  /** Every word of the child's names, lower case. */
  words: Set<string>;
}

const wordsOf = (text: string): string[] => text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
const KNOWN_AS = /\b(?:known as|preferred name|prefers to be called|likes to be called)\s*[:\-–]?\s*[“"‘']?(\p{Lu}[\p{L}'’-]+)/u;

const cache = new WeakMap<EhcpDocument, ChildNames>();

/** The child's names from the title facts, and the known-as name from the title block or Section A when there is one. */
export function childNamesOf(plan: EhcpDocument): ChildNames {
  let names = cache.get(plan);
  if (!names) {
    names = namesFromFacts(plan.facts);
    // The title block and Section A say what the child is called; the first statement found is taken.
    for (const block of plan.blocks) {
      if (block.section !== null && block.section !== "A") continue;
      const match = KNOWN_AS.exec(block.text);
      if (match && match[1]!.toLowerCase() !== names.forename?.toLowerCase()) {
        names = { ...names, knownAs: match[1]!, words: new Set([...names.words, match[1]!.toLowerCase()]) };
        break;
      }
    }
    cache.set(plan, names);
  }
  return names;
}

export function namesFromFacts(facts: TitleFacts): ChildNames {
  const fullName = facts.childName?.trim();
  if (!fullName) return { words: new Set() };
  const forename = wordsOf(fullName)[0];
  return { fullName, ...(forename ? { forename } : {}), words: new Set(wordsOf(fullName).map((word) => word.toLowerCase())) };
}

/** The names the plan calls the child by in running text: the forename and the known-as name. */
export const callingNames = (names: ChildNames): string[] => [names.forename, names.knownAs].filter((name): name is string => Boolean(name));

const TITLED = /(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+\p{Lu}[\p{L}'’-]+/u;

// Tagging a word on its own gives the same answer as in its sentence for most names, at a fraction of the cost.
const firstNames = new Map<string, boolean>();
/** Whether the language model knows a capitalised word as a person's first name ("Amelia"; not "Maths", "Biscuit"). */
export function isFirstName(word: string): boolean {
  let known = firstNames.get(word);
  if (known === undefined) {
    known = nlp(word).has("#FirstName");
    if (firstNames.size > 5000) firstNames.clear();
    firstNames.set(word, known);
  }
  return known;
}

/** Whether a phrase names a person other than the child: a title and name, or a name the model tags as a person's. */
export function namesAnotherPerson(phrase: string, child: ChildNames): boolean {
  if (TITLED.test(phrase)) return true;
  const people = nlp(phrase).people().out("array") as string[];
  return people.some((person) => {
    const first = wordsOf(person)[0]?.toLowerCase();
    return first !== undefined && !child.words.has(first);
  });
}
