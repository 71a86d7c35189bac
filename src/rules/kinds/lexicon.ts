// lexicon: flag phrases (each with its own message and suggestion), except where an exception phrase covers them.
import { blocksInScope, splitSentences, textUnits } from "../scope.ts";
import { absentScopeReason, matchSettingsSchema, type DeclarativeKind } from "./declarative.ts";
import { findAll, phraseMatcher, type MatchSettings, type TextMatch } from "./matcher.ts";
import { formatMessage } from "../run-rule.ts";

export interface LexiconPhrase {
  phrase: string;
  /** Message template for this phrase; {{phrase}} is the text as written in the plan. */
  message?: string;
  suggestion?: string;
  /** Longer phrases containing this one that are fine, e.g. "support staff" for "support". */
  exceptions?: string[];
}

export interface LexiconOptions extends MatchSettings {
  phrases: LexiconPhrase[];
  /** Exceptions that apply to every phrase. */
  exceptions: string[];
  message: string;
  suggestion: string;
}

const phraseList = { type: "array", items: { type: "string", minLength: 1 } };

export const lexicon: DeclarativeKind<LexiconOptions> = {
  name: "lexicon",
  summary: "Flags listed phrases, each with its own message and suggestion, unless an exception covers it.",
  optionsSchema: {
    type: "object",
    properties: {
      phrases: {
        type: "array",
        items: {
          type: "object",
          properties: {
            phrase: { type: "string", minLength: 1 },
            message: { type: "string", minLength: 1 },
            suggestion: { type: "string" },
            exceptions: phraseList,
          },
          required: ["phrase"],
          additionalProperties: false,
        },
      },
      exceptions: phraseList,
      message: { type: "string", minLength: 1 },
      suggestion: { type: "string" },
      ...matchSettingsSchema,
    },
    required: ["phrases", "exceptions", "message", "suggestion", "wholeWord", "caseSensitive"],
    additionalProperties: false,
  },
  defaultOptions: { phrases: [], exceptions: [], message: '"{{phrase}}" was found here.', suggestion: "", wholeWord: true, caseSensitive: false },
  messages: { found: "{{text}}" },
  check(context, scope) {
    const absent = absentScopeReason(context.plan.sections.map((s) => s.id), scope);
    if (absent) return { notApplicable: absent };
    const { options } = context;
    const compiled = options.phrases.map((entry) => {
      const exceptions = [...options.exceptions, ...(entry.exceptions ?? [])];
      return { entry, matcher: phraseMatcher([entry.phrase], options), exceptions: exceptions.length > 0 ? phraseMatcher(exceptions, options) : null };
    });
    let count = 0;
    for (const block of blocksInScope(context.plan, scope)) {
      for (const unit of textUnits(block)) {
        for (const sentence of splitSentences(unit.text)) {
          for (const { entry, matcher, exceptions } of compiled) {
            const covered = exceptions ? findAll(sentence.text, exceptions) : [];
            const hits = findAll(sentence.text, matcher).filter((hit) => !covered.some((exception) => overlaps(hit, exception)));
            const first = hits[0];
            if (!first) continue; // one finding per phrase per sentence, however often it repeats there
            count += 1;
            const data = { phrase: first.text };
            context.report({
              messageId: "found",
              data: { text: formatMessage(entry.message ?? options.message, data) },
              section: block.section,
              excerpt: sentence.text,
              suggestion: formatMessage(entry.suggestion ?? options.suggestion, data),
              blockId: block.id,
            });
          }
        }
      }
    }
    return { note: count === 0 ? "None of the listed phrases was found." : `${count} listed phrase${count === 1 ? "" : "s"} found.` };
  },
};

const overlaps = (a: TextMatch, b: TextMatch): boolean => a.index < b.index + b.text.length && b.index < a.index + a.text.length;
