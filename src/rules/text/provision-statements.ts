// The provision statements of a plan's sections, each with its slot analysis. Lead-ins ("The following
// provision will be made:"), sub-headings written as paragraphs and sentences that only describe the child are
// not provision statements and are left out, so they are neither praised nor flagged.
import type { EhcpDocument, Section, SectionId } from "../../model/document.ts";
import { hasPhrase } from "./phrase-list.ts";
import { saysAbsent } from "./negation.ts";
import { analyseProvision, DEFAULT_GENERIC_WORDS, DEFAULT_VAGUE_LEXICON, type ProvisionAnalysis, type VagueLexiconEntry } from "./provision-slots.ts";
import { splitStatements, type ProvisionStatement } from "./statements.ts";
import { countWords } from "../../text/words.ts";

/** Mirrors rules/default.json (provision-specificity options.provisionCues). */
export const PROVISION_CUES = [
  "will receive", "will have", "will be provided", "will be given", "will be taught", "will be offered", "will deliver",
  "will provide", "will use", "will attend", "will be supported", "will work", "will follow", "will access", "will take part",
  "will be seen", "will be able to use", "will be allocated", "will run", "will lead", "will model", "will teach",
  "programme", "therapy", "intervention", "interventions", "support", "session", "sessions", "teaching", "tuition",
  "equipment", "strategies", "mentoring", "access to", "opportunities", "input", "training", "group", "will be used",
  "to be aware", "aware of", "differentiated",
  // Equipment is often a bare noun phrase with its supplier: "A writing slope supplied by the school."
  "provided by", "supplied by", "funded by", "purchased by",
];

/** Mirrors rules/default.json (provision-specificity options.notProvisionPhrases): introductions and cross-references. */
export const NOT_PROVISION_PHRASES = [
  "the provision below", "the support below", "provision set out below", "set out in section", "set out in part", "set out here",
  "based on the advice", "is responsible for", "are responsible for", "unless stated otherwise", "unless another provider is named",
  "where a therapist is named", "is therefore special educational provision", "see section", "see part",
  "all provision is", "all the provision", "this provision", "the provision in this", "unless a row says", "unless the table says",
];

export interface FoundProvision {
  statement: ProvisionStatement;
  analysis: ProvisionAnalysis;
}

export interface FindOptions {
  vagueLexicon?: VagueLexiconEntry[];
  genericWords?: string[];
  provisionCues?: string[];
  notProvisionPhrases?: string[];
}


/** The child's forename, so "Sam will receive" does not count "Sam" as content. */
export const forenameOf = (doc: EhcpDocument): string | undefined => doc.facts.childName?.trim().split(/\s+/)[0];

/** Whether a statement is about provision at all (as opposed to a lead-in, a label or a description of the child). */
export function isProvisionStatement(
  statement: ProvisionStatement,
  analysis: ProvisionAnalysis,
  cues: readonly string[],
  notProvision: readonly string[] = NOT_PROVISION_PHRASES,
): boolean {
  if (statement.kind === "table-row") return true;
  const text = statement.text.trim();
  if (text.endsWith(":") || countWords(text) < 3 || saysAbsent(text)) return false;
  const quantified = analysis.frequency !== undefined || analysis.duration !== undefined || analysis.groupSize !== undefined;
  // "The provision below will be made at ...", "... so they are set out here in Section F": about the plan, not provision.
  if (!quantified && hasPhrase(text, notProvision)) return false;
  return quantified || analysis.who !== undefined || analysis.vagueSignals.length > 0 || hasPhrase(text, cues);
}

/** Each section's statements, split once: two rules read Section F's provision (specificity, needs met). */
const statementsBySection = new WeakMap<Section, ProvisionStatement[]>();
/** Each statement's analysis, by the settings it was made with (as JSON, so equal settings from two rules share it). */
const analysesByStatement = new WeakMap<ProvisionStatement, Map<string, ProvisionAnalysis>>();

function statementsOf(section: Section): ProvisionStatement[] {
  let statements = statementsBySection.get(section);
  if (!statements) {
    statements = splitStatements(section.blocks);
    statementsBySection.set(section, statements);
  }
  return statements;
}

/** Every provision statement in `sections`, in document order, with its analysis. */
export function findProvisionStatements(doc: EhcpDocument, sections: readonly SectionId[], options: FindOptions = {}): FoundProvision[] {
  const childName = forenameOf(doc);
  const analyseOptions = { lexicon: options.vagueLexicon ?? DEFAULT_VAGUE_LEXICON, genericWords: options.genericWords ?? DEFAULT_GENERIC_WORDS, ...(childName ? { childName } : {}) };
  const settingsKey = JSON.stringify(analyseOptions);
  const cues = options.provisionCues ?? PROVISION_CUES;
  const notProvision = options.notProvisionPhrases ?? NOT_PROVISION_PHRASES;
  const found: FoundProvision[] = [];
  for (const section of doc.sections) {
    if (!sections.includes(section.id)) continue;
    for (const statement of statementsOf(section)) {
      let analyses = analysesByStatement.get(statement);
      if (!analyses) analysesByStatement.set(statement, (analyses = new Map()));
      let analysis = analyses.get(settingsKey);
      if (!analysis) analyses.set(settingsKey, (analysis = analyseProvision(statement, analyseOptions)));
      if (isProvisionStatement(statement, analysis, cues, notProvision)) found.push({ statement, analysis });
    }
  }
  return found;
}
