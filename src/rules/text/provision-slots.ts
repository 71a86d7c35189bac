// Reads one provision statement and finds its slots (CoP 9.69: what, who, how long, how often, group size)
// and the vague signals in it. Shared by the provision rules and the professional-advice comparison.
import { nlp } from "../../text/nlp.ts";
import type { LabelledCell } from "./statements.ts";
import { isProvisionCell } from "./statements.ts";
import { findPhrases } from "./phrase-list.ts";
import { escapeRegExp } from "../../text/regexp.ts";

export type SlotName = "what" | "who" | "duration" | "frequency" | "groupSize";

/**
 * What a vague phrase does to a statement:
 * - "none": it only explains why a slot is missing ("access to", "key adult");
 * - "commitment": the statement is not a decision at all ("would benefit from", "where possible");
 * - a slot name: it leaves that slot open wherever it stands ("such as", "etc." leave "what" open; "regular" leaves "frequency");
 * - "slot": it undoes the slot it sits in or directly precedes ("up to 3 times a week").
 */
export type VagueEffect = "none" | "commitment" | "slot" | SlotName;
export const VAGUE_EFFECTS: readonly VagueEffect[] = ["none", "commitment", "slot", "what", "who", "duration", "frequency", "groupSize"];

export interface VagueLexiconEntry {
  kind: string;
  effect: VagueEffect;
  phrases: string[];
}

/** Mirrors rules/default.json (provision-specificity options.vagueLexicon); the rule set is the source of truth. */
export const DEFAULT_VAGUE_LEXICON: VagueLexiconEntry[] = [
  { kind: "hedge", effect: "commitment", phrases: ["would benefit from", "will benefit from", "benefits from", "may benefit from", "could benefit from", "might benefit from", "would benefit", "should", "could", "might", "may", "it is recommended", "is recommended", "are recommended", "it is suggested", "consideration will be given", "will be considered"] },
  { kind: "qualified-commitment", effect: "commitment", phrases: ["where possible", "wherever possible", "if possible", "when possible", "subject to", "where resources allow", "if resources allow", "where available", "when available", "if available", "where funding allows"] },
  { kind: "opportunity", effect: "commitment", phrases: ["opportunities to", "opportunities for", "opportunity to", "opportunity for", "the chance to"] },
  { kind: "access", effect: "none", phrases: ["access to", "is available", "are available"] },
  { kind: "unspecified-content", effect: "none", phrases: ["to access the curriculum", "to access learning", "to meet his needs", "to meet her needs", "to meet their needs", "to support his learning", "to support her learning", "to support their learning", "differentiated", "differentiation", "adult support", "high level of support", "input"] },
  { kind: "deferred-content", effect: "what", phrases: ["as advised by", "as advised", "as directed by", "as directed", "as recommended by", "as suggested by", "or equivalent"] },
  { kind: "awareness", effect: "commitment", phrases: ["to be aware of", "will be aware of", "should be aware of", "are aware of", "is aware of", "be made aware of"] },
  { kind: "discretionary", effect: "none", phrases: ["as required", "as needed", "as appropriate", "when necessary", "where necessary", "when needed", "where needed", "if needed", "if required", "when required", "where required", "where appropriate", "if appropriate", "when appropriate", "as and when", "as necessary"] },
  { kind: "imprecise-frequency", effect: "frequency", phrases: ["regular", "regularly", "frequent", "frequently", "periodic", "periodically", "ongoing", "on-going", "from time to time", "occasional", "occasionally", "at times"] },
  { kind: "upper-limit", effect: "slot", phrases: ["up to"] },
  { kind: "examples", effect: "what", phrases: ["such as", "e.g.", "eg", "for example", "etc.", "etc", "and so on", "or similar"] },
  { kind: "unnamed-staff", effect: "none", phrases: ["key adult", "an adult", "a member of staff", "familiar adult", "trusted adult", "an identified adult"] },
];

/** Mirrors rules/default.json: nouns that say nothing about content on their own (Worcestershire CC v SE). */
export const DEFAULT_GENERIC_WORDS = ["support", "supports", "supported", "input", "intervention", "interventions", "help", "provision", "assistance", "strategies", "opportunities", "access", "adult", "adults", "resources", "programme", "programmes", "work", "sessions", "session", "time"];

export interface AnalyseOptions {
  lexicon?: VagueLexiconEntry[];
  genericWords?: string[];
  /** The child's forename, so "Sam will receive ..." is not read as content. */
  childName?: string;
}

export interface VagueSignal {
  /** The words as written. */
  phrase: string;
  /**
   * Whether it binds the provider's commitment (how often, how much, who, whether at all), read in context: "may" in
   * "she may sit in the quiet area" is the child's permission, "up to 10 minutes" of a break is the child's allowance,
   * "regular" beside a stated frequency adds nothing. A binding phrase makes the statement vague on its own; one that
   * does not bind only explains a gap ("access to", "key adult").
   */
  binding: boolean;
  /** Lexicon kind ("access", "hedge", ...) or a computed kind: "range", "unsized-group", "bare-generic". */
  kind: string;
  effect: VagueEffect;
  /** For effect "slot": the slot it undoes. */
  undoes?: SlotName;
}

export interface Quantity {
  text: string;
  value: number;
  /** The word after the number ("minutes", "times", "pupils"), lower case, when there is one. */
  unit?: string;
}

/**
 * What kind of provision a statement is, which decides what it must say (CoP 9.69):
 * - session: teaching, intervention or therapy: who, how often, how long, group size;
 * - staffing: adult support: role, and hours, ratio or when;
 * - strategy: an adjustment or approach used all day or on set occasions: what, and when it applies;
 * - equipment: resources and environment: what exactly (no frequency);
 * - event: staff training, assessment, review, visit or appointment: who, and when or how often.
 */
export type ProvisionType = "session" | "staffing" | "strategy" | "equipment" | "event";
export const PROVISION_TYPES: readonly ProvisionType[] = ["session", "staffing", "strategy", "equipment", "event"];

export interface ProvisionAnalysis {
  type: ProvisionType;
  what?: string;
  who?: string;
  duration?: string;
  frequency?: string;
  groupSize?: string;
  vagueSignals: VagueSignal[];
  quantities: Quantity[];
  /** The statement describes sessions (therapy, a programme, teaching), so it should say how long they last. */
  isSession: boolean;
  /** The statement describes group work, so it should say how big the group is. */
  isGroupWork: boolean;
  /** Someone delivers it (teaching, therapy, support), so it should say who; an arrangement (a laptop, a calm space) need not. */
  isDelivered: boolean;
  /** Normalised for comparisons, when the wording allows (a school week of 5 days, a term of 12 weeks). */
  timesPerWeek?: number;
  minutesPerSession?: number;
  /** Minutes a week: sessions times length, or stated directly ("15 hours a week"). */
  minutesPerWeek?: number;
}

export interface StatementLike {
  text: string;
  cells?: LabelledCell[];
}

// ---------------------------------------------------------------------------------------------------
// Numbers. compromise reads number words ("three", "forty-five"); digits are read directly.

const NUMBER_WORDS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine";
const NUM = `(?:\\d+(?:\\.\\d+)?|${NUMBER_WORDS})`;
const numberCache = new Map<string, number | undefined>();

export function numberValue(token: string): number | undefined {
  const key = token.toLowerCase().trim();
  if (/^\d+(\.\d+)?$/.test(key)) return Number(key);
  if (key === "a" || key === "an" || key === "once") return 1;
  if (key === "twice") return 2;
  if (key === "half an" || key === "half a") return 0.5;
  if (!numberCache.has(key)) {
    const values: unknown = nlp(key).numbers().get();
    const parsed = Array.isArray(values) ? values[0] : values;
    numberCache.set(key, typeof parsed === "number" && Number.isFinite(parsed) ? parsed : undefined);
  }
  return numberCache.get(key);
}

// ---------------------------------------------------------------------------------------------------
// Slot patterns. All run on the statement text with curly quotes and odd spaces folded (same length, so
// offsets stay valid for the verbatim text).

