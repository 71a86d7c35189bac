// `ehcp-qa rules list [--ruleset r]` shows every rule of a rule set; `ehcp-qa rules validate <file>` checks a rule set;
// `ehcp-qa rules <id>` shows one rule's page (what it checks, why, examples, options).
import path from "node:path";
import type { Command } from "commander";
import type { LoadedRuleSet } from "../../config/rule-set.ts";
import { ProblemError } from "../../model/problem.ts";
import { EXIT, processIo, withProblems, type Io } from "../problems.ts";

/** Columns padded to their widest cell; the last column is not padded. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function rulesTable(ruleSet: LoadedRuleSet): string {
  const rows = ruleSet.rules.map((rule) => [
    rule.id,
    rule.module.meta.category,
    rule.enabled ? rule.config.severity : "off",
    String(rule.config.weight),
    rule.config.critical ? "yes" : "no",
    rule.module.meta.source,
  ]);
  const extendsText = ruleSet.files.length > 1 ? `, extends ${ruleSet.files.slice(1).map((f) => path.basename(f, ".json")).join(" < ")}` : "";
  const heading = `Rule set ${ruleSet.name} ${ruleSet.version}${extendsText}: ${ruleSet.rules.filter((r) => r.enabled).length} of ${ruleSet.rules.length} rules on`;
  const bands = `Grades: outstanding from ${ruleSet.grades.outstanding}, good from ${ruleSet.grades.good}, requires improvement from ${ruleSet.grades["requires-improvement"]}, inadequate below ${ruleSet.grades["requires-improvement"]}`;
  return `${heading}\n${bands}\n\n${textTable(["id", "category", "severity", "weight", "critical", "source"], rows)}\n`;
}

/** The README's rule table: one row per rule with what it flags and what it rests on. */
export function rulesMarkdown(ruleSet: LoadedRuleSet): string {
  const cell = (text: string): string => text.replace(/\|/g, "\\|");
  const rows = ruleSet.rules.map((rule) => {
    const severity = `${rule.enabled ? rule.config.severity : "off"}${rule.config.critical ? ", critical" : ""}`;
    return `| \`${rule.id}\` | ${rule.module.meta.category} | ${severity} | ${cell(rule.module.meta.description)} | ${cell(rule.module.meta.source)} |`;
  });
  return ["| rule | category | severity | what it flags | source |", "|---|---|---|---|---|", ...rows].join("\n") + "\n";
}

/** The rule-set loader (and every rule with it), loaded when a rules command runs rather than for `--help`. */
const loadRuleSet = async (ref: string): Promise<LoadedRuleSet> => (await import("../../config/loader.ts")).loadRuleSet(ref);

export function runRulesList(options: { ruleset?: string; format?: string }, io: Io): Promise<number> {
  return withProblems(io, async () => {
    const format = options.format ?? "text";
    if (format !== "text" && format !== "markdown") {
      throw new ProblemError({ code: "BAD_REQUEST", message: `"${format}" is not a format for the rule list: use text or markdown.` });
    }
    const ruleSet = await loadRuleSet(options.ruleset ?? "default");
    io.stdout(format === "markdown" ? rulesMarkdown(ruleSet) : rulesTable(ruleSet));
    return EXIT.ok;
  });
}

export function runRulesValidate(file: string, io: Io): Promise<number> {
  return withProblems(io, async () => {
    // A bare name here is still a file in the current folder, not a shipped rule set.
    const ref = file.includes("/") || file.includes("\\") ? file : `./${file}`;
    const ruleSet = await loadRuleSet(ref);
    io.stdout(`valid: ${file} (${ruleSet.name} ${ruleSet.version}, ${ruleSet.rules.filter((r) => r.enabled).length} rules on)\n`);
    return EXIT.ok;
  });
}

export function runRuleShow(id: string, options: { ruleset?: string }, io: Io): Promise<number> {
  return withProblems(io, async () => {
    const [ruleSet, { findRule, rulePage, rulePageText }] = await Promise.all([loadRuleSet(options.ruleset ?? "default"), import("../../report/rule-page.ts")]);
    const found = findRule(ruleSet, id);
    if (!("rule" in found)) throw new ProblemError({ code: "BAD_REQUEST", message: `${found.message} "ehcp-qa rules list" shows every rule.` });
    io.stdout(rulePageText(rulePage(found.rule, ruleSet)));
    return EXIT.ok;
  });
}

export function registerRulesCommand(program: Command, io: Io = processIo): void {
  const rules = program.command("rules").description("List or validate rule sets, or show one rule: ehcp-qa rules <id>.");
  rules
    .command("show [id]", { isDefault: true })
    .description("Show one rule: what it checks, why, what passes and what fails, and its options (also: ehcp-qa rules <id>).")
    .option("--ruleset <name|path>", "rule set whose settings to show: a name in rules/ or a JSON file", "default")
    .action(async (id: string | undefined, options: { ruleset?: string }) => {
      // `ehcp-qa rules` alone: what the rules command can do.
      if (id === undefined) return void io.stdout(rules.helpInformation());
      process.exitCode = await runRuleShow(id, options, io);
    });
  rules
    .command("list")
    .description("Show each rule: its id, category, severity, weight, whether it is critical, and its source.")
    .option("--ruleset <name|path>", "rule set: a name in rules/ or a JSON file", "default")
    .option("--format <format>", "text (a table for the terminal) or markdown (the README's rule table)", "text")
    .action(async (options: { ruleset?: string; format?: string }) => {
      process.exitCode = await runRulesList(options, io);
    });
  rules
    .command("validate")
    .description("Check a rule-set file; lists every problem with its place and a hint.")
    .argument("<file>", "the rule-set JSON file")
    .action(async (file: string) => {
      process.exitCode = await runRulesValidate(file, io);
    });
}
