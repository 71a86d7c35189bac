// The pronouns the plan uses for the child ("he", "she"), found from the sentences that name the child and no one
// else. Shared by the pronoun-consistency rule (which flags the odd ones out) and by messages that talk about the
// child ("how his views were gathered"), which fall back to "they" when the plan gives no clear answer.
import type { EhcpDocument, SectionId } from "../../model/document.ts";
import { splitSentences } from "../scope.ts";
import { wholeWord } from "../../text/regexp.ts";
import { childNamesOf } from "./people.ts";

export type Gender = "he" | "she";

const PRONOUNS: Record<Gender, RegExp> = {
  he: /\b(he|him|his|himself)\b/gi,
  she: /\b(she|her|hers|herself)\b/gi,
};

/** Words that show a sentence is also about another person, so its pronouns may be theirs. */
export const OTHER_PERSON_WORDS = [
  "mum", "mother", "dad", "father", "parent", "parents", "carer", "sister", "brother", "grandmother", "grandfather", "nan", "gran",
  "aunt", "uncle", "teacher", "senco", "therapist", "psychologist", "paediatrician", "nurse", "mr", "mrs", "ms", "miss", "dr",
  "friend", "friends", "peer", "peers", "assistant", "worker", "staff", "adult",
];

export const wordsOf = (text: string): string[] => text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];

export interface SentenceAboutChild {
  sentence: string;
  blockId: string;
  section: SectionId;
  /** The one set of pronouns the sentence uses, with the words as written. */
  gender: Gender;
  found: string[];
}

/** Sentences in the sections that name the child, no one else, and use one set of pronouns. */
export function sentencesAboutChild(plan: EhcpDocument, firstName: string, otherPersonWords: readonly string[] = OTHER_PERSON_WORDS): SentenceAboutChild[] {
  const others = new Set(otherPersonWords.map((word) => word.toLowerCase()));
  const nameWord = wholeWord(firstName);
  const about: SentenceAboutChild[] = [];
  for (const block of plan.blocks) {
    if (block.section === null) continue;
    for (const { text } of splitSentences(block.text)) {
      if (!nameWord.test(text)) continue;
      if (wordsOf(text).some((word) => others.has(word.toLowerCase()))) continue;
      const he = text.match(PRONOUNS.he);
      const she = text.match(PRONOUNS.she);
      if (he && !she) about.push({ sentence: text, blockId: block.id, section: block.section, gender: "he", found: he });
      if (she && !he) about.push({ sentence: text, blockId: block.id, section: block.section, gender: "she", found: she });
    }
  }
  return about;
}

/** The name the plan's sentences call the child by: the known-as name when there is one ("Sam" for Samuel), else the forename. */
export function nameInText(plan: EhcpDocument): string | undefined {
  const names = childNamesOf(plan);
  return names.knownAs ?? names.forename;
}

/** The pronouns most sentences about the child use, or undefined when none do (or it is a tie). */
export function usualGender(about: readonly SentenceAboutChild[]): Gender | undefined {
  const he = about.filter((entry) => entry.gender === "he").length;
  const she = about.length - he;
  return he > she ? "he" : she > he ? "she" : undefined;
}

export interface ChildPronouns {
  /** "he", "she" or "they". */
  subject: string;
  /** "him", "her" or "them". */
  object: string;
  /** "his", "her" or "their". */
  possessive: string;
}

const FORMS: Record<Gender | "they", ChildPronouns> = {
  he: { subject: "he", object: "him", possessive: "his" },
  she: { subject: "she", object: "her", possessive: "her" },
  they: { subject: "they", object: "them", possessive: "their" },
};

/** The child's pronouns for messages: the plan's own, or "they" when it does not show them. */
export function childPronouns(plan: EhcpDocument): ChildPronouns {
  const firstName = nameInText(plan);
  if (!firstName) return FORMS.they;
  return FORMS[usualGender(sentencesAboutChild(plan, firstName)) ?? "they"];
}
