// occurrence: count a phrase or pattern (or blocks that contain it) in scope, and require at least / at most a number.
import type { Block, SectionId } from "../../model/document.ts";
import { blocksInScope, textUnits, type Scope } from "../scope.ts";
import { absentScopeReason, matchSettingsSchema, scopeLabel, sectionLabel, type DeclarativeKind } from "./declarative.ts";
import { compileTerms, findAll, termsProblems, termsSchema, type MatchSettings, type Terms } from "./matcher.ts";

export interface OccurrenceOptions extends MatchSettings {
  /** What to look for; without it every block in scope counts. */
  terms?: Terms;
  /** Count each match, or each block (paragraph, list item, table) containing one. */
  count: "matches" | "blocks";
  /** Count over the whole scope, or separately in each section of the scope. */
  per: "scope" | "section";
  min?: number;
  max?: number;
  /** What is being counted, in plain words, e.g. "outcomes" or "statements of what the child can do". */
  what: string;
  suggestion: string;
}

const isSectioned = (block: Block): block is Block & { section: SectionId } => block.section !== null;

export const occurrence: DeclarativeKind<OccurrenceOptions> = {
  name: "occurrence",
  summary: "Counts a phrase or pattern (or the blocks containing it) and requires at least and/or at most a number.",
  optionsSchema: {
    type: "object",
    properties: {
      terms: termsSchema,
      count: { enum: ["matches", "blocks"] },
      per: { enum: ["scope", "section"] },
      min: { type: "integer", minimum: 0 },
      max: { type: "integer", minimum: 0 },
      what: { type: "string", minLength: 1 },
      suggestion: { type: "string" },
      ...matchSettingsSchema,
    },
    required: ["count", "per", "what", "suggestion", "wholeWord", "caseSensitive"],
    additionalProperties: false,
  },
  defaultOptions: { count: "matches", per: "scope", what: "matches", suggestion: "", wholeWord: true, caseSensitive: false },
  messages: {
    tooFew: "{{where}}: {{count}} {{what}} found; at least {{min}} expected.",
    tooMany: "{{where}}: {{count}} {{what}} found; at most {{max}} expected.",
  },
  optionProblems: (options) => [
    ...termsProblems(options.terms, "/terms"),
    ...(options.min !== undefined && options.max !== undefined && options.min > options.max ? [{ pointer: "/min", message: `"min" (${options.min}) is more than "max" (${options.max})` }] : []),
  ],
  check(context, scope) {
    const absent = absentScopeReason(context.plan.sections.map((s) => s.id), scope);
    if (absent) return { notApplicable: absent };
    const { options } = context;
    const matcher = options.terms ? compileTerms(options.terms, options) : null;
    const countIn = (blocks: Block[]): number =>
      blocks.reduce((sum, block) => {
        if (!matcher) return sum + 1;
        const hits = textUnits(block).reduce((n, unit) => n + findAll(unit.text, matcher).length, 0);
        return sum + (options.count === "blocks" ? Math.min(hits, 1) : hits);
      }, 0);
    const blocks = blocksInScope(context.plan, scope).filter((block) => block.kind !== "heading" || scope.filters?.includes("headings"));
    const groups: { section: SectionId | null; blocks: Block[] }[] =
      options.per === "section" ? groupBySection(blocks, scope, context.plan.sections.map((s) => s.id)) : [{ section: scope.sections?.length === 1 ? scope.sections[0]! : null, blocks }];
    const counts: string[] = [];
    for (const group of groups) {
      const count = countIn(group.blocks);
      counts.push(`${group.section ? sectionLabel(group.section) : scopeLabel(scope)}: ${count} ${options.what}`);
      const data = { where: group.section ? sectionLabel(group.section) : scopeLabel(scope), count, what: options.what, min: options.min ?? 0, max: options.max ?? 0 };
      if (options.min !== undefined && count < options.min) {
        context.report({ messageId: "tooFew", data, section: group.section, excerpt: "", suggestion: options.suggestion });
      } else if (options.max !== undefined && count > options.max) {
        context.report({ messageId: "tooMany", data, section: group.section, excerpt: "", suggestion: options.suggestion });
      }
    }
    return { note: `${counts.join("; ")}.` };
  },
};

/** Blocks per section of the scope that is in the plan (an empty section counts as 0), in plan order. */
function groupBySection(blocks: Block[], scope: Scope, present: SectionId[]): { section: SectionId; blocks: Block[] }[] {
  const groups = new Map<SectionId, Block[]>();
  for (const id of present) if (scope.sections === null || scope.sections.includes(id)) groups.set(id, []);
  for (const block of blocks.filter(isSectioned)) groups.get(block.section)?.push(block);
  return [...groups].map(([section, list]) => ({ section, blocks: list }));
}
