// A rule set after loading: every `extends` resolved, defaults applied, every option validated.
import type { CategoryId, Grade } from "../model/report.ts";
import type { RuleConfig } from "../rules/run-rule.ts";
import type { DeclarativeKindName } from "../rules/kinds/declarative.ts";
import type { RuleModule } from "../rules/types.ts";

/** Lowest overall score for each grade; a score below `requires-improvement` is inadequate. */
export type GradeBands = Record<Exclude<Grade, "inadequate">, number>;

/** Used when no rule set in the chain gives grade bands. */
export const DEFAULT_GRADES: GradeBands = { outstanding: 85, good: 70, "requires-improvement": 50 };

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
  grades: GradeBands;
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
