// Section E outcomes must be SMART: about the child, time-bound, measurable, and outcomes rather than provision.
// Outcomes come as lists, paragraphs or table rows, in one Section E or spread over area-of-need parts; their time
// frame may sit in the outcome itself, in a "By when" column, in the column's title ("Outcome by July 2026"), in a
// sub-heading, or in a sentence introducing them ("The outcomes below are for the period to the end of Year 9").
import type { Block, EhcpDocument, SectionId } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";
import { splitSentences } from "../scope.ts";
import { childPronouns } from "../text/child-pronouns.ts";
import { findPhrases, hasPhrase } from "../text/phrase-list.ts";
import { forenameOf } from "../text/provision-statements.ts";
import { classifyColumn } from "../text/statements.ts";
import { findDates } from "../../text/dates.ts";
import { countWords } from "../../text/words.ts";

interface Options {
  minOutcomes: number;
  maxOutcomes: number;
  /** Phrases that make an outcome time-bound. */
  timePatterns: string[];
  /** Phrases that make an outcome measurable: numbers, criteria, observable independence. */
  measurePatterns: string[];
  /** Aims with no measure: "will improve", "will be happy", "more confident". */
  vaguePhrases: string[];
  /** Phrases that describe what the child will be given: provision, not an outcome. */
  provisionPhrases: string[];
  /** Phrases that show the statement is about staff or services rather than the child. */
  servicePhrases: string[];
  /** Sentences about reviewing the outcomes ("Progress will be reviewed at each annual review") are not outcomes. */
  reviewPhrases: string[];
  /** Sub-headings that introduce outcomes inside another part (area-of-need layouts: "What I want to achieve"). */
  outcomeHeadings: string[];
  /** The category fails when at least this share of the outcomes is not SMART; fewer are warnings to look at. */
  failShare: number;
}

interface Outcome {
  /** The outcome as written (a list item keeps its own words). */
  text: string;
  /** What is judged: a list item with the lead-in it completes ("By the end of Key Stage 2 Oliver will:"). */
  judged: string;
  blockId: string;
  section: SectionId;
  /** Text around the outcome that can give its time frame: column title, sub-heading, introduction. */
  context: string[];
  /** The outcome's row has a "By when" cell holding a date or time frame ("18/07/2025", "End of Key Stage 4"). */
  dated: boolean;
}

/** A part of the plan holding outcomes: a Section E, or an outcomes sub-part of an area-of-need part. */
interface OutcomeRegion {
  section: SectionId;
  heading: string;
  blocks: Block[];
}

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";

