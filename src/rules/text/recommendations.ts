// An advice report's recommendations, and how the plan's provision carries each one: as written, in a weaker
// form (less often, shorter, by someone less qualified, hedged), or not at all. Matching is by meaning —
// shared synonym groups and word stems, weighted by how rare each is among the plan's statements — and the
// amounts are compared with the provision slot analysis. Where the match is in doubt nothing is reported.
import type { Block, EhcpDocument, HeadingBlock, SectionId } from "../../model/document.ts";
import { meaningOf, type MeaningOptions } from "./meaning.ts";
import { hasPhrase } from "./phrase-list.ts";
import { analyseProvision, numberValue, type ProvisionAnalysis } from "./provision-slots.ts";
import { isProvisionCell, splitStatements, type ProvisionStatement } from "./statements.ts";
import { countWords } from "../../text/words.ts";

export interface RecommendationOptions {
  /** Headings that start a report's recommendations ("Recommendations", "Summary of recommendations", "Provision"). */
  recommendationHeadings: string[];
  /** Headings that end them even at a lower level ("Signed", "References", "Appendix"). */
  endHeadings: string[];
  /** Words that mark a sentence as a recommendation ("should", "will need", "I recommend"): prose under a recommendations heading, or anywhere in a report without one. */
  recommendationCues: string[];
  /** Groups of words that mean the same thing (interventions, professionals). */
  synonyms: Record<string, string[]>;
  /** Synonym groups naming a specialist (speech and language therapist, OT): a plan that drops the specialist weakens the provision. */
  specialists: string[];
  /** Synonym groups naming everyday staff (teaching assistant, class teacher): they say little about what is provided. */
  staffGroups: string[];
  /** Words too common to tell two statements apart ("support", "school", "develop"). */
  ignoreWords: string[];
  /** How much of a recommendation (its weighted concepts, 0..1) a plan statement must carry to count as the same provision. */
  matchThreshold: number;
  /** How much of a statement must lie within a recommendation for a statement that carries little of it to count as a weaker form of it. */
  partialWithin: number;
  /** Below this share the recommendation is missing; between the two the plan may carry it in other words, and nothing is reported. */
  missingBelow: number;
  /** Synonym groups naming a programme or arrangement (besides the specialists) whose absence from the whole provision settles a doubtful match. */
  namedProvision: string[];
  /** Below this share, a match that leaves out a specialist or named programme the plan mentions nowhere counts as missing. */
  namedProvisionOverride: number;
  /** Words of form boilerplate that are never recommendations ("if it is decided", "this report"). */
  boilerplate: string[];
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

export type Verdict = (
  | { kind: "carried"; match: PlanStatement }
  | { kind: "weakened"; match: PlanStatement; differences: string[] }
  | { kind: "uncertain"; nearest: PlanStatement }
  | { kind: "missing"; nearest?: PlanStatement }
) & { score: number };

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
    if (isRecommendationHeading(block.text, options)) {
      within = within && within.level < block.level ? within : block;
      return;
    }
    if (!within) return;
    if (hasPhrase(block.text, options.endHeadings)) within = null;
    else if (block.level <= within.level && !introducesList(report.blocks, index)) within = null;
  });
  return blocks;
}

const isRecommendationHeading = (text: string, options: RecommendationOptions): boolean => countWords(text) <= 8 && hasPhrase(text, options.recommendationHeadings);

function introducesList(blocks: readonly Block[], headingIndex: number): boolean {
  const next = blocks.slice(headingIndex + 1).find((block) => block.kind !== "heading");
  return next !== undefined && (next.kind === "list-item" || next.kind === "table");
}

/**
 * A report's table whose column headers name recommendations ("Recommended provision | How often") holds one
 * recommendation per row wherever it stands: its provision cells, without the need or outcome columns.
 */
function recommendationTables(report: EhcpDocument, options: RecommendationOptions): Block[] {
  return report.blocks.filter((block) => block.kind === "table" && block.header.some((cell) => isRecommendationHeading(cell, options)));
}

