// Template text waiting to be filled in: mail-merge fields ("{{child_name}}", "«Forename»"), bracketed prompts
// ("[insert date]"), Word's content-control prompt ("Click or tap here to enter text") and prompts that ask a
// question or end in a label ("What are Ava's strengths?", "Name:"). One place for both the placeholder-text rule's
// defaults and the blank-template refusal.
import { countWords } from "./words.ts";

/** Phrases a template leaves in place of content (whole words, any case). */
export const PLACEHOLDER_PHRASES = ["TBC", "TBA", "to be confirmed", "XXX", "Enter text here", "Click here to enter text", "Click or tap here to enter text", "insert name", "insert date", "Lorem ipsum"];

/** Shapes of placeholders, as regular-expression sources (unicode, case-insensitive). */
export const PLACEHOLDER_PATTERNS = ["\\[[^\\]\\n]{0,20}\\p{L}[^\\]\\n]{0,30}\\]", "«[^»\\n]{1,40}»", "<<[^>\\n]{1,40}>>", "\\{\\{[^}\\n]{1,40}\\}\\}", "\\bX{3,}\\b"];

/** Phrases that only fill a space in a template: removed whole, wherever they stand in a line. */
const FILLER_PROMPTS = /\b(?:click or tap here to enter (?:text|a date)|click here to enter (?:text|a date)|enter text here|choose an item|lorem ipsum(?: dolor sit amet)?)\b\.?/gi;
const SHAPES = new RegExp(PLACEHOLDER_PATTERNS.join("|"), "giu");
/** A line that asks for content rather than giving it: a question or a label with nothing after it. */
const PROMPT_LINE = /[?:：]\s*$/;

/** The text a person wrote: `text` without placeholders, fill-in prompts and prompt lines. */
export function withoutPlaceholders(text: string): string {
  return text
    .split(/\n| \| /)
    .map((line) => line.replace(SHAPES, " ").replace(FILLER_PROMPTS, " ").replace(/[\s_.…]+$/u, (tail) => tail.replace(/[_.…]/g, "")).trim())
    .filter((line) => !PROMPT_LINE.test(line))
    .join("\n");
}

/** Words of `text` that are content, not template. */
export const filledWords = (text: string): number => countWords(withoutPlaceholders(text));