const DASH = "[-–—]";
const PERIOD = "(?:school\\s+)?(?:hour|day|week|fortnight|month|term|half[- ]term|year|academic year|annum|lesson|session|lunchtime|lunch time|morning|afternoon|break(?:\\s?time)?|playtime|school day|school week|week day|weekday|evening|visit)";
const PERIOD_ADVERB = "(?:daily|weekly|fortnightly|monthly|six[- ]monthly|termly|half[- ]termly|annually|annual|yearly|nightly)";
const COUNT = `(?:once|twice|thrice|${NUM}\\s*(?:x|×|times|sessions?|lessons?|visits?|occasions?))`;
const TIME_UNIT = "(?:minutes?|mins?|hours?|hrs?)\\b";
const CLOCK = "\\d{1,2}(?:[.:]\\d{2})?\\s*(?:am|pm)";
// "from 1.15 to 2.30": a time span is a length even without am/pm when "from ... to" frames it.
const CLOCK_SPAN = "from\\s+\\d{1,2}[.:]\\d{2}\\s*(?:am|pm)?\\s*(?:to|-|–|until)\\s*\\d{1,2}[.:]\\d{2}(?:\\s*(?:am|pm))?";
const DURATION_CORE = `(?:${CLOCK}\\s*(?:to|-|–|until)\\s*${CLOCK}|${CLOCK_SPAN}|(?:${NUM}|an?|half\\s+an?|one\\s+and\\s+a\\s+half)\\s*${DASH}?\\s*${TIME_UNIT}(?:\\s+and\\s+a\\s+half)?|an?\\s+hour\\s+and\\s+a\\s+half|(?:a\\s+)?(?:full|whole|half)[- ](?:school\\s+)?day|(?:${NUM}|one|two)\\s+(?:full\\s+)?(?:lessons?|periods?)\\s+long)`;
const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?";
const MONTH = "(?:january|february|march|april|may|june|july|august|september|october|november|december)";
// A time frame for a one-off or a counted provision: "in June and July 2026", "in the autumn term 2026", "by December 2026".
const TIME_FRAME = `(?:(?:\\d{1,2}\\s+)?${MONTH}(?:\\s+(?:and|or|to)\\s+${MONTH})?(?:\\s+\\d{4})?|(?:the\\s+)?(?:autumn|spring|summer)\\s+(?:term|half[- ]term)(?:\\s+\\d{4})?|(?:the\\s+end\\s+of\\s+)?(?:the\\s+)?(?:academic\\s+year|year\\s+\\d{1,2}|reception|key\\s+stage\\s+\\d)(?:\\s+\\d{4})?|\\d{4})`;
// People are not occasions: "every adult" is who, not how often.
const NOT_OCCASION = "(?!(?:adults?|child|children|pupils?|students?|members?|staff|teachers?|person|one|effort|opportunity|support|need)\\b)";

// Frequencies that also name what is provided ("Two visits in July", "one overnight short break a month"): their words
// stay in the "what".
const COUNT_IN_TIME_FRAME = new RegExp(`\\b(?:${NUM}|one|two)\\s+(?:[\\w-]+\\s+){0,2}?(?:visits?|sessions?|meetings?|appointments?|courses?|days?|lessons?|workshops?)\\b(?:\\s+[^,.;|]{0,40}?)?\\s+(?:in|during|by|before)\\s+${TIME_FRAME}\\b`, "gi");
const NAMED_OCCASIONS = new RegExp(`\\b${NUM}\\s+(?:(?!(?:minutes?|mins?|hours?|hrs?|sessions?|lessons?|times|x)\\b)[a-z][\\w-]*\\s+){1,3}?(?:a|an|per|each|every)\\s+${PERIOD}\\b`, "gi");
const ARRANGEMENT_LONG = /\b(?:(?:taught|educated|placed|based)\s+in\s+a\s+(?:class|base|unit|group)\s+of|eats?\s+(?:his\s+|her\s+|their\s+)?lunch|at\s+(?:lunch|break|play)\s?times?)\b/gi;
const CONTENT_FREQUENCIES = [COUNT_IN_TIME_FRAME, NAMED_OCCASIONS, ARRANGEMENT_LONG];
// Frequencies tied to occasions or availability: the provision lasts as long as the occasion, not a session.
const OCCASIONS = new RegExp(`\\b(?:(?:for|in|at|during|before|after|on)\\s+)?(?:every|each|all|per)\\s+${NOT_OCCASION}(?:[a-z][\\w-]*\\s+){0,3}?(?:tasks?|tests?|assessments?|exams?|examinations?|topics?|lessons?|check-ins?|trips?|visits?|activit(?:y|ies)|pieces? of (?:work|writing)|transitions?|changes? of \\w+|subjects?|meetings?|reviews?|breaks?|journeys?)\\b`, "gi");
const AVAILABILITY = /\b(?:at\s+any\s+time|whenever\s+[^,.;|]{3,60}|when\s+(?:he|she|they|[A-Z][a-z]+)\s+(?:shows?|feels?|becomes?|gets?|asks?|needs?|finds?|uses?|is|are|starts?|begins?)\b[^,.;|]{0,60}|(?:for\s+|in\s+)?any\s+(?:task|lesson|activity|test|exam|piece of (?:work|writing))\b)/gi;
const DEADLINE = new RegExp(`\\b(?:by|before|no later than)\\s+(?:the\\s+(?:end|start|beginning)\\s+of\\s+)?${TIME_FRAME}\\b`, "gi");
// When a one-off happens: "in the spring term of Year 6", "during the summer term 2026". Counts only for events: a
// weekly session "in the summer term" still needs to say how often.
const EVENT_WHEN = new RegExp(`\\b(?:in|during)\\s+(?:the\\s+)?${TIME_FRAME}(?:\\s+of\\s+(?:the\\s+)?${TIME_FRAME})?`, "gi");
const EVERY_MONTH = new RegExp(`\\b(?:every|each)\\s+${MONTH}\\b`, "gi");
const OCCASION_FREQUENCIES = [OCCASIONS, AVAILABILITY, DEADLINE, EVERY_MONTH, ARRANGEMENT_LONG];

