// The child's pronouns switching between sections ("Ava ... his reading") is a sign of text pasted from another plan.
import { defineRule } from "../define-rule.ts";
import { splitSentences } from "../scope.ts";

interface Options {
  /** Words that show a sentence is also about another person, so its pronouns may be theirs. */
  otherPersonWords: string[];
}

type Gender = "he" | "she";
const PRONOUNS: Record<Gender, RegExp> = {
  he: /\b(he|him|his|himself)\b/gi,
  she: /\b(she|her|hers|herself)\b/gi,
};
const wordsOf = (text: string): string[] => text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];

export default defineRule<Options>({
  meta: {
    id: "pronouns-consistent",
    category: "consistency",
    title: "The child's pronouns are the same throughout",
    description: "Flags sentences about the child that use different pronouns from the rest of the plan.",
    source: "SEND Code of Practice 2015, para 9.61; Ofsted/CQC area SEND inspection findings (copy and paste between plans)",
    defaultSeverity: "error",
    defaultWeight: 2,
    optionsSchema: {
      type: "object",
      properties: { otherPersonWords: { type: "array", items: { type: "string", minLength: 1 } } },
      required: ["otherPersonWords"],
      additionalProperties: false,
    },
    defaultOptions: {
      otherPersonWords: ["mum", "mother", "dad", "father", "parent", "parents", "carer", "sister", "brother", "grandmother", "grandfather", "nan", "gran", "aunt", "uncle", "teacher", "senco", "therapist", "psychologist", "paediatrician", "nurse", "mr", "mrs", "ms", "miss", "dr", "friend", "friends", "peer", "peers", "assistant", "worker", "staff", "adult"],
    },
    messages: {
      switched: "This sentence about {{child}} uses \"{{found}}\", but the rest of the plan uses \"{{usual}}\".",
    },
  },
  check({ plan, options, report }) {
    const firstName = wordsOf(plan.facts.childName ?? "")[0];
    if (!firstName) return { notApplicable: "The plan does not give the child's name, so pronouns could not be checked." };
    const others = new Set(options.otherPersonWords.map((word) => word.toLowerCase()));
    const nameWord = new RegExp(`(?<![\\p{L}])${firstName}(?![\\p{L}])`, "u");

    // Sentences naming the child and no one else, with the pronouns each uses.
    const about: { sentence: string; blockId: string; section: (typeof plan.blocks)[number]["section"]; genders: Map<Gender, string[]> }[] = [];
    for (const block of plan.blocks) {
      if (block.section === null) continue;
      for (const { text } of splitSentences(block.text)) {
        if (!nameWord.test(text)) continue;
        if (wordsOf(text).some((word) => others.has(word.toLowerCase()))) continue;
        const genders = new Map<Gender, string[]>();
        for (const gender of ["he", "she"] as const) {
          const found = text.match(PRONOUNS[gender]);
          if (found) genders.set(gender, found);
        }
        if (genders.size === 1) about.push({ sentence: text, blockId: block.id, section: block.section, genders });
      }
    }
    const count = (gender: Gender) => about.filter((entry) => entry.genders.has(gender)).length;
    const he = count("he");
    const she = count("she");
    if (he === 0 || she === 0) return { note: about.length === 0 ? "No sentences name the child with a pronoun." : `${about.length} sentences about the child use the same pronouns.` };
    const usual: Gender = he >= she ? "he" : "she";
    const unusual: Gender = usual === "he" ? "she" : "he";
    for (const entry of about.filter((candidate) => candidate.genders.has(unusual))) {
      const found = entry.genders.get(unusual)![0]!.toLowerCase();
      report({
        messageId: "switched",
        data: { child: firstName, found, usual: usual === "he" ? "he/his" : "she/her" },
        section: entry.section,
        excerpt: entry.sentence,
        blockId: entry.blockId,
        suggestion: `Check this text is about ${firstName}, and use the same pronouns as the rest of the plan.`,
      });
    }
  },
});