/** What a unit of a report says as a recommendation: a table row's provision cells, else its text. */
function unitText(unit: ProvisionStatement): string {
  const provision = unit.cells?.filter((cell) => isProvisionCell(cell) && cell.text.trim() !== "");
  return (provision && provision.length > 0 ? provision.map((cell) => cell.text.trim()).join(" | ") : unit.text).trim();
}

/** Each recommendation of one report: list items, table rows and sentences of its recommendations sections, or its recommending sentences. */
export function readRecommendations(report: EhcpDocument, options: RecommendationOptions, childName?: string): Recommendation[] {
  const sectioned = [...recommendationBlocks(report, options), ...recommendationTables(report, options)];
  const seenBlocks = new Set<string>();
  const blocks = sectioned.filter((block) => !seenBlocks.has(block.id) && seenBlocks.add(block.id));
  // A report without a recommendations heading: its sentences that recommend, wherever they are ("X will need ...").
  const underHeading = blocks.length > 0;
  const units = splitStatements(underHeading ? blocks : report.blocks);
  const meaningOptions = meaningOptionsFor(options, childName);
  const blockById = new Map(report.blocks.map((block) => [block.id, block]));
  const recommendations: Recommendation[] = [];
  for (const unit of units) {
    const text = unitText(unit);
    if (countWords(text) < 4 || /:$/.test(text)) continue; // "I recommend the following:"
    const analysis = analyseProvision(unit, childName ? { childName } : {});
    const found = conceptsOf(text, analysis.who, options, meaningOptions);
    if (!isRecommendation(unit, text, found, analysis, options, underHeading)) continue;
    const block = blockById.get(unit.blockId);
    if (!block) continue;
    // What is provided, without why: the plan need not repeat the report's reasons ("so that transitions are predictable").
    const provided = withoutPurpose(text);
    recommendations.push({ text, block, concepts: provided === text ? found : conceptsOf(provided, analysis.who, options, meaningOptions), analysis });
  }
  return recommendations;
}

const PURPOSE = /[,;]?\s+(?:so that|so as to|in order to|because|as this|which will|to help (?:him|her|them)|to (?:reduce|develop|build|improve|increase|encourage|enable|allow|prevent|avoid|support|promote|ensure|make sure|manage))\b/i;

/** The recommendation up to its reason ("..., so that she can ..."), when enough is left to say what is provided. */
export function withoutPurpose(text: string): string {
  const match = PURPOSE.exec(text);
  if (!match || match.index === undefined) return text;
  const head = text.slice(0, match.index);
  return countWords(head) >= 4 ? head : text;
}

// Past events and findings ("has attended", "was assessed", "last term"): the report's history, not what it asks for.
const HISTORY = /\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:received|been|attended|made|had|accessed|shown|completed|started|learned|learnt|used|worked|benefited|benefitted|responded|improved|progressed)\b|\b(?:was|were)\s+(?:\w+ly\s+)?(?:seen|assessed|referred|observed|given|offered|discharged|diagnosed|provided|taught|introduced|noted|found)\b|\b(?:previously|last\s+(?:year|term|week|month)|in the past|to date|so far|at (?:her|his|their) last)\b/i;

