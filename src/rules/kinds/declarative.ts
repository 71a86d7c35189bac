// A declarative kind turns a rule-set entry (data) into a RuleModule, so LAs add checks without code (Vale's model).
import type { SectionId } from "../../model/document.ts";
import type { CategoryId, Severity } from "../../model/report.ts";
import { parseScope, type Scope } from "../scope.ts";
import type { CheckOutcome, JsonSchema, RuleContext, RuleModule } from "../types.ts";

export const DECLARATIVE_KIND_NAMES = ["lexicon", "required-section", "occurrence", "metric", "conditional"] as const;
export type DeclarativeKindName = (typeof DECLARATIVE_KIND_NAMES)[number];

/** A declarative rule as a rule set defines it (the entry under `rules`, with its id). */
export interface DeclarativeDefinition {
  id: string;
  category: CategoryId;
  title: string;
  description?: string;
  source: string;
  severity?: Severity;
  weight?: number;
  critical?: boolean;
  /** Section ids and block filters ("tables", "headings", "paragraphs"). */
  scope?: string[];
  options?: Record<string, unknown>;
}

export interface DeclarativeKind<Options = Record<string, unknown>> {
  name: DeclarativeKindName;
  /** One line for documentation and `rules list`. */
  summary: string;
  optionsSchema: JsonSchema;
  /** Filled in under whatever the rule set gives. */
  defaultOptions: Record<string, unknown>;
  messages: Record<string, string>;
  /** Problems the schema cannot express (a pattern that does not compile), as pointers inside `options`. */
  optionProblems?(options: Options): { pointer: string; message: string }[];
  /** `scope` carries the rule's sections (from the context, so tests and rule sets can narrow it) and block filters. */
  check(context: RuleContext<Options>, scope: Scope): CheckOutcome | void;
}

/** Build the RuleModule for one declarative rule. Its defaultOptions are the kind's defaults under the entry's options. */
export function createDeclarativeRule<Options>(kind: DeclarativeKind<Options>, definition: DeclarativeDefinition): RuleModule {
  const filters = parseScope(definition.scope).filters;
  const module: RuleModule<Options> = {
    meta: {
      id: definition.id,
      category: definition.category,
      title: definition.title,
      description: definition.description ?? definition.title,
      source: definition.source,
      defaultSeverity: definition.severity ?? "warning",
      defaultWeight: definition.weight ?? 1,
      defaultCritical: definition.critical ?? false,
      optionsSchema: kind.optionsSchema,
      defaultOptions: { ...kind.defaultOptions, ...definition.options },
      messages: kind.messages,
    },
    check: (context) => kind.check(context, { sections: context.scope ?? parseScope(definition.scope).sections, filters }),
  };
  return module as unknown as RuleModule;
}

export const sectionLabel = (id: SectionId | null): string => (id === null ? "The plan" : `Section ${id}`);

/** "Section F", "Sections A and B", or "The plan" for a scope without sections. */
export function scopeLabel(scope: Scope): string {
  if (scope.sections === null) return "The plan";
  return scope.sections.length === 1 ? `Section ${scope.sections[0]}` : `Sections ${listWords(scope.sections)}`;
}

/** Plain list: "F, G and H1". */
export function listWords(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** The not-applicable reason when none of the sections a rule looks at is in the plan, or null. */
export function absentScopeReason(present: readonly SectionId[], scope: Scope): string | null {
  if (scope.sections === null || scope.sections.some((id) => present.includes(id))) return null;
  const names = scope.sections.map((id) => `Section ${id}`);
  return scope.sections.length === 1 ? `${names[0]} is not in the plan.` : `None of ${listWords(names, "or")} is in the plan.`;
}

/** Severity, match settings and wording options every text-matching kind shares. */
export const matchSettingsSchema = {
  wholeWord: { type: "boolean", description: "Match whole words only (\"regular\" does not match \"irregular\")." },
  caseSensitive: { type: "boolean", description: "Match upper and lower case exactly." },
} as const;
