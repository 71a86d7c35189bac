// Align a draft with its final by similarity, not position: text moves between drafts and is reworded.
import type { SectionId } from "../../model/document.ts";
import type { SectionChange } from "../../model/report.ts";
import { similarity, type TextUnit } from "./units.ts";

/** Two units this similar or more are the same unit, reworded. */
export const REWORDED_THRESHOLD = 0.5;

export interface Alignment {
  /** draft unit index -> final unit index (absent when the draft unit was removed). */
  draftToFinal: Map<number, number>;
  finalToDraft: Map<number, number>;
}

/**
 * Greedy one-to-one matching, most similar pairs first; a pair in the same section is preferred to an equally
 * similar pair across sections. Exact duplicates match in order.
 */
export function alignUnits(draft: readonly TextUnit[], final: readonly TextUnit[]): Alignment {
  const pairs: { d: number; f: number; score: number }[] = [];
  const finalByNorm = new Map<string, number[]>();
  final.forEach((unit, f) => finalByNorm.set(unit.norm, [...(finalByNorm.get(unit.norm) ?? []), f]));
  draft.forEach((unit, d) => {
    final.forEach((candidate, f) => {
      const base = unit.norm === candidate.norm ? 2 : similarity(unit.words, candidate.words);
      if (base < REWORDED_THRESHOLD) return;
      // Tie-breakers: same section, then nearby position, so repeated stock sentences pair up in order.
      const bonus = (unit.section === candidate.section ? 0.01 : 0) - Math.abs(d / Math.max(1, draft.length) - f / Math.max(1, final.length)) * 0.001;
      pairs.push({ d, f, score: base + bonus });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const draftToFinal = new Map<number, number>();
  const finalToDraft = new Map<number, number>();
  for (const { d, f } of pairs) {
    if (draftToFinal.has(d) || finalToDraft.has(f)) continue;
    draftToFinal.set(d, f);
    finalToDraft.set(f, d);
  }
  return { draftToFinal, finalToDraft };
}

/** Added, removed and reworded units per section, in plan order: the "what changed" summary. */
export function summariseChanges(draft: readonly TextUnit[], final: readonly TextUnit[], alignment: Alignment): SectionChange[] {
  const bySection = new Map<SectionId | null, SectionChange>();
  const entry = (section: SectionId | null): SectionChange => {
    let change = bySection.get(section);
    if (!change) {
      change = { section, added: 0, removed: 0, reworded: 0, items: [] };
      bySection.set(section, change);
    }
    return change;
  };
  draft.forEach((unit, d) => {
    const f = alignment.draftToFinal.get(d);
    if (f === undefined) {
      const change = entry(unit.section);
      change.removed++;
      change.items.push({ kind: "removed", draft: unit.text });
    } else if (final[f]!.norm !== unit.norm) {
      const change = entry(final[f]!.section);
      change.reworded++;
      change.items.push({ kind: "reworded", draft: unit.text, final: final[f]!.text });
    }
  });
  final.forEach((unit, f) => {
    if (alignment.finalToDraft.has(f)) return;
    const change = entry(unit.section);
    change.added++;
    change.items.push({ kind: "added", final: unit.text });
  });
  const order = (id: SectionId | null): string => id ?? "~";
  return [...bySection.values()].sort((a, b) => order(a.section).localeCompare(order(b.section), "en", { numeric: true }));
}
