// The rule sets the service offers: those shipped in a folder (rules/ by default), chosen by name only. A name is
// never treated as a path, so an upload cannot make the service read another file. Loaded rule sets are kept:
// restart the service after changing a rule-set file.
import { didYouMean } from "../config/hints.ts";
import { listRuleSets, loadRuleSet, parseRuleSet, RULES_DIR } from "../config/loader.ts";
import type { LoadedRuleSet } from "../config/rule-set.ts";
import { isProblemError, ProblemError, type ProblemCode } from "../model/problem.ts";

export interface RuleSetSummary {
  name: string;
  version: string;
  description: string;
  /** Set when the rule set cannot be loaded (its file has mistakes): it cannot be used until they are fixed. */
  problem?: { code: ProblemCode; message: string };
}

export interface RuleSetCatalog {
  list(): Promise<RuleSetSummary[]>;
  /** The named rule set; FILE_NOT_FOUND when there is none, INVALID_RULESET when its file has mistakes. */
  load(name: string): Promise<LoadedRuleSet>;
  /** A rule set given as data (uploaded): INVALID_RULESET with every issue when it has mistakes. It may extend this catalog's rule sets by name. */
  parse(json: unknown, label: string): Promise<LoadedRuleSet>;
}

const SAFE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

export function ruleSetCatalog(rulesDir: string = RULES_DIR): RuleSetCatalog {
  const loaded = new Map<string, Promise<LoadedRuleSet>>();

  async function load(name: string): Promise<LoadedRuleSet> {
    const names = (await listRuleSets(rulesDir)).map((set) => set.name);
    if (!SAFE_NAME.test(name) || !names.includes(name)) {
      const guess = didYouMean(name, names);
      throw new ProblemError({
        code: "FILE_NOT_FOUND",
        message: `There is no rule set called "${name}"${guess ? ` (did you mean "${guess}"?)` : ""}. The rule sets available are: ${names.join(", ")}.`,
      });
    }
    let pending = loaded.get(name);
    if (!pending) {
      pending = loadRuleSet(name, { rulesDir });
      loaded.set(name, pending);
      // A rule set with mistakes is read again next time, so a fixed file is picked up without a restart.
      pending.catch(() => loaded.delete(name));
    }
    return pending;
  }

  return {
    load,
    parse: (json, label) => parseRuleSet(json, { file: label, rulesDir }),
    async list() {
      const sets = await listRuleSets(rulesDir);
      return Promise.all(
        sets.map(async ({ name, description }): Promise<RuleSetSummary> => {
          try {
            const ruleSet = await load(name);
            return { name, version: ruleSet.version, description: ruleSet.description || description };
          } catch (error) {
            if (!isProblemError(error)) throw error;
            return { name, version: "", description, problem: { code: error.problem.code, message: error.problem.message } };
          }
        }),
      );
    },
  };
}