/** Words of the child's parents or of the child, reported by the author: their views, not the author's recommendation. */
const REPORTED_VIEWS = /\b(?:parents?|mum|mother|father|dad|carers?|family|grandparents?)(?:['’]s?)?\s+(?:\w+\s+){0,3}?(?:feels?|felt|said|says|told|tells|reports?|reported|thinks?|thought|believes?|believed|would like|wants?|wanted|hopes?|hoped|worr(?:y|ies|ied)|(?:is|are|was|were) (?:worried|concerned|keen|anxious|pleased|happy))\b|\b(?:views?|opinion)\s+(?:is|are|was|were)\b|^["“‘]/i;

/**
 * List items and table rows under a recommendations heading are recommendations when they say something;
 * a sentence of a paragraph must also recommend ("would benefit from", "staff should"), so introductions,
 * descriptions of the child and sign-offs are left out. Form boilerplate, the family's views and the child's
 * history are never recommendations, wherever they stand.
 */
function isRecommendation(unit: ProvisionStatement, text: string, found: Concepts, analysis: ProvisionAnalysis, options: RecommendationOptions, underHeading: boolean): boolean {
  const interventions = found.order.filter((key) => key.startsWith("g:") && !options.staffGroups.includes(key.slice(2))).length;
  const stems = found.order.filter((key) => key.startsWith("s:")).length;
  if (!(interventions > 0 || stems >= 3)) return false;
  if (hasPhrase(text, options.boilerplate)) return false;
  const recommends = hasPhrase(text, options.recommendationCues);
  if (REPORTED_VIEWS.test(text) && !/\bI\s+(?:would\s+)?recommend/i.test(text)) return false;
  if (HISTORY.test(text) && !recommends) return false;
  if (unit.kind !== "sentence" && underHeading) return true;
  const amounts = Boolean(analysis.frequency || analysis.duration || analysis.groupSize) && (analysis.isSession || analysis.isDelivered);
  return recommends || (underHeading && amounts);
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
    const base = key.startsWith("g:") ? (options.staffGroups.includes(key.slice(2)) ? 0.5 : 1.5) : 1;
    weights.set(key, outside.includes(key) ? base : Math.min(base, 0.5));
  }
  return { weights, order: full.order };
}

export function meaningOptionsFor(options: RecommendationOptions, childName?: string): MeaningOptions {
  const names = childName ? childName.split(/\s+/) : [];
  // Capitalised words stay: programme names ("Attention Autism", TEACCH) are what a recommendation is about.
  return { groups: options.synonyms, ignoreWords: options.ignoreWords, alsoIgnore: names };
}

/** The plan's provision, read once for every recommendation: its statements and how common each concept is in them. */
export interface PlanProvision {
  statements: PlanStatement[];
  /** How many statements mention each concept: a concept most statements share tells little about which one carries a recommendation. */
  frequency: Map<string, number>;
}

/**
 * The plan's provision statements (F, G, H1, H2 by default). A plan whose provision sections cannot be found is
 * searched whole (but for its advice list), so a layout the checker does not know does not make every
 * recommendation look missing.
 */
export function readPlanProvision(plan: EhcpDocument, sections: readonly SectionId[], options: RecommendationOptions, childName?: string): PlanProvision {
  const found = plan.sections.filter((section) => sections.includes(section.id));
  const blocks = sections.includes("F") && !found.some((section) => section.id === "F") ? plan.blocks.filter((block) => block.section !== "K") : found.flatMap((section) => section.blocks);
  const meaningOptions = meaningOptionsFor(options, childName);
  const statements = splitStatements(blocks)
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
    });
  const frequency = new Map<string, number>();
  for (const statement of statements) for (const key of statement.concepts.weights.keys()) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  return { statements, frequency };
}

/** Whether a statement mentions a concept: the same group or stem, or a stem that begins the other ("writ", "written"). */
function mentions(statement: Concepts, key: string): boolean {
  if (statement.weights.has(key)) return true;
  if (!key.startsWith("s:") || key.length < 6) return false;
  for (const other of statement.weights.keys()) {
    if (!other.startsWith("s:") || other.length < 6) continue;
    if (other.startsWith(key) || key.startsWith(other)) return true;
  }
  return false;
}

const weightIn = (provision: PlanProvision) => {
  const total = provision.statements.length;
  return (key: string, base: number): number => base * Math.log(1 + (total + 1) / Math.max(1, provision.frequency.get(key) ?? 0));
};

/** The weighted share of `from`'s concepts that `other` mentions. */
function share(from: Concepts, other: Concepts, provision: PlanProvision): number {
  const weight = weightIn(provision);
  let all = 0;
  let shared = 0;
  for (const [key, base] of from.weights) {
    const w = weight(key, base);
    all += w;
    if (mentions(other, key)) shared += w;
  }
  return all > 0 ? shared / all : 0;
}

export interface MatchScores {
  /** How much of the recommendation the statement carries (0..1). */
  covers: number;
  /** How much of what the statement provides is in the recommendation (0..1): a short, vague statement on the same thing scores high. */
  within: number;
}

