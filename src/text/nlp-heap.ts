// What the audit child's start-up snapshot holds of the language model (compromise), shared by the snapshot's entry
// (src/runtime/snapshot-entry.ts, bundled into one CommonJS file at build time) and by the module every rule takes the
// model from (./nlp.ts). Building compromise's lexicon costs more CPU than reading a plan, so an audit child starts
// from a V8 heap where it is already built and has run once. Type-only import: this module never loads compromise.
import type nlpModule from "compromise";

export type Nlp = typeof nlpModule;

/** Where the snapshot leaves the model: a global the snapshot's heap brings with it. */
export const NLP_IN_HEAP = Symbol.for("ehcp-qa.compromise");

/**
 * Runs once each of the model's calls the rules make (person tags, first names, numbers in words, a verb match), so
 * the work compromise does on a first call (its tagger's caches, the match nets) is done before the heap is saved.
 * Invented sentences; the answers do not depend on them (the model is not changed, only warmed).
 */
export function warmUpNlp(nlp: Nlp): void {
  nlp("Dr Priya Okafor met Wren and her father, Tomasz Wren, at the clinic.").people().out("array");
  nlp("Wren").has("#FirstName");
  nlp("forty-five minutes twice a week for eleven weeks").numbers().get();
  nlp("Wren quietly builds a den after lunch.").match("Wren (#Adverb|#Auxiliary|#Negative)? #Verb").found;
  (nlp as unknown as { model(): unknown }).model();
}
