import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRuleSet, parseRuleSet } from "../../src/config/loader.ts";
import { DEFAULT_GRADES } from "../../src/config/rule-set.ts";
import { CATEGORY_IDS } from "../../src/model/report.ts";
import { isProblemError, type Problem } from "../../src/model/problem.ts";
import { SECTION_IDS } from "../../src/model/document.ts";
import { DECLARATIVE_KIND_NAMES } from "../../src/rules/kinds/declarative.ts";
import { createRegistry } from "../../src/rules/registry.ts";
import { BLOCK_FILTERS } from "../../src/rules/scope.ts";
import type { RuleModule } from "../../src/rules/types.ts";
import schema from "../../rules/schema/ruleset.schema.json" with { type: "json" };

// A registry with one code rule, so these tests do not depend on which built-in rules exist.
const vagueProvision: RuleModule = {
  meta: {
    id: "vague-provision",
    category: "provision-specificity",
    title: "Provision is specific",
    description: "Flags vague provision.",
    source: "SEND Code of Practice 9.69",
    defaultSeverity: "error",
    defaultWeight: 3,
    defaultCritical: true,
    optionsSchema: {
      type: "object",
      properties: { phrases: { type: "array", items: { type: "string" } }, minWords: { type: "integer", minimum: 1 } },
      required: ["phrases", "minWords"],
      additionalProperties: false,
    },
    defaultOptions: { phrases: ["access to"], minWords: 3 },
    messages: { vague: "Vague." },
  },
  check: () => undefined,
};
const registry = createRegistry([vagueProvision]);

async function tempDir(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-rules-"));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return dir;
}

async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  try {
    await promise;
  } catch (error) {
    if (isProblemError(error)) return error.problem;
    throw error;
  }
  throw new Error("expected the rule set to be refused");
}

const base = { name: "base", version: "1", grades: { outstanding: 85, good: 70, "requires-improvement": 50 }, rules: {} };

describe("shipped rule sets", () => {
  it("default loads with its declarative rules and equal category weights", async () => {
    const set = await loadRuleSet("default");
    expect(set.name).toBe("default");
    expect(set.files).toEqual([expect.stringMatching(/default\.json$/)]);
    expect(set.grades).toEqual(DEFAULT_GRADES); // default.json states the code's defaults
    expect(Object.values(set.categoryWeights)).toEqual(CATEGORY_IDS.map(() => 1));
    expect(set.rules.filter((r) => r.kind !== "built-in").map((r) => r.id)).toEqual(["plain-english", "strengths-described", "long-sentences"]);
    expect(set.aliases.F).toContain("the support i will get");
  });

  it("strict extends default with higher bands and tighter thresholds", async () => {
    const set = await loadRuleSet("strict");
    expect(set.files.map((f) => path.basename(f))).toEqual(["strict.json", "default.json"]);
    expect(set.grades.outstanding).toBe(90);
    const long = set.rules.find((r) => r.id === "long-sentences")!;
    expect(long.config).toMatchObject({ severity: "warning", weight: 0.5, options: { measure: "sentence-words", max: 30 } });
  });

  it("northshire switches a rule off, changes severity and weight, appends phrases and aliases, adds a rule and its own bands", async () => {
    const [set, def] = await Promise.all([loadRuleSet("northshire"), loadRuleSet("default")]);
    expect(set.grades).toEqual({ ...DEFAULT_GRADES, outstanding: 80, good: 65, "requires-improvement": 45 });
    expect(set.rules.find((r) => r.id === "long-sentences")!.enabled).toBe(false);
    const plain = set.rules.find((r) => r.id === "plain-english")!;
    const defaultPhrases = (def.rules.find((r) => r.id === "plain-english")!.config.options.phrases as { phrase: string }[]).map((p) => p.phrase);
    const phrases = (plain.config.options.phrases as { phrase: string }[]).map((p) => p.phrase);
    expect(phrases).toEqual([...defaultPhrases, "going forward", "ascertain", "holistic"]);
    expect(plain.config.severity).toBe("warning");
    expect(set.aliases.A).toEqual([...def.aliases.A!, "all about me and my family", "my one-page profile"]);
    expect(set.categoryWeights["provision-specificity"]).toBe(2);
    const hearing = set.rules.find((r) => r.id === "hearing-advice-listed")!;
    expect(hearing).toMatchObject({ kind: "conditional", enabled: true, config: { severity: "error", scope: ["B"] } });
    expect(hearing.module.meta.category).toBe("professional-advice");
  });

  it("the resolved data rebuilds the same rule set without any file", async () => {
    const set = await loadRuleSet("northshire");
    const again = await parseRuleSet(set.resolved, { file: "resolved" });
    expect(again.rules.map((r) => [r.id, r.enabled, r.config])).toEqual(set.rules.map((r) => [r.id, r.enabled, r.config]));
    expect(again.aliases).toEqual(set.aliases);
    expect(again.grades).toEqual(set.grades);
  });

  it("the schema's lists match the code's (categories, sections, kinds, scope filters)", () => {
    const defs = schema.$defs;
    expect(defs.declarativeRule.properties.category.enum).toEqual([...CATEGORY_IDS]);
    expect(defs.declarativeRule.properties.kind.enum).toEqual([...DECLARATIVE_KIND_NAMES]);
    expect(defs.scope.items.enum).toEqual([...SECTION_IDS, ...BLOCK_FILTERS]);
    expect(Object.keys(schema.properties.categories.properties)).toEqual([...CATEGORY_IDS]);
  });
});

