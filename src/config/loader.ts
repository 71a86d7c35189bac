// Loads a rule set: reads the file and everything it extends, validates each file against the rule-set schema,
// merges them (objects key by key, lists replaced, "key+" appends), then validates each rule's options against its
// own schema. Every problem is collected and reported together as INVALID_RULESET with file, JSON pointer and hint.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CATEGORY_IDS, type CategoryId, type Severity } from "../model/report.ts";
import { ProblemError, type RuleSetIssue } from "../model/problem.ts";
import { builtinRegistry } from "../rules/registry.ts";
import type { RuleConfig } from "../rules/run-rule.ts";
import { createDeclarativeRule, declarativeKinds, type DeclarativeKindName } from "../rules/kinds/index.ts";
import { isBlockFilter, parseScope } from "../rules/scope.ts";
import type { RuleModule } from "../rules/types.ts";
import { validateAgainst, type SchemaProblem } from "./ajv.ts";
import { didYouMean, hintFor } from "./hints.ts";
import { escapePointer, isPlainObject, mergeSettings, type MergeProblem, type PlainObject } from "./merge.ts";
import { DEFAULT_GRADES, type GradeBands, type GradeRules, type LoadedRule, type LoadedRuleSet } from "./rule-set.ts";
import ruleSetSchema from "../../rules/schema/ruleset.schema.json" with { type: "json" };

/** The folder of rule sets shipped with ehcp-qa; `extends` and `--ruleset` names resolve here. */
export const RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));

export interface RuleSetLoadOptions {
  /** Where rule-set names resolve (default: the rules/ folder shipped with ehcp-qa). */
  rulesDir?: string;
  /** The code-backed rules (default: the built-in registry). */
  registry?: ReadonlyMap<string, RuleModule>;
}

export interface ParseOptions extends RuleSetLoadOptions {
  /** How problems name this rule set: a file path, or a label such as "uploaded rule set". */
  file: string;
  /** Folder that relative `extends` paths resolve from; without it only rule-set names may be extended. */
  dir?: string;
}

const SETTING_KEYS = ["enabled", "severity", "weight", "critical", "scope"] as const;
const DEFINITION_KEYS = ["kind", "category", "title", "description", "source"] as const;

/** One rule as the merged files describe it, before it becomes a module. */
interface RuleEntry {
  kind?: DeclarativeKindName;
  definition: PlainObject;
  settings: PlainObject;
  options: PlainObject;
  file: string;
}

interface Level {
  file: string;
  json: PlainObject;
}

const isPathReference = (ref: string): boolean => ref.includes("/") || ref.includes("\\") || ref.endsWith(".json");

/** Show a path relative to the working directory when it is inside it. */
function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
}

/** The rule sets in a folder: name, description and file. */
export async function listRuleSets(rulesDir = RULES_DIR): Promise<{ name: string; description: string; file: string }[]> {
  const names = (await readdir(rulesDir)).filter((f) => f.endsWith(".json")).sort();
  const sets = [];
  for (const fileName of names) {
    try {
      const json = JSON.parse(await readFile(path.join(rulesDir, fileName), "utf8")) as PlainObject;
      sets.push({ name: fileName.slice(0, -".json".length), description: typeof json.description === "string" ? json.description : "", file: path.join(rulesDir, fileName) });
    } catch {
      // A broken file is reported when someone loads it, not when listing.
    }
  }
  return sets;
}

async function availableNames(rulesDir: string): Promise<string[]> {
  try {
    return (await readdir(rulesDir)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length));
  } catch {
    return [];
  }
}

type ReadResult = { ok: true; absolute: string; json: unknown } | { ok: false; absolute: string; message: string; hint?: string };

async function readRuleSetFile(ref: string, fromDir: string | undefined, rulesDir: string): Promise<ReadResult> {
  const byPath = isPathReference(ref);
  const absolute = byPath ? path.resolve(fromDir ?? process.cwd(), ref) : path.join(rulesDir, `${ref}.json`);
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch {
    if (byPath) return { ok: false, absolute, message: `there is no rule-set file at ${displayPath(absolute)}` };
    const names = await availableNames(rulesDir);
    return { ok: false, absolute, message: `there is no rule set called "${ref}"`, hint: hintFor(ref, names, "rule sets available") };
  }
  try {
    return { ok: true, absolute, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, absolute, message: `this file is not valid JSON (${error instanceof Error ? error.message : String(error)})`, hint: "check for a missing comma or quote near that place" };
  }
}