export const DEFAULT_OUTCOME_OPTIONS: Options = {
  minOutcomes: 3,
  maxOutcomes: 10,
  timePatterns: [
    "\\b(by|before|until|to|at) (the )?(end|start|beginning|middle) of\\b",
    "\\bend of (year|key stage|ks|reception|nursery|primary|secondary|college|sixth form|the (autumn|spring|summer) (half[- ])?term|the (academic|school) year)\\b",
    `\\b(by|before|until|in) (the )?(${MONTHS})( \\d{4})?\\b`,
    `\\bby \\d{1,2}(st|nd|rd|th)? (${MONTHS})`,
    "\\bby the time\\b",
    "\\bby (the )?age (of )?\\d+",
    "\\bby (the |his |her |their |my )?(next |first |second )?(annual )?review\\b",
    "\\b(within|in|over|during) (the )?(next |first |coming |following )?(\\d+|one|two|three|four|five|six|nine|twelve|eighteen|twenty-four) (weeks?|months?|years?|terms?|half[- ]terms?)\\b",
    "\\b(within|in|over|during|by the end of) (the |this )?(next |coming |following |current )?(academic|school) year\\b",
    "\\b(within|over|during|in) (the )?(next|coming|following) (year|term|half[- ]term|twelve months)\\b",
    "\\b(by|in|during) (the )?(autumn|spring|summer) (half[- ])?term\\b",
    "\\bby (next |this )?(summer|spring|autumn|christmas|easter)( term)?( 20\\d\\d)?\\b",
    "\\bbefore (he|she|they|i) (leaves?|moves?|starts?|transfers?)\\b",
    "\\b(in|by) (year|y) ?\\d{1,2}\\b",
    "\\b(by|in) 20\\d\\d\\b",
  ],
  measurePatterns: [
    "\\b\\d+\\s*(%|per cent|out of|/|words?|minutes?|metres?|times?|steps?|sentences?|sounds?|letters?|numbers?|sessions?|days?|occasions?|pupils?|peers?|adults?|questions?|lines?|pages?)",
    "\\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|hundred) (out of|of his|of her|of their|words?|minutes?|times?|steps?|sentences?|sounds?|letters?|numbers?|peers?|adults?|questions?|occasions?|different)\\b",
    "\\b(\\d+|one|two|three|four|five) (out of|in) (\\d+|five|ten|four|three)\\b",
    "\\bindependently\\b",
    "\\bwithout (?:an? |any )?(?:adult|staff|help|support|prompting|prompts|reminders)",
    "\\bon (?:her|his|their|my) own\\b",
    "\\bwith no more than\\b",
    "\\bat least\\b",
    "\\b(reading|spelling|chronological) age\\b",
    "\\bon (\\d+|three|four|five) (consecutive|separate) (days|occasions|weeks)\\b",
    "\\bevery (day|morning|lesson|week)\\b",
    "\\b(national curriculum|year \\d) (expectations|standard|level)",
    "\\bage[- ]appropriate\\b",
  ],
  vaguePhrases: [
    "will improve", "improve", "improved", "improvement", "will develop", "develop his", "develop her", "develop their", "develop my",
    "will be supported to", "will be supported", "achieve his potential", "achieve her potential", "achieve their potential", "achieve my potential",
    "will be happy", "be happier", "happier", "calmer", "will make progress", "make progress", "make good progress", "progress in",
    "will continue to", "more confident", "feel confident", "be confident", "confidence will", "will increase", "will have improved",
    "will be helped to", "will work towards", "will engage", "will enjoy", "will grow", "grow in", "better", "more settled", "more regularly",
    "more easily", "less worried", "less anxious", "more independent", "more able", "use strategies", "strategies to", "regulate his emotions",
    "regulate her emotions", "regulate their emotions", "regulate my emotions", "manage his emotions", "manage her emotions", "manage their emotions",
    "manage my emotions", "manage his behaviour", "manage her behaviour", "manage their behaviour", "manage my behaviour",
  ],
  provisionPhrases: [
    "will receive", "will be given", "will have access to", "will be provided with", "will be provided", "will attend a", "will attend weekly",
    "will attend daily", "will be offered", "will have 1:1", "will have a teaching assistant", "will be taught by", "will have support from",
    "will be supported by",
  ],
  servicePhrases: [
    "school will", "staff will", "the school will", "teachers will", "the teaching assistant will", "the therapist will", "the setting will",
    "the local authority will", "the la will", "adults will",
  ],
  reviewPhrases: ["will be reviewed", "will be monitored", "will be measured", "will be agreed", "at each annual review", "at the annual review"],
  outcomeHeadings: [
    "outcomes", "outcome", "what i want to achieve", "what i will achieve", "what i am working towards", "working towards", "aiming for",
    "what we are aiming for", "targets", "my goals", "goals", "longer-term aims", "long-term aims",
  ],
  failShare: 0.3,
};

const anyMatch = (text: string, patterns: readonly string[]): boolean => patterns.some((source) => new RegExp(source, "iu").test(text));

const COUNT = /\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b/i;

/** A number that is not part of the deadline ("grade 4", "three new foods"; not "Year 6" or "July 2027") is a measure. */
function countsSomething(text: string, timePatterns: readonly string[]): boolean {
  const withoutDates = findDates(text).reduceRight((rest, date) => rest.slice(0, date.index) + " " + rest.slice(date.index + date.text.length), text);
  const withoutStages = withoutDates.replace(/\b(?:year|key stage|ks|age|y)\s*\d+\b/gi, " ");
  const withoutDeadline = timePatterns.reduce((rest, source) => rest.replace(new RegExp(source, "giu"), " "), withoutStages);
  return COUNT.test(withoutDeadline);
}

