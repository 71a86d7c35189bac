// metric: measure words, sentences or blocks per section / block / whole scope, or words per sentence,
// and require a minimum and/or a maximum (e.g. Section B has at least 80 words; no sentence over 40 words).
import type { Block, SectionId } from "../../model/document.ts";
import { blocksInScope, countWords, splitSentences, textUnits } from "../scope.ts";
import { absentScopeReason, scopeLabel, sectionLabel, type DeclarativeKind } from "./declarative.ts";

export interface MetricOptions {
  /** "sentence-words" measures each sentence on its own; the others are totals per `per`. */
  measure: "words" | "sentences" | "blocks" | "sentence-words";
  per: "scope" | "section" | "block";
  min?: number;
  max?: number;
  suggestion: string;
}

const UNITS: Record<MetricOptions["measure"], string> = { words: "words", sentences: "sentences", blocks: "paragraphs, list items or tables", "sentence-words": "words" };

const sentencesOf = (block: Block) => textUnits(block).flatMap((unit) => splitSentences(unit.text));

function measureBlocks(blocks: Block[], measure: Exclude<MetricOptions["measure"], "sentence-words">): number {
  if (measure === "blocks") return blocks.length;
  if (measure === "sentences") return blocks.reduce((n, b) => n + sentencesOf(b).length, 0);
  return blocks.reduce((n, b) => n + textUnits(b).reduce((m, unit) => m + countWords(unit.text), 0), 0);
}

interface Measured {
  where: string;
  section: SectionId | null;
  value: number;
  excerpt: string;
  blockId?: string;
}

export const metric: DeclarativeKind<MetricOptions> = {
  name: "metric",
  summary: "Measures words, sentences or blocks (per section, per block or overall) or words per sentence against a minimum and/or maximum.",
  optionsSchema: {
    type: "object",
    properties: {
      measure: { enum: ["words", "sentences", "blocks", "sentence-words"] },
      per: { enum: ["scope", "section", "block"] },
      min: { type: "number", minimum: 0 },
      max: { type: "number", minimum: 0 },
      suggestion: { type: "string" },
    },
    required: ["measure", "per", "suggestion"],
    additionalProperties: false,
  },
  defaultOptions: { measure: "words", per: "section", suggestion: "" },
  messages: {
    tooLow: "{{where}}: {{value}} {{unit}}; at least {{min}} expected.",
    tooHigh: "{{where}}: {{value}} {{unit}}; at most {{max}} expected.",
  },
  optionProblems: (options) =>
    options.min !== undefined && options.max !== undefined && options.min > options.max ? [{ pointer: "/min", message: `"min" (${options.min}) is more than "max" (${options.max})` }] : [],
  check(context, scope) {
    const absent = absentScopeReason(context.plan.sections.map((s) => s.id), scope);
    if (absent) return { notApplicable: absent };
    const { measure, per, min, max, suggestion } = context.options;
    // Headings are titles, not content: measured only when the scope asks for them.
    const blocks = blocksInScope(context.plan, scope).filter((block) => block.kind !== "heading" || scope.filters?.includes("headings"));
    const measured: Measured[] = [];
    if (measure === "sentence-words") {
      for (const block of blocks) {
        for (const sentence of sentencesOf(block)) {
          measured.push({ where: "This sentence", section: block.section, value: countWords(sentence.text), excerpt: sentence.text, blockId: block.id });
        }
      }
    } else if (per === "block") {
      for (const block of blocks) {
        measured.push({ where: "This part of the plan", section: block.section, value: measureBlocks([block], measure), excerpt: block.kind === "table" ? "" : block.text, blockId: block.id });
      }
    } else if (per === "section") {
      for (const section of context.plan.sections) {
        if (scope.sections !== null && !scope.sections.includes(section.id)) continue;
        const own = blocks.filter((block) => block.section === section.id);
        measured.push({ where: sectionLabel(section.id), section: section.id, value: measureBlocks(own, measure), excerpt: "", blockId: section.headingBlockId ?? undefined });
      }
    } else {
      measured.push({ where: scopeLabel(scope), section: scope.sections?.length === 1 ? scope.sections[0]! : null, value: measureBlocks(blocks, measure), excerpt: "" });
    }
    let outside = 0;
    for (const m of measured) {
      const data = { where: m.where, value: m.value, unit: UNITS[measure], min: min ?? 0, max: max ?? 0 };
      const messageId = min !== undefined && m.value < min ? "tooLow" : max !== undefined && m.value > max ? "tooHigh" : null;
      if (!messageId) continue;
      outside += 1;
      context.report({ messageId, data, section: m.section, excerpt: m.excerpt, suggestion, blockId: m.blockId });
    }
    if (measured.length === 0) return { notApplicable: "There is nothing in scope to measure." };
    return { note: `${measured.length - outside} of ${measured.length} within limits.` };
  },
};
