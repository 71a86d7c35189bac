// Decide, for one requested correction, whether the final carries it: by comparing the draft's text at the
// correction with the final's text at the matching place (found by alignment, not position).
import type { SectionId } from "../../model/document.ts";
import type { Alignment } from "./align.ts";
import { asksForChange, saidInDraft, type Correction, type DetailAsked } from "./corrections.ts";
import { analyseProvision } from "../text/provision-slots.ts";
import { containsPhrase, contentWords, coverage, normalise, requestCoverage, substanceOf, type TextUnit } from "./units.ts";

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
  /** The final's statement that still says what was to change (or where the change should have gone): what a QA officer must fix. */
  fault?: { text: string; blockId: string };
}

export interface JudgeContext {
  draftUnits: readonly TextUnit[];
  finalUnits: readonly TextUnit[];
  alignment: Alignment;
  /** Abbreviations and their long forms ("ot" -> ["occupational therapy", "occupational therapist"]). */
  synonyms: Readonly<Record<string, readonly string[]>>;
}

/** Content words a "please add ..." request is about, without the request's own words. */
const REQUEST_WORDS = new Set(
  ("add include insert mention please here section sections part paragraph sentence information detail details also put say says said state " +
    "name change changed amend correct update use write make sure draft plan final wrong right true agreed agree need needs want asked " +
    "ask thank thanks h1 h2 like would").split(" "),
);

