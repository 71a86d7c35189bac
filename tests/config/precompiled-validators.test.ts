// The two ways a schema is checked give the same answers: validators precompiled as code by the build (Ajv
// standalone, what a process of dist/ uses) and schemas compiled by Ajv on the spot (what running from src/ does).
// Each rule set below is loaded both ways and the outcome compared whole: the rule set, or every problem with its
// file, pointer, message and hint. The last test checks the built dist/ itself in a fresh process.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileSchema, schemaKey, usePrecompiledValidators, type PrecompiledValidators } from "../../src/config/ajv.ts";
import { loadRuleSet, parseRuleSet } from "../../src/config/loader.ts";
import { ruleSetSchemas, standaloneValidatorsCode } from "../../src/config/standalone-validators.ts";
import { isProblemError } from "../../src/model/problem.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST_LOADER = path.join(ROOT, "dist/config/loader.js");

// Invented rule sets, each wrong in several ways a caseworker editing one by hand might get it wrong.
const BROKEN: Record<string, unknown> = {
  "top-level mistakes": {
    name: "Fenmoor LA",
    version: "",
    extnds: "default",
    grades: { outstanding: 120, good: "seventy", caps: [{ failing: 0, grade: "superb" }, { grade: "good" }], flor: "good" },
    sections: { aliases: { Q: ["about the young person"], B: [""] }, headings: {} },
    categories: { "child-voyce": { weight: 1 }, outcomes: { weight: -1 }, timeliness: { weight: "high" } },
    rules: { Bad_Rule: {}, "my-own-check": { kind: "lexicn", category: "outcomes", title: "Mine" } },
  },
  "built-in rules' options": {
    extends: "default",
    rules: {
      "outcomes-smart": { severity: "urgent", weight: -2, options: { minOutcomes: 1.5, failShare: 0, timePatterns: ["(never closed"], measurePattern: [] } },
      "placeholder-text": { options: { patterns: [""], draftUndecidedSections: ["F", "F", "Z"] } },
      "long-sentences": { options: { measure: "sentence-word", max: "many" } },
      "outcome-smart": { enabled: false },
      "child-voice": { scope: ["F", "tables"], critical: "yes" },
    },
  },
  "declarative rules' options": {
    extends: "default",
    rules: {
      "homework-club-named": { kind: "lexicon", category: "outcome", title: 5, options: { phrases: "homework club" } },
      "speech-therapy-hours": { kind: "metric", category: "provision-specificity", title: "Therapy hours", options: { measure: "minutes", per: "page" } },
      "plain-english": { options: { "phrases+": [{ phrase: "", mesage: "Say it plainly." }] } },
    },
  },
};

type Outcome = { ok: unknown } | { problem: unknown };

async function outcomeOf(load: () => Promise<{ resolved: unknown }>): Promise<Outcome> {
  try {
    return { ok: (await load()).resolved };
  } catch (error) {
    if (isProblemError(error)) return { problem: error.problem };
    throw error;
  }
}

/** Every rule set of this file loaded with the validators in use. */
async function outcomes(): Promise<Record<string, Outcome>> {
  const result: Record<string, Outcome> = {};
  for (const name of ["default", "strict", "northshire"]) result[name] = await outcomeOf(() => loadRuleSet(name));
  for (const [label, json] of Object.entries(BROKEN)) result[label] = await outcomeOf(() => parseRuleSet(json, { file: `${label} rule set` }));
  return result;
}