const FREQUENCY_PATTERNS: RegExp[] = [
  // "3 x 30 minutes weekly", "3 x 30-minute sessions per week"
  new RegExp(`\\b${NUM}\\s*(?:x|×)\\s*${DURATION_CORE}(?:\\s+sessions?)?\\s*(?:${PERIOD_ADVERB}|(?:a|an|per|each|every)\\s+${PERIOD})`, "gi"),
  // "3 times a week", "twice per term", "once every half term", "3x per week"
  new RegExp(`\\b${COUNT}\\s+(?:(?:a|an|per|each|every|in\\s+(?:a|each|every)|during\\s+(?:the|each|every))\\s+)?${PERIOD}\\b`, "gi"),
  // "twice weekly", "3 times weekly"
  new RegExp(`\\b${COUNT}[- ]${PERIOD_ADVERB}\\b`, "gi"),
  // "3 sessions per week", "15 hours a week", "30 minutes a day", "6 sessions each term", "2 sessions of 30 minutes per week"
  new RegExp(`\\b${NUM}\\s+(?:(?:individual|group|weekly|daily|direct|further|additional|\\d+[- ]minute)\\s+)?(?:sessions?|lessons?|visits?|${TIME_UNIT}|periods?|blocks?|occasions?)(?:\\s+of\\s+[^,.;|]{1,40}?)?\\s+(?:a|an|per|each|every)\\s+${PERIOD}\\b`, "gi"),
  // "every lunchtime", "each term", "per half term", "every other week", "at the start of each day"
  new RegExp(`\\b(?:(?:at\\s+the\\s+(?:start|beginning|end)\\s+(?:and\\s+end\\s+)?of|during|in|before|after)\\s+)?(?:every|each|per)\\s+(?:other\\s+|single\\s+|school\\s+)?(?:${PERIOD}|transition|change of (?:activity|lesson)|literacy lesson|maths lesson|english lesson|class|journey|mealtime|meal time|day at school)s?\\b`, "gi"),
  // occasions: "for every extended writing task", "in all tests and assessments", "before each new topic", "every PE lesson"
  OCCASIONS,
  // availability: "at any time", "whenever she uses her card", "any task longer than 15 minutes"
  AVAILABILITY,
  // "once in the morning and once in the afternoon"
  new RegExp(`\\b${COUNT}\\s+(?:in|during)\\s+the\\s+(?:morning|afternoon|day|week|term)(?:\\s+and\\s+${COUNT}\\s+(?:in|during)\\s+the\\s+(?:morning|afternoon|day|week|term))?\\b`, "gi"),
  // "one overnight short break a month", "3 lunchtimes a week"
  NAMED_OCCASIONS,
  // a deadline for a one-off: "by December 2026", "completed by 1 September 2026", "before 31 March 2027"
  DEADLINE,
  // every month of the year: "every September"
  EVERY_MONTH,
  // a placement-long arrangement: "taught in a class of no more than 8", "eat his lunch in the Hub", "at lunchtime"
  ARRANGEMENT_LONG,
  // a count within a time frame: "Two 30-minute visits in July", "Two 1-hour sessions in the autumn term 2026"
  COUNT_IN_TIME_FRAME,
  // "every 2 weeks", "every three days"
  new RegExp(`\\bevery\\s+${NUM}\\s+(?:school\\s+)?(?:days|weeks|months|lessons|sessions|minutes|hours)\\b`, "gi"),
  // every lesson of a kind: "in literacy and maths lessons", "in all English lessons", "during PE lessons"
  /\b(?:in|during)\s+(?:(?:all|every|each)\s+(?:[a-z]+\s+(?:and\s+[a-z]+\s+)?)?|(?:his\s+|her\s+|their\s+)?(?!some\b|most\b|certain\b|many\b|selected\b|a\s|his\b|her\b|their\b)[a-z]+\s+(?:and\s+[a-z]+\s+)?)lessons\b/gi,
  // "daily", "weekly", "on a weekly basis", "twice-weekly"
  new RegExp(`\\b(?:on\\s+a\\s+(?:daily|weekly|fortnightly|monthly|termly)\\s+basis|${PERIOD_ADVERB})\\b`, "gi"),
  // continuous arrangements: "throughout the school day", "at all times", "in all lessons", "at lunchtimes and breaktimes"
  /\b(?:throughout\s+(?:the|each|every|his|her|their)\s+(?:school\s+)?(?:day|week|lessons?|curriculum|school day|transitions?)|at\s+all\s+times|all\s+day|in\s+(?:all|every)\s+(?:lessons?|subjects?|classes|settings)|across\s+(?:all\s+)?(?:the\s+)?(?:school\s+)?(?:day|curriculum|lessons|subjects)|full[- ]time|at\s+(?:all\s+)?(?:unstructured\s+times|lunchtimes|breaktimes|break times|playtimes|transitions)(?:\s+and\s+(?:lunchtimes|breaktimes|break times|playtimes|transitions))?|at\s+(?:every|each|all)\s+transitions?)\b/gi,
  // a dated point for a one-off: "in the first week of the autumn term", "in September 2026"
  new RegExp(`\\b(?:in|during)\\s+(?:the\\s+)?(?:first|second|third|last|final|opening)\\s+(?:week|fortnight|month|half[- ]term|term|day)s?\\s+of\\s+(?:the\\s+|each\\s+|every\\s+)?${TIME_FRAME}`, "gi"),
  new RegExp(`\\b(?:in|during)\\s+${MONTH}\\s+\\d{4}\\b`, "gi"),
  // clock times: "at 10.00 am and 1.00 pm", "at 12:30pm"
  new RegExp(`\\bat\\s+${CLOCK}(?:\\s*(?:,|and|&)\\s*${CLOCK})*`, "gi"),
  // weekdays: "every Monday", "on Mondays and Thursdays", "Monday, Wednesday and Friday"
  new RegExp(`\\b(?:(?:every(?:\\s+other)?|each|on)\\s+)?${WEEKDAY}(?:\\s*(?:,|and|&)\\s*${WEEKDAY})*\\b`, "gi"),
];

// Amounts read from a slot's words (made once: the functions below run for every statement).
const HOURS_A_WEEK = new RegExp(`${TIME_UNIT}\\s+(?:a|per|each)\\s+(?:school\\s+)?week`, "i");
const HAS_TIME_UNIT = new RegExp(TIME_UNIT, "i");
const QUANTITY = new RegExp(`(?<![:\\d.])\\b(${NUM}|once|twice)\\b(?!\\s*:\\s*\\d)(?:\\s*[-–]?\\s*([a-z]+))?`, "gi");
const STARTS_WITH_TIME = new RegExp(`^${NUM}\\s*${TIME_UNIT}`, "i");
const UP_TO_TIME_UNIT = new RegExp(`^.*?${TIME_UNIT}(?:\\s+of\\s+[^,;]*?)?\\s+`, "i");
const COUNT_FIRST = new RegExp(`^(?:(once|twice|thrice)|(${NUM})\\s*(?:x|×|times|sessions?|lessons?|visits?))`, "i");
const PERIOD_ADVERB_WORD = new RegExp(`\\b${PERIOD_ADVERB}\\b`, "i");
const AMOUNT_OF_TIME = new RegExp(`(${NUM}|an?)\\s*[-–]?\\s*(minutes?|mins?|hours?|hrs?)`);

const DURATION_PATTERN = new RegExp(`\\b${DURATION_CORE}\\b`, "gi");
const RANGE_PATTERN = new RegExp(`\\b(?:between\\s+${NUM}\\s+and\\s+${NUM}|${NUM}\\s*(?:${DASH}|to)\\s*${NUM})\\s*(?:${TIME_UNIT}|times|x|sessions?|lessons?|days?|weeks?)\\b`, "gi");

const GROUP_SIZE_PATTERNS: RegExp[] = [
  /\b(?:1\s*:\s*1|1\s*-\s*1|one[- ]to[- ]one|one[- ]on[- ]one|1\s+to\s+1|individually|individual(?=\s+(?:sessions?|work|tuition|teaching|support|therapy|basis|lessons?|programme))|on\s+(?:his|her|their)\s+own\s+with)\b/gi,
  new RegExp(`\\b(?:in\\s+)?(?:a\\s+)?(?:small\\s+)?groups?\\s+of\\s+(?:(?:no|not)\\s+more\\s+than|up\\s+to|at\\s+most|a\\s+maximum\\s+of|maximum|max\\.?|between|around|about)?\\s*${NUM}(?:\\s*(?:${DASH}|to|and)\\s*${NUM})?(?:\\s+(?:other\\s+)?(?:pupils|children|students|learners|young people|peers))?`, "gi"),
  new RegExp(`\\b(?:a\\s+)?(?:small\\s+)?(?:${NUM}|pair)[- ](?:pupil|child|student|person)\\s+group\\b`, "gi"),
  new RegExp(`\\b(?:with\\s+)?(?:(?:no|not)\\s+more\\s+than|up\\s+to|a\\s+maximum\\s+of|at\\s+most)\\s+${NUM}\\s+(?:other\\s+)?(?:pupils|children|students|learners|peers)\\b`, "gi"),
  new RegExp(`\\b${NUM}\\s*:\\s*${NUM}\\b`, "gi"),
  // "with two other pupils", "in a group with 2 peers"
  new RegExp(`\\b(?:in\\s+a\\s+(?:small\\s+)?group\\s+)?with\\s+${NUM}\\s+(?:other\\s+)?(?:pupils|children|students|learners|peers|young people)\\b`, "gi"),
  /\b(?:in\s+a\s+pair|in\s+pairs|paired|with\s+(?:a|one)\s+peer|whole[- ]class|as\s+a\s+class)\b/gi,
];

