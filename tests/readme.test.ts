// The README is what a new user reads: it must list every rule the default rule set runs, and the category ids.
import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { loadRuleSet } from "../src/index.ts";
import { CATEGORY_IDS } from "../src/model/report.ts";

const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");

it("lists every rule of the default rule set with its source", async () => {
  const ruleSet = await loadRuleSet("default");
  const missing = ruleSet.rules.filter((rule) => !readme.includes(`| \`${rule.id}\` |`) || !readme.includes(rule.module.meta.source));
  expect(missing.map((rule) => rule.id)).toEqual([]);
});

it("names every category id of the report", () => {
  expect(CATEGORY_IDS.filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
});
