// Draft -> final rewording word by word, as a caseworker marks up a change: the words kept, the old words struck
// through, the new ones underlined. A changed frequency ("weekly" -> "fortnightly") is one word, not a new sentence.
import { diffWords } from "diff";
import type { WordChange } from "../model/report.ts";

export function wordChanges(draft: string, final: string): WordChange[] {
  return diffWords(draft, final).map((part) => ({ text: part.value, change: part.added ? "added" : part.removed ? "removed" : "same" }));
}