// A date read as a deadline: "by 10/03/2026", "before Friday 4 April 2025", "in September 2026", "(July 2026)" after "end of Key Stage 2".
const DEADLINE_BEFORE = /(?:\b(?:by|before|until|till|in|during|no later than|end of|run(?:s|ning)? to|up to)\s+(?:(?:the\s+)?(?:end|start|beginning)\s+of\s+)?(?:\p{L}+day,?\s+)?|\b(?:key stage|year)\s+\d+\s*\(\s*)$/iu;

function hasTimeFrame(text: string, timePatterns: readonly string[]): boolean {
  if (anyMatch(text, timePatterns)) return true;
  return findDates(text).some((date) => DEADLINE_BEFORE.test(text.slice(Math.max(0, date.index - 40), date.index)));
}

/** A short cell that is only a time frame: "18/07/2025", "By 10/03/2026", "End of Key Stage 4", "Summer term 2026". */
function isTimeCell(cell: string, timePatterns: readonly string[]): boolean {
  const text = cell.trim();
  if (text === "" || countWords(text) > 8) return false;
  return hasTimeFrame(text, timePatterns) || findDates(text).length > 0 || /^(?:by\s+)?(?:the\s+)?(?:end|start|beginning|middle)\s+of\b/i.test(text) || /^(?:by\s+)?(?:the\s+)?(?:autumn|spring|summer)\s+(?:half[- ])?term\b/i.test(text);
}

/** A column that says when: "By when", "Timescale", "Review by", "Target date". */
const TIME_HEADER = /\b(?:by when|when|timescales?|time ?frames?|deadline|target date|date|review by|achieve by|to be achieved by)\b/i;

/** An outcome is a sentence or item that says what will change: it has "will", "can" or "to be able to". */
const looksLikeOutcome = (text: string): boolean => /\b(will|can|to be able to|able to|is able to)\b/i.test(text) || /^I\b/.test(text);

/** Words that show an introduction is about the outcomes ("These outcomes run to ...", "Her long-term aim, by ..."). */
const ABOUT_OUTCOMES = /\b(?:outcomes?|aims?|targets?|goals?|steps?)\b/i;

/** The column holding outcomes: of the columns titled as outcomes, the one with the most text ("Outcome", not "Outcome ref"). */
function outcomeColumn(header: readonly string[], rows: readonly string[][]): number {
  const titled = header.map((title, index) => ({ index, outcome: classifyColumn(title).includes("outcome") })).filter((column) => column.outcome);
  if (titled.length === 0) return -1;
  const textIn = (index: number) => rows.reduce((sum, row) => sum + (row[index]?.length ?? 0), 0);
  return titled.sort((a, b) => textIn(b.index) - textIn(a.index))[0]!.index;
}

/** A table's column titles and body; a PDF table's titles arrive as its first row (short cells, no sentences). */
function titledTable(block: Extract<Block, { kind: "table" }>): { header: string[]; rows: string[][] } {
  const [first, ...rest] = block.rows;
  const titleLike = (cell: string) => countWords(cell) <= 10 && !/[.!?]\s*$/.test(cell.trim());
  if (block.header.length === 0 && first && rest.length > 0 && first.every(titleLike) && first.some((cell) => classifyColumn(cell).includes("outcome"))) {
    return { header: first, rows: rest };
  }
  return { header: block.header, rows: block.rows };
}

/** Sections that an area-of-need part (needs, provision and outcomes per area) is read as. */
const AREA_OF_NEED_PARTS: readonly SectionId[] = ["B", "F"];

/** A table of an area-of-need part with a needs column and an outcomes column. */
function isNeedsProvisionOutcomesTable(block: Extract<Block, { kind: "table" }>): boolean {
  const { header, rows } = titledTable(block);
  return outcomeColumn(header, rows) >= 0 && header.some((title) => classifyColumn(title).includes("need"));
}

/** Every Section E, and the outcome parts of other parts: an outcomes sub-heading, or a table with an outcomes column. */
function outcomeRegions(plan: EhcpDocument, outcomeHeadings: readonly string[]): OutcomeRegion[] {
  const regions: OutcomeRegion[] = [];
  for (const section of plan.sections) {
    if (section.id === "E") {
      regions.push({ section: section.id, heading: section.heading, blocks: section.blocks });
      continue;
    }
    // Area-of-need parts hold needs, provision and outcomes together; elsewhere ("What I want to achieve" in Section A is about aspirations) they are not outcomes.
    if (!AREA_OF_NEED_PARTS.includes(section.id)) continue;
    let current: OutcomeRegion | null = null;
    for (const block of section.blocks) {
      if (block.kind === "heading") {
        current = hasPhrase(block.text, outcomeHeadings) ? { section: section.id, heading: block.text, blocks: [] } : null;
        if (current) regions.push(current);
      } else if (current) {
        current.blocks.push(block);
      } else if (block.kind === "table" && isNeedsProvisionOutcomesTable(block)) {
        // A needs / provision / outcomes table of an area-of-need part.
        regions.push({ section: section.id, heading: section.heading, blocks: [block] });
      }
    }
  }
  return regions;
}

function outcomesIn(regions: readonly OutcomeRegion[], options: Options): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const region of regions) {
    // Headings and introductions that give the time frame for the outcomes after them.
    const introductions: string[] = [];
    let subHeading = "";
    let leadIn = "";
    const push = (text: string, judged: string, blockId: string, context: string[], dated = false) => {
      if (text && looksLikeOutcome(judged) && findPhrases(judged, options.reviewPhrases).length === 0) {
        outcomes.push({ text, judged, blockId, section: region.section, context: [...context, subHeading, region.heading, ...introductions], dated });
      }
    };
    for (const block of region.blocks) {
      if (block.kind === "heading") {
        subHeading = block.text;
        continue;
      }
      if (block.kind !== "list-item") leadIn = "";
      if (block.kind === "table") {
        const { header, rows } = titledTable(block);
        const column = outcomeColumn(header, rows);
        const timeColumns = header.map((title, index) => (index !== column && TIME_HEADER.test(title) ? index : -1)).filter((index) => index >= 0);
        for (const row of rows) {
          const index = column >= 0 ? column : row.indexOf([...row].sort((a, b) => b.length - a.length)[0] ?? "");
          const cell = row[index]?.trim() ?? "";
          // The time frame of a row: its "By when" cell, any cell that is only a date or time frame, the column's title.
          const dated = row.some((other, at) => at !== index && isTimeCell(other, options.timePatterns));
          push(cell, cell, block.id, [header[index] ?? "", ...row.filter((_, at) => timeColumns.includes(at))], dated);
        }
        continue;
      }
      if (block.kind === "list-item") {
        const judged = leadIn ? `${leadIn} ${block.text.trim()}` : block.text.trim();
        push(block.text.trim(), judged, block.id, []);
        continue;
      }
      for (const { text } of splitSentences(block.text)) {
        // "By the end of Key Stage 2 Oliver will:" introduces the list items that follow; it is not an outcome itself.
        if (text.endsWith(":")) leadIn = text.slice(0, -1);
        else if (looksLikeOutcome(text) && findPhrases(text, options.reviewPhrases).length === 0) push(text, text, block.id, []);
        else if (ABOUT_OUTCOMES.test(text)) introductions.push(text);
      }
    }
  }
  // A table that repeats an outcome (a provision table's "Outcome" column) judges it once.
  const seen = new Set<string>();
  return outcomes.filter((outcome) => !seen.has(outcome.text) && seen.add(outcome.text));
}

