// Every built-in rule, registered by id. Add one import and one entry per rule file.
import type { RuleModule } from "../types.ts";

export const builtinRules: RuleModule[] = [];
