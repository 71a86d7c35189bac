// The child's pronouns switching between sections ("Ava ... his reading") is a sign of text pasted from another plan.
import { defineRule } from "../define-rule.ts";
import { nameInText, OTHER_PERSON_WORDS, sentencesAboutChild, type Gender } from "../text/child-pronouns.ts";

interface Options {
  /** Words that show a sentence is also about another person, so its pronouns may be theirs. */
  otherPersonWords: string[];
}

export default defineRule<Options>({
  meta: {
    id: "pronouns-consistent",
    category: "consistency",
    title: "The child's pronouns are the same throughout",
    description: "Flags sentences about the child that use different pronouns from the rest of the plan.",
    source: "SEND Code of Practice 2015, para 9.61; Ofsted/CQC area SEND inspection findings (copy and paste between plans)",
    rationale: "A sudden change of pronoun about the child is a common sign of a passage pasted from another child's plan, and it is upsetting for a family to read.",
    examples: {
      pass: [
        { text: "A plan that calls the child \"she\" and \"her\" all the way through." },
      ],
      fail: [
        { text: "A plan that uses \"she\" throughout but says \"He finds loud rooms hard\" in Section B." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 2,
    optionsSchema: {
      type: "object",
      properties: { otherPersonWords: { type: "array", items: { type: "string", minLength: 1 } } },
      required: ["otherPersonWords"],
      additionalProperties: false,
    },
    defaultOptions: {
      otherPersonWords: OTHER_PERSON_WORDS,
    },
    messages: {
      switched: "This sentence about {{child}} uses \"{{found}}\", but the rest of the plan uses \"{{usual}}\".",
    },
  },
  check({ plan, options, report }) {
    const firstName = nameInText(plan);
    if (!firstName) return { notApplicable: "The plan does not give the child's name, so pronouns could not be checked." };
    const about = sentencesAboutChild(plan, firstName, options.otherPersonWords);
    const count = (gender: Gender) => about.filter((entry) => entry.gender === gender).length;
    const he = count("he");
    const she = count("she");
    if (he === 0 || she === 0) return { note: about.length === 0 ? "No sentences name the child with a pronoun." : `${about.length} sentences about the child use the same pronouns.` };
    const usual: Gender = he >= she ? "he" : "she";
    const unusual: Gender = usual === "he" ? "she" : "he";
    for (const entry of about.filter((candidate) => candidate.gender === unusual)) {
      const found = entry.found[0]!.toLowerCase();
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
