// The section heading aliases of the default rule set, for callers that read a plan without loading a rule set
// (`ehcp-qa parse`). Kept tiny on purpose: the engine passes the aliases of the rule set it loaded instead.
import { readFile } from "node:fs/promises";
import type { SectionAliases } from "./section-headings.ts";

const DEFAULT_RULE_SET = new URL("../../rules/default.json", import.meta.url);

let cached: Promise<SectionAliases> | null = null;

export function loadDefaultAliases(): Promise<SectionAliases> {
  cached ??= readFile(DEFAULT_RULE_SET, "utf8").then((text) => (JSON.parse(text) as { sections: { aliases: SectionAliases } }).sections.aliases);
  return cached;
}
