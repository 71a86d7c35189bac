// A loaded rule set as the data a child rebuilds it from, keyed by its content so each child rebuilds it once.
import { createHash } from "node:crypto";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import type { RuleSetData } from "./tasks.ts";

const made = new WeakMap<LoadedRuleSet, RuleSetData>();

export function ruleSetData(ruleSet: LoadedRuleSet): RuleSetData {
  let data = made.get(ruleSet);
  if (!data) {
    const key = createHash("sha256").update(JSON.stringify(ruleSet.resolved)).digest("hex");
    data = { key, label: `rule set ${ruleSet.name}`, resolved: ruleSet.resolved };
    made.set(ruleSet, data);
  }
  return data;
}
