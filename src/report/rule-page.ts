// Every rule has a page: what it checks, why, what it rests on, what passes and what fails, and its options with
// their defaults, made from the rule's own meta (and the rule set's settings for it). One model, two renderings: text
// for `ehcp-qa rules <id>`, HTML for the service's /rules/<id>.
import type { LoadedRule, LoadedRuleSet } from "../config/rule-set.ts";
import { didYouMean } from "../config/hints.ts";
import type { CategoryId, Severity } from "../model/report.ts";
import type { JsonSchema, RuleExample } from "../rules/types.ts";
import { escapeHtml, htmlHead } from "./formatters/html.ts";
import { CATEGORY_TITLES } from "./score.ts";

export interface RuleOptionSummary {
  name: string;
  /** The option's description in the options schema, when it has one. */
  description?: string;
  /** "list of text", "number", "yes or no"... from the schema. */
  type: string;
  /** The default in words: short lists whole, long ones by their first items and a count. */
  defaultText: string;
}

export interface RulePage {
  id: string;
  title: string;
  category: CategoryId;
  categoryTitle: string;
  description: string;
  rationale?: string;
  source: string;
  /** The rule set the settings below come from. */
  ruleSet: string;
  enabled: boolean;
  severity: Severity;
  weight: number;
  critical: boolean;
  /** Sections the rule set limits it to, when it does. */
  scope: string[] | null;
  pass: RuleExample[];
  fail: RuleExample[];
  options: RuleOptionSummary[];
}

const SEVERITY_WORDS: Record<Severity, string> = { error: "error", warning: "warning", info: "note" };

function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return "any";
  const type = schema.type;
  if (type === "array") {
    const items = typeOf(schema.items as JsonSchema | undefined);
    return items === "any" ? "list" : `list of ${items === "text" ? "phrases" : items}`;
  }
  if (type === "string") return Array.isArray(schema.enum) ? `one of ${(schema.enum as unknown[]).map(String).join(", ")}` : "text";
  if (type === "integer" || type === "number") return "number";
  if (type === "boolean") return "yes or no";
  if (type === "object") return "settings";
  return "any";
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** What an entry of a list of settings is called: its phrase, name or kind, else its first text. */
function entryName(entry: Record<string, unknown>): string | undefined {
  for (const key of ["phrase", "text", "name", "id", "kind"]) if (typeof entry[key] === "string") return entry[key] as string;
  return Object.values(entry).find((field): field is string => typeof field === "string");
}

/** A default as a reader can take it in: a long phrase list by its first few phrases and how many there are. */
function defaultText(value: unknown): string {
  if (value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value === "" ? "none" : value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    // A list of entries (a phrase with its plainer wording; a kind of hedge with its phrases) is named by what each is.
    const names = value.map((v) => (typeof v === "string" ? v : typeof v === "object" && v !== null ? entryName(v as Record<string, unknown>) : undefined));
    if (names.every((name) => typeof name === "string")) {
      const shown = names.slice(0, 6).map((name) => `"${name}"`).join(", ");
      return value.length > 6 ? `${shown} and ${value.length - 6} more` : shown;
    }
    return `${value.length} entries`;
  }
  if (typeof value === "object" && value !== null) {
    // Settings by name (a therapy and its phrases, a requirement per type): the names say what is there.
    const keys = Object.keys(value);
    if (keys.length === 0) return "none";
    const simple = keys.every((k) => ["string", "number", "boolean"].includes(typeof (value as Record<string, unknown>)[k]));
    if (simple) return clip(keys.map((k) => `${k}: ${defaultText((value as Record<string, unknown>)[k])}`).join(", "), 200);
    return `${keys.length === 1 ? "1 entry" : `${keys.length} entries`}: ${clip(keys.map((k) => `"${k}"`).join(", "), 200)}`;
  }
  return clip(JSON.stringify(value), 160);
}