// Who delivers: roles, qualifications and training.
const ROLE_WORDS = [
  "higher level teaching assistants?", "teaching assistants?", "learning support assistants?", "learning support practitioners?", "support assistants?",
  "emotional literacy support assistants?", "speech and language therapy assistants?", "therapy assistants?", "classroom assistants?", "assistants?",
  "class teachers?", "subject teachers?", "form tutors?", "specialist teachers?", "advisory teachers?", "outreach teachers?", "qualified teachers?",
  "teachers? of the deaf", "teachers? of (?:the )?(?:visually impaired|vision impaired|hearing impaired|deaf children)", "teachers?", "tutors?",
  "special educational needs (?:and disabilities )?co-?ordinator", "inclusion (?:lead|manager|co-?ordinator)", "head ?teacher", "deputy head(?: ?teacher)?", "assistant head(?: ?teacher)?",
  "speech and language therapists?", "speech therapists?", "occupational therapists?", "physiotherapists?", "play therapists?", "music therapists?", "art therapists?", "drama therapists?", "therapists?",
  "educational psychologists?", "clinical psychologists?", "psychologists?", "counsellors?", "learning mentors?", "mentors?", "key ?workers?", "(?:school )?nurses?",
  "social workers?", "family support workers?", "support workers?", "youth workers?", "personal assistants?", "carers?", "practitioners?", "specialists?",
  "habilitation (?:specialist|officer)s?", "dietitians?", "dieticians?", "paediatricians?", "audiologists?", "orthoptists?", "optometrists?", "consultants?",
  "doctors?", "GPs?", "health visitors?", "assessors?", "technicians?", "interpreters?", "intervenors?", "(?:[a-z]+ )?workers?", "(?:[a-z]+ )?officers?", "mobility (?:officer|specialist)s?", "instructors?", "coaches", "coach", "lunchtime supervisors?", "midday supervisors?",
  "(?:[a-z]+ )?(?:support |teaching |advisory |outreach |psychology |sensory |inclusion )?services?", "teams?", "staff", "clinics?", "hospitals?", "departments?",
  "(?:every|each|all|both)\\s+(?:the\\s+)?(?:adults?|members? of staff|staff members?)(?=\\s+(?:who|working|that|with|in))", "all adults",
  "named (?:adult|person|member of staff)",
].join("|");
// Acronyms are matched case-sensitively; those that also name the therapy (SaLT, OT) need a determiner.
const ROLE_ACRONYMS = "TAs?|HLTAs?|LSAs?|SENCOs?|SENCos?|SENDCOs?|SENDCos?|QTVIs?|ToDs?|CAMHS";
const AMBIGUOUS_ACRONYMS = "SaLTs?|SALTs?|SLTs?|OTs?|EPs?|ELSAs?|physio";
// Subject words in compound roles: "a specialist literacy teacher", "an autism outreach teacher".
const ROLE_SUBJECT = "(?:(?:literacy|numeracy|maths|mathematics|english|reading|dyslexia|autism|asc|asd|sensory|vision|visual impairment|hearing|hearing impairment|sen|send|semh|language|communication|behaviour|inclusion|nurture|learning|early years|phonics|pe|music|art|outreach|advisory)\\s+)*";
const WHO_QUALIFIER = "(?:(?:a|an|the|his|her|their|[A-Z][a-z]+'s|school's|same|one|two)\\s+)?(?:(?:suitably\\s+|appropriately\\s+|fully\\s+|specifically\\s+)?(?:named|qualified|trained|experienced|specialist|registered|hcpc[- ]registered|paediatric|designated|dedicated|familiar|senior|additional|allocated|identified|consistent|full[- ]time|part[- ]time)[,]?\\s+)*";
const WHO_TRAINING = "(?:,?\\s+(?:who\\s+(?:is|has\\s+been|are|have\\s+been|has)\\s+)?(?:trained|qualified|experienced|accredited|skilled)\\s+(?:in|to\\s+deliver|to\\s+use)\\s+[^,.;|]{2,60}|\\s+with\\s+(?:training|experience|a\\s+qualification|qualifications|expertise)\\s+in\\s+[^,.;|]{2,60}|\\s+\\((?:[^()]{0,40})\\))?";
const WHO_PATTERNS: RegExp[] = [
  new RegExp(`\\b${WHO_QUALIFIER}${ROLE_SUBJECT}(?:${ROLE_WORDS})\\b${WHO_TRAINING}`, "gi"),
  new RegExp(`\\b${WHO_QUALIFIER}(?:${ROLE_ACRONYMS})\\b${WHO_TRAINING}`, "g"),
  new RegExp(`(?:\\b(?:a|an|the|their|his|her|by|from|with|school's|[A-Z][a-z]+'s)\\s+)(?:(?:named|qualified|trained|registered|specialist|paediatric|experienced|designated|allocated)\\s+)*(?:${AMBIGUOUS_ACRONYMS})\\b${WHO_TRAINING}`, "g"),
  new RegExp(`\\b(?:named|qualified|trained|registered|specialist|paediatric|experienced|designated|allocated)\\s+(?:${AMBIGUOUS_ACRONYMS})\\b${WHO_TRAINING}`, "g"),
  // A named person: "Mrs Patel", "Dr Okafor"
  /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+/g,
  // Unnamed staff count as "who" only when their training is stated: "a member of staff trained in Lego therapy".
  new RegExp(`\\b(?:a|an|the|both|${NUM})\\s+(?:key\\s+|familiar\\s+|trusted\\s+)?(?:adults?|members? of staff)\\s+(?:who\\s+(?:is|are|has\\s+been|have\\s+been)\\s+)?(?:trained|qualified|experienced)\\s+in\\s+[^,.;|]{2,60}`, "gi"),
];

const SESSION_WORDS = /\b(sessions?|therap(y|ies)|interventions?|tuition|teaching|taught|lessons?|tutoring|coaching|practice|precision teaching|mentoring|counselling|groups?|instruction|input|work on|exercises?)\b/i;
// Provision someone delivers (so it must say who), as opposed to an arrangement for the child (a laptop, a calm space).
const DELIVERY_WORDS = /\b(teach\w*|taught|tuition|tutor\w*|therap\w+|interventions?|sessions?|support\w*|help\w*|mentor\w*|coach\w*|counsel\w*|supervis\w+|deliver\w*|programmes?|groups?|clubs?|train\w*|check(?:s|ing)?(?:-in| in| on)\w*|meet\w*|visit\w*|model\w*|review\w*|assess\w*|monitor\w*|observ\w+|work(?:s|ing)? with|practi[cs]e\w*|exercises?|reading|read to|scribe|prompt\w*|advise\w*|plan\w*|write|written|set(?:s|ting)? up|arrang\w+|share\w*|used|aware)\b/i;
// Continuous or occasion-bound arrangements do not need a session length.
const CONTINUOUS = /\b(throughout|at all times|all day|in all lessons|every lesson|in every lesson|across the|full[- ]time|lunchtimes?|breaktimes?|break times?|playtimes?|transitions?|each morning|every morning|on arrival|at the start|at the end|each day at|visual timetable|now and next|equipment|resources?|available|seating|seated|environment|room|space)\b/i;
// Frequencies that cover every lesson or the whole day: the arrangement is always there, not a session.
const CONTINUOUS_FREQUENCY = /\b(?:throughout|at all times|all day|full[- ]time|lessons|subjects|curriculum)\b/i;
// Group work (a taught or therapy group), not a community group or club the child attends.
// "following the programme in the occupational therapy advice": a reference to a report, not the provision itself.
const ADVICE_REFERENCE = /\b(?:following|as set out in|as described in|in line with|as recommended in|according to|set out in)\s+(?:the\s+)?[^,.;|]{0,60}?\b(?:advice|report|plan|assessment)\b/gi;
const GROUP_WORDS = /\b(small[- ]groups?|group work|group sessions?|in a group|in groups|group (?:intervention|teaching|therapy|programme)|(?:intervention|nurture|social skills|social communication|language|phonics|reading|maths|literacy|numeracy|lego|therapy|friendship|teaching) groups?)\b/i;
const UNSIZED_GROUP = /\bsmall[- ]groups?\b/i;
const CONDITIONAL = /\b(?:if|should)\s+(?:his|her|their|the|any|[A-Z][\w'-]*'s)\s+[^,.;|]{0,60}?\b(?:continues?|persists?|worsens?|gets? worse|do(?:es)? not improve|deteriorates?|recurs?|returns?)\b/g;

// Words that never carry content on their own: the subject, auxiliaries, delivery verbs.
const FUNCTION_WORDS = new Set(
  (
    "a an the of to for and or in on at by from with within into as is are be been being will shall must would can do does " +
    "he she they him her his hers their them it its this that these those who which what when where how also all any each every " +
    "other others per plus than then there here so such not no only both either weekly daily have has receive receives received " +
    "get gets given give provide provided provides providing deliver delivered delivers delivering make made offer offered " +
    "attend attends use used uses using take part participate continue continues including include includes based led run " +
    "lead through via during over under up about around following follow new further additional extra specific specialist " +
    "direct minutes minute hours hour times time sessions session school setting class classes classroom lesson lessons pupil pupils child children young person person"
  ).split(" "),
);

interface Span {
  start: number;
  end: number;
  text: string;
}

/** Each pattern's global twin (the patterns here are module constants, so they are made once). */
const globalTwins = new WeakMap<RegExp, RegExp>();

function globalTwin(pattern: RegExp): RegExp {
  if (pattern.global) return pattern;
  let twin = globalTwins.get(pattern);
  if (!twin) globalTwins.set(pattern, (twin = new RegExp(pattern.source, `${pattern.flags}g`)));
  return twin;
}

function findAll(pattern: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  const regex = globalTwin(pattern);
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0].length === 0) {
      regex.lastIndex += 1;
      continue;
    }
    spans.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return spans;
}