let dir = "";
let precompiled: PrecompiledValidators = new Map();
beforeAll(async () => {
  // The generated module reaches Ajv's runtime helpers with `require`, as it does from dist/: give it node_modules.
  dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-validators-"));
  await symlink(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const file = path.join(dir, "precompiled-validators.js");
  await writeFile(file, standaloneValidatorsCode(ruleSetSchemas()));
  precompiled = ((await import(pathToFileURL(file).href)) as { validators: PrecompiledValidators }).validators;
});
afterAll(async () => {
  usePrecompiledValidators(new Map());
  await rm(dir, { recursive: true, force: true });
});

describe("precompiled and compiled validators", () => {
  it("the generated module has a validator for every schema a rule set is checked against, and they are used", () => {
    usePrecompiledValidators(precompiled);
    for (const schema of ruleSetSchemas()) expect(compileSchema(schema)).toBe(precompiled.get(schemaKey(schema)));
    usePrecompiledValidators(new Map());
    for (const schema of ruleSetSchemas()) expect(compileSchema(schema)).not.toBe(precompiled.get(schemaKey(schema)));
  });

  it("load the shipped rule sets and refuse broken ones with the same problems, hints and pointers", async () => {
    usePrecompiledValidators(new Map());
    const compiled = await outcomes();
    usePrecompiledValidators(precompiled);
    const fromCode = await outcomes();
    expect(fromCode).toEqual(compiled);

    // The comparison means something: the shipped sets load, and each broken one is refused for many reasons.
    for (const name of ["default", "strict", "northshire"]) expect(compiled[name]).toHaveProperty("ok");
    for (const label of Object.keys(BROKEN)) {
      const issues = (compiled[label] as { problem: { issues: unknown[] } }).problem.issues;
      expect(issues.length, label).toBeGreaterThanOrEqual(4);
    }
    const hints = Object.values(fromCode).flatMap((o) => ("problem" in o ? (o.problem as { issues: { pointer: string; message: string; hint?: string }[] }).issues : []));
    expect(hints).toContainEqual(expect.objectContaining({ pointer: "/extnds", hint: 'did you mean "extends"?' }));
    expect(hints).toContainEqual(expect.objectContaining({ pointer: "/rules/long-sentences/options/measure", hint: 'did you mean "sentence-words"?' }));
    expect(hints).toContainEqual(expect.objectContaining({ pointer: "/rules/outcomes-smart/options/timePatterns/0", message: "expected a valid regex" }));
    expect(hints).toContainEqual(expect.objectContaining({ pointer: "/sections/aliases/Q", message: '"Q" is not allowed here' }));
  });

  it("an options schema the build never saw is compiled on the spot", () => {
    usePrecompiledValidators(precompiled);
    const schema = { type: "object", properties: { minutesPerWeek: { type: "integer", minimum: 1 } }, additionalProperties: false };
    const validate = compileSchema(schema);
    expect([...precompiled.values()]).not.toContain(validate);
    expect(validate({ minutesPerWeek: 0 })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: "minimum", instancePath: "/minutesPerWeek" });
  });
});

// CI builds dist/ (`npm ci` runs the prepare script); a checkout that has never been built has nothing to check.
describe.skipIf(!existsSync(DIST_LOADER))("the built dist/", () => {
  it("loads a rule set without loading Ajv, and refuses a broken one with the same problems as src/", async () => {
    const script = `
      import { createRequire } from "node:module";
      const { loadRuleSet, parseRuleSet } = await import(${JSON.stringify(pathToFileURL(DIST_LOADER).href)});
      await loadRuleSet("northshire");
      const label = "built-in rules' options";
      let problem;
      try { await parseRuleSet(${JSON.stringify(BROKEN["built-in rules' options"])}, { file: label + " rule set" }); } catch (error) { problem = error.problem; }
      const ajvLoaded = Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes("/ajv/dist/core"));
      console.log(JSON.stringify({ ajvLoaded, problem }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT });
    const fromDist = JSON.parse(stdout) as { ajvLoaded: boolean; problem: unknown };
    expect(fromDist.ajvLoaded).toBe(false);
    usePrecompiledValidators(new Map());
    const fromSource = await outcomeOf(() => parseRuleSet(BROKEN["built-in rules' options"], { file: "built-in rules' options rule set" }));
    expect(fromDist.problem).toEqual((fromSource as { problem: unknown }).problem);
  });
});