// A SMART example on the outcome's own subject, so the suggestion reads as advice about this outcome.
const EXAMPLES: { topic: RegExp; example: string }[] = [
  { topic: /\b(?:maths?|mathematics|numbers?|numeracy|money)/i, example: "will add and subtract numbers to 20 without counting aids, getting 8 out of 10 questions right" },
  { topic: /\b(?:writ|handwrit|spell|pencil|letter formation)/i, example: "will write three linked sentences with capital letters and full stops in 4 out of 5 pieces of work" },
  { topic: /\b(?:read|phonic|book)/i, example: "will read a page of age-appropriate text aloud with no more than 3 errors" },
  { topic: /\b(?:friend|social|play|peers?|turn)/i, example: "will join a game with two classmates at playtime on 3 days out of 5, as recorded by staff" },
  { topic: /\b(?:behaviou?r|emotion|regulat|anxi|calm|angry|anger|worr)/i, example: "will use {{their}} calm-down plan to return to class within 10 minutes on 4 occasions out of 5" },
  { topic: /\b(?:speech|language|communicat|talk|vocabulary|words|listen)/i, example: "will use a 5-word sentence to ask an adult for help in class on 4 occasions out of 5" },
  { topic: /\b(?:independen|dress|travel|toilet|organis)/i, example: "will pack {{their}} own bag for school using a picture checklist on 4 mornings out of 5" },
];
const GENERIC_EXAMPLE = "will read a page of age-appropriate text aloud with no more than 3 errors";

