// Section E outcomes must be SMART: about the child, time-bound, measurable, and outcomes rather than provision.
import type { Block, EhcpDocument } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";
import { splitSentences } from "../scope.ts";
import { childPronouns } from "../text/child-pronouns.ts";
import { findPhrases } from "../text/phrase-list.ts";
import { forenameOf } from "../text/provision-statements.ts";
import { classifyColumn } from "../text/statements.ts";

interface Options {
  minOutcomes: number;
  maxOutcomes: number;
  /** Phrases that make an outcome time-bound. */
  timePatterns: string[];
  /** Phrases that make an outcome measurable: numbers, criteria, observable independence. */
  measurePatterns: string[];
  /** Aims with no measure: "will improve", "will be happy". */
  vaguePhrases: string[];
  /** Phrases that describe what the child will be given: provision, not an outcome. */
  provisionPhrases: string[];
  /** Phrases that show the statement is about staff or services rather than the child. */
  servicePhrases: string[];
  /** Sentences about reviewing the outcomes ("Progress will be reviewed at each annual review") are not outcomes. */
  reviewPhrases: string[];
}

interface Outcome {
  /** The outcome as written (a list item keeps its own words). */
  text: string;
  /** What is judged: a list item with the lead-in it completes ("By the end of Key Stage 2 Oliver will:"). */
  judged: string;
  blockId: string;
}

const anyMatch = (text: string, patterns: readonly string[]): boolean => patterns.some((source) => new RegExp(source, "iu").test(text));

const COUNT = /\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b/i;

/** A number that is not part of the deadline ("grade 4", "three new foods"; not "Year 6" or "July 2027") is a measure. */
function countsSomething(text: string, timePatterns: readonly string[]): boolean {
  const withoutStages = text.replace(/\b(?:year|key stage|ks|age|y)\s*\d+\b/gi, " ");
  const withoutDeadline = timePatterns.reduce((rest, source) => rest.replace(new RegExp(source, "giu"), " "), withoutStages);
  return COUNT.test(withoutDeadline);
}

/** An outcome is a sentence or item that says what will change: it has "will", "can" or "to be able to". */
const looksLikeOutcome = (text: string): boolean => /\b(will|can|to be able to|able to|is able to)\b/i.test(text) || /^I\b/.test(text);

