// What a heading's words say it is about, when it names no letter and no rule-set alias matches it.
// A QA officer reads "The help I will get", "How Sam will be helped" and "Special educational provision" as
// the same section: the statutory meaning decides the id, not the wording. Each section is recognised by the
// content words of its statutory title and their common rewordings (concepts below); a heading naming several
// concepts ("needs, the help I will get and my outcomes", "Health: needs and provision") is a combined part.
// Also here: the four areas of need of the SEND Code of Practice (para 6.28), which area-of-need templates
// repeat B, F and E under.
import type { SectionKey } from "./section-headings.ts";

/** Headings are short; a longer line is a sentence that happens to use the words. */
const MEANING_MAX_WORDS = 16;

// Concepts, matched on lower-case text with punctuation folded to spaces.
const NEEDS = /\b(?:needs|need|difficulties|difficulty|find(?:s)? (?:\w+ )?(?:hard|difficult|tricky)|(?:is|are) (?:hard|difficult|tricky) for|needs? help with|struggles?|barriers)\b/;
/** "provision to meet my needs" is provision; the needs there are not a section of their own. */
const NEEDS_AS_OBJECT = /\b(?:meet|meets|meeting|address|for|to) (?:my |his |her |their |your |the |this |that |these |those |each |[\w]+s )?(?:identified )?needs?\b/;
const PROVISION = /\b(?:provision|provided|support|supports|supported|help i (?:will )?get|help (?:he|she|they|[\w]+) (?:will )?gets?|help i need|helped|will help|help (?:with|at|in) (?:my|school|college|home|nursery)|help at)\b/;
/** "What Sam needs help with" is about needs, not the help given. */
const NEEDS_HELP = /\bneeds? help with\b/g;
const OUTCOMES = /\b(?:outcomes?|achieve|achieving|aims?|aiming|working towards|goals?|targets?|want to be able)\b/;
const HEALTH = /\b(?:health|medical|healthcare)\b/;
const MENTAL_HEALTH = /\bmental health\b/g;
const SOCIAL_CARE = /\bsocial care\b/;
const VIEWS = /\b(?:views|interests|aspirations|all about|about me|my story|admire|what (?:people|others) (?:like|say)|one page profile|pen portrait|what (?:\w+ ){1,5}(?:think|thinks|feel|feels))\b/;
const PLACEMENT = /\b(?:placement|institution|where i (?:will )?(?:learn|go)|(?:my|name of|type of|name and type of|educational) (?:school|setting|college|nursery)|school or (?:setting|college|other))\b/;
/** A heading that is only "School", "Setting" or "College" (with at most a word or two) names the placement. */
const PLACEMENT_WORD = /\b(?:school|setting|college|nursery)\b/;
const PLACEMENT_WORD_MAX_WORDS = 3;
/** A heading about advice or reports ("Social care advice") is an item of Section K's list or a report's own title. */
const ADVICE_WORDS = /\b(?:advice|reports?)\b/;
const BUDGET = /\bpersonal budgets?\b/;
/** The list of advice (K), not one piece of advice: "Psychological advice" is the title of an advice report. */
const ADVICE = /\b(?:advice and information|information and advice|list of advice|(?:advice|reports?|information) (?:\w+ ){0,3}(?:gathered|obtained|used|received|considered|sought)|professionals? (?:consulted|involved))\b/;
/**
 * Who a statutory long title is about: "of the child and his or her parents or the young person", "the child or
 * young person's". It names no section, so it neither counts towards a title's length nor takes part in its meaning.
 */
const SUBJECT = / (?:(?:of|for|by|to|from|(?:to be )?attended by|made for|sought for|required by) )?(?:the )?childs? (?:and (?:his or her|their) parents? )?(?:or|and) (?:the )?young persons?\b/g;
/**
 * Why provision is owed, closing a statutory title: "... related to their SEN", "reasonably required by the learning
 * difficulties or disabilities which result in ... having SEN", "as a result of section 2 of the CSDPA 1970".
 */
const QUALIFIER = /\b(?:reasonably required|(?:which|that) (?:are |is )?(?:related|relate|relates|result|results)|related to|relating to|linked to|arising from|as a result of)\b(?: \S+){0,20}? (?:sen|send|special educational needs?|disabilit(?:y|ies)|1970)\b.*$/;

/** A heading's words without its statutory subject and qualifier, folded, and how many words the title has without them. */
export function titleCore(title: string): { text: string; words: number } {
  const full = fold(title);
  const text = ` ${full.replace(SUBJECT, " ").replace(QUALIFIER, " ").replace(/\s+/g, " ").trim()} `;
  const removed = wordCount(full) - wordCount(text);
  return { text, words: title.trim().split(/\s+/).length - removed };
}

