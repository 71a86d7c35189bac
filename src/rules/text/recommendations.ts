// An advice report's recommendations, and how the plan's provision carries each one: as written, in a weaker
// form (less often, shorter, by someone less qualified, hedged), or not at all. Matching is by meaning —
// shared synonym groups and word stems — and the amounts are compared with the provision slot analysis.
import type { Block, EhcpDocument, HeadingBlock, SectionId } from "../../model/document.ts";
import { meaningOf, type MeaningOptions } from "./meaning.ts";
import { hasPhrase } from "./phrase-list.ts";
import { analyseProvision, type ProvisionAnalysis } from "./provision-slots.ts";
import { isProvisionCell, splitStatements, type ProvisionStatement } from "./statements.ts";
import { countWords } from "../../text/words.ts";

export interface RecommendationOptions {
  /** Headings that start a report's recommendations ("Recommendations", "Summary of recommendations", "Provision"). */
  recommendationHeadings: string[];
  /** Headings that end them even at a lower level ("Signed", "References", "Appendix"). */
  endHeadings: string[];
  /** Words that mark a sentence as a recommendation where the report has no recommendations heading. */
  recommendationCues: string[];
  /** Groups of words that mean the same thing (interventions, professionals). */
  synonyms: Record<string, string[]>;
  /** Synonym groups naming a specialist (speech and language therapist, OT): a plan that drops the specialist weakens the provision. */
  specialists: string[];
  /** Synonym groups naming everyday staff (teaching assistant, class teacher): they say little about what is provided. */
  staffGroups: string[];
  /** Words too common to tell two statements apart ("support", "school", "develop"). */
  ignoreWords: string[];
  /** How closely a plan statement must match (the mean of the share of the recommendation it covers and the share of what it provides that the recommendation names, 0..1) to count as the same provision. */
  matchThreshold: number;
  /** Vague-phrase kinds (from the provision slot analysis) that weaken a plan statement the report did not hedge. */
  weakeningKinds: string[];
}

/** The concepts of a text with their weights: an intervention counts more than a staff role, and a concept named only as who delivers counts little. */
export interface Concepts {
  /** "g:<group>" or "s:<stem>" to weight. */
  weights: Map<string, number>;
  /** Concepts in order of first mention. */
  order: string[];
}

export interface Recommendation {
  text: string;
  block: Block;
  concepts: Concepts;
  analysis: ProvisionAnalysis;
}

export interface PlanStatement {
  statement: ProvisionStatement;
  /** The whole statement, a table row's need column included: what it is about. */
  concepts: Concepts;
  /** Its provision cells only: what it provides. */
  provided: Concepts;
  analysis: ProvisionAnalysis;
}

export type Verdict = { kind: "carried"; match: PlanStatement } | { kind: "weakened"; match: PlanStatement; differences: string[] } | { kind: "missing"; nearest?: PlanStatement };


/**
 * The blocks under each recommendations heading, up to the next heading of the same or a higher level, or an
 * end heading. A PDF's heading levels are guessed and often flat, so a heading of the same level that is
 * followed by a list or a table ("Therapy", then bullet points) is read as a sub-heading of the recommendations.
 */
export function recommendationBlocks(report: EhcpDocument, options: RecommendationOptions): Block[] {
  const blocks: Block[] = [];
  let within: HeadingBlock | null = null;
  report.blocks.forEach((block, index) => {
    if (block.kind !== "heading") {
      if (within) blocks.push(block);
      return;
    }
    if (hasPhrase(block.text, options.recommendationHeadings) && countWords(block.text) <= 8) {
      within = within && within.level < block.level ? within : block;
      return;
    }
    if (!within) return;
    if (hasPhrase(block.text, options.endHeadings)) within = null;
    else if (block.level <= within.level && !introducesList(report.blocks, index)) within = null;
  });
  return blocks;
}

function introducesList(blocks: readonly Block[], headingIndex: number): boolean {
  const next = blocks.slice(headingIndex + 1).find((block) => block.kind !== "heading");
  return next !== undefined && (next.kind === "list-item" || next.kind === "table");
}

/** Each recommendation of one report: list items, table rows and sentences of its recommendations sections. */
export function readRecommendations(report: EhcpDocument, options: RecommendationOptions, childName?: string): Recommendation[] {
  let units = splitStatements(recommendationBlocks(report, options));
  // A report without a recommendations heading: its sentences that recommend ("X would benefit from ...").
  if (units.length === 0) units = splitStatements(report.blocks).filter((unit) => hasPhrase(unit.text, options.recommendationCues));
  const meaningOptions = meaningOptionsFor(options, childName);
  const recommendations: Recommendation[] = [];
  for (const unit of units) {
    const text = unit.text.trim();
    if (countWords(text) < 4 || /:$/.test(text)) continue; // "I recommend the following:"
    const analysis = analyseProvision(unit, childName ? { childName } : {});
    const found = conceptsOf(text, analysis.who, options, meaningOptions);
    if (!isRecommendation(unit, text, found, analysis, options)) continue;
    const block = report.blocks.find((candidate) => candidate.id === unit.blockId);
    if (!block) continue;
    recommendations.push({ text, block, concepts: found, analysis });
  }
  return recommendations;
}