/** Longest spans first, dropping any span inside one already kept. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const span of sorted) {
    if (kept.some((other) => span.start < other.end && other.start < span.end)) continue;
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const fold = (text: string): string => text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u00a0\u2007\u202f\t]/g, " ");
const tidy = (text: string): string => text.replace(/\s+/g, " ").trim();

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The text with the spans replaced by spaces (same length, so offsets still hold). */
const blankOut = (text: string, spans: Span[]): string =>
  spans.reduce((result, span) => result.slice(0, span.start) + " ".repeat(span.end - span.start) + result.slice(span.end), text);

/** Spans of the statement's text the slot analysis reads: for a table row, only its provision cells. */
function analysableText(statement: StatementLike): { text: string; whatRanges: Span[] } {
  if (!statement.cells || statement.cells.length === 0) {
    const text = fold(statement.text);
    return { text, whatRanges: [{ start: 0, end: text.length, text }] };
  }
  const parts: string[] = [];
  const whatRanges: Span[] = [];
  let offset = 0;
  const provisionCells = statement.cells.filter((cell) => isProvisionCell(cell) && cell.text.trim());
  const hasWhatColumn = provisionCells.some((cell) => cell.roles.includes("what"));
  for (const cell of provisionCells) {
    const cellText = fold(cell.text.trim());
    if (parts.length > 0) offset += 3; // " | "
    if (!hasWhatColumn || cell.roles.includes("what")) whatRanges.push({ start: offset, end: offset + cellText.length, text: cellText });
    parts.push(cellText);
    offset += cellText.length;
  }
  return { text: parts.join(" | "), whatRanges };
}

const SUBJECT_VERB = /^\s*(?:(?:(?:[A-Z][\w'-]*(?:'s)?|he|she|they|this|it|there)\s+)?(?:will|shall|must|is to|are to|should|to)\s+)?(?:continue\s+to\s+)?(?:be\s+)?(?:(?:receive|have|be given|given|get|attend|access|be provided with|provided with|provided|offered|delivered|deliver|provide|use|used|follow|run|teach|taught|implement|implemented|work with|work on|take part in|participate in|support|supported|benefit from)\b)?\s*/i;

// Delivery words left dangling once the "who" is taken out ("supervised by", "led by").
const DANGLING = new Set(["supervised", "devised", "led", "overseen", "planned", "designed", "monitored", "set", "written", "modelled", "available", "each", "session", "sessions"]);

const LEADING_CONNECTIVE = /^(?:and|or|by|from|with|for|in|of|to|on|at|then)\s+/i;
const TRAILING_CONNECTIVE = /\s+(?:and|or|by|from|with|for|in|of|to|on|at|the|a|an|his|her|their)$/i;

function trimConnectives(chunk: string): string {
  let result = tidy(chunk);
  for (let previous = ""; previous !== result; ) {
    previous = result;
    result = tidy(result.replace(LEADING_CONNECTIVE, "").replace(TRAILING_CONNECTIVE, ""));
  }
  return result;
}

/** The content words left when slots, vague phrases and grammar are taken away. */
function residualWhat(text: string, whatRanges: Span[], removed: Span[], childName: string | undefined, generic: Set<string>) {
  const chunks: string[] = [];
  for (const range of whatRanges) {
    let cursor = range.start;
    const inside = removed.filter((span) => span.end > range.start && span.start < range.end).sort((a, b) => a.start - b.start);
    const pieces: string[] = [];
    for (const span of inside) {
      if (span.start > cursor) pieces.push(text.slice(cursor, span.start));
      pieces.push("|");
      cursor = Math.max(cursor, span.end);
    }
    if (cursor < range.end) pieces.push(text.slice(cursor, range.end));
    chunks.push(...pieces.join("").split(/[,;|:()]|\.(?:\s|$)/));
  }
  const name = childName?.toLowerCase();
  const isContent = (word: string) => word.length > 1 && !FUNCTION_WORDS.has(word) && !DANGLING.has(word) && word !== name && !word.endsWith("'s");
  const content: string[] = [];
  const kept: string[] = [];
  for (const chunk of chunks) {
    const stripped = chunk.replace(SUBJECT_VERB, "");
    const words = (stripped.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).filter(isContent);
    if (words.length === 0) continue;
    content.push(...words);
    kept.push(trimConnectives(stripped));
  }
  const meaningful = content.filter((word) => !generic.has(word));
  return { what: kept.join(", "), content, meaningful };
}

// ---------------------------------------------------------------------------------------------------
// Hedges in context: which vague phrases bind the provider's commitment.

interface HedgeContext {
  text: string;
  childName: string | undefined;
  isSession: boolean;
  frequencySpans: Span[];
}

// Whoever a modal verb's subject is: the child or the family choosing ("she may go", "his parents may join") is a
// permission, not a hedge on what the provider will do.
const CHOOSER = "(?:he|she|they|i|you|parents?|mum|dad|mother|father|carers?|family|families|child|young person|pupil|student|learner)";
const STAFF_SUBJECT = /\b(?:staff|adults?|teachers?|assistants?|TAs?|LSAs?|practitioners?|tutors?|lecturers?|everyone|all)\s*$/i;
const USUAL_PERSON = /^\s+(?:class\s+)?(?:teachers?|teaching assistants?|assistants?|TAs?|LSAs?|staff|key (?:person|worker|adult)|class|classroom|school|setting|carers?)\b/i;
// What a child is allowed to do for a while: a break, a rest, time out. A cap on it is the child's allowance.
const ALLOWANCE = /\b(?:breaks?|rests?|time[- ]?out|calm|quiet|time away|sensory room)\b/i;

/** The clause before a phrase (back to the last comma, semicolon, bracket or cell break). */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 80), at);
  const cut = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf("|"), before.lastIndexOf("("), before.lastIndexOf(". "));
  return before.slice(cut + 1);
}

