// "Did you mean ...?" for rule-set mistakes: the closest known word when it is close enough to be a typo.
import { closest, distance } from "fastest-levenshtein";

export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const list = [...new Set(candidates)].filter((c) => c !== value);
  if (list.length === 0 || value === "") return undefined;
  const lower = value.toLowerCase();
  const best = closest(lower, list.map((c) => c.toLowerCase()));
  const match = list.find((c) => c.toLowerCase() === best);
  if (match === undefined) return undefined;
  const allowed = Math.max(2, Math.floor(value.length / 3));
  return distance(lower, best) <= allowed ? match : undefined;
}

/** `did you mean "x"?`, or the list of what is allowed when nothing is close. */
export function hintFor(value: string, candidates: readonly string[], what = "allowed here"): string {
  const guess = didYouMean(value, candidates);
  if (guess !== undefined) return `did you mean "${guess}"?`;
  return candidates.length <= 12 ? `${what}: ${candidates.map((c) => `"${c}"`).join(", ")}` : `see "ehcp-qa rules list" for what is ${what}`;
}