/**
 * List items and table rows under a recommendations heading are recommendations when they say something;
 * a sentence of a paragraph must also recommend ("would benefit from") or give an amount ("every morning"),
 * so introductions, sign-offs and the author's name are left out.
 */
function isRecommendation(unit: ProvisionStatement, text: string, found: Concepts, analysis: ProvisionAnalysis, options: RecommendationOptions): boolean {
  const interventions = found.order.filter((key) => key.startsWith("g:") && !options.staffGroups.includes(key.slice(2))).length;
  const stems = found.order.filter((key) => key.startsWith("s:")).length;
  const says = interventions > 0 || stems >= 3;
  if (unit.kind !== "sentence") return says;
  const recommends = hasPhrase(text, options.recommendationCues) || Boolean(analysis.frequency || analysis.duration || analysis.groupSize);
  return recommends && says;
}

const fold = (text: string): string => text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, " ");

/** Weighted concepts of a text; `who` is the provision analysis's who slot ("a; b"), whose concepts count little. */
export function conceptsOf(text: string, who: string | undefined, options: RecommendationOptions, meaningOptions: MeaningOptions): Concepts {
  const full = meaningOf(text, meaningOptions);
  let withoutWho = fold(text);
  for (const part of (who ?? "").split("; ").filter(Boolean)) withoutWho = withoutWho.split(fold(part)).join(" , ");
  const outside = who ? meaningOf(withoutWho, meaningOptions).order : full.order;
  const weights = new Map<string, number>();
  for (const key of full.order) {
    const base = key.startsWith("g:") ? (options.staffGroups.includes(key.slice(2)) ? 0.5 : 2) : 1;
    weights.set(key, outside.includes(key) ? base : Math.min(base, 0.5));
  }
  return { weights, order: full.order };
}

export function meaningOptionsFor(options: RecommendationOptions, childName?: string): MeaningOptions {
  const names = childName ? childName.split(/\s+/) : [];
  return { groups: options.synonyms, ignoreWords: options.ignoreWords, alsoIgnore: names, skipProperNouns: true };
}

/** The plan's provision statements (F, G, H1, H2 by default), read once for every recommendation. */
export function planStatements(plan: EhcpDocument, sections: readonly SectionId[], options: RecommendationOptions, childName?: string): PlanStatement[] {
  const blocks = plan.sections.filter((section) => sections.includes(section.id)).flatMap((section) => section.blocks);
  const meaningOptions = meaningOptionsFor(options, childName);
  return (
    splitStatements(blocks)
      // "Her therapy is set out in Section F": a sentence about the plan, not provision.
      .filter((statement) => !(statement.kind === "sentence" && /\bSections?\s+[A-K]\b/.test(statement.text)))
      .map((statement) => {
        const analysis = analyseProvision(statement, childName ? { childName } : {});
        const providedText = statement.cells ? statement.cells.filter(isProvisionCell).map((cell) => cell.text).join(" | ") : statement.text;
        return {
          statement,
          concepts: conceptsOf(statement.text, analysis.who, options, meaningOptions),
          provided: conceptsOf(providedText, analysis.who, options, meaningOptions),
          analysis,
        };
      })
  );
}

/** The concept a recommendation is chiefly about: its first intervention, else its first group, else its first word. */
function primaryConcept(found: Concepts): string | undefined {
  const groups = found.order.filter((key) => key.startsWith("g:"));
  return groups.find((key) => (found.weights.get(key) ?? 0) >= 1) ?? groups[0] ?? found.order.find((key) => (found.weights.get(key) ?? 0) >= 1);
}

/** How well a statement carries a recommendation: the mean of how much of the recommendation it covers and how much of what it provides is in the recommendation. */
export function matchScore(recommendation: Concepts, statement: PlanStatement): number | undefined {
  const primary = primaryConcept(recommendation);
  if (primary === undefined || !statement.concepts.weights.has(primary)) return undefined;
  const total = (concepts: Concepts) => [...concepts.weights.values()].reduce((sum, weight) => sum + weight, 0);
  const sharedWith = (from: Concepts, other: Concepts) => [...from.weights].reduce((sum, [key, weight]) => sum + (other.weights.has(key) ? weight : 0), 0);
  const recall = sharedWith(recommendation, statement.concepts) / (total(recommendation) || 1);
  const precision = sharedWith(statement.provided, recommendation) / (total(statement.provided) || 1);
  return (recall + precision) / 2;
}