function outcomesIn(blocks: readonly Block[], reviewPhrases: readonly string[]): Outcome[] {
  const outcomes: Outcome[] = [];
  let leadIn = "";
  for (const block of blocks) {
    if (block.kind === "heading") continue;
    if (block.kind !== "list-item") leadIn = "";
    if (block.kind === "table") {
      // The column headed "Outcome" (or "Long-term outcome", "By the end of Year 6 ..."), else each row's longest cell.
      const outcomeColumn = block.header.findIndex((header) => classifyColumn(header).includes("outcome"));
      for (const row of block.rows) {
        const cell = outcomeColumn >= 0 ? row[outcomeColumn] : [...row].sort((a, b) => b.length - a.length)[0];
        if (cell && looksLikeOutcome(cell)) outcomes.push({ text: cell.trim(), judged: cell.trim(), blockId: block.id });
      }
      continue;
    }
    if (block.kind === "list-item") {
      const judged = leadIn ? `${leadIn} ${block.text.trim()}` : block.text.trim();
      if (judged && looksLikeOutcome(judged)) outcomes.push({ text: block.text.trim(), judged, blockId: block.id });
      continue;
    }
    for (const { text } of splitSentences(block.text)) {
      // "By the end of Key Stage 2 Oliver will:" introduces the list items that follow; it is not an outcome itself.
      if (text.endsWith(":")) leadIn = text.slice(0, -1);
      else if (looksLikeOutcome(text) && findPhrases(text, reviewPhrases).length === 0) outcomes.push({ text, judged: text, blockId: block.id });
    }
  }
  return outcomes;
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

/** "By July 2027, Ava will ...": a year after the plan's date when it gives one, otherwise the end of the school year. */
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
      },
      required: ["minOutcomes", "maxOutcomes", "timePatterns", "measurePatterns", "vaguePhrases", "provisionPhrases", "servicePhrases", "reviewPhrases"],
      additionalProperties: false,
    },
    defaultOptions: {
      minOutcomes: 3,
      maxOutcomes: 10,
      timePatterns: [
        "\\bby (the )?(end|start|beginning) of (year|key stage|ks|reception|the (autumn|spring|summer) term|primary|secondary|college|his|her|their)",
        "\\bby (january|february|march|april|may|june|july|august|september|october|november|december)( \\d{4})?\\b",
        "\\bby \\d{1,2}(st|nd|rd|th)? (january|february|march|april|may|june|july|august|september|october|november|december)",
        "\\bby (the time (he|she|they|i) (leaves?|moves?|starts?|transfers?))",
        "\\bby (the )?age (of )?\\d+",
        "\\bby (the )?(next|first|annual) review\\b",
        "\\b(within|in|over) (the next )?(\\d+|one|two|three|four|six|nine|twelve|eighteen) (weeks?|months?|years?|terms?)\\b",
        "\\bby (summer|spring|autumn|christmas|easter) 20\\d\\d\\b",
        "\\bbefore (he|she|they|i) (leaves?|moves?|starts?|transfers?)\\b",
        "\\b(in|by) (year|y) ?\\d{1,2}\\b",
        "\\bby 20\\d\\d\\b",
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
      vaguePhrases: ["will improve", "will develop", "will be supported to", "will be supported", "achieve his potential", "achieve her potential", "achieve their potential", "achieve my potential", "will be happy", "will make progress", "make good progress", "will continue to", "will be more confident", "will increase", "will have improved", "will be helped to", "will work towards", "will engage", "will enjoy"],
      provisionPhrases: ["will receive", "will be given", "will have access to", "will be provided with", "will be provided", "will attend a", "will attend weekly", "will attend daily", "will be offered", "will have 1:1", "will have a teaching assistant", "will be taught by", "will have support from", "will be supported by"],
      reviewPhrases: ["will be reviewed", "will be monitored", "will be measured", "will be agreed", "at each annual review", "at the annual review"],
      servicePhrases: ["school will", "staff will", "the school will", "teachers will", "the teaching assistant will", "the therapist will", "the setting will", "the local authority will", "the la will", "adults will"],
    },
    messages: {
      notSmart: "This outcome is not SMART: {{missing}}.",
      tooFew: "Section E has {{count}} outcome(s); a plan normally needs at least {{min}} to cover the child's needs.",
      tooMany: "Section E has {{count}} outcomes; more than {{max}} makes the plan hard to review.",
      none: "Section E has no outcomes.",
    },
  },
  check({ plan, options, report }) {
    const section = plan.sections.find((candidate) => candidate.id === "E");
    if (!section) return { notApplicable: "There is no Section E (flagged under 'Every section is present')." };
    const outcomes = outcomesIn(section.blocks, options.reviewPhrases);
    const forename = forenameOf(plan);
    if (outcomes.length === 0) {
      report({ messageId: "none", section: "E", excerpt: "", blockId: section.headingBlockId ?? undefined, suggestion: 'Write outcomes in the form "By July 2027, Ava will read 100 high-frequency words independently."' });
      return { score: 0 };
    }

    let smart = 0;
    for (const outcome of outcomes) {
      const lower = outcome.judged.toLowerCase();
      const missing: string[] = [];
      const provision = findPhrases(lower, options.provisionPhrases)[0];
      if (provision) missing.push(`it describes what the child will be given ("${provision.text}"), which is provision, not an outcome`);
      else if (findPhrases(lower, options.servicePhrases).length > 0) missing.push("it is about what staff or services will do, not what the child will achieve");
      if (!anyMatch(outcome.judged, options.timePatterns)) missing.push('it does not say by when (for example "by the end of Year 6")');
      const vague = findPhrases(lower, options.vaguePhrases)[0];
      if (!anyMatch(outcome.judged, options.measurePatterns) && !countsSomething(outcome.judged, options.timePatterns)) {
        missing.push(vague ? `"${vague.text}" has no measure of success` : "it has nothing to measure success by (a number, a criterion or an observable behaviour)");
      }
      if (missing.length === 0) {
        smart++;
        continue;
      }
      const who = forename ?? "the child";
      report({
        messageId: "notSmart",
        data: { missing: missing.join("; ") },
        section: "E",
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
    return { score: smart / outcomes.length, note: `${smart} of ${outcomes.length} outcomes are SMART.` };
  },
});
