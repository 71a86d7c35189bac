// Fictional EHC plans (one file each), rendered by `npm run samples`.
import type { SampleSpec } from "../../spec.ts";

export const plans: SampleSpec[] = [];