export function rulePage(rule: LoadedRule, ruleSet: Pick<LoadedRuleSet, "name" | "version">): RulePage {
  const meta = rule.module.meta;
  const properties = (meta.optionsSchema.properties ?? {}) as Record<string, JsonSchema>;
  const options = rule.config.options;
  return {
    id: rule.id,
    title: rule.config.title ?? meta.title,
    category: meta.category,
    categoryTitle: CATEGORY_TITLES[meta.category],
    description: meta.description,
    ...(meta.rationale ? { rationale: meta.rationale } : {}),
    source: rule.config.source ?? meta.source,
    ruleSet: `${ruleSet.name} ${ruleSet.version}`,
    enabled: rule.enabled,
    severity: rule.config.severity,
    weight: rule.config.weight,
    critical: rule.config.critical,
    scope: rule.config.scope,
    pass: meta.examples?.pass ?? [],
    fail: meta.examples?.fail ?? [],
    options: Object.keys({ ...properties, ...options }).map((name) => ({
      name,
      ...(typeof properties[name]?.description === "string" ? { description: properties[name].description as string } : {}),
      type: typeOf(properties[name]),
      defaultText: defaultText(options[name]),
    })),
  };
}

/** The rule, or a sentence naming the nearest id ("did you mean ...?"). */
export function findRule(ruleSet: LoadedRuleSet, id: string): { rule: LoadedRule } | { message: string; suggestion?: string } {
  const rule = ruleSet.rules.find((r) => r.id === id);
  if (rule) return { rule };
  const suggestion = didYouMean(id, ruleSet.rules.map((r) => r.id));
  const message = `There is no rule "${id}" in the rule set ${ruleSet.name}${suggestion ? `: did you mean "${suggestion}"?` : "."}`;
  return suggestion ? { message, suggestion } : { message };
}

const exampleText = (example: RuleExample): string => (example.section ? `Section ${example.section}: "${example.text}"` : example.text);

function settingsLine(page: RulePage): string {
  if (!page.enabled) return `Off in the rule set ${page.ruleSet}.`;
  const critical = page.critical ? "; critical (a failure caps the grade)" : "";
  const scope = page.scope ? `; applies to sections ${page.scope.join(", ")}` : "";
  return `In the rule set ${page.ruleSet}: ${SEVERITY_WORDS[page.severity]}, weight ${page.weight}${critical}${scope}.`;
}

/** The page for the terminal. */
export function rulePageText(page: RulePage): string {
  const lines = [`${page.id}: ${page.title}`, `Category: ${page.categoryTitle}`, "", `What it checks: ${page.description}`];
  if (page.rationale) lines.push(`Why: ${page.rationale}`);
  lines.push(`Source: ${page.source}`, settingsLine(page));
  if (page.pass.length > 0) lines.push("", "Passes:", ...page.pass.map((e) => `  + ${exampleText(e)}`));
  if (page.fail.length > 0) lines.push("", "Fails:", ...page.fail.map((e) => `  - ${exampleText(e)}`));
  if (page.options.length > 0) {
    lines.push("", "Options (set them under rules." + page.id + ".options in a rule set):");
    for (const option of page.options) {
      lines.push(`  ${option.name} (${option.type})${option.description ? `: ${option.description}` : ""}`, `      default: ${option.defaultText}`);
    }
  } else {
    lines.push("", "Options: none.");
  }
  return `${lines.join("\n")}\n`;
}

