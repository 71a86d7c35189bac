// The declarative kinds a rule set can use, by name.
import { conditional } from "./conditional.ts";
import type { DeclarativeKind, DeclarativeKindName } from "./declarative.ts";
import { lexicon } from "./lexicon.ts";
import { metric } from "./metric.ts";
import { occurrence } from "./occurrence.ts";
import { requiredSection } from "./required-section.ts";

export const declarativeKinds: Record<DeclarativeKindName, DeclarativeKind> = {
  lexicon: lexicon as unknown as DeclarativeKind,
  "required-section": requiredSection as unknown as DeclarativeKind,
  occurrence: occurrence as unknown as DeclarativeKind,
  metric: metric as unknown as DeclarativeKind,
  conditional: conditional as unknown as DeclarativeKind,
};

export { createDeclarativeRule, DECLARATIVE_KIND_NAMES, type DeclarativeDefinition, type DeclarativeKindName } from "./declarative.ts";