/**
 * How a statement matches a recommendation, as weighted shares of concepts. A concept weighs more the fewer of
 * the plan's statements mention it (the intervention named in one row), and less when it names only who delivers.
 */
export function matchScores(recommendation: Concepts, statement: PlanStatement, provision: PlanProvision): MatchScores {
  return { covers: share(recommendation, statement.concepts, provision), within: share(statement.provided, recommendation, provision) };
}

/** One number to rank statements by: what they carry, or, for a statement wholly about the recommendation, half way to what it names. */
export function matchScore(recommendation: Concepts, statement: PlanStatement, provision: PlanProvision): number {
  const { covers, within } = matchScores(recommendation, statement, provision);
  return Math.max(covers, (covers + within) / 2);
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

// Every number a text states, digits or words ("twice", "three", "30"): two texts that state the same numbers say the
// same amounts, however the provision analysis reads their frequencies.
const NUMBER_TOKEN = /\b(?:\d+(?:\.\d+)?|once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|sixty|ninety)\b/gi;
function numbersIn(text: string): Set<number> {
  const values = new Set<number>();
  for (const match of text.matchAll(NUMBER_TOKEN)) {
    const value = numberValue(match[0]);
    if (value !== undefined) values.add(value);
  }
  return values;
}

// The report's own amount is a limit or an estimate ("no more than 5", "a few minutes"): the plan's "up to" keeps it.
const REPORT_LIMIT = /\b(?:no more than|not more than|at most|maximum|a maximum of|up to|a few|short)\b/i;
// "Kept up to date" is no limit on anything.
const UP_TO_DATE = /^up to date\b/i;

/**
 * What the plan's statement leaves out or reduces, in plain words; empty when it carries the recommendation in full.
 * Only what the report itself pinned down can be weakened: a plan that adds "up to 10 minutes" to a report's
 * "a quiet space" adds detail, and a plan that gives no frequency where the report gave none leaves nothing out.
 */
export function weakenings(recommendation: Recommendation, statement: PlanStatement, options: RecommendationOptions): string[] {
  const rec = recommendation.analysis;
  const plan = statement.analysis;
  const planText = statement.statement.text;
  const differences: string[] = [];
  const recNumbers = numbersIn(recommendation.text);
  const planNumbers = numbersIn(planText);
  const sameNumbers = recNumbers.size > 0 && recNumbers.size === planNumbers.size && [...recNumbers].every((value) => planNumbers.has(value));
  const hedgeKinds = new Set(plan.vagueSignals.filter((signal) => signal.kind === "imprecise-frequency" || signal.kind === "discretionary").map((signal) => signal.kind));
  if (rec.frequency && !plan.frequency && !sameNumbers && (hedgeKinds.size > 0 || planNumbers.size === 0)) differences.push(`the report says how often (${rec.frequency}); the plan does not`);
  if (!sameNumbers) {
    // The weekly total (sessions x minutes) is compared where both give one: it is read more reliably than either part.
    if (rec.minutesPerWeek !== undefined && plan.minutesPerWeek !== undefined) {
      if (plan.minutesPerWeek < rec.minutesPerWeek - 1e-9) {
        differences.push(`the plan gives ${amount(plan.minutesPerWeek)} minutes a week (${[plan.duration, plan.frequency].filter(Boolean).join(", ")}) where the report recommends ${amount(rec.minutesPerWeek)}`);
      }
    } else {
      if (rec.timesPerWeek !== undefined && plan.timesPerWeek !== undefined && plan.timesPerWeek < rec.timesPerWeek - 1e-9) {
        differences.push(`the plan gives it less often (${plan.frequency}) than the report (${rec.frequency})`);
      }
      if (rec.minutesPerSession !== undefined && plan.minutesPerSession !== undefined && plan.minutesPerSession < rec.minutesPerSession) {
        differences.push(`the plan's sessions are shorter (${plan.duration}) than the report's (${rec.duration})`);
      }
    }
  }
  const recSize = groupSizeOf(rec);
  if (recSize !== undefined) {
    const planSize = groupSizeOf(plan);
    if (planSize !== undefined && planSize > recSize) differences.push(`the plan's group (${plan.groupSize}) is larger than the report's (${rec.groupSize})`);
    else if (planSize === undefined && plan.vagueSignals.some((signal) => signal.kind === "unsized-group")) differences.push(`the report says ${rec.groupSize}; the plan does not say the group size`);
  }
  const recSpecialists = options.specialists.filter((group) => rec.who !== undefined && meaningOf(rec.who, { groups: options.synonyms, ignoreWords: [] }).groups.has(group));
  if (recSpecialists.length > 0 && plan.who) {
    // The who slot only: "speech and language therapy" delivered by a teaching assistant names the therapy, not the therapist.
    const planWho = meaningOf(plan.who, { groups: options.synonyms, ignoreWords: [] }).groups;
    if (!recSpecialists.some((group) => planWho.has(group)) && !recSpecialists.some((group) => meaningOf(planText, { groups: options.synonyms, ignoreWords: [] }).groups.has(group) && /\b(?:by|from|with) (?:a|an|the)? ?(?:\w+ )?(?:therapist|psychologist|physiotherapist|teacher of)/i.test(planText))) {
      differences.push(`the report says who delivers it (${rec.who}); the plan gives it to ${plan.who}`);
    }
  }
  const recKinds = new Set(rec.vagueSignals.map((signal) => signal.kind));
  const reportPinned = (kind: string): boolean => {
    if (kind === "upper-limit") return recNumbers.size > 0 && !REPORT_LIMIT.test(recommendation.text);
    if (kind === "imprecise-frequency") return Boolean(rec.frequency);
    if (kind === "unsized-group") return recSize !== undefined;
    return true;
  };
  const hedges = plan.vagueSignals.filter(
    (signal) => options.weakeningKinds.includes(signal.kind) && !recKinds.has(signal.kind) && reportPinned(signal.kind) && !UP_TO_DATE.test(planText.slice(planText.toLowerCase().indexOf(signal.phrase.toLowerCase()))),
  );
  const seen = new Set<string>();
  const phrases = hedges.filter((signal) => !seen.has(signal.phrase.toLowerCase()) && seen.add(signal.phrase.toLowerCase())).map((signal) => `"${signal.phrase}"`);
  if (phrases.length > 0) differences.push(`the plan qualifies it with ${phrases.join(", ")}`);
  return differences;
}

/** The recommendation names a specialist or programme (ELSA, access arrangements) that no statement of the plan's provision mentions. */
function absentNamedProvision(recommendation: Recommendation, provision: PlanProvision, options: RecommendationOptions): boolean {
  const named = new Set([...options.specialists, ...options.namedProvision]);
  return [...recommendation.concepts.weights.keys()].some((key) => key.startsWith("g:") && named.has(key.slice(2)) && !provision.frequency.has(key));
}

/** The best share of the recommendation that two neighbouring sentences of one paragraph carry together. */
function neighboursCover(recommendation: Recommendation, provision: PlanProvision): number {
  let best = 0;
  provision.statements.forEach((statement, index) => {
    const next = provision.statements[index + 1];
    // Sentences of one paragraph only: table rows and list items are separate provisions.
    if (!next || statement.statement.kind !== "sentence" || next.statement.kind !== "sentence" || next.statement.blockId !== statement.statement.blockId) return;
    const weights = new Map([...statement.concepts.weights, ...next.concepts.weights]);
    best = Math.max(best, share(recommendation.concepts, { weights, order: [...weights.keys()] }, provision));
  });
  return best;
}

/** A line such as "Cognition and learning" read as a statement: a sub-heading, which carries nothing by itself. */
const headingLike = (text: string): boolean => countWords(text) <= 4 && !/[.!?;]$/.test(text.trim());

/** The report names who delivers it (a specialist) and the statement names no such specialist anywhere. */
function specialistLeftOut(recommendation: Recommendation, statement: PlanStatement, options: RecommendationOptions): boolean {
  const who = recommendation.analysis.who;
  if (!who) return false;
  const named = meaningOf(who, { groups: options.synonyms, ignoreWords: [] }).groups;
  const specialists = options.specialists.filter((group) => named.has(group));
  return specialists.length > 0 && !specialists.some((group) => statement.concepts.weights.has(`g:${group}`));
}

/** The statement shares with the recommendation what is particular to both: a named intervention, or two words no other statement uses. */
function sharesRareConcept(recommendation: Recommendation, statement: PlanStatement, provision: PlanProvision): boolean {
  const rare = [...recommendation.concepts.weights.keys()].filter((key) => mentions(statement.concepts, key) && (provision.frequency.get(key) ?? 0) <= 1);
  const planAmounts = amountsIn(statement.statement.text);
  const sharedAmounts = [...amountsIn(recommendation.text)].filter((item) => planAmounts.has(item)).length;
  return rare.length + sharedAmounts >= 2 || rare.some((key) => key.startsWith("g:"));
}

// "60 minutes", "two working days", "15-minute": an amount with what it counts. How often ("3 times") is left out: many provisions share it.
const AMOUNT = new RegExp(`(${NUMBER_TOKEN.source})[\\s-]*(?:working\\s+)?(minute|min|hour|day|week|month|term|pupil|child|session|word|sign|visit|step)`, "gi");
function amountsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(AMOUNT)) {
    const value = numberValue(match[1]!);
    if (value !== undefined && value >= 2) found.add(`${value} ${match[2]!.toLowerCase()}`);
  }
  return found;
}

