// Decide, for one requested correction, whether the final carries it: by comparing the draft's text at the
// correction with the final's text at the matching place (found by alignment, not position).
import type { SectionId } from "../../model/document.ts";
import type { Alignment } from "./align.ts";
import type { Correction, DetailAsked } from "./corrections.ts";
import { analyseProvision } from "../text/provision-slots.ts";
import { containsPhrase, contentWords, coverage, requestCoverage, type TextUnit } from "./units.ts";

export type Verdict = "carried-over" | "partly-carried-over" | "not-carried-over" | "not-a-correction" | "unclear";

export interface Judgement {
  verdict: Verdict;
  /** Why, in a caseworker's words. */
  reason: string;
  draftText: string;
  /** The final's text at the matching place; null when the place was removed or could not be found. */
  finalText: string | null;
  section: SectionId | null;
  draftBlockId: string | null;
}

export interface JudgeContext {
  draftUnits: readonly TextUnit[];
  finalUnits: readonly TextUnit[];
  alignment: Alignment;
  /** Abbreviations and their long forms ("ot" -> ["occupational therapy", "occupational therapist"]). */
  synonyms: Readonly<Record<string, readonly string[]>>;
}

/** Content words a "please add ..." request is about, without the request's own words. */
const REQUEST_WORDS = new Set(["add", "include", "insert", "mention", "please", "here", "section", "paragraph", "sentence", "information", "detail", "details", "also", "put"]);

/** The draft unit a correction is about: by its block and wording, else by wording or topic within its section. */
function locate(correction: Correction, context: JudgeContext): number | undefined {
  const { draftUnits } = context;
  const inBlock = (unit: TextUnit) => correction.draftBlockId === null || unit.blockId === correction.draftBlockId;
  const inSection = (unit: TextUnit) => correction.section === null || unit.section === correction.section;
  const needles = [correction.oldText, correction.anchorText, correction.newText].filter((text): text is string => !!text && text.trim() !== "");
  for (const needle of needles) {
    const found = draftUnits.findIndex((unit) => inBlock(unit) && inSection(unit) && containsPhrase(unit, needle));
    if (found >= 0) return found;
  }
  if (correction.topic) {
    const topic = contentWords(correction.topic);
    let best = -1;
    let bestScore = 0.5;
    draftUnits.forEach((unit, index) => {
      const score = inSection(unit) ? coverage(topic, unit.words) : 0;
      if (score >= bestScore) [best, bestScore] = [index, score];
    });
    if (best >= 0) return best;
  }
  if (correction.draftBlockId !== null) {
    const first = draftUnits.findIndex((unit) => unit.blockId === correction.draftBlockId);
    if (first >= 0) return first;
  }
  return undefined;
}

function topicGroups(topic: string, synonyms: JudgeContext["synonyms"]): string[][][] {
  // Each topic word is a group of alternatives; each alternative is a list of words that must all be present.
  return [...contentWords(topic)]
    .filter((word) => !REQUEST_WORDS.has(word))
    .map((word) => [[word], ...(synonyms[word] ?? []).map((phrase) => [...contentWords(phrase)])]);
}

function groupCoverage(groups: string[][][], unit: TextUnit): number {
  if (groups.length === 0) return 0;
  const present = groups.filter((alternatives) => alternatives.some((words) => words.length > 0 && words.every((word) => unit.words.has(word))));
  return present.length / groups.length;
}