/** Load a rule set by name ("default", "strict", "northshire") or by path ("./my-la.json"). */
export async function loadRuleSet(ref = "default", options: RuleSetLoadOptions = {}): Promise<LoadedRuleSet> {
  const rulesDir = options.rulesDir ?? RULES_DIR;
  const read = await readRuleSetFile(ref, process.cwd(), rulesDir);
  if (!read.ok) {
    const file = isPathReference(ref) ? displayPath(read.absolute) : ref;
    if (read.message.startsWith("this file")) throw invalid(file, [{ file, pointer: "", message: read.message, ...(read.hint ? { hint: read.hint } : {}) }]);
    const hint = read.hint ? ` (${read.hint})` : "";
    throw new ProblemError({ code: "FILE_NOT_FOUND", message: `The rule set could not be found: ${read.message}${hint}.`, file });
  }
  return parseRuleSet(read.json, { ...options, rulesDir, file: displayPath(read.absolute), dir: path.dirname(read.absolute) });
}

/** "rules/My LA.json" -> "my-la"; a label such as "uploaded rule set" -> "uploaded-rule-set". */
function nameFromFile(file: string): string {
  const base = path.basename(file).replace(/\.json$/i, "");
  return base.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "rule-set";
}

function invalid(file: string, issues: RuleSetIssue[]): ProblemError {
  const count = issues.length === 1 ? "a problem" : `${issues.length} problems`;
  // A label such as "uploaded rule set" names itself; a file name needs "The rule set" in front.
  const subject = /\brule set$/.test(file) ? `The ${file}` : `The rule set ${file}`;
  return new ProblemError({ code: "INVALID_RULESET", message: `${subject} has ${count} and cannot be used.`, file, issues });
}

/** Validate and build a rule set given as data (a parsed file, or a rule set posted to the service). */
export async function parseRuleSet(json: unknown, options: ParseOptions): Promise<LoadedRuleSet> {
  const rulesDir = options.rulesDir ?? RULES_DIR;
  const registry = options.registry ?? builtinRegistry();
  const issues: RuleSetIssue[] = [];
  const levels = await collectLevels(json, options.file, options.dir, rulesDir, issues, []);
  // When an extended rule set could not be read, rules it would define look unknown: say nothing about them yet.
  const chainBroken = issues.some((issue) => issue.pointer === "/extends");
  const merged = mergeLevels(levels, registry, issues, chainBroken);
  const rules = buildRules(merged.rules, registry, issues);
  const gradesFile = [...levels].reverse().find((level) => isPlainObject(level.json.grades))?.file ?? options.file;
  checkGrades(merged.grades, gradesFile, issues);
  if (issues.length > 0) throw invalid(options.file, issues);

  const categoryWeights = Object.fromEntries(CATEGORY_IDS.map((id) => [id, merged.categories[id] ?? 1])) as Record<CategoryId, number>;
  // Name and version belong to the file loaded, never inherited: without them, the file's name and "1".
  const top = levels[levels.length - 1]?.json ?? {};
  const name = typeof top.name === "string" ? top.name : nameFromFile(options.file);
  const version = typeof top.version === "string" ? top.version : "1";
  merged.name = name;
  merged.version = version;
  return {
    name,
    version,
    description: merged.description,
    files: [...levels].reverse().map((level) => level.file),
    grades: merged.grades,
    aliases: merged.aliases,
    categoryWeights,
    rules,
    resolved: resolvedData(merged, rules, categoryWeights),
  };
}

/** The file and every file it extends, base first. Problems in any of them are collected, not thrown. */
async function collectLevels(json: unknown, file: string, dir: string | undefined, rulesDir: string, issues: RuleSetIssue[], seen: string[]): Promise<Level[]> {
  const schemaIssues = validateAgainst(ruleSetSchema, json).filter((p) => p.keyword !== "if");
  issues.push(...schemaIssues.map((p) => schemaIssue(file, p)));
  if (!isPlainObject(json)) return [];
  const level: Level = { file, json };
  const ref = json.extends;
  if (typeof ref !== "string" || ref === "") return [level];
  if (isPathReference(ref) && dir === undefined) {
    issues.push({ file, pointer: "/extends", message: "a rule set given as data can only extend a rule set by name", hint: 'use a name such as "default"' });
    return [level];
  }
  const read = await readRuleSetFile(ref, dir, rulesDir);
  const chain = [...seen, file];
  if (chain.includes(displayPath(read.absolute))) {
    issues.push({ file, pointer: "/extends", message: `the rule sets extend each other in a circle: ${[...chain, displayPath(read.absolute)].join(" → ")}`, hint: "remove one of the \"extends\"" });
    return [level];
  }
  if (!read.ok) {
    issues.push({ file, pointer: "/extends", message: read.message, ...(read.hint ? { hint: read.hint } : {}) });
    return [level];
  }
  const parents = await collectLevels(read.json, displayPath(read.absolute), path.dirname(read.absolute), rulesDir, issues, chain);
  return [...parents, level];
}