/**
 * Judge one recommendation against the plan's statements. Between "found" and "missing" lies a band where the
 * plan may carry it in other words: nothing is claimed there (a QA officer would not sign a guess).
 */
export function judgeRecommendation(recommendation: Recommendation, provision: PlanProvision, options: RecommendationOptions): Verdict {
  let best: { statement: PlanStatement; score: number; scores: MatchScores } | undefined;
  for (const statement of provision.statements) {
    const scores = matchScores(recommendation.concepts, statement, provision);
    const score = Math.max(scores.covers, (scores.covers + scores.within) / 2);
    if (!best || score > best.score) best = { statement, score, scores };
  }
  if (!best) return { kind: "missing", score: 0 };
  const { statement, score, scores } = best;
  // A plan may split one recommendation over two sentences of a paragraph ("Tom starts each day with a sensory circuit." /
  // "A trained teaching assistant leads it."): together they carry it, so nothing is claimed.
  if (scores.covers < options.matchThreshold && neighboursCover(recommendation, provision) >= options.matchThreshold) return { kind: "uncertain", nearest: statement, score };
  if (scores.covers < options.matchThreshold) {
    // A statement wholly about the recommendation that says much less of it ("movement breaks as needed"): weakened
    // when what it leaves out can be named, else perhaps a summary the report would accept.
    if (scores.within >= options.partialWithin && score >= options.matchThreshold && !headingLike(statement.statement.text)) {
      const differences = weakenings(recommendation, statement, options);
      if (differences.length > 0) return { kind: "weakened", match: statement, differences, score };
      return { kind: "uncertain", nearest: statement, score };
    }
    if (scores.covers < options.missingBelow) return { kind: "missing", nearest: statement, score };
    // The doubt is settled when the report names an intervention or specialist that no statement of the plan's provision
    // mentions, or a specialist the closest statement leaves out, or when the closest statement shares only words
    // that many statements use ("structured", "daily") and none of what is particular to the recommendation.
    const settled = absentNamedProvision(recommendation, provision, options) || specialistLeftOut(recommendation, statement, options) || !sharesRareConcept(recommendation, statement, provision);
    return { kind: settled ? "missing" : "uncertain", nearest: statement, score };
  }
  // A partial match that leaves out the specialist or programme the report names, which the plan names nowhere, is not the same provision.
  if (scores.covers < options.namedProvisionOverride && absentNamedProvision(recommendation, provision, options)) return { kind: "missing", nearest: statement, score };
  const differences = weakenings(recommendation, statement, options);
  return differences.length > 0 ? { kind: "weakened", match: statement, differences, score } : { kind: "carried", match: statement, score };
}
