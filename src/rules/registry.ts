// The rules an engine knows: built-in modules by id, and the checks every rule's meta must pass.
import { CATEGORY_IDS } from "../model/report.ts";
import { schemaError, validateAgainst } from "../config/ajv.ts";
import type { RuleModule } from "./types.ts";
import { builtinRules } from "./builtin/index.ts";

export const RULE_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SEVERITIES = ["error", "warning", "info"];

/** Every problem with a rule's meta (empty when it is sound). Used by the rule tester and the registry. */
export function checkRuleMeta(rule: RuleModule): string[] {
  const meta = rule.meta;
  const problems: string[] = [];
  if (!RULE_ID_PATTERN.test(meta.id)) problems.push(`id "${meta.id}" must be kebab-case`);
  if (!(CATEGORY_IDS as readonly string[]).includes(meta.category)) {
    problems.push(`category "${meta.category}" must be one of ${CATEGORY_IDS.join(", ")}`);
  }
  for (const field of ["title", "description", "source"] as const) {
    if (typeof meta[field] !== "string" || meta[field].trim() === "") problems.push(`${field} must be non-empty text`);
  }
  if (!SEVERITIES.includes(meta.defaultSeverity)) problems.push(`defaultSeverity "${meta.defaultSeverity}" must be one of ${SEVERITIES.join(", ")}`);
  if (typeof meta.defaultWeight !== "number" || !(meta.defaultWeight >= 0)) problems.push("defaultWeight must be a number of 0 or more");
  const messages = Object.entries(meta.messages ?? {});
  if (messages.length === 0) problems.push("messages must have at least one message");
  for (const [id, text] of messages) if (typeof text !== "string" || text.trim() === "") problems.push(`message "${id}" must be non-empty text`);
  const compileProblem = schemaError(meta.optionsSchema);
  if (compileProblem) {
    problems.push(`optionsSchema is not a valid JSON Schema: ${compileProblem}`);
  } else {
    for (const p of validateAgainst(meta.optionsSchema, meta.defaultOptions)) {
      problems.push(`defaultOptions${p.pointer} does not satisfy optionsSchema: ${p.message}`);
    }
  }
  return problems;
}

/** Index rules by id; throws (a programming error, not a user one) on duplicates or an unsound meta. */
export function createRegistry(rules: readonly RuleModule[]): ReadonlyMap<string, RuleModule> {
  const registry = new Map<string, RuleModule>();
  for (const rule of rules) {
    if (registry.has(rule.meta.id)) throw new Error(`Two built-in rules share the id "${rule.meta.id}"`);
    const problems = checkRuleMeta(rule);
    if (problems.length > 0) throw new Error(`Rule "${rule.meta.id}" has an unsound meta: ${problems.join("; ")}`);
    registry.set(rule.meta.id, rule);
  }
  return registry;
}

let builtins: ReadonlyMap<string, RuleModule> | undefined;

/** The built-in rules, checked once on first use. */
export function builtinRegistry(): ReadonlyMap<string, RuleModule> {
  builtins ??= createRegistry(builtinRules);
  return builtins;
}