describe("built-in rule settings", () => {
  it("applies defaults, then the rule set's settings", async () => {
    const set = await parseRuleSet({ ...base, rules: { "vague-provision": { weight: 5, critical: false, scope: ["F", "G"], options: { "phrases+": ["up to"] } } } }, { file: "x.json", registry });
    expect(set.rules).toHaveLength(1);
    expect(set.rules[0]!.config).toEqual({ severity: "error", weight: 5, critical: false, scope: ["F", "G"], options: { phrases: ["access to", "up to"], minWords: 3 } });
  });

  it("runs a built-in rule the rule set does not mention, with its defaults", async () => {
    const set = await parseRuleSet(base, { file: "x.json", registry });
    expect(set.rules[0]).toMatchObject({ id: "vague-provision", enabled: true, file: "built-in", config: { severity: "error", weight: 3, critical: true, scope: null } });
  });

  it("grades default to 85 / 70 / 50 and the default caps and floor when no file in the chain gives them", async () => {
    const set = await parseRuleSet({ name: "bare", version: "1" }, { file: "bare.json", registry });
    expect(set.grades).toEqual(DEFAULT_GRADES);
    expect(set.grades.floor).toBe("good");
    expect(set.grades.caps).toContainEqual({ failing: 1, of: ["structure", "provision-specificity", "child-voice", "professional-advice", "draft-corrections"], grade: "requires-improvement" });
  });

  it("name defaults to the file's name and version to \"1\", never inherited from the rule set extended", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-rules-"));
    const file = path.join(dir, "Westmoor LA.json");
    await writeFile(file, JSON.stringify({ extends: "default", rules: { "long-sentences": { enabled: false } } }));
    const set = await loadRuleSet(file);
    expect(set).toMatchObject({ name: "westmoor-la", version: "1" });
    expect(set.resolved).toMatchObject({ name: "westmoor-la", version: "1" });
  });

  it("a rule set given as data with a label is named by the label, and its problems do not repeat \"rule set\"", async () => {
    expect((await parseRuleSet({}, { file: "uploaded rule set", registry })).name).toBe("uploaded-rule-set");
    const problem = await problemOf(parseRuleSet({ rules: { "vague-provison": {} } }, { file: "uploaded rule set", registry }));
    expect(problem.message).toBe("The uploaded rule set has a problem and cannot be used.");
    expect(problem.issues![0]).toMatchObject({ message: 'unknown rule "vague-provison"', hint: 'did you mean "vague-provision"?' });
  });

  it("an LA replaces the grade caps, adds to them with \"caps+\", or switches the floor off", async () => {
    const replaced = await parseRuleSet({ ...base, grades: { caps: [{ failing: 2, grade: "inadequate" }], floor: "inadequate" } }, { file: "x.json", registry });
    expect(replaced.grades).toEqual({ outstanding: 85, good: 70, "requires-improvement": 50, caps: [{ failing: 2, grade: "inadequate" }], floor: "inadequate" });
    const added = await parseRuleSet({ ...base, grades: { "caps+": [{ failing: 1, of: ["timeliness"], grade: "requires-improvement" }] } }, { file: "x.json", registry });
    expect(added.grades.caps).toEqual([...DEFAULT_GRADES.caps, { failing: 1, of: ["timeliness"], grade: "requires-improvement" }]);
    expect(added.grades.floor).toBe("good");
    const again = await parseRuleSet(added.resolved, { file: "resolved", registry });
    expect(again.grades).toEqual(added.grades);
  });

  it("a grade cap with a misspelt category or grade, or no count, is refused with a hint", async () => {
    const problem = await problemOf(
      parseRuleSet({ ...base, grades: { caps: [{ failing: 1, of: ["child-vioce"], grade: "requires-improvment" }, { grade: "good" }], floor: "ok" } }, { file: "g.json", registry }),
    );
    const byPointer = Object.fromEntries(problem.issues!.map((i) => [i.pointer, i]));
    expect(byPointer["/grades/caps/0/of/0"]).toMatchObject({ hint: 'did you mean "child-voice"?' });
    expect(byPointer["/grades/caps/0/grade"]).toMatchObject({ hint: 'did you mean "requires-improvement"?' });
    expect(byPointer["/grades/caps/1"]).toMatchObject({ message: '"failing" is required here' });
    expect(byPointer["/grades/floor"]?.message).toContain("expected one of");
  });
});

