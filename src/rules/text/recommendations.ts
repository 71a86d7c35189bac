// An advice report's recommendations, and how the plan's provision carries each one: as written, in a weaker
// form (less often, shorter, by someone less qualified, hedged), or not at all. Matching is by meaning —
// shared synonym groups and word stems — and the amounts are compared with the provision slot analysis.
import type { Block, EhcpDocument, HeadingBlock, SectionId } from "../../model/document.ts";
import { meaningOf, sharedMeaning, type Meaning, type MeaningOptions } from "./meaning.ts";
import { hasPhrase } from "./phrase-list.ts";
import { analyseProvision, type ProvisionAnalysis } from "./provision-slots.ts";
import { splitStatements, type ProvisionStatement } from "./statements.ts";

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
  /** Share of a recommendation's meaning a plan statement must carry to count as the same provision (0..1). */
  matchThreshold: number;
  /** Vague-phrase kinds (from the provision slot analysis) that weaken a plan statement the report did not hedge. */
  weakeningKinds: string[];
}

export interface Recommendation {
  text: string;
  block: Block;
  meaning: Meaning;
  analysis: ProvisionAnalysis;
}

export interface PlanStatement {
  statement: ProvisionStatement;
  meaning: Meaning;
  analysis: ProvisionAnalysis;
}

export type Verdict = { kind: "carried"; match: PlanStatement } | { kind: "weakened"; match: PlanStatement; differences: string[] } | { kind: "missing"; nearest?: PlanStatement };

const countWords = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** The blocks under each recommendations heading, up to the next heading of the same or a higher level, or an end heading. */
export function recommendationBlocks(report: EhcpDocument, options: RecommendationOptions): Block[] {
  const blocks: Block[] = [];
  let within: HeadingBlock | null = null;
  for (const block of report.blocks) {
    if (block.kind === "heading") {
      if (hasPhrase(block.text, options.recommendationHeadings) && countWords(block.text) <= 8) {
        within = within && within.level < block.level ? within : block;
        continue;
      }
      if (within && (block.level <= within.level || hasPhrase(block.text, options.endHeadings))) within = null;
      continue;
    }
    if (within) blocks.push(block);
  }
  return blocks;
}

const statementText = (statement: ProvisionStatement): string => statement.text;

/** Each recommendation of one report: list items, table rows and sentences of its recommendations sections. */
export function readRecommendations(report: EhcpDocument, options: RecommendationOptions, childName?: string): Recommendation[] {
  let units = splitStatements(recommendationBlocks(report, options));
  // A report without a recommendations heading: its sentences that recommend ("X would benefit from ...").
  if (units.length === 0) units = splitStatements(report.blocks).filter((unit) => hasPhrase(unit.text, options.recommendationCues));
  const meaningOptions = meaningOptionsFor(options, childName);
  const recommendations: Recommendation[] = [];
  for (const unit of units) {
    const text = statementText(unit).trim();
    if (countWords(text) < 4 || /:$/.test(text)) continue; // "I recommend the following:"
    const meaning = meaningOf(text, meaningOptions);
    if (meaning.groups.size === 0 && meaning.stems.size < 2) continue;
    const block = report.blocks.find((candidate) => candidate.id === unit.blockId);
    if (!block) continue;
    recommendations.push({ text, block, meaning, analysis: analyseProvision(unit, childName ? { childName } : {}) });
  }
  return recommendations;
}

export function meaningOptionsFor(options: RecommendationOptions, childName?: string): MeaningOptions {
  const names = childName ? childName.split(/\s+/) : [];
  return { groups: options.synonyms, ignoreWords: options.ignoreWords, alsoIgnore: names };
}

/** The plan's provision statements (F, G, H1, H2 by default), read once for every recommendation. */
export function planStatements(plan: EhcpDocument, sections: readonly SectionId[], options: RecommendationOptions, childName?: string): PlanStatement[] {
  const blocks = plan.sections.filter((section) => sections.includes(section.id)).flatMap((section) => section.blocks);
  const meaningOptions = meaningOptionsFor(options, childName);
  return splitStatements(blocks).map((statement) => ({
    statement,
    meaning: meaningOf(statement.text, meaningOptions),
    analysis: analyseProvision(statement, childName ? { childName } : {}),
  }));
}

/** How much of the recommendation's meaning a statement carries: shared weight over the recommendation's weight. */
function coverage(recommendation: Meaning, statement: Meaning, options: RecommendationOptions): { score: number; sharesContent: boolean } {
  const weight = (group: string) => (options.staffGroups.includes(group) ? 0.5 : 2);
  const total = [...recommendation.groups].reduce((sum, group) => sum + weight(group), 0) + recommendation.stems.size;
  if (total === 0) return { score: 0, sharesContent: false };
  const shared = sharedMeaning(recommendation, statement);
  const sharedWeight = shared.groups.reduce((sum, group) => sum + weight(group), 0) + shared.stems.length;
  const sharesContent = shared.groups.some((group) => !options.staffGroups.includes(group)) || shared.stems.length >= 2;
  return { score: sharedWeight / total, sharesContent };
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
  if (rec.frequency) {
    if (!plan.frequency) differences.push(`the report says how often (${rec.frequency}); the plan does not`);
    else if (rec.timesPerWeek !== undefined && plan.timesPerWeek !== undefined && plan.timesPerWeek < rec.timesPerWeek - 1e-9) {
      differences.push(`the plan gives it less often (${plan.frequency}) than the report (${rec.frequency})`);
    }
  }
  if (rec.duration) {
    if (!plan.duration && !(plan.minutesPerWeek !== undefined && rec.minutesPerWeek !== undefined)) {
      differences.push(`the report says for how long (${rec.duration}); the plan does not`);
    } else if (rec.minutesPerSession !== undefined && plan.minutesPerSession !== undefined && plan.minutesPerSession < rec.minutesPerSession) {
      differences.push(`the plan's sessions are shorter (${plan.duration}) than the report's (${rec.duration})`);
    }
  }
  if (rec.minutesPerWeek !== undefined && plan.minutesPerWeek !== undefined && plan.minutesPerWeek < rec.minutesPerWeek - 1e-9 && differences.length === 0) {
    differences.push(`the plan gives ${amount(plan.minutesPerWeek)} minutes a week where the report recommends ${amount(rec.minutesPerWeek)}`);
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
  const phrases = [...new Set(hedges.map((signal) => `"${signal.phrase}"`))];
  if (phrases.length > 0) differences.push(`the plan qualifies it with ${phrases.join(", ")}`);
  return differences;
}

/** Judge one recommendation against the plan's statements. */
export function judgeRecommendation(recommendation: Recommendation, statements: readonly PlanStatement[], options: RecommendationOptions): Verdict {
  let best: { statement: PlanStatement; score: number } | undefined;
  for (const statement of statements) {
    const { score, sharesContent } = coverage(recommendation.meaning, statement.meaning, options);
    if (!sharesContent) continue;
    if (!best || score > best.score) best = { statement, score };
  }
  if (!best || best.score < options.matchThreshold) return best ? { kind: "missing", nearest: best.statement } : { kind: "missing" };
  const differences = weakenings(recommendation, best.statement, options);
  return differences.length > 0 ? { kind: "weakened", match: best.statement, differences } : { kind: "carried", match: best.statement };
}
