// The engine: runs every enabled rule of a rule set over the inputs and assembles the scored report.
// Pure: no files, no clock unless none is given, no console. The CLI and the service do the I/O.
import { SECTION_IDS, type EhcpDocument, type SectionId } from "../model/document.ts";
import { CATEGORY_IDS, type AuditReport, type CheckResult, type DocumentSummary, type SectionChange, type SectionRegionSummary, type SectionSummary } from "../model/report.ts";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import { fixFirst } from "../report/fix-first.ts";
import { describeFindingPlaces } from "../report/place.ts";
import { scoreChecks } from "../report/score.ts";
import { wordChanges } from "../report/word-diff.ts";
import { alignUnits, summariseChanges } from "./draft/align.ts";
import { documentUnits } from "./draft/units.ts";
import { reportFacts } from "./plan-dates.ts";
import { runRule } from "./run-rule.ts";
import { countWords } from "./scope.ts";
import type { AuditInputs, RuleSettings } from "./types.ts";

export interface AuditOptions {
  /** ehcp-qa's version, read from package.json by the caller. */
  toolVersion: string;
  /** "Today" for date rules (ISO date); defaults to the date of `generatedAt`. */
  auditDate?: string;
  /** When the report is made; defaults to now. */
  generatedAt?: Date;
}

/** Standard section names, used as the title of a section the plan does not have. */
export const STANDARD_SECTION_TITLES: Record<SectionId, string> = {
  A: "Views, interests and aspirations",
  B: "Special educational needs",
  C: "Health needs",
  D: "Social care needs",
  E: "Outcomes",
  F: "Special educational provision",
  G: "Health provision",
  H1: "Social care provision (CSDPA 1970 section 2)",
  H2: "Other social care provision",
  I: "Placement",
  J: "Personal budget",
  K: "Advice and information",
};

export function audit(inputs: AuditInputs, ruleSet: LoadedRuleSet, options: AuditOptions): AuditReport {
  const generatedAt = options.generatedAt ?? new Date();
  const settings: RuleSettings = { auditDate: options.auditDate ?? generatedAt.toISOString().slice(0, 10) };
  const checks: CheckResult[] = [];
  for (const rule of ruleSet.rules) {
    if (!rule.enabled) continue;
    try {
      checks.push(runRule(rule.module, inputs, rule.config, settings));
    } catch (error) {
      // A rule's bug is ours, not the user's: name the rule so it can be found, and let the caller report it.
      throw new Error(`The check "${rule.id}" stopped with an internal error: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  // Report order: category order of the contract, then rule-set order within a category.
  checks.sort((a, b) => CATEGORY_IDS.indexOf(a.category) - CATEGORY_IDS.indexOf(b.category));
  for (const check of checks) check.findings.forEach((finding, index) => (finding.id = `${check.id}-${index + 1}`));
  describeFindingPlaces(checks, inputs);
  const scored = scoreChecks(checks, ruleSet.categoryWeights, ruleSet.grades);
  const report: AuditReport = {
    schemaVersion: 1,
    generatedAt: generatedAt.toISOString(),
    tool: { name: "ehcp-qa", version: options.toolVersion },
    score: scored.score,
    grade: scored.grade,
    gradeCapped: scored.gradeCapped,
    scoreGrade: scored.scoreGrade,
    gradeCap: scored.gradeCap,
    gradeFloor: scored.gradeFloor,
    gradeReason: scored.gradeReason,
    ruleset: { name: ruleSet.name, version: ruleSet.version },
    documents: documentSummaries(inputs),
    categories: scored.categories,
    checks,
    sections: sectionSummaries(inputs.plan),
    fixFirst: fixFirst(checks),
  };
  if (inputs.draft) report.changes = draftChanges(inputs.draft, inputs.plan);
  return report;
}

/** What changed between the draft and the plan, per section: blocks added, removed and reworded. */
export function draftChanges(draft: EhcpDocument, plan: EhcpDocument): SectionChange[] {
  const draftUnits = documentUnits(draft);
  const finalUnits = documentUnits(plan);
  const changes = summariseChanges(draftUnits, finalUnits, alignUnits(draftUnits, finalUnits));
  for (const change of changes) for (const item of change.items) if (item.kind === "reworded" && item.draft !== undefined && item.final !== undefined) item.words = wordChanges(item.draft, item.final);
  return changes;
}

function summary(doc: EhcpDocument, role: DocumentSummary["role"]): DocumentSummary {
  const result: DocumentSummary = { role, fileName: doc.fileName, format: doc.format, words: doc.wordCount, sha256: doc.sha256, facts: reportFacts(doc.facts) };
  if (doc.pageCount !== undefined) result.pages = doc.pageCount;
  if (doc.paragraphCount !== undefined) result.paragraphs = doc.paragraphCount;
  if (doc.notes?.length) result.notes = [...doc.notes];
  return result;
}

export function documentSummaries(inputs: AuditInputs): DocumentSummary[] {
  return [
    summary(inputs.plan, "plan"),
    ...(inputs.draft ? [summary(inputs.draft, "draft")] : []),
    ...inputs.responses.map((doc) => summary(doc, "response")),
    ...inputs.advice.map((doc) => summary(doc, "advice")),
  ];
}

/** All twelve sections: present or not, the heading as written (the standard name when absent), words under it. */
export function sectionSummaries(plan: EhcpDocument): SectionSummary[] {
  return SECTION_IDS.map((id) => {
    const parts = plan.sections.filter((s) => s.id === id);
    const wordCount = parts.reduce((sum, s) => sum + s.blocks.reduce((n, b) => n + countWords(b.text), 0), 0);
    const summary: SectionSummary = { id, title: parts[0]?.heading ?? STANDARD_SECTION_TITLES[id], present: parts.length > 0, wordCount };
    const [section] = parts;
    if (section) {
      summary.foundBy = section.foundBy;
      summary.matchedBy = section.matchedBy;
      summary.regions = section.regions.map((region) => {
        const item: SectionRegionSummary = {
          heading: region.heading,
          location: { ...region.location, ...(region.headingBlockId ? { block: region.headingBlockId } : {}) },
          wordCount: region.blocks.reduce((n, b) => n + countWords(b.text), 0),
        };
        if (region.areaOfNeed) item.areaOfNeed = region.areaOfNeed;
        return item;
      });
    }
    return summary;
  });
}