function bindsProvider(kind: string, span: Span, context: HedgeContext): boolean {
  const { text } = context;
  const before = clauseBefore(text, span.start);
  const after = text.slice(span.end, span.end + 80);
  const phrase = span.text.toLowerCase();
  switch (kind) {
    case "hedge": {
      if (!/^(?:may|might|could|should)$/.test(phrase)) return true;
      // The month: "in May 2025", "one in May".
      if (span.text === "May" && (/^\s*\d/.test(after) || !/(?:^|[.!?]\s*)$/.test(text.slice(0, span.start)))) return false;
      // "Short breaks may be offered": the provider's own hedge, whoever is named.
      if (/^\s+(?:not\s+)?be\s+\w+ed\b/i.test(after) || /^\s+be\s+(?:given|taken|made|seen|run|offered|available)\b/i.test(after)) return true;
      const chooser = new RegExp(`\\b(?:${CHOOSER}${context.childName ? `|${escapeRegExp(context.childName)}` : ""})\\s*(?:\\([^)]*\\)\\s*)?$`, "i");
      // A first name alone before the verb ("Tilly may use ..."): the child's (or a named person's) choice.
      const named = /(?:^|\b(?:which|that|where|and|then|so|if|when)\s+)([A-Z][a-z]+)\s*$/.exec(before)?.[1];
      // Only "may" grants a permission; "Noor could attend a group" is a suggestion about her.
      if (phrase === "may" && (chooser.test(before) || (named !== undefined && !/^(?:The|This|These|That|It|Staff|School|Support|Adults?|Teachers?)$/.test(named)))) return false;
      // "Staff should use ..." instructs the staff; weaker than a decision, but it does not leave the provision open.
      if (phrase === "should" && STAFF_SUBJECT.test(before)) return false;
      return true;
    }
    case "discretionary":
      // "as required by his care plan" cites a requirement; it is not discretion. "Once a year, with new glasses when
      // needed": the discretion is over an item that comes with a stated provision, not over the provision.
      if (/^\s+by\b/i.test(after)) return false;
      return !(context.frequencySpans.length > 0 && /,\s*(?:with|and|plus)\s+[^,;|]{0,40}$/i.test(text.slice(Math.max(0, span.start - 60), span.start)));
    case "imprecise-frequency":
      // "regular" right beside a stated frequency ("regular weekly sessions") adds nothing.
      return !context.frequencySpans.some((other) => !overlaps(other, span) && other.start - span.end <= 25 && span.start - other.end <= 25);
    case "awareness":
      // Being aware is not provision unless the statement says when it is acted on.
      return context.frequencySpans.length === 0;
    case "access":
      // "access to" a laptop in every writing task says when; "access to" with no when leaves it open.
      return context.frequencySpans.length === 0;
    case "upper-limit":
      // A cap on the child's break or time out is the child's allowance, not an amount of provision.
      return !ALLOWANCE.test(before + span.text + after);
    case "qualified-commitment":
      // "subject to the exam board's rules" names the rules it follows; "subject to eligibility" makes it conditional.
      return !(phrase === "subject to" && /^\s+(?:the\s+)?[^.;|]{0,50}?\b(?:rules|regulations|legislation|law|guidance)\b/i.test(after));
    case "opportunity":
    case "deferred-content":
    case "examples":
      return true;
    default:
      // Kinds that only explain a gap (unnamed staff, unspecified content) and kinds a rule set adds bind by their effect.
      return false;
  }
}

// ---------------------------------------------------------------------------------------------------
// The type of provision, from what the statement says it is (roles and frequencies blanked out).

const STAFF_TRAINING = /\b(?:training|trains?|trained|awareness|briefing|induction)\b/i;
const STAFF_AUDIENCE = /\b(?:staff|adults|teachers|tutors|assistants|practitioners|team|lecturers|everyone|first[- ]aiders|colleagues|class team)\b/i;
const EVENT_WORDS = /\b(?:assess(?:ment|ments|ed|es)?|reviews?|reviewed|appointments?|tests?|check-?ups?|screening|visits?|meetings?|consultations?|clinics?|home[- ]school|share\w* information|liais\w+|updates?)\b/i;
const STAFFING_WORDS = /\b(?:adult support|support (?:from|of|by) (?:an? |the |his |her |their )?(?:named |familiar |key |identified |trained )?(?:adults?|members? of staff|teaching assistants?|assistants?|TAs?|LSAs?|staff)|(?:teaching|learning support|classroom) assistant (?:support|time)|one[- ]to[- ]one support|1:1 support|staffed|staffing|key (?:adult|person|worker)|support (?:with|at|during|for) (?:personal care|lunch|snack|dressing|toileting|eating|changing|getting changed|transitions?|breaks?|unstructured))\b/i;
const EQUIPMENT_WORDS = /\b(?:equipment|chairs?|seat(?:ing)?|boards?|laptops?|tablets?|ipads?|computers?|software|apps?|scissors|pens?|pencils?|grips?|mats?|frames?|aids?|devices?|headphones|ear defenders|furniture|tables?|desks?|hoists?|wheelchairs?|splints?|glasses|magnifiers?|resources?|materials?|books?|cards?|symbols?|objects? of reference|timetables?|passports?|space|room|area|alcove|locker|pool|switch(?:es)?)\b/i;

/** "An assessment of ...", "A review by ...", "A hearing test at ...": a statement named by its event, whatever follows. */
export const ledByEvent = (text: string): boolean => EVENT_WORDS.test(text.trim().split(/\s+/).slice(0, 4).join(" "));

