// Who is who in a plan: the child's names (full name, forename, the name they are known by) and the names of
// other people, told apart by the language model's person tagging (compromise) and by titles ("Mrs Kaur").
// Shared by the voice attribution (a named adult's words are not the child's) and the names check.
import { nlp } from "../../text/nlp.ts";
import { NOT_AFTER_LETTER } from "../../text/regexp.ts";
import { TextMemo } from "../../text/text-memo.ts";
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
// No "i" flag: the name must start with a capital, so the phrase spells its own first letter both ways.
const KNOWN_AS = /(?<![\p{L}])(?:[Kk]nown as|[Pp]referred name|[Pp]refers to be called|[Ll]ikes to be called)\s*[:\-–]?\s*[“"‘']?(\p{Lu}[\p{L}'’-]+)/u;

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

/**
 * A language-model answer per text, remembered: the same words and clauses recur through a plan (speakers, headings,
 * table labels) and from plan to plan, and tagging costs far more than a lookup.
 */
function cachedByText<T>(answer: (text: string) => T): (text: string) => T {
  const known = new TextMemo<T>(200_000);
  return (text) => known.get(text, answer);
}

/**
 * Whether the language model knows a capitalised word as a person's first name ("Amelia"; not "Maths", "Biscuit").
 * Tagging a word on its own gives the same answer as in its sentence for most names, at a fraction of the cost.
 */
export const isFirstName: (word: string) => boolean = cachedByText((word) => nlp(word).has("#FirstName"));

/** Whether the language model has no entry for a word at all (an uncommon name, a brand, a coinage). */
export function isUnknownWord(word: string): boolean {
  const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } }).model().one.lexicon;
  return lexicon[word.toLowerCase()] === undefined;
}

/** The people the language model finds in a phrase. */
const peopleIn = cachedByText((phrase) => nlp(phrase).people().out("array") as string[]);

/** Whether a phrase names a person other than the child: a title and name, or a name the model tags as a person's. */
export function namesAnotherPerson(phrase: string, child: ChildNames): boolean {
  if (TITLED.test(phrase)) return true;
  return peopleIn(phrase).some((person) => {
    const first = wordsOf(person)[0]?.toLowerCase();
    return first !== undefined && !child.words.has(first);
  });
}

const NAME = "\\p{Lu}[\\p{Ll}'’-]+";
/** Where a name can start: an ASCII capital or a character outside ASCII; refuses the rest before testing \p{Lu} (see NOT_AFTER_LETTER). */
const UPPER_CASE_CAN_START = "(?=[A-Z]|[^\\x00-\\x7F])";
/** A run of names: "Sarah", "Sarah Hart", "Rachel and Dominic Hart", "Mr Tom Hadley". */
const NAME_RUN = `(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?\\s+)?${NAME}(?:\\s+(?:and|&)\\s+${NAME})?(?:\\s+${NAME}){0,2}`;

const rosterCache = new WeakMap<EhcpDocument, Map<string, Set<string>>>();

/**
 * The first names of the people around the child that the plan introduces: with a title ("Mrs Amelia Hart"), beside
 * a role or relation ("her mother, Sarah", "Sarah (Mum)", "Parents: Rachel and Tom Hart", "brother Theo"), or with a
 * surname of their own ("Lauren Pike"). A name merely near a role word ("her mother says that Amelia ...") is not one.
 */
export function peopleAroundChild(plan: EhcpDocument, roleWords: readonly string[]): Set<string> {
  let perRoles = rosterCache.get(plan);
  if (!perRoles) rosterCache.set(plan, (perRoles = new Map()));
  const key = roleWords.join("|");
  const cached = perRoles.get(key);
  if (cached) return cached;
  const child = childNamesOf(plan);
  // Role words match in any case ("Mum", "mum", "SENCo") while names must start with a capital, so no "i" flag:
  // each letter of a role word is spelled as a class of its two cases.
  const anyCase = (word: string) => [...word].map((char) => (char.toLowerCase() !== char.toUpperCase() ? `[${char.toLowerCase()}${char.toUpperCase()}]` : char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
  const roles = [...roleWords].sort((a, b) => b.length - a.length).map(anyCase).join("|");
  const role = `(?:${roles})`;
  const patterns = [
    // A title and name: "Mrs Amelia Hart", "Dr Hart".
    new RegExp(`(?<![\\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?\\s+(${NAME}(?:\\s+${NAME}){0,2})`, "gu"),
    // A role, then the name: "her mother, Sarah Hart", "brother Theo", "Parents: Rachel and Tom Hart", "Parents | Rachel".
    new RegExp(`${NOT_AFTER_LETTER}${role}(?:['’]s)?(?![\\p{L}])\\s*(?:[,:|(–-]\\s*)?(${NAME_RUN})`, "gu"),
    // The name, then the role: "Sarah (Mum)", "Lauren Hart, key worker", "Sarah Hart – mother".
    new RegExp(`${UPPER_CASE_CAN_START}(${NAME_RUN})\\s*(?:\\(|,|–|-)\\s*(?:(?:his|her|their|the|my|our)\\s+)?${role}(?![\\p{L}])`, "gu"),
    // A first name with a surname that is not the child's: "Lauren Pike".
    new RegExp(`${NOT_AFTER_LETTER}(${NAME}\\s+${NAME})(?![\\p{L}])`, "gu"),
  ];
  // A role sits between non-letters in both patterns that name one, so a block holding no role's first word as a
  // whole word cannot match them: most blocks are passed over without running their long alternation.
  const roleFirstWords = new Set(roleWords.map((word) => word.toLowerCase().match(/\p{L}+/u)?.[0] ?? ""));
  const mentionsRole = (text: string): boolean => roleFirstWords.has("") || (text.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => roleFirstWords.has(word));
  const found = new Set<string>();
  for (const block of plan.blocks) {
    const hasRole = mentionsRole(block.text);
    for (const [index, pattern] of patterns.entries()) {
      if ((index === 1 || index === 2) && !hasRole) continue;
      pattern.lastIndex = 0;
      for (const match of block.text.matchAll(pattern)) {
        const words = wordsOf(match[1] ?? "").filter((word) => /^\p{Lu}/u.test(word) && !/^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|and)$/i.test(word));
        if (index === 3) {
          // Only a real first name and surname pair; the child's own full name is not someone else's.
          const [first, last] = words;
          if (!first || !last || child.words.has(first.toLowerCase()) || !(isFirstName(first) || isFirstName(last))) continue;
          found.add(first.toLowerCase());
          found.add(last.toLowerCase());
          continue;
        }
        for (const word of words) if (!child.words.has(word.toLowerCase())) found.add(word.toLowerCase());
      }
    }
  }
  perRoles.set(key, found);
  return found;
}