function schemaIssue(file: string, problem: SchemaProblem): RuleSetIssue {
  const error = problem;
  const parent = problem.parentSchema;
  let pointer = problem.pointer;
  let hint: string | undefined;
  if (problem.keyword === "additionalProperties") {
    const key = String(error.params.additionalProperty);
    pointer = `${pointer}/${escapePointer(key)}`;
    const allowed = Object.keys(isPlainObject(parent?.properties) ? parent.properties : {}).filter((k) => k !== "$schema");
    hint = hintFor(key, allowed, "settings allowed here");
  } else if (problem.keyword === "enum") {
    const value = problem.data;
    const allowed = (error.params.allowedValues as unknown[]).map(String);
    // The message already lists the allowed values; the hint only adds a likely typo fix.
    const guess = typeof value === "string" ? didYouMean(value, allowed) : undefined;
    if (guess !== undefined) hint = `did you mean "${guess}"?`;
  } else if (problem.keyword === "propertyNames") {
    const name = String(error.params.propertyName);
    pointer = `${pointer}/${escapePointer(name)}`;
    const message = pointer.startsWith("/rules/") ? `"${name}" is not a valid rule id` : `"${name}" is not allowed here`;
    return { file, pointer, message, hint: pointer.startsWith("/rules/") ? "rule ids are lower case words joined by hyphens, e.g. \"vague-provision\"" : hintFor(name, propertyNameEnum(parent), "allowed") };
  }
  return hint ? { file, pointer, message: problem.message, hint } : { file, pointer, message: problem.message };
}

function propertyNameEnum(parent: PlainObject | undefined): string[] {
  const names = parent?.propertyNames;
  return isPlainObject(names) && Array.isArray(names.enum) ? names.enum.map(String) : [];
}

interface Merged {
  name: string;
  version: string;
  description: string;
  grades: GradeRules;
  aliases: Record<string, string[]>;
  categories: Partial<Record<CategoryId, number>>;
  rules: Map<string, RuleEntry>;
}

function mergeLevels(levels: Level[], registry: ReadonlyMap<string, RuleModule>, issues: RuleSetIssue[], chainBroken: boolean): Merged {
  const merged: Merged = { name: "", version: "", description: "", grades: structuredClone(DEFAULT_GRADES), aliases: {}, categories: {}, rules: new Map() };
  for (const { file, json } of levels) {
    const mergeIssues = (problems: MergeProblem[], prefix: string) => issues.push(...problems.map((p) => ({ file, pointer: `${prefix}${p.pointer}`, message: p.message })));
    if (typeof json.name === "string") merged.name = json.name;
    if (typeof json.version === "string") merged.version = json.version;
    merged.description = typeof json.description === "string" ? json.description : "";
    if (isPlainObject(json.grades)) {
      // Bands replace one by one; "caps" replaces the list and "caps+" adds to the inherited one.
      const problems: MergeProblem[] = [];
      merged.grades = mergeSettings(merged.grades as unknown as PlainObject, json.grades, problems) as unknown as GradeRules;
      mergeIssues(problems, "/grades");
    }
    if (isPlainObject(json.sections) && isPlainObject(json.sections.aliases)) {
      const problems: MergeProblem[] = [];
      merged.aliases = mergeSettings(merged.aliases, json.sections.aliases, problems) as Record<string, string[]>;
      mergeIssues(problems, "/sections/aliases");
    }
    if (isPlainObject(json.categories)) {
      for (const [id, value] of Object.entries(json.categories)) {
        if (isPlainObject(value) && typeof value.weight === "number") merged.categories[id as CategoryId] = value.weight;
      }
    }
    if (!isPlainObject(json.rules)) continue;
    for (const [id, raw] of Object.entries(json.rules)) {
      if (!isPlainObject(raw)) continue;
      const pointer = `/rules/${escapePointer(id)}`;
      const rawOptions = isPlainObject(raw.options) ? raw.options : {};
      const problems: MergeProblem[] = [];
      if (typeof raw.kind === "string") {
        if (registry.has(id)) {
          issues.push({ file, pointer, message: `"${id}" is the id of a built-in rule`, hint: "give your own rule another id, or remove \"kind\" to change the built-in rule's settings" });
          continue;
        }
        const kind = declarativeKinds[raw.kind as DeclarativeKindName];
        if (!kind) continue; // the schema has already said which kinds exist
        merged.rules.set(id, {
          kind: raw.kind as DeclarativeKindName,
          definition: pick(raw, DEFINITION_KEYS),
          settings: pick(raw, SETTING_KEYS),
          options: mergeSettings(kind.defaultOptions, rawOptions, problems),
          file,
        });
      } else {
        const inherited = merged.rules.get(id) ?? builtinEntry(registry.get(id));
        if (!inherited) {
          if (chainBroken) continue;
          const known = [...registry.keys(), ...merged.rules.keys()];
          const guess = didYouMean(id, known);
          issues.push({
            file,
            pointer,
            message: `unknown rule "${id}"`,
            hint: guess ? `did you mean "${guess}"?` : 'see "ehcp-qa rules list" for the rule ids; a new rule of your own needs a "kind"',
          });
          continue;
        }
        merged.rules.set(id, {
          ...inherited,
          settings: { ...inherited.settings, ...pick(raw, SETTING_KEYS) },
          options: mergeSettings(inherited.options, rawOptions, problems),
          file,
        });
      }
      mergeIssues(problems, `${pointer}/options`);
    }
  }
  return merged;
}