/** The sentence (or table cell) of `text` that holds `phrase`; the whole text when none does on its own. */
export function sentenceWith(text: string, phrase: string): string {
  const needle = normalise(phrase);
  if (needle === "") return text;
  const parts = text.split(/\s+\|\s+|(?<=[.!?]["'”’)]?)\s+(?=[\p{Lu}\p{N}"“‘'(])/u);
  return parts.find((part) => ` ${normalise(part)} `.includes(` ${needle} `)) ?? text;
}

/** "The SENCo agreed at the meeting on 2 March that ...": who said it and when is context, not what was asked. */
const REPORTING_CLAUSE = /^.*?\b(?:agreed|said|says|told|confirmed|recommended|recommends|explained|decided|wrote)\b[^.]*?\bthat\s+/i;

/**
 * What each sentence of a request says that the draft (in the sections it is about) does not: its new information,
 * the substance a final must carry for the request to count as done, whatever the wording. A sentence that only
 * reports what the draft says is not new information.
 */
function newInformation(request: string, draftUnits: readonly TextUnit[]): Set<string>[] {
  const known = new Set<string>();
  for (const unit of draftUnits) for (const word of substanceOf(unit.words)) known.add(word);
  return request
    // "Section D says he has no needs, but he goes to a play scheme": what follows "but" is new.
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“‘'(])|[,;]?\s+but\s+/u)
    .filter((sentence) => !saidInDraft(sentence))
    .map((sentence) => new Set([...substanceOf(contentWords(sentence.replace(REPORTING_CLAUSE, "")))].filter((word) => !REQUEST_WORDS.has(word) && !known.has(word) && word.length > 1)));
}

/** The final unit (of those given) that carries most of `words`, and how much of them it carries. */
function bestCarrier(words: ReadonlySet<string>, units: readonly TextUnit[]): { unit?: TextUnit; share: number; found: number } {
  let best: { unit?: TextUnit; share: number; found: number } = { share: 0, found: 0 };
  for (const unit of units) {
    const have = substanceOf(unit.words);
    const found = [...words].filter((word) => have.has(word)).length;
    const share = words.size === 0 ? 0 : found / words.size;
    if (share > best.share) best = { unit, share, found };
  }
  return best;
}

/** New information counts as carried when most of it, or a good part of a long request, is in one new or changed statement. */
const carries = ({ share, found }: { share: number; found: number }): boolean => share >= 0.5 || (share >= 0.3 && found >= 3);

/** The sections a correction is about, as it names them. */
const sectionsOf = (correction: Correction): SectionId[] => correction.sections ?? (correction.section ? [correction.section] : []);

/** The draft unit a correction is about: by its block and wording, else by wording or topic within its section. */
function locate(correction: Correction, context: JudgeContext): number | undefined {
  const { draftUnits } = context;
  const inBlock = (unit: TextUnit) => correction.draftBlockId === null || unit.blockId === correction.draftBlockId;
  const sections = sectionsOf(correction);
  const inSection = (unit: TextUnit) => sections.length === 0 || (unit.section !== null && sections.includes(unit.section));
  const needles = [correction.oldText, correction.anchorText, correction.newText].filter((text): text is string => !!text && text.trim() !== "");
  for (const needle of needles) {
    const found = draftUnits.findIndex((unit) => inBlock(unit) && inSection(unit) && containsPhrase(unit, needle));
    if (found >= 0) return found;
  }
  for (const about of [correction.topic, correction.said]) {
    if (!about) continue;
    const topic = contentWords(about);
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
  const sections = correction.sections ?? (section ? [section] : []);
  const inSections = (unit: TextUnit) => sections.length === 0 || (unit.section !== null && sections.includes(unit.section));
  const sectionUnits = finalUnits.filter(inSections);
  // Only text that is new or reworded in the final can carry a change.
  const changed = sectionUnits.filter((unit) => {
    const from = alignment.finalToDraft.get(finalUnits.indexOf(unit));
    return from === undefined || context.draftUnits[from]!.norm !== unit.norm;
  });
  const focus = correction.oldText ?? correction.anchorText ?? correction.newText ?? "";
  const result = (verdict: Verdict, reason: string, finalText: string | null = counterpart?.text ?? null, fault?: TextUnit, faultPhrase = focus): Judgement => ({
    verdict,
    reason,
    draftText: draftUnit ? sentenceWith(draftUnit.text, focus) : correction.anchorText,
    finalText,
    section,
    draftBlockId: draftUnit?.blockId ?? correction.draftBlockId,
    // Only a statement that still says what was to change is at fault; one that merely lacks an addition is not quoted.
    ...(fault && (faultPhrase === "" || containsPhrase(fault, faultPhrase)) ? { fault: { text: sentenceWith(fault.text, faultPhrase), blockId: fault.blockId } } : {}),
  });
  /** The final statement that still has `phrase`: the counterpart, or (when the draft place is unknown) any in the sections. */
  const stillSays = (phrase: string): TextUnit | undefined => {
    if (counterpart && containsPhrase(counterpart, phrase)) return counterpart;
    // A whole phrase (not a word or two) found anywhere in the sections is still there, even if it moved paragraph.
    if (d === undefined || normalise(phrase).split(" ").length >= 4) return sectionUnits.find((unit) => containsPhrase(unit, phrase));
    return undefined;
  };
  /** Judged by substance: the request's new information in a new or changed statement of the final. */
  const bySubstance = (notCarried: string): Judgement | undefined => {
    const draftScope = context.draftUnits.filter((unit) => sections.length === 0 || (unit.section !== null && sections.includes(unit.section)));
    const sentences = newInformation(correction.request, draftScope.length > 0 ? draftScope : context.draftUnits).filter((words) => words.size >= 2);
    if (sentences.length === 0) return undefined;
    for (const wanted of sentences) {
      const best = bestCarrier(wanted, changed);
      if (carries(best)) return result("carried-over", "The final now says what was asked, in substance.", best.unit!.text);
    }
    return result("not-carried-over", notCarried, counterpart?.text ?? null, counterpart, "");
  };

  switch (correction.kind) {
    case "none":
      return result("not-a-correction", "It asks for no change.");
    case "unclear":
      return (asksForChange(correction.request) ? bySubstance("The final does not say what was asked.") : undefined) ?? result("unclear", "It was not possible to tell from its wording what change it asks for: check it by hand.");
    case "replace":
    case "insert": {
      const wanted = correction.newText ?? "";
      const look = counterpart ? [counterpart, ...sectionUnits] : sectionUnits;
      const exact = look.some((unit) => containsPhrase(unit, wanted));
      const wantedWords = contentWords(wanted);
      const best = Math.max(0, ...look.map((unit) => requestCoverage(wantedWords, unit)));
      const oldUnit = correction.kind === "replace" && correction.oldText ? stillSays(correction.oldText) : undefined;
      const newThere = exact || best >= 0.8;
      if (newThere && !oldUnit) return result("carried-over", `The final has the new wording ${quote(wanted)}.`);
      if (newThere) return result("partly-carried-over", `The new wording is in the final, but the old wording ${quote(correction.oldText!)} is still there too.`, undefined, oldUnit, correction.oldText);
      if (best >= 0.5) return result("partly-carried-over", `The final has only part of the requested wording ${quote(wanted)}.`, undefined, counterpart);
      if (correction.kind === "replace" && correction.oldText && counterpart && !oldUnit && counterpart.norm !== draftUnit?.norm) {
        const substance = bySubstance("");
        if (substance?.verdict === "carried-over") return substance;
        return result("partly-carried-over", `The text was changed, but not to the wording asked for (${quote(wanted)}).`, undefined, counterpart);
      }
      if (d !== undefined && f === undefined) return result("not-carried-over", `That passage was removed from the final, and the requested wording ${quote(wanted)} is not in it.`, null);
      return result("not-carried-over", `The final does not have the requested wording ${quote(wanted)}.`, undefined, oldUnit ?? counterpart);
    }
    case "delete": {
      if (correction.oldText) {
        const still = stillSays(correction.oldText);
        return still
          ? result("not-carried-over", `The text asked to be removed is still in the final: ${quote(correction.oldText)}.`, still.text, still, correction.oldText)
          : result("carried-over", "The text asked to be removed is not in the final.");
      }
      if (correction.topic && draftUnit) {
        const stillThere = counterpart && coverage(contentWords(correction.topic), counterpart.words) >= 0.5;
        return stillThere
          ? result("not-carried-over", `The passage about ${quote(correction.topic)} is still in the final.`, undefined, counterpart)
          : result("carried-over", `The passage about ${quote(correction.topic)} is not in the final.`);
      }
      return result("unclear", "The text to remove could not be found in the draft: check it by hand.");
    }
    case "change": {
      const flagged = correction.oldText ?? correction.anchorText;
      if (!draftUnit || !flagged) {
        if (draftUnit && counterpart && correction.said) {
          // A letter's "Section A says X. That is wrong": its place is found, and the final must have changed it.
          if (counterpart.norm !== draftUnit.norm) return bySubstance("The passage was edited, but not to say what was asked.") ?? result("carried-over", "The passage was changed in the final.");
          return result("not-carried-over", "The final still says what the request says is wrong, unchanged.", undefined, counterpart, "");
        }
        return bySubstance("The final does not say what was asked.") ?? result("unclear", "The commented text could not be found in the draft: check it by hand.");
      }
      if (!counterpart) return result("carried-over", "The commented passage is not in the final.", null);
      if (!containsPhrase(counterpart, flagged)) return result("carried-over", `${quote(flagged)} was changed in the final.`);
      if (counterpart.norm !== draftUnit.norm) {
        // "Please write in six sessions a week": the commented words may rightly stay when what was asked is added.
        const substance = bySubstance("");
        if (substance?.verdict === "carried-over") return substance;
        return result("partly-carried-over", `The passage was edited, but ${quote(flagged)} is still in it.`, undefined, counterpart);
      }
      return result("not-carried-over", `The final still says ${quote(flagged)}, unchanged.`, undefined, counterpart);
    }
    case "detail": {
      const asks = correction.asks ?? [];
      if (!draftUnit) return result("unclear", "The commented text could not be found in the draft: check it by hand.");
      if (!counterpart) return result("not-carried-over", "That passage was removed from the final instead of being given the detail asked for.", null);
      const already = new Set(detailsGiven(draftUnit.text, asks));
      const given = detailsGiven(counterpart.text, asks).filter((asked) => !already.has(asked) || counterpart.norm !== draftUnit.norm);
      const missing = asks.filter((asked) => !given.includes(asked));
      if (missing.length === 0) return result("carried-over", `The final now says ${asks.join(" and ")}.`);
      if (given.length > 0) return result("partly-carried-over", `The final now says ${given.join(" and ")}, but not ${missing.join(" or ")}.`, undefined, counterpart);
      return result("not-carried-over", `The final still does not say ${missing.join(" or ")}.`, undefined, counterpart);
    }
    case "add": {
      const groups = topicGroups(correction.topic ?? "", context.synonyms);
      let best: TextUnit | undefined;
      let bestScore = 0;
      for (const unit of changed) {
        const score = groupCoverage(groups, unit);
        if (score > bestScore) [best, bestScore] = [unit, score];
      }
      if (best && bestScore >= 0.75) return result("carried-over", "The final adds this.", best.text);
      // "Please add this": the topic is a pointer, and the substance is in the rest of the request.
      const substance = bySubstance(`Nothing about ${quote(correction.topic ?? correction.request)} was added${section ? ` to Section ${section}` : ""}.`);
      if (substance?.verdict === "carried-over") return substance;
      if (groups.length === 0) return substance ?? result("unclear", "It was not possible to tell what should be added: check it by hand.");
      if (best && bestScore >= 0.4) return result("partly-carried-over", "The final adds something on this, but not all of what was asked.", best.text, counterpart);
      return result("not-carried-over", `Nothing about ${quote(correction.topic ?? "")} was added${section ? ` to Section ${section}` : ""}.`, undefined, counterpart);
    }
  }
}