const amount = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function groupSizeOf(analysis: ProvisionAnalysis): number | undefined {
  const text = analysis.groupSize?.toLowerCase();
  if (!text) return undefined;
  if (/\b(1\s*:\s*1|1\s*-\s*1|one[- ]to[- ]one|one[- ]on[- ]one|1 to 1|individual)/.test(text)) return 1;
  if (/\bpair/.test(text)) return 2;
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  return numbers.length > 0 ? Math.max(...numbers) : undefined;
}

/** What the plan's statement leaves out or reduces, in plain words; empty when it carries the recommendation in full. */
export function weakenings(recommendation: Recommendation, statement: PlanStatement, options: RecommendationOptions): string[] {
  const rec = recommendation.analysis;
  const plan = statement.analysis;
  const differences: string[] = [];
  // The weekly total (sessions x minutes) is compared where both give one: it is read more reliably than either part.
  const weeklyTotals = rec.minutesPerWeek !== undefined && plan.minutesPerWeek !== undefined;
  if (rec.frequency && !plan.frequency) differences.push(`the report says how often (${rec.frequency}); the plan does not`);
  if (rec.duration && !plan.duration && !weeklyTotals) differences.push(`the report says for how long (${rec.duration}); the plan does not`);
  if (weeklyTotals) {
    if (plan.minutesPerWeek! < rec.minutesPerWeek! - 1e-9) {
      differences.push(`the plan gives ${amount(plan.minutesPerWeek!)} minutes a week (${[plan.duration, plan.frequency].filter(Boolean).join(", ")}) where the report recommends ${amount(rec.minutesPerWeek!)}`);
    }
  } else {
    if (rec.timesPerWeek !== undefined && plan.timesPerWeek !== undefined && plan.timesPerWeek < rec.timesPerWeek - 1e-9) {
      differences.push(`the plan gives it less often (${plan.frequency}) than the report (${rec.frequency})`);
    }
    if (rec.minutesPerSession !== undefined && plan.minutesPerSession !== undefined && plan.minutesPerSession < rec.minutesPerSession) {
      differences.push(`the plan's sessions are shorter (${plan.duration}) than the report's (${rec.duration})`);
    }
  }
  const recSize = groupSizeOf(rec);
  if (recSize !== undefined) {
    const planSize = groupSizeOf(plan);
    if (planSize === undefined) differences.push(`the report says ${rec.groupSize}; the plan does not say the group size`);
    else if (planSize > recSize) differences.push(`the plan's group (${plan.groupSize}) is larger than the report's (${rec.groupSize})`);
  }
  const recSpecialists = options.specialists.filter((group) => rec.who !== undefined && meaningOf(rec.who, { groups: options.synonyms, ignoreWords: [] }).groups.has(group));
  if (recSpecialists.length > 0) {
    // The who slot only: "speech and language therapy" delivered by a teaching assistant names the therapy, not the therapist.
    const planWho = meaningOf(plan.who ?? "", { groups: options.synonyms, ignoreWords: [] }).groups;
    if (!recSpecialists.some((group) => planWho.has(group))) differences.push(`the report says who delivers it (${rec.who}); the plan does not`);
  }
  const recKinds = new Set(rec.vagueSignals.map((signal) => signal.kind));
  const hedges = plan.vagueSignals.filter((signal) => options.weakeningKinds.includes(signal.kind) && !recKinds.has(signal.kind));
  const seen = new Set<string>();
  const phrases = hedges.filter((signal) => !seen.has(signal.phrase.toLowerCase()) && seen.add(signal.phrase.toLowerCase())).map((signal) => `"${signal.phrase}"`);
  if (phrases.length > 0) differences.push(`the plan qualifies it with ${phrases.join(", ")}`);
  return differences;
}

/** Judge one recommendation against the plan's statements. */
export function judgeRecommendation(recommendation: Recommendation, statements: readonly PlanStatement[], options: RecommendationOptions): Verdict {
  let best: { statement: PlanStatement; score: number } | undefined;
  for (const statement of statements) {
    const score = matchScore(recommendation.concepts, statement);
    if (score !== undefined && (!best || score > best.score)) best = { statement, score };
  }
  if (!best || best.score < options.matchThreshold) return best ? { kind: "missing", nearest: best.statement } : { kind: "missing" };
  const differences = weakenings(recommendation, best.statement, options);
  return differences.length > 0 ? { kind: "weakened", match: best.statement, differences } : { kind: "carried", match: best.statement };
}