const wordCount = (folded: string): number => folded.trim().split(" ").filter(Boolean).length;

const EDUCATIONAL = /\b(?:special educational|educational|education|learning|sen|send)\b/;

/** A title-block label ("Date of request for EHC needs assessment", "Name of school"): a fact, not a section. */
const FACT_LABEL = /^ (?:date|dates|dob|name|full name|known as|nhs|upn|unique pupil|address|telephone|phone|email|age|year group|plan type|type of plan|status|reference|case officer|caseworker|key worker)\b/;

function fold(text: string): string {
  return ` ${text.normalize("NFKC").toLowerCase().replace(/['’‘`]/g, "").replace(/&/g, " and ").replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
}

/**
 * The sections a heading's title means, in statutory order, or [] when it names none. "H" is combined social
 * care provision (split into H1/H2 by its content).
 */
export function sectionsByMeaning(title: string): SectionKey[] {
  const { text, words } = titleCore(title);
  if (text.trim() === "" || words > MEANING_MAX_WORDS) return [];
  if (FACT_LABEL.test(text)) return [];
  if (BUDGET.test(text)) return ["J"];
  if (ADVICE.test(text) && !PROVISION.test(text)) return ["K"];
  if (namesAdvice(title)) return [];

  const provision = PROVISION.test(text.replace(NEEDS_HELP, " needs "));
  const needs = NEEDS.test(provision ? text.replace(NEEDS_AS_OBJECT, " ") : text);
  const outcomes = OUTCOMES.test(text) && !(provision && /\b(?:to|will|and) (?:achieve|reach)\b.*\boutcomes?\b/.test(text) && !/\boutcomes?\b.*\b(?:and|,)\b/.test(text));

  // Section 2 of the Chronically Sick and Disabled Persons Act 1970 is what H1 is about.
  if (/\b(?:csdpa|chronically sick)\b/.test(text)) return ["H"];
  // "Health outcomes", "Social care outcomes": outcomes in one area, part of E, not a health or care part.
  if (outcomes && !needs && !provision && (SOCIAL_CARE.test(text) || HEALTH.test(text))) return ["E"];
  if (SOCIAL_CARE.test(text)) {
    if (needs && !provision) return ["D"];
    if (provision && !needs) return ["H"];
    return ["D", "H"];
  }
  const physicalHealth = HEALTH.test(text.replace(MENTAL_HEALTH, " "));
  if (physicalHealth && !EDUCATIONAL.test(text)) {
    if (needs && !provision) return ["C"];
    if (provision && !needs) return ["G"];
    return ["C", "G"];
  }
  const ids: SectionKey[] = [];
  if (needs) ids.push("B");
  if (outcomes) ids.push("E");
  if (provision) ids.push("F");
  if (ids.length > 0) return ids;
  if (VIEWS.test(text)) return ["A"];
  if (PLACEMENT.test(text) || (words <= PLACEMENT_WORD_MAX_WORDS && PLACEMENT_WORD.test(text))) return ["I"];
  return [];
}

/** "Social care advice", "Speech and language therapy report": an item of the advice list (K), not a section. */
export function namesAdvice(title: string): boolean {
  return ADVICE_WORDS.test(fold(title)) && !ADVICE.test(fold(title));
}

/** The four broad areas of need (SEND Code of Practice 2015, para 6.28), as one canonical name each. */
export const AREAS_OF_NEED = ["communication and interaction", "cognition and learning", "social, emotional and mental health", "sensory and/or physical"] as const;
export type AreaOfNeed = (typeof AREAS_OF_NEED)[number];

const AREA_PATTERNS: [RegExp, AreaOfNeed][] = [
  [/\bcommunication\b.*\binteraction\b|\bspeech,? language and communication\b/, "communication and interaction"],
  [/\bcognition\b|\blearning and cognition\b/, "cognition and learning"],
  [/\bsocial,? emotional\b|\bsemh\b|\bemotional and mental health\b/, "social, emotional and mental health"],
  [/\bsensory\b|\bphysical (?:and|\/) sensory\b|\bphysical needs\b/, "sensory and/or physical"],
];

/** The area of need a short line names ("2.1 Communication and interaction", "Cognition and learning – ..."). */
export function areaOfNeedOf(line: string): AreaOfNeed | null {
  if (line.trim().split(/\s+/).length > MEANING_MAX_WORDS) return null;
  const text = line.normalize("NFKC").toLowerCase();
  for (const [pattern, area] of AREA_PATTERNS) if (pattern.test(text)) return area;
  return null;
}
