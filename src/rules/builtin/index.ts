// Every built-in rule, registered by id. Add one import and one entry per rule file.
// Rule files `export default defineRule<Options>({ meta, check })` (src/rules/define-rule.ts) so they fit this list.
import type { RuleModule } from "../types.ts";
import dateOfBirthConsistent from "./date-of-birth-consistent.ts";
import correctionsCarriedOver from "./corrections-carried-over.ts";
import finalResolved from "./final-resolved.ts";
import outcomesSmart from "./outcomes-smart.ts";
import repeatedParagraphs from "./repeated-paragraphs.ts";
import pronounsConsistent from "./pronouns-consistent.ts";
import placeholderText from "./placeholder-text.ts";
import childNameConsistent from "./child-name-consistent.ts";
import sectionsPresent from "./sections-present.ts";
import sectionsHaveContent from "./sections-have-content.ts";
import planDetailsPresent from "./plan-details-present.ts";
import placementMatchesStatus from "./placement-matches-status.ts";
import draftCommentPeriod from "./draft-comment-period.ts";
import issuedWithin20Weeks from "./issued-within-20-weeks.ts";
import reviewWithin12Months from "./review-within-12-months.ts";
import provisionSpecificity from "./provision-specificity.ts";
import therapyPlacement from "./therapy-placement.ts";
import needsHaveProvision from "./needs-have-provision.ts";
import childVoice from "./child-voice.ts";
import childAspirations from "./child-aspirations.ts";
import childCommunication from "./child-communication.ts";
import aspirationsReflectedInOutcomes from "./aspirations-reflected-in-outcomes.ts";
import requiredAdvice from "./required-advice.ts";
import adviceCurrent from "./advice-current.ts";
import adviceUsed from "./advice-used.ts";
import adviceRecommendations from "./advice-recommendations.ts";

export const builtinRules: RuleModule[] = [
  sectionsPresent,
  sectionsHaveContent,
  placementMatchesStatus,
  planDetailsPresent,
  placeholderText,
  childNameConsistent,
  pronounsConsistent,
  repeatedParagraphs,
  dateOfBirthConsistent,
  outcomesSmart,
  correctionsCarriedOver,
  finalResolved,
  issuedWithin20Weeks,
  draftCommentPeriod,
  reviewWithin12Months,
  provisionSpecificity,
  therapyPlacement,
  needsHaveProvision,
  childVoice,
  childAspirations,
  childCommunication,
  aspirationsReflectedInOutcomes,
  requiredAdvice,
  adviceCurrent,
  adviceUsed,
  adviceRecommendations,
];