function provisionType(kindText: string, facts: { text: string; isSession: boolean; byOccasion: boolean; weeklyHours: boolean; hasWho: boolean }): ProvisionType {
  if (STAFF_TRAINING.test(kindText) && STAFF_AUDIENCE.test(facts.text)) return "event";
  if (ledByEvent(kindText)) return "event";
  // "A teaching assistant for 20 hours a week": adult time stated as hours a week is staffing, whatever they do in it.
  if (facts.weeklyHours && facts.hasWho) return "staffing";
  if (facts.isSession) return "session";
  if (STAFFING_WORDS.test(kindText) || /^\W*(?:[A-Z][\w'-]*\s+(?:will\s+(?:have|receive|get)\s+)?)?support\b/i.test(kindText.trim())) return "staffing";
  if (EVENT_WORDS.test(kindText)) return "event";
  if (facts.byOccasion) return "strategy";
  if (EQUIPMENT_WORDS.test(kindText)) return "equipment";
  return "strategy";
}

/** Analyse one statement: a plain sentence, or a table row with labelled cells. */
export function analyseProvision(statement: string | StatementLike, options: AnalyseOptions = {}): ProvisionAnalysis {
  const input = typeof statement === "string" ? { text: statement } : statement;
  const lexicon = options.lexicon ?? DEFAULT_VAGUE_LEXICON;
  const generic = new Set((options.genericWords ?? DEFAULT_GENERIC_WORDS).map((word) => word.toLowerCase()));
  const { text, whatRanges } = analysableText(input);
  // Occasions and content frequencies are also frequencies: each pattern is run over the text once.
  const matched = new Map<RegExp, Span[]>();
  const spansOf = (pattern: RegExp): Span[] => {
    let spans = matched.get(pattern);
    if (!spans) matched.set(pattern, (spans = findAll(pattern, text)));
    return spans;
  };

  const frequencySpans = mergeSpans(FREQUENCY_PATTERNS.flatMap(spansOf));
  const groupSpans = mergeSpans(GROUP_SIZE_PATTERNS.flatMap(spansOf));
  const durationSpans = mergeSpans(findAll(DURATION_PATTERN, text)).filter((span) => !groupSpans.some((group) => overlaps(group, span)));
  const whoSpans = mergeSpans(WHO_PATTERNS.flatMap(spansOf));
  const rangeSpans = mergeSpans(findAll(RANGE_PATTERN, text)).filter((span) => !groupSpans.some((group) => overlaps(group, span)));

  // What kind of provision it is. Role names ("teaching assistant"), the frequency ("for each session") and references
  // to advice ("following the occupational therapy advice") say nothing about that.
  const kindText = blankOut(text, [...whoSpans, ...frequencySpans, ...findAll(ADVICE_REFERENCE, text)]);
  const isGroupWork = (GROUP_WORDS.test(kindText) && !/\bwhole[- ]class\b/i.test(text)) || groupSpans.some((span) => /group/i.test(span.text));
  const occasionSpans = OCCASION_FREQUENCIES.flatMap(spansOf);
  const byOccasion = frequencySpans.some((span) => CONTINUOUS_FREQUENCY.test(span.text) || occasionSpans.some((other) => overlaps(other, span)));
  // A set size of group or 1:1 work ("daily 1:1 reading") is a session someone runs, whatever it is called.
  const isSession = (SESSION_WORDS.test(kindText) || groupSpans.some((span) => !/class/i.test(span.text))) && !CONTINUOUS.test(kindText) && !byOccasion;

  // Vague phrases, except inside a slot they belong to ("groups of up to 4" is a maximum group size, which is fine).
  const vagueSignals: VagueSignal[] = [];
  const vagueSpans: Span[] = [];
  const slotSpans: { slot: SlotName; span: Span }[] = [
    ...frequencySpans.map((span) => ({ slot: "frequency" as const, span })),
    ...durationSpans.map((span) => ({ slot: "duration" as const, span })),
    ...groupSpans.map((span) => ({ slot: "groupSize" as const, span })),
    ...whoSpans.map((span) => ({ slot: "who" as const, span })),
  ];
  const undone = new Set<SlotName>();
  const context: HedgeContext = { text, childName: options.childName, isSession, frequencySpans };
  for (const entry of lexicon) {
    const found = findPhrases(text, entry.phrases).map((match) => ({ start: match.index, end: match.index + match.text.length, text: match.text }));
    for (const span of found) {
      if (vagueSpans.some((other) => overlaps(other, span))) continue;
      if (groupSpans.some((group) => group.start <= span.start && span.end <= group.end)) continue;
      // "who" phrases like "a key adult trained in ..." already passed as stated training.
      if (entry.kind === "unnamed-staff" && whoSpans.some((who) => who.start <= span.start && span.end <= who.end)) continue;
      // "his regular teaching assistant" means the usual one, not how often.
      if (entry.kind === "imprecise-frequency" && USUAL_PERSON.test(text.slice(span.end))) continue;
      const signal: VagueSignal = { phrase: input.cells ? span.text : verbatim(input.text, span), kind: entry.kind, effect: entry.effect, binding: bindsProvider(entry.kind, span, context) };
      if (entry.effect === "slot") {
        // The slot it sits in or directly precedes: "up to 3 times a week", "up to 30 minutes". A cap on the length of
        // something that is not a session ("time out for up to 15 minutes") is a rule, not an amount of provision.
        const target = slotSpans
          .filter(({ span: slot }) => (slot.start <= span.start && span.end <= slot.end) || (slot.start >= span.end && slot.start - span.end <= 2))
          .sort((a, b) => slotOrder(a.slot) - slotOrder(b.slot))[0];
        if (target && (target.slot !== "duration" || isSession) && signal.binding) {
          signal.undoes = target.slot;
          undone.add(target.slot);
        } else {
          signal.binding = false;
        }
      } else if (entry.effect !== "none" && entry.effect !== "commitment" && signal.binding) {
        signal.undoes = entry.effect;
        undone.add(entry.effect);
      }
      vagueSignals.push(signal);
      vagueSpans.push(span);
    }
  }
  // "if her headaches continue": whether the provision happens at all waits on the child's condition.
  for (const span of findAll(CONDITIONAL, text)) {
    if (vagueSpans.some((other) => overlaps(other, span))) continue;
    vagueSignals.push({ phrase: verbatimOrCell(input, span), kind: "conditional", effect: "commitment", binding: true });
    vagueSpans.push(span);
  }
  for (const span of rangeSpans) {
    const slot: SlotName = /min|hour|hr/i.test(span.text) ? "duration" : "frequency";
    undone.add(slot);
    vagueSignals.push({ phrase: verbatimOrCell(input, span), kind: "range", effect: "slot", undoes: slot, binding: true });
    vagueSpans.push(span);
  }

  if (groupSpans.length === 0) {
    const unsized = UNSIZED_GROUP.exec(text);
    if (unsized) vagueSignals.push({ phrase: unsized[0], kind: "unsized-group", effect: "none", binding: false });
  }

  const contentSpans = CONTENT_FREQUENCIES.flatMap(spansOf);
  const isContentFrequency = (span: Span) => contentSpans.some((other) => other.start === span.start && other.end === span.end);
  const removed = [...frequencySpans.filter((span) => !isContentFrequency(span)), ...durationSpans, ...groupSpans, ...whoSpans, ...vagueSpans, ...rangeSpans];
  const residual = residualWhat(text, whatRanges, removed, options.childName, generic);
  let what: string | undefined = residual.meaningful.length > 0 ? residual.what : undefined;
  if (!what && residual.content.length > 0) {
    const bare = residual.content.find((word) => generic.has(word));
    if (bare) vagueSignals.push({ phrase: bare, kind: "bare-generic", effect: "none", binding: false });
  }
  if (what && undone.has("what")) what = undefined;

  const quantities = findQuantities(text);
  const analysis: ProvisionAnalysis = {
    type: provisionType(kindText, {
      text,
      isSession,
      byOccasion,
      weeklyHours: frequencySpans.some((span) => HOURS_A_WEEK.test(span.text)),
      hasWho: whoSpans.length > 0,
    }),
    vagueSignals,
    quantities,
    isSession,
    isDelivered: DELIVERY_WORDS.test(kindText),
    isGroupWork,
  };
  if (what) analysis.what = what;
  const slotText = (spans: Span[], slot: SlotName): string | undefined => (spans.length > 0 && !undone.has(slot) ? spans.map((span) => tidy(span.text)).join("; ") : undefined);
  const who = slotText(whoSpans, "who");
  const duration = slotText(durationSpans.length > 0 ? durationSpans : frequencySpans.filter((span) => HAS_TIME_UNIT.test(span.text)), "duration");
  const frequency = slotText(frequencySpans, "frequency");
  const groupSize = slotText(groupSpans, "groupSize");
  if (who) analysis.who = who;
  if (duration) analysis.duration = duration;
  if (frequency) analysis.frequency = frequency;
  else if (analysis.type === "event" && !undone.has("frequency")) {
    const when = findAll(EVENT_WHEN, text)[0];
    if (when) analysis.frequency = tidy(when.text);
  }
  if (groupSize) analysis.groupSize = groupSize;
  Object.assign(analysis, normaliseAmounts(frequency, duration));
  return analysis;
}

const slotOrder = (slot: SlotName): number => ["duration", "frequency", "groupSize", "who", "what"].indexOf(slot);

function verbatim(original: string, span: Span): string {
  return original.slice(span.start, span.end);
}

function verbatimOrCell(input: StatementLike, span: Span): string {
  return input.cells ? span.text : verbatim(input.text, span);
}

function findQuantities(text: string): Quantity[] {
  const quantities: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const value = numberValue(match[1] ?? "");
    if (value === undefined) continue;
    const quantity: Quantity = { text: match[0].trim(), value };
    if (match[2]) quantity.unit = match[2].toLowerCase();
    quantities.push(quantity);
  }
  return quantities;
}

const PER_WEEK: Record<string, number> = { day: 5, "school day": 5, weekday: 5, lunchtime: 5, morning: 5, afternoon: 5, week: 1, fortnight: 0.5, month: 0.25, "half term": 1 / 6, "half-term": 1 / 6, term: 1 / 12, year: 1 / 39 };
const ADVERB_PER_WEEK: Record<string, number> = { daily: 5, weekly: 1, fortnightly: 0.5, monthly: 0.25, "six monthly": 1 / 19.5, "six-monthly": 1 / 19.5, termly: 1 / 12, "half-termly": 1 / 6, "half termly": 1 / 6, annually: 1 / 39, annual: 1 / 39, yearly: 1 / 39 };

/** Sessions a week, minutes a session and minutes a week, as far as the wording gives them. */
function normaliseAmounts(frequency: string | undefined, duration: string | undefined): Pick<ProvisionAnalysis, "timesPerWeek" | "minutesPerSession" | "minutesPerWeek"> {
  const amounts: Pick<ProvisionAnalysis, "timesPerWeek" | "minutesPerSession" | "minutesPerWeek"> = {};
  const frequencies = frequency?.split("; ") ?? [];
  // "15 hours a week" states a weekly amount, not a number of sessions.
  const weeklyAmount = frequencies.find((phrase) => STARTS_WITH_TIME.test(phrase) || /^an?\s+hour/i.test(phrase));
  const sessionFrequency = frequencies.find((phrase) => phrase !== weeklyAmount);
  const perWeek = sessionFrequency ? timesPerWeek(sessionFrequency) : undefined;
  if (perWeek !== undefined) amounts.timesPerWeek = perWeek;
  const sessionDuration = duration?.split("; ").find((phrase) => !weeklyAmount?.toLowerCase().startsWith(phrase.toLowerCase()));
  const minutes = sessionDuration ? minutesOf(sessionDuration) : undefined;
  if (minutes !== undefined) amounts.minutesPerSession = minutes;
  if (weeklyAmount) {
    const total = minutesOf(weeklyAmount);
    const per = timesPerWeek(weeklyAmount.replace(UP_TO_TIME_UNIT, ""));
    if (total !== undefined && per !== undefined) amounts.minutesPerWeek = total * per;
  } else if (minutes !== undefined && perWeek !== undefined) {
    amounts.minutesPerWeek = minutes * perWeek;
  }
  return amounts;
}

/** Sessions a week implied by a frequency phrase ("3 times a week" 3, "daily" 5, "twice a term" 1/6). */
export function timesPerWeek(frequency: string): number | undefined {
  const phrase = frequency.toLowerCase().split(";")[0] ?? "";
  const countMatch = COUNT_FIRST.exec(phrase.trim());
  const count = countMatch ? (countMatch[1] ? { once: 1, twice: 2, thrice: 3 }[countMatch[1] as "once" | "twice" | "thrice"] : numberValue(countMatch[2] ?? "")) : 1;
  if (count === undefined) return undefined;
  const adverb = PERIOD_ADVERB_WORD.exec(phrase)?.[0];
  if (adverb) return count * (ADVERB_PER_WEEK[adverb.replace("-", " ")] ?? ADVERB_PER_WEEK[adverb] ?? 1);
  const period = /\b(?:a|an|per|each|every)\s+(school day|half[- ]term|day|week|fortnight|month|term|year|lunchtime|morning|afternoon|weekday)\b/.exec(phrase)?.[1];
  if (period) return count * (PER_WEEK[period.replace("-", " ")] ?? 1);
  return undefined;
}

/** Minutes in a duration phrase ("30 minutes" 30, "an hour" 60, "1.5 hours" 90). */
export function minutesOf(duration: string): number | undefined {
  const phrase = duration.toLowerCase().split(";")[0] ?? "";
  if (/\bhalf\s+an?\s+hour\b/.test(phrase)) return 30;
  if (/\ban?\s+hour\s+and\s+a\s+half\b/.test(phrase)) return 90;
  const match = AMOUNT_OF_TIME.exec(phrase);
  if (!match) return undefined;
  const value = numberValue(match[1] ?? "");
  if (value === undefined) return undefined;
  const extraHalf = /and\s+a\s+half/.test(phrase) ? 0.5 : 0;
  return /^h/.test(match[2] ?? "") ? (value + extraHalf) * 60 : value;
}

// ---------------------------------------------------------------------------------------------------
// Judgement: is the statement, read whole, specific enough to enforce?

export interface SpecificityRequirements {
  who: boolean;
  frequency: boolean;
  /** Require a session length when the statement describes sessions. */
  durationForSessions: boolean;
  /** Require a group size when the statement describes group work. */
  groupSizeForGroupWork: boolean;
}

export const DEFAULT_REQUIREMENTS: SpecificityRequirements = { who: true, frequency: true, durationForSessions: true, groupSizeForGroupWork: true };

/**
 * How a statement reads, whole:
 * - "vague": a QA officer would send it back: a hedge binds what the provider commits to, it does not say what is
 *   provided, it states nothing its type needs beyond "what", or a loose phrase ("key adult", "input", "small
 *   group") stands where a detail its type needs is missing;
 * - "incomplete": enforceable as written, but a detail its type asks for is not stated (a note, not a failing);
 * - "specific": says everything its type asks for.
 */
export type SpecificityLevel = "vague" | "incomplete" | "specific";

export interface SpecificityJudgement {
  level: SpecificityLevel;
  /** Shorthand for level === "specific". */
  specific: boolean;
  type: ProvisionType;
  /** Slots the statement's type asks for that it does not state, in the order a reader asks for them. */
  missing: SlotName[];
  /** Slots its type asks for that it does state. */
  stated: SlotName[];
  /** Slots stated but undone by a binding vague phrase, with the phrase. */
  undone: { slot: SlotName; phrase: string }[];
  /** Binding phrases that make the whole statement a suggestion rather than a decision. */
  uncommitted: string[];
}

/** The details (besides "what") each type of provision must state to be enforceable (CoP 9.69). */
export function slotsRequired(analysis: ProvisionAnalysis, requirements: SpecificityRequirements = DEFAULT_REQUIREMENTS): SlotName[] {
  const slots: SlotName[] = [];
  switch (analysis.type) {
    case "session":
      if (requirements.who) slots.push("who");
      if (requirements.frequency) slots.push("frequency");
      if (requirements.durationForSessions) slots.push("duration");
      if (requirements.groupSizeForGroupWork && analysis.isGroupWork) slots.push("groupSize");
      break;
    case "staffing":
      if (requirements.who) slots.push("who");
      // Hours a week, a ratio, or when the adult is there: any one of them states the amount.
      if (requirements.frequency) slots.push("frequency");
      break;
    case "strategy":
      // When it applies ("in every lesson", "at each transition"), not a session count.
      if (requirements.frequency) slots.push("frequency");
      break;
    case "event":
      if (requirements.who) slots.push("who");
      if (requirements.frequency) slots.push("frequency");
      break;
    case "equipment":
      break;
  }
  return slots;
}

export function judgeSpecificity(analysis: ProvisionAnalysis, requirements: SpecificityRequirements = DEFAULT_REQUIREMENTS): SpecificityJudgement {
  const binding = analysis.vagueSignals.filter((signal) => signal.binding);
  const undone = binding.filter((signal) => signal.undoes).map((signal) => ({ slot: signal.undoes as SlotName, phrase: signal.phrase }));
  const uncommitted = binding.filter((signal) => !signal.undoes).map((signal) => signal.phrase);
  const isUndone = (slot: SlotName) => undone.some((entry) => entry.slot === slot);
  // Staff support is quantified by hours (a duration) or a ratio as much as by a frequency.
  const states = (slot: SlotName): boolean => {
    if (analysis.type === "staffing" && slot === "frequency") return Boolean(analysis.frequency || analysis.duration || analysis.groupSize);
    return Boolean(analysis[slot]);
  };
  const required = slotsRequired(analysis, requirements);
  const missing: SlotName[] = [];
  if (!analysis.what && !isUndone("what")) missing.push("what");
  for (const slot of required) if (!states(slot) && !isUndone(slot)) missing.push(slot);
  const stated = required.filter((slot) => states(slot) && !isUndone(slot));
  // Loose wording that explains a gap ("an adult", "small group", "input"); a permission ("she may") is not loose.
  const loose = analysis.vagueSignals.some((signal) => !signal.binding && signal.effect === "none");
  // Provision delivered by people (sessions, adult support, events) that states none of the details its type needs.
  const thin = analysis.type !== "strategy" && analysis.type !== "equipment" && required.length > 0 && stated.length === 0;
  const gaps = missing.length > 0;
  const vague = binding.length > 0 || missing.includes("what") || thin || (loose && gaps);
  const level: SpecificityLevel = vague ? "vague" : gaps ? "incomplete" : "specific";
  return { level, specific: level === "specific", type: analysis.type, missing, stated, undone, uncommitted };
}
