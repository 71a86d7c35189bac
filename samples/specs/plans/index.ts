// Fictional EHC plans (one file each), rendered by `npm run samples`.
import type { SampleSpec } from "../../spec.ts";
import { islaThornton } from "./isla-thornton.ts";
import { kaiRobinson } from "./kai-robinson.ts";
import { rafiChowdhury } from "./rafi-chowdhury.ts";
import { jadeWhitlock } from "./jade-whitlock.ts";
import { freddieLawson } from "./freddie-lawson.ts";

export const plans: SampleSpec[] = [islaThornton, kaiRobinson, rafiChowdhury, jadeWhitlock, freddieLawson];
