// A blank or nearly blank LA template given as a plan: most of its sections hold only placeholders and prompts.
// Auditing it would give a page of "placeholder left in" findings and an Inadequate grade for a plan nobody has
// written yet, so it is refused (BLANK_TEMPLATE) with a sentence saying so. A real plan with a few placeholders left
// in is not: its sections have content, and the placeholder-text check flags what was left.
import type { EhcpDocument } from "../model/document.ts";
import { filledWords } from "../text/placeholders.ts";
import { countWords } from "../text/words.ts";

/**
 * A section whose placeholders and prompts leave no more than this many words is unfilled. A short statement with
 * nothing removed ("No social care needs.") is content, not template.
 */
const UNFILLED_SECTION_MAX_WORDS = 5;
/** The share of sections that must be unfilled for the document to be a blank template. */
const BLANK_SHARE = 0.6;
/** At least this many sections: one empty section of a fragment says nothing about a template. */
const MIN_SECTIONS = 3;

export interface TemplateFill {
  sections: number;
  unfilled: number;
}

/** How many of the plan's sections are unfilled. Sections repeated by area of need count once per region. */
export function templateFill(plan: EhcpDocument): TemplateFill {
  let unfilled = 0;
  for (const section of plan.sections) {
    const written = section.blocks.reduce((sum, block) => sum + countWords(block.text), 0);
    const filled = section.blocks.reduce((sum, block) => sum + filledWords(block.text), 0);
    if (filled === 0 || (filled < written && filled <= UNFILLED_SECTION_MAX_WORDS)) unfilled++;
  }
  return { sections: plan.sections.length, unfilled };
}

export function isBlankTemplate(fill: TemplateFill): boolean {
  return fill.sections >= MIN_SECTIONS && fill.unfilled >= fill.sections * BLANK_SHARE;
}