/** "By July 2027, <the child> will ...": a year after the plan's date when it gives one, otherwise the end of the school year. */
function exampleOutcome(outcome: string, who: string, plan: EhcpDocument): string {
  const example = (EXAMPLES.find((candidate) => candidate.topic.test(outcome))?.example ?? GENERIC_EXAMPLE).replace("{{their}}", childPronouns(plan).possessive);
  const planYear = Number((plan.facts.planDate ?? plan.facts.finalIssuedDate ?? plan.facts.draftIssuedDate ?? "").slice(0, 4));
  const by = Number.isInteger(planYear) && planYear > 2000 ? `By July ${planYear + 1}` : "By the end of the school year";
  return `${by}, ${who} ${example}.`;
}

export default defineRule<Options>({
  meta: {
    id: "outcomes-smart",
    category: "outcomes",
    title: "Outcomes are SMART",
    description: "Each outcome in Section E is about the child, time-bound, measurable, and not a description of provision; 3 to 10 outcomes.",
    source: "SEND Code of Practice 2015, paras 9.64–9.69 (outcomes should be SMART)",
    rationale: "Outcomes are how a review tells whether the provision is working: an outcome with no time frame or measure cannot be reviewed, and one that describes provision says what adults do, not what the child will achieve.",
    examples: {
      pass: [
        { section: "E", text: "By the end of Year 5, Tam will read a short passage aloud and answer three questions about it, as measured by termly reading checks." },
      ],
      fail: [
        { section: "E", text: "Tam will be happier at school." },
        { section: "E", text: "Tam will receive weekly speech and language therapy." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 3,
    optionsSchema: {
      type: "object",
      properties: {
        minOutcomes: { type: "integer", minimum: 0 },
        maxOutcomes: { type: "integer", minimum: 1 },
        timePatterns: { type: "array", items: { type: "string", format: "regex" } },
        measurePatterns: { type: "array", items: { type: "string", format: "regex" } },
        vaguePhrases: { type: "array", items: { type: "string", minLength: 1 } },
        provisionPhrases: { type: "array", items: { type: "string", minLength: 1 } },
        servicePhrases: { type: "array", items: { type: "string", minLength: 1 } },
        reviewPhrases: { type: "array", items: { type: "string", minLength: 1 } },
        outcomeHeadings: { type: "array", items: { type: "string", minLength: 1 } },
        failShare: { type: "number", exclusiveMinimum: 0, maximum: 1 },
      },
      required: ["minOutcomes", "maxOutcomes", "timePatterns", "measurePatterns", "vaguePhrases", "provisionPhrases", "servicePhrases", "reviewPhrases", "outcomeHeadings", "failShare"],
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OUTCOME_OPTIONS },
    messages: {
      notSmart: "This outcome is not SMART: {{missing}}.",
      tooFew: "Section E has {{count}} outcome(s); a plan normally needs at least {{min}} to cover the child's needs.",
      tooMany: "Section E has {{count}} outcomes; more than {{max}} makes the plan hard to review.",
      none: "Section E has no outcomes.",
    },
  },
  check({ plan, options, report }) {
    const regions = outcomeRegions(plan, options.outcomeHeadings);
    const section = plan.sections.find((candidate) => candidate.id === "E");
    if (regions.length === 0) return { notApplicable: "There is no Section E (flagged under 'Every section is present')." };
    const outcomes = outcomesIn(regions, options);
    const forename = forenameOf(plan);
    if (outcomes.length === 0) {
      // The example names this plan's child (never a sample child), dated from this plan.
      const example = exampleOutcome("", forename ?? "the child", plan);
      report({ messageId: "none", section: "E", excerpt: "", blockId: section?.headingBlockId ?? undefined, suggestion: `Write outcomes in the form "${example}"` });
      return { score: 0 };
    }

    const judged = outcomes.map((outcome) => ({ outcome, missing: whatIsMissing(outcome, options) }));
    const notSmart = judged.filter((entry) => entry.missing.length > 0);
    // One weak outcome among SMART ones is worth a look; a plan whose outcomes are largely not SMART fails.
    const severity = notSmart.length / outcomes.length >= options.failShare ? "error" : "warning";
    const who = forename ?? "the child";
    for (const { outcome, missing } of notSmart) {
      report({
        messageId: "notSmart",
        data: { missing: missing.join("; ") },
        severity,
        section: outcome.section,
        excerpt: outcome.text,
        blockId: outcome.blockId,
        suggestion: `Say what ${who} will be able to do, how you will know, and by when: for example "${exampleOutcome(outcome.judged, who, plan)}"`,
      });
    }
    const countData = { count: outcomes.length, min: options.minOutcomes, max: options.maxOutcomes };
    if (outcomes.length < options.minOutcomes) {
      report({ messageId: "tooFew", data: countData, severity: "warning", section: "E", excerpt: "", suggestion: "Add an outcome for each area of need in Section B." });
    } else if (outcomes.length > options.maxOutcomes) {
      report({ messageId: "tooMany", data: countData, severity: "warning", section: "E", excerpt: "", suggestion: "Combine related outcomes, keeping the short-term steps for the annual review." });
    }
    const smart = outcomes.length - notSmart.length;
    return { score: smart / outcomes.length, note: `${smart} of ${outcomes.length} outcomes are SMART.` };
  },
});

const LIST_NUMBER = /^(?:\s*[[(]?(?:[A-Z]?\d{1,2}|[a-z])[.)]+\]?)+\s+/;

/** What an outcome lacks, in words for the finding; empty when it is SMART. */
function whatIsMissing(outcome: Outcome, options: Options): string[] {
  // A list number written into the text ("4.", "E2.", a PDF's "3.[4.]") is not a measure.
  const judged = outcome.judged.replace(LIST_NUMBER, "");
  const lower = judged.toLowerCase();
  const missing: string[] = [];
  const provision = findPhrases(lower, options.provisionPhrases)[0];
  if (provision) missing.push(`it describes what the child will be given ("${provision.text}"), which is provision, not an outcome`);
  else if (findPhrases(lower, options.servicePhrases).length > 0) missing.push("it is about what staff or services will do, not what the child will achieve");
  const timed = outcome.dated || [judged, ...outcome.context].some((text) => text !== "" && hasTimeFrame(text, options.timePatterns));
  if (!timed) missing.push('it does not say by when (for example "by the end of Year 6")');
  // An observable action with no number ("will show the bus driver his travel pass") is measurable; an aim of
  // change with no measure ("will improve", "more confident", "communicate better") is not.
  const measured = anyMatch(judged, options.measurePatterns) || countsSomething(judged, options.timePatterns);
  const vague = findPhrases(lower, options.vaguePhrases)[0];
  if (!measured && vague) missing.push(`"${vague.text}" has no measure of success`);
  return missing;
}
