// The README is what a new user reads: its rule table must be what the code says, and it names the category ids.
import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { rulesMarkdown } from "../src/cli/commands/rules.ts";
import { loadRuleSet } from "../src/index.ts";
import { CATEGORY_IDS } from "../src/model/report.ts";

const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");

it("has the default rule set's rule table exactly as `ehcp-qa rules list --format markdown` prints it", async () => {
  expect(readme).toContain(rulesMarkdown(await loadRuleSet("default")).trimEnd());
});

it("names every category id of the report", () => {
  expect(CATEGORY_IDS.filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
});
