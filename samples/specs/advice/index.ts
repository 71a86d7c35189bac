// Professional advice reports (samples/specs/advice/*.ts), rendered by `npm run samples`.
// All three advise on Amara Okafor; their recommendations are labelled against pair-1-final's Section F.
import type { SampleSpec } from "../../spec.ts";
import { amaraEpReport } from "./amara-okafor-ep.ts";
import { amaraSaltReport } from "./amara-okafor-salt.ts";
import { amaraOtReport } from "./amara-okafor-ot.ts";

export const adviceReports: SampleSpec[] = [amaraEpReport, amaraSaltReport, amaraOtReport];
