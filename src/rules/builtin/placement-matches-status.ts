// Section I: a final plan names the school or its type; a draft leaves it blank so the family can ask for a school.
import { defineRule } from "../define-rule.ts";
import { escapeRegExp } from "../../text/regexp.ts";

interface Options {
  /** Words that show a setting or its type is named (matched as whole words, case-insensitively). */
  settingWords: string[];
  /** Phrases that show the placement is still to be decided. */
  undecidedPhrases: string[];
}

/** A setting named by its proper name: "Oakfield Academy", "St Michael's Church of England Primary School". */
const NAMED_SETTING = /\b(?:[A-Z][\w'’.-]*\s+){1,6}(?:School|Academy|College|Nursery|Pre-?school|Centre|Unit|Base)\b/;

const includesWord = (text: string, word: string): boolean =>
  new RegExp(`(^|[^\\p{L}])${escapeRegExp(word)}($|[^\\p{L}])`, "iu").test(text);

export default defineRule<Options>({
  meta: {
    id: "placement-matches-status",
    category: "structure",
    title: "Placement named in the final, blank in the draft",
    description: "A final plan's Section I names the school or type of setting; a draft's Section I is left blank.",
    source: "SEND Code of Practice 2015, paras 9.78–9.79 and 9.83; Children and Families Act 2014, s39",
    rationale: "The family may ask for a particular school after seeing the draft, so a draft must leave Section I open; a final must name where the child will be educated, or the provision has no home.",
    examples: {
      pass: [
        { text: "A final plan whose Section I reads: \"Larchfield Community Primary School (mainstream).\"" },
        { text: "A draft whose Section I says the placement will be named in the final plan." },
      ],
      fail: [
        { text: "A final plan whose Section I says the placement is still to be agreed." },
        { text: "A draft that already names a school in Section I." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 2,
    optionsSchema: {
      type: "object",
      properties: {
        settingWords: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
        undecidedPhrases: { type: "array", items: { type: "string", minLength: 1 } },
      },
      required: ["settingWords", "undecidedPhrases"],
      additionalProperties: false,
    },
    defaultOptions: {
      settingWords: ["school", "academy", "college", "nursery", "pre-school", "preschool", "setting", "unit", "resource base", "mainstream", "special", "specialist", "independent", "alternative provision", "pupil referral", "sixth form", "further education", "post-16", "early years", "home education", "education otherwise than in school"],
      undecidedPhrases: ["to be confirmed", "tbc", "to be decided", "to be agreed", "to be named", "left blank", "will be named in the final", "will be completed", "awaiting consultation", "consultation", "consulted", "preference"],
    },
    messages: {
      finalUnnamed: "The {{status}} plan's Section I does not name a school or type of setting.",
      draftNamed: "The draft names a placement in Section I; a draft must leave Section I blank so the family can ask for a particular school.",
    },
  },
  check({ plan, options, report }) {
    const status = plan.facts.status;
    if (!status) return { notApplicable: "The plan does not say whether it is a draft or a final, so Section I could not be checked." };
    const section = plan.sections.find((candidate) => candidate.id === "I");
    if (!section) return { notApplicable: "There is no Section I (flagged under 'Every section is present')." };
    const text = section.blocks.map((block) => block.text).join(" ").trim();
    const lower = text.toLowerCase();
    const undecided = options.undecidedPhrases.some((phrase) => includesWord(lower, phrase.toLowerCase()));
    const namesSetting = options.settingWords.some((word) => includesWord(lower, word.toLowerCase()));
    const firstBlock = section.blocks[0]?.id ?? section.headingBlockId ?? undefined;

    if (status === "draft") {
      // A draft may say what type of setting is being considered, but must not name one (CoP 9.79).
      if (NAMED_SETTING.test(text) && !undecided) {
        report({
          messageId: "draftNamed",
          section: "I",
          excerpt: text,
          blockId: firstBlock,
          suggestion: 'Leave Section I blank in the draft, for example "This section will be completed when the final plan is issued."',
        });
      }
      return;
    }
    // In a final, a named school wins over words like "consulted" or "preference" that describe how it was chosen.
    const named = NAMED_SETTING.test(text);
    if (text === "" || !(namesSetting || named) || (undecided && !named)) {
      report({
        messageId: "finalUnnamed",
        // An amended plan is issued like a final; the message calls it what the plan calls itself.
        data: { status },
        section: "I",
        excerpt: text,
        blockId: firstBlock,
        suggestion: 'Name the school or setting and its type, for example "Brookfield Primary School (mainstream primary academy)".',
      });
    }
  },
});
