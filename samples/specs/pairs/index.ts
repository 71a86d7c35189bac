// Draft/final plan pairs and response letters (samples/specs/pairs/*.ts), rendered by `npm run samples`.
// Pair 1 corrects its draft with Word comments, pair 2 with tracked changes, pair 3 with response letters.
import type { SampleSpec } from "../../spec.ts";
import { pair1 } from "./pair-1.ts";
import { pair2 } from "./pair-2.ts";
import { pair3 } from "./pair-3.ts";

export const pairs: SampleSpec[] = [...pair1, ...pair2, ...pair3];