const PLACE = /\b(?:in|at|to|into)\s+(?:the|a|an|her|his|their)\s+(?:[\w'-]+\s+){0,3}(?:room|library|hall|hub|base|area|space|classroom|office|unit|corner|playground|building|centre|department|garden|pod|booth|tent)\b/i;
const TIME = /\b(?:at|every|each|before|after|during|on)\s+(?:lunchtime|break|breaktime|playtime|registration|the start|the end|morning|afternoon|the day|\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)|monday|tuesday|wednesday|thursday|friday)\b/i;

/** Which of the asked details a text gives. */
function detailsGiven(text: string, asks: readonly DetailAsked[]): DetailAsked[] {
  const slots = analyseProvision(text);
  const given: Record<DetailAsked, boolean> = {
    where: PLACE.test(text),
    who: slots.who !== undefined,
    when: TIME.test(text) || slots.frequency !== undefined,
    "how often": slots.frequency !== undefined,
    "how long": slots.duration !== undefined,
    "how many": slots.groupSize !== undefined,
  };
  return asks.filter((asked) => given[asked]);
}

const quote = (text: string): string => `"${text.length > 90 ? `${text.slice(0, 87)}...` : text}"`;

export function judgeCorrection(correction: Correction, context: JudgeContext): Judgement {
  const { finalUnits, alignment } = context;
  const d = locate(correction, context);
  const draftUnit = d === undefined ? undefined : context.draftUnits[d];
  const f = d === undefined ? undefined : alignment.draftToFinal.get(d);
  const counterpart = f === undefined ? undefined : finalUnits[f];
  const section = correction.section ?? draftUnit?.section ?? null;
  const sectionUnits = finalUnits.filter((unit) => section === null || unit.section === section);
  const result = (verdict: Verdict, reason: string, finalText: string | null = counterpart?.text ?? null): Judgement => ({
    verdict,
    reason,
    draftText: draftUnit?.text ?? correction.anchorText,
    finalText,
    section,
    draftBlockId: draftUnit?.blockId ?? correction.draftBlockId,
  });

  switch (correction.kind) {
    case "none":
      return result("not-a-correction", "It asks for no change.");
    case "unclear":
      return result("unclear", "It was not possible to tell from its wording what change it asks for: check it by hand.");
    case "replace":
    case "insert": {
      const wanted = correction.newText ?? "";
      const look = counterpart ? [counterpart, ...sectionUnits] : sectionUnits;
      const exact = look.some((unit) => containsPhrase(unit, wanted));
      const wantedWords = contentWords(wanted);
      const best = Math.max(0, ...look.map((unit) => requestCoverage(wantedWords, unit)));
      const oldStill = correction.kind === "replace" && !!correction.oldText && (counterpart ? containsPhrase(counterpart, correction.oldText) : d === undefined && sectionUnits.some((unit) => containsPhrase(unit, correction.oldText!)));
      const newThere = exact || best >= 0.8;
      if (newThere && !oldStill) return result("carried-over", `The final has the new wording ${quote(wanted)}.`);
      if (newThere) return result("partly-carried-over", `The new wording is in the final, but the old wording ${quote(correction.oldText!)} is still there too.`);
      if (best >= 0.5) return result("partly-carried-over", `The final has only part of the requested wording ${quote(wanted)}.`);
      if (correction.kind === "replace" && correction.oldText && counterpart && !oldStill && counterpart.norm !== draftUnit?.norm) {
        return result("partly-carried-over", `The text was changed, but not to the wording asked for (${quote(wanted)}).`);
      }
      if (d !== undefined && f === undefined) return result("not-carried-over", `That passage was removed from the final, and the requested wording ${quote(wanted)} is not in it.`, null);
      return result("not-carried-over", `The final does not have the requested wording ${quote(wanted)}.`);
    }
    case "delete": {
      if (correction.oldText) {
        const still = counterpart ? containsPhrase(counterpart, correction.oldText) : d === undefined && sectionUnits.some((unit) => containsPhrase(unit, correction.oldText!));
        return still
          ? result("not-carried-over", `The text asked to be removed is still in the final: ${quote(correction.oldText)}.`)
          : result("carried-over", "The text asked to be removed is not in the final.");
      }
      if (correction.topic && draftUnit) {
        const stillThere = counterpart && coverage(contentWords(correction.topic), counterpart.words) >= 0.5;
        return stillThere
          ? result("not-carried-over", `The passage about ${quote(correction.topic)} is still in the final.`)
          : result("carried-over", `The passage about ${quote(correction.topic)} is not in the final.`);
      }
      return result("unclear", "The text to remove could not be found in the draft: check it by hand.");
    }
    case "change": {
      const flagged = correction.oldText ?? correction.anchorText;
      if (!draftUnit || !flagged) return result("unclear", "The commented text could not be found in the draft: check it by hand.");
      if (!counterpart) return result("carried-over", "The commented passage is not in the final.", null);
      if (!containsPhrase(counterpart, flagged)) return result("carried-over", `${quote(flagged)} was changed in the final.`);
      if (counterpart.norm !== draftUnit.norm) return result("partly-carried-over", `The passage was edited, but ${quote(flagged)} is still in it.`);
      return result("not-carried-over", `The final still says ${quote(flagged)}, unchanged.`);
    }
    case "detail": {
      const asks = correction.asks ?? [];
      if (!draftUnit) return result("unclear", "The commented text could not be found in the draft: check it by hand.");
      if (!counterpart) return result("not-carried-over", "That passage was removed from the final instead of being given the detail asked for.", null);
      const already = new Set(detailsGiven(draftUnit.text, asks));
      const given = detailsGiven(counterpart.text, asks).filter((asked) => !already.has(asked) || counterpart.norm !== draftUnit.norm);
      const missing = asks.filter((asked) => !given.includes(asked));
      if (missing.length === 0) return result("carried-over", `The final now says ${asks.join(" and ")}.`);
      if (given.length > 0) return result("partly-carried-over", `The final now says ${given.join(" and ")}, but not ${missing.join(" or ")}.`);
      return result("not-carried-over", `The final still does not say ${missing.join(" or ")}.`);
    }
    case "add": {
      const groups = topicGroups(correction.topic ?? "", context.synonyms);
      if (groups.length === 0) return result("unclear", "It was not possible to tell what should be added: check it by hand.");
      // Only text that is new or reworded in the final can carry an addition.
      const changed = sectionUnits.filter((unit) => {
        const index = finalUnits.indexOf(unit);
        const from = alignment.finalToDraft.get(index);
        return from === undefined || context.draftUnits[from]!.norm !== unit.norm;
      });
      let best: TextUnit | undefined;
      let bestScore = 0;
      for (const unit of changed) {
        const score = groupCoverage(groups, unit);
        if (score > bestScore) [best, bestScore] = [unit, score];
      }
      if (best && bestScore >= 0.75) return result("carried-over", "The final adds this.", best.text);
      if (best && bestScore >= 0.4) return result("partly-carried-over", "The final adds something on this, but not all of what was asked.", best.text);
      return result("not-carried-over", `Nothing about ${quote(correction.topic ?? "")} was added${section ? ` to Section ${section}` : ""}.`);
    }
  }
}