describe("invalid rule sets list every problem with file, pointer and hint", () => {
  it("typos, wrong types, unknown rule ids and bad options, all at once", async () => {
    const problem = await problemOf(
      parseRuleSet(
        {
          name: "Typo Council",
          version: 2,
          grade: {},
          rules: {
            "vague-provison": { severity: "error" },
            "vague-provision": { severty: "warning", weight: "heavy", options: { phrases: "access to", minWord: 2 } },
          },
        },
        { file: "typo.json", registry },
      ),
    );
    expect(problem.code).toBe("INVALID_RULESET");
    expect(problem.message).toMatch(/typo\.json has \d+ problems/);
    const byPointer = Object.fromEntries(problem.issues!.map((i) => [i.pointer, i]));
    expect(problem.issues!.every((i) => i.file === "typo.json")).toBe(true);
    expect(byPointer["/name"]!.message).toMatch(/expected a name in lower-case letters, digits and hyphens/);
    expect(byPointer["/version"]!.message).toBe("expected text");
    expect(byPointer["/grade"]).toMatchObject({ message: '"grade" is not a setting allowed here', hint: 'did you mean "grades"?' });
    expect(byPointer["/rules/vague-provison"]).toMatchObject({ message: 'unknown rule "vague-provison"', hint: 'did you mean "vague-provision"?' });
    expect(byPointer["/rules/vague-provision/severty"]).toMatchObject({ hint: 'did you mean "severity"?' });
    expect(byPointer["/rules/vague-provision/weight"]!.message).toBe("expected a number");
    expect(byPointer["/rules/vague-provision/options/phrases"]!.message).toBe("expected a list");
    expect(byPointer["/rules/vague-provision/options/minWord"]).toMatchObject({ hint: 'did you mean "minWords"?' });
  });

  it("an enum typo gets a did-you-mean, a declarative rule's bad options are found by its kind's schema", async () => {
    const problem = await problemOf(
      parseRuleSet(
        {
          ...base,
          rules: {
            mine: { kind: "lexicn", category: "structure", title: "t", source: "s", options: {} },
            other: { kind: "occurrence", category: "provison-specificity", title: "t", source: "s", scope: ["F", "table"], options: { terms: { pattern: "(" }, count: "lines" } },
            third: { kind: "metric", category: "structure", title: "t", source: "s", options: { measure: "words", min: 9, max: 2 } },
          },
        },
        { file: "kinds.json", registry },
      ),
    );
    const issues = problem.issues!;
    expect(issues).toContainEqual(expect.objectContaining({ pointer: "/rules/mine/kind", hint: 'did you mean "lexicon"?' }));
    expect(issues).toContainEqual(expect.objectContaining({ pointer: "/rules/other/category", hint: 'did you mean "provision-specificity"?' }));
    expect(issues).toContainEqual(expect.objectContaining({ pointer: "/rules/other/scope/1", hint: 'did you mean "tables"?' }));
    expect(issues).toContainEqual(expect.objectContaining({ pointer: "/rules/other/options/count", message: 'expected one of: "matches", "blocks"' }));
    expect(issues).toContainEqual(expect.objectContaining({ pointer: "/rules/third/options/min", message: '"min" (9) is more than "max" (2)' }));
  });

  it("a pattern that does not compile is refused with its place", async () => {
    const problem = await problemOf(
      parseRuleSet({ ...base, rules: { counted: { kind: "occurrence", category: "outcomes", title: "t", source: "s", options: { terms: { pattern: "(unclosed" }, min: 1 } } } }, { file: "p.json", registry }),
    );
    expect(problem.issues).toEqual([expect.objectContaining({ pointer: "/rules/counted/options/terms/pattern", message: expect.stringContaining("cannot be used") })]);
  });

  it("a declarative rule may not take a built-in rule's id, and a built-in scope takes sections only", async () => {
    const problem = await problemOf(
      parseRuleSet(
        { ...base, rules: { "vague-provision": { kind: "lexicon", category: "structure", title: "t", source: "s", options: {} } } },
        { file: "clash.json", registry },
      ),
    );
    expect(problem.issues).toEqual([expect.objectContaining({ pointer: "/rules/vague-provision", message: expect.stringContaining("built-in") })]);
    const scoped = await problemOf(parseRuleSet({ ...base, rules: { "vague-provision": { scope: ["F", "tables"] } } }, { file: "s.json", registry }));
    expect(scoped.issues).toEqual([expect.objectContaining({ pointer: "/rules/vague-provision/scope", message: expect.stringContaining("section ids") })]);
  });

  it("\"+\" on something that is not a list, and grade bands out of order", async () => {
    const problem = await problemOf(
      parseRuleSet({ ...base, grades: { outstanding: 60, good: 70 }, rules: { "vague-provision": { options: { "minWords+": [2] } } } }, { file: "g.json", registry }),
    );
    expect(problem.issues).toContainEqual(expect.objectContaining({ pointer: "/rules/vague-provision/options/minWords+", message: expect.stringContaining("adds to a list") }));
    expect(problem.issues).toContainEqual(expect.objectContaining({ pointer: "/grades", message: expect.stringContaining("must go down") }));
  });

  it("extends: a cycle, a missing name with did-you-mean, and problems reported in the file they are in", async () => {
    const dir = await tempDir({
      "a.json": { name: "a", version: "1", extends: "./b.json" },
      "b.json": { name: "b", version: "1", extends: "./a.json" },
      "child.json": { name: "child", version: "1", extends: "./parent.json", rules: { "vague-provision": { weight: 2 } } },
      "parent.json": { name: "parent", version: "1", extends: "defualt", rules: { "vague-provision": { severity: "eror" } } },
      "broken.json": '{ "name": "broken", "version": "1", }',
      "orphan.json": { name: "orphan", version: "1", extends: "./missing.json", rules: { "defined-in-missing": { weight: 2 } } },
    });
    const cycle = await problemOf(loadRuleSet(path.join(dir, "a.json"), { registry }));
    expect(cycle.issues).toEqual([expect.objectContaining({ pointer: "/extends", message: expect.stringMatching(/circle: .*a\.json → .*b\.json → .*a\.json/) })]);

    const chain = await problemOf(loadRuleSet(path.join(dir, "child.json"), { registry }));
    expect(chain.issues).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/parent\.json$/), pointer: "/rules/vague-provision/severity", hint: 'did you mean "error"?' }),
      expect.objectContaining({ file: expect.stringMatching(/parent\.json$/), pointer: "/extends", message: 'there is no rule set called "defualt"', hint: 'did you mean "default"?' }),
    ]);

    const orphan = await problemOf(loadRuleSet(path.join(dir, "orphan.json"), { registry }));
    expect(orphan.issues).toEqual([expect.objectContaining({ pointer: "/extends", message: expect.stringContaining("no rule-set file at") })]);

    const broken = await problemOf(loadRuleSet(path.join(dir, "broken.json"), { registry }));
    expect(broken).toMatchObject({ code: "INVALID_RULESET", issues: [expect.objectContaining({ pointer: "", message: expect.stringContaining("not valid JSON") })] });
  });

  it("an unknown rule-set name is FILE_NOT_FOUND with a suggestion", async () => {
    const problem = await problemOf(loadRuleSet("nrthshire"));
    expect(problem).toMatchObject({ code: "FILE_NOT_FOUND", message: expect.stringContaining('did you mean "northshire"?') });
  });

  it("a rule set given as data may extend by name but not by path", async () => {
    const ok = await parseRuleSet({ name: "posted", version: "1", extends: "default" }, { file: "uploaded rule set" });
    expect(ok.files).toEqual(["uploaded rule set", expect.stringMatching(/default\.json$/)]);
    const problem = await problemOf(parseRuleSet({ name: "posted", version: "1", extends: "../secret.json" }, { file: "uploaded rule set" }));
    expect(problem.issues).toEqual([expect.objectContaining({ pointer: "/extends", message: expect.stringContaining("by name") })]);
  });
});
