// The title block identifies the child and the plan: name, date of birth, status and review date.
import type { TitleFacts } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";

type Detail = "childName" | "dateOfBirth" | "status" | "reviewDate";
const DETAILS: Detail[] = ["childName", "dateOfBirth", "status", "reviewDate"];

interface Options {
  required: Detail[];
}

const LABELS: Record<Detail, { label: string; example: string }> = {
  childName: { label: "give the child's name", example: '"Name: [child\'s full name]"' },
  dateOfBirth: { label: "give the child's date of birth", example: '"Date of birth: 12 March 2015"' },
  status: { label: "say whether it is a draft, final or amended plan", example: '"Status: Final EHC plan"' },
  reviewDate: { label: "give the date of the first review", example: '"Review date: 15 March 2027"' },
};

export default defineRule<Options>({
  meta: {
    id: "plan-details-present",
    category: "structure",
    title: "The plan gives the child's details, its status and a review date",
    description: "Flags a title block without the child's name, date of birth, the plan's status or its review date.",
    source: "SEND Code of Practice 2015, paras 9.62 and 9.166; SEND Regulations 2014, reg 18",
    rationale: "Without the child's name, date of birth, the plan's status and its review date on the front, nobody can be sure whose plan this is, which version it is, or when it must be looked at again.",
    examples: {
      pass: [
        { text: "A front page giving the child's name, date of birth, \"Final\" and the date of the next annual review." },
      ],
      fail: [
        { text: "A front page with the child's name but no date of birth or review date." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 1,
    optionsSchema: {
      type: "object",
      properties: { required: { type: "array", items: { enum: DETAILS }, uniqueItems: true } },
      required: ["required"],
      additionalProperties: false,
    },
    defaultOptions: { required: DETAILS },
    messages: {
      missing: "The plan does not {{label}} (or it could not be found in the title block).",
    },
  },
  check({ plan, options, report }) {
    const facts: TitleFacts = plan.facts;
    // A draft's review date depends on when the final is issued, so a draft may leave it out.
    const missing = options.required.filter((detail) => !facts[detail] && !(detail === "reviewDate" && facts.status === "draft"));
    for (const detail of missing) {
      report({
        messageId: "missing",
        data: { label: LABELS[detail].label },
        // A plan without a stated status is still checkable; the others are needed to identify and review it.
        severity: detail === "status" ? "warning" : "error",
        section: null,
        excerpt: "",
        suggestion: `Add it to the front page with a clear label, for example ${LABELS[detail].example}.`,
      });
    }
    return options.required.length === 0 ? { notApplicable: "No plan details are required by this rule set." } : { score: 1 - missing.length / options.required.length };
  },
});
