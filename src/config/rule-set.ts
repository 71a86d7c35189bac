// A rule set after loading: every `extends` resolved, defaults applied, every option validated.
import type { CategoryId, Grade } from "../model/report.ts";
import type { RuleConfig } from "../rules/run-rule.ts";
import type { DeclarativeKindName } from "../rules/kinds/declarative.ts";
import type { RuleModule } from "../rules/types.ts";

/** Lowest overall score for each grade; a score below `requires-improvement` is inadequate. */
export type GradeBands = Record<Exclude<Grade, "inadequate">, number>;

/**
 * A grade ceiling set by category verdicts: when at least `failing` categories fail (counting only those listed in
 * `of`, or any category when `of` is absent), the grade is at best `grade`, whatever the score.
 */
export interface GradeCap {
  failing: number;
  of?: CategoryId[];
  grade: Grade;
}

/** How the grade is decided: category verdicts first (caps, and a floor when nothing fails), then the score bands. */
export interface GradeRules extends GradeBands {
  caps: GradeCap[];
  /** The lowest grade of a plan in which no category fails (warnings at most); "inadequate" switches it off. */
  floor: Grade;
}

/** The categories of high statutory weight: one of them failing is enough to hold a plan at requires-improvement. */
export const STATUTORY_CATEGORIES: CategoryId[] = ["structure", "provision-specificity", "child-voice", "professional-advice", "draft-corrections"];

/** Used when no rule set in the chain gives grade bands or caps (rules/default.json states the same values). */
export const DEFAULT_GRADES: GradeRules = {
  outstanding: 85,
  good: 70,
  "requires-improvement": 50,
  caps: [
    { failing: 1, grade: "good" },
    { failing: 1, of: STATUTORY_CATEGORIES, grade: "requires-improvement" },
    { failing: 2, grade: "requires-improvement" },
    { failing: 3, grade: "inadequate" },
  ],
  floor: "good",
};

export interface LoadedRule {
  id: string;
  module: RuleModule;
  config: RuleConfig;
  enabled: boolean;
  /** "built-in" for rules written in code, otherwise the declarative kind. */
  kind: "built-in" | DeclarativeKindName;
  /** The rule-set file that last changed this rule's settings ("built-in" when none did). */
  file: string;
}

export interface LoadedRuleSet {
  name: string;
  version: string;
  description: string;
  /** The file loaded (or the label of a rule set given as data), then every file it extends, nearest first. */
  files: string[];
  grades: GradeRules;
  /** Heading aliases per section id ("H" is a combined social care heading), for ingest. */
  aliases: Record<string, string[]>;
  categoryWeights: Record<CategoryId, number>;
  /** Every rule: built-in rules first (registry order), then declarative ones in rule-set order. */
  rules: LoadedRule[];
  /**
   * The merged rule set as plain data with no `extends`. Giving it back to `parseRuleSet` yields the same rule set:
   * that is how a worker thread or another process gets it without the files.
   */
  resolved: Record<string, unknown>;
}