const PAGE_STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1b1b1b; background: #fff; }
header, main, footer { max-width: 50rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; border-bottom: 2px solid #d0d0d0; padding-bottom: .25rem; }
p, li, dd { overflow-wrap: anywhere; }
code { font-family: ui-monospace, Consolas, monospace; font-size: .95em; overflow-wrap: anywhere; }
a { color: #1d4ed8; }
.id { color: #4a4a4a; margin: 0; }
ul.examples { list-style: none; padding: 0; }
ul.examples li { border-left: 6px solid; padding: .4rem .75rem; margin: .5rem 0; background: #f6f6f6; }
ul.pass li { border-color: #0b6a0b; }
ul.fail li { border-color: #b3261e; }
.section-tag { font-weight: 600; }
dl.options dt { font-weight: 600; margin-top: .75rem; }
dl.options dd { margin: 0 0 0 1rem; }
.muted { color: #4a4a4a; }
footer { margin-top: 2rem; padding-bottom: 2rem; color: #4a4a4a; font-size: .9rem; }
`;

function htmlDocument(title: string, body: string): string {
  return [
    ...htmlHead({ title, style: PAGE_STYLE }),
    body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function exampleItems(examples: readonly RuleExample[]): string {
  return examples
    .map((example) => `<li>${example.section ? `<span class="section-tag">Section ${escapeHtml(example.section)}:</span> “${escapeHtml(example.text)}”` : escapeHtml(example.text)}</li>`)
    .join("");
}

/** The page for the service: self-contained (inline style only), readable from 360 px wide. */
export function rulePageHtml(page: RulePage, links: { rules: string; home: string }): string {
  const e = escapeHtml;
  const parts = [
    `<header><p><a href="${e(links.rules)}">All rules</a> · <a href="${e(links.home)}">Check a plan</a></p>`,
    `<h1>${e(page.title)}</h1><p class="id">Rule <code>${e(page.id)}</code> · ${e(page.categoryTitle)}</p></header>`,
    "<main>",
    `<h2>What it checks</h2><p>${e(page.description)}</p>`,
    ...(page.rationale ? [`<h2>Why it matters</h2><p>${e(page.rationale)}</p>`] : []),
    `<h2>What it rests on</h2><p>${e(page.source)}</p><p class="muted">${e(settingsLine(page))}</p>`,
  ];
  if (page.pass.length > 0) parts.push(`<h2>Passes</h2><ul class="examples pass">${exampleItems(page.pass)}</ul>`);
  if (page.fail.length > 0) parts.push(`<h2>Fails</h2><ul class="examples fail">${exampleItems(page.fail)}</ul>`);
  parts.push(`<h2>Options</h2>`);
  if (page.options.length === 0) parts.push("<p>None.</p>");
  else {
    parts.push(`<p>An LA's rule set sets them under <code>rules.${e(page.id)}.options</code>.</p><dl class="options">`);
    for (const option of page.options) {
      parts.push(`<dt><code>${e(option.name)}</code> <span class="muted">(${e(option.type)})</span></dt>${option.description ? `<dd>${e(option.description)}</dd>` : ""}<dd>Default: ${e(option.defaultText)}</dd>`);
    }
    parts.push("</dl>");
  }
  parts.push("</main>", `<footer><p>In the terminal: <code>ehcp-qa rules ${e(page.id)}</code></p></footer>`);
  return htmlDocument(`${page.title} (${page.id}): ehcp-qa rule`, parts.join("\n"));
}

/** Every rule of the rule set, linked to its page. */
export function ruleIndexHtml(ruleSet: LoadedRuleSet, ruleHref: (id: string) => string, home: string): string {
  const e = escapeHtml;
  const items = ruleSet.rules.map((rule) => `<li><a href="${e(ruleHref(rule.id))}">${e(rule.config.title ?? rule.module.meta.title)}</a> <code>${e(rule.id)}</code>${rule.enabled ? "" : " (off)"}</li>`);
  return htmlDocument(
    `Rules of ${ruleSet.name}: ehcp-qa`,
    `<header><p><a href="${e(home)}">Check a plan</a></p><h1>The rules of ${e(ruleSet.name)} ${e(ruleSet.version)}</h1></header><main><ul>${items.join("")}</ul></main>`,
  );
}

/** The page for an id no rule has: the nearest id, linked. */
export function unknownRuleHtml(message: string, suggestionHref: string | undefined, rulesHref: string): string {
  const e = escapeHtml;
  return htmlDocument(
    "No such rule: ehcp-qa",
    `<header><h1>No such rule</h1></header><main><p>${e(message)}</p>${suggestionHref ? `<p><a href="${e(suggestionHref)}">Go to the rule you probably meant</a></p>` : ""}<p><a href="${e(rulesHref)}">All rules</a></p></main>`,
  );
}