function builtinEntry(rule: RuleModule | undefined): RuleEntry | undefined {
  return rule && { definition: {}, settings: {}, options: rule.meta.defaultOptions, file: "built-in" };
}

function pick(object: PlainObject, keys: readonly string[]): PlainObject {
  return Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]]));
}

/** Turn merged entries into rule modules with validated options: built-ins first, then declarative rules. */
function buildRules(entries: Map<string, RuleEntry>, registry: ReadonlyMap<string, RuleModule>, issues: RuleSetIssue[]): LoadedRule[] {
  const rules: LoadedRule[] = [];
  const add = (id: string, module: RuleModule, entry: RuleEntry, kind: LoadedRule["kind"]) => {
    const pointer = `/rules/${escapePointer(id)}`;
    const optionIssues = validateAgainst(module.meta.optionsSchema, entry.options).map((p) => ({ ...schemaIssue(entry.file, p), pointer: `${pointer}/options${schemaIssue(entry.file, p).pointer}` }));
    const declarative = kind === "built-in" ? undefined : declarativeKinds[kind];
    if (optionIssues.length === 0 && declarative?.optionProblems) {
      optionIssues.push(...declarative.optionProblems(entry.options).map((p) => ({ file: entry.file, pointer: `${pointer}/options${p.pointer}`, message: p.message })));
    }
    issues.push(...optionIssues);
    const scope = Array.isArray(entry.settings.scope) ? (entry.settings.scope as string[]) : null;
    if (kind === "built-in" && scope?.some(isBlockFilter)) {
      issues.push({ file: entry.file, pointer: `${pointer}/scope`, message: "a built-in rule's scope can only list section ids", hint: "remove \"tables\", \"headings\" and \"paragraphs\" from this scope" });
    }
    const s = entry.settings;
    const config: RuleConfig = {
      severity: (s.severity as Severity | undefined) ?? module.meta.defaultSeverity,
      weight: typeof s.weight === "number" ? s.weight : module.meta.defaultWeight,
      critical: typeof s.critical === "boolean" ? s.critical : (module.meta.defaultCritical ?? false),
      options: entry.options,
      scope: parseScope(scope).sections,
    };
    rules.push({ id, module, config, enabled: s.enabled !== false, kind, file: entry.file });
  };
  for (const [id, module] of registry) add(id, module, entries.get(id) ?? builtinEntry(module)!, "built-in");
  for (const [id, entry] of entries) {
    if (!entry.kind) continue;
    const d = entry.definition;
    const module = createDeclarativeRule(declarativeKinds[entry.kind], {
      id,
      category: d.category as CategoryId,
      title: String(d.title ?? id),
      source: String(d.source ?? ""),
      ...(typeof d.description === "string" ? { description: d.description } : {}),
      options: entry.options,
    });
    add(id, module, entry, entry.kind);
  }
  return rules;
}

function checkGrades(grades: GradeBands, file: string, issues: RuleSetIssue[]): void {
  const { outstanding, good } = grades;
  const ri = grades["requires-improvement"];
  if (!(outstanding > good && good > ri)) {
    issues.push({
      file,
      pointer: "/grades",
      message: `the grade bands must go down: outstanding (${outstanding}) above good (${good}) above requires-improvement (${ri})`,
      hint: "for example 85, 70 and 50",
    });
  }
}

function resolvedData(merged: Merged, rules: LoadedRule[], categoryWeights: Record<CategoryId, number>): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const rule of rules) {
    const source = merged.rules.get(rule.id);
    const settings = { ...(source?.settings ?? {}), options: rule.config.options };
    entries[rule.id] = rule.kind === "built-in" ? settings : { kind: rule.kind, ...source?.definition, ...settings };
  }
  return {
    name: merged.name,
    version: merged.version,
    description: merged.description,
    grades: merged.grades,
    sections: { aliases: merged.aliases },
    categories: Object.fromEntries(Object.entries(categoryWeights).map(([id, weight]) => [id, { weight }])),
    rules: entries,
  };
}
