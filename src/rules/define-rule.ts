// Rules declare their own options type; the registry holds them all as RuleModule. This is the one place
// that widens the type, so rule files stay precisely typed and the registry needs no casts.
import type { RuleModule } from "./types.ts";

export function defineRule<Options extends object>(rule: RuleModule<Options>): RuleModule {
  return rule as unknown as RuleModule;
}
