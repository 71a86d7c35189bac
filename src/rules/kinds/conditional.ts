// conditional: where the plan mentions X (`if`), it must also mention Y (`then`) — in the same block, the same
// section, anywhere in the plan, or in other named sections (e.g. a hearing need in B -> hearing advice in K).
import { SECTION_IDS, type Block, type EhcpDocument, type SectionId } from "../../model/document.ts";
import { blocksInScope, parseScope, splitSentences, textUnits } from "../scope.ts";
import { absentScopeReason, listWords, matchSettingsSchema, sectionLabel, type DeclarativeKind } from "./declarative.ts";
import { compileTerms, termsProblems, termsSchema, type Matcher, type MatchSettings, type Terms } from "./matcher.ts";

export interface ConditionalOptions extends MatchSettings {
  if: Terms;
  then: Terms;
  /** Where Y must be, relative to the mention of X. Ignored when `thenIn` is given. */
  within: "block" | "section" | "plan";
  /** Sections where Y must be found instead (e.g. ["K"]). */
  thenIn?: SectionId[];
  /** What Y stands for, in plain words, e.g. "who delivers the therapy". Defaults to the `then` phrases. */
  expected?: string;
  suggestion: string;
}

export const conditional: DeclarativeKind<ConditionalOptions> = {
  name: "conditional",
  summary: "Where the plan mentions X, it must also mention Y (in the same block, the same section, the plan, or named sections).",
  optionsSchema: {
    type: "object",
    properties: {
      if: termsSchema,
      then: termsSchema,
      within: { enum: ["block", "section", "plan"] },
      thenIn: { type: "array", items: { enum: [...SECTION_IDS] }, minItems: 1, uniqueItems: true },
      expected: { type: "string", minLength: 1 },
      suggestion: { type: "string" },
      ...matchSettingsSchema,
    },
    required: ["if", "then", "within", "suggestion", "wholeWord", "caseSensitive"],
    additionalProperties: false,
  },
  defaultOptions: { within: "section", suggestion: "", wholeWord: true, caseSensitive: false },
  messages: { missing: '{{where}} mentions "{{found}}" but not {{expected}}.' },
  optionProblems: (options) => [...termsProblems(options.if, "/if"), ...termsProblems(options.then, "/then")],
  check(context, scope) {
    const absent = absentScopeReason(context.plan.sections.map((s) => s.id), scope);
    if (absent) return { notApplicable: absent };
    const { options, plan } = context;
    const ifMatcher = compileTerms(options.if, options);
    const thenMatcher = compileTerms(options.then, options);
    const mentions = (blocks: Block[]): boolean => blocks.some((b) => textUnits(b).some((u) => thenMatcher.next(u.text) !== undefined));
    const expected = options.expected ?? (listWords((options.then.phrases ?? []).map((p) => `"${p}"`), "or") || "the expected wording");
    const where = options.thenIn ? listWords(options.thenIn.map((s) => `Section ${s}`)) : undefined;
    const inTargets = options.thenIn ? mentions(blocksInScope(plan, parseScope(options.thenIn))) : false;

    const checkedUnits = new Set<string>();
    let triggers = 0;
    for (const block of blocksInScope(plan, scope)) {
      const hit = firstMention(block, ifMatcher);
      if (!hit) continue;
      triggers += 1;
      const unit = options.thenIn ? "targets" : options.within === "block" ? block.id : options.within === "section" ? `s:${block.section}` : "plan";
      if (checkedUnits.has(unit)) continue;
      checkedUnits.add(unit);
      const satisfied = options.thenIn ? inTargets : mentions(unitBlocks(plan, block, options.within));
      if (satisfied) continue;
      context.report({
        messageId: "missing",
        data: { where: sectionLabel(block.section), found: hit.found, expected: where ? `${expected} in ${where}` : expected },
        section: block.section,
        excerpt: hit.sentence,
        suggestion: options.suggestion,
        blockId: block.id,
      });
    }
    if (triggers === 0) return { notApplicable: "The plan does not mention what this check looks for." };
    return { note: `${triggers} mention(s) checked.` };
  },
};

function firstMention(block: Block, matcher: Matcher): { found: string; sentence: string } | null {
  for (const unit of textUnits(block)) {
    for (const sentence of splitSentences(unit.text)) {
      const hit = matcher.next(sentence.text);
      if (hit) return { found: hit.text, sentence: sentence.text };
    }
  }
  return null;
}

function unitBlocks(plan: EhcpDocument, block: Block, within: ConditionalOptions["within"]): Block[] {
  if (within === "block") return [block];
  if (within === "plan") return plan.blocks;
  return plan.blocks.filter((b) => b.section === block.section);
}
