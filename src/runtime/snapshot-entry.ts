// Entry of the audit child's start-up snapshot: scripts/build.mjs bundles it (with compromise) into one CommonJS file
// and runs `node --build-snapshot` on it. It builds and warms the language model and leaves it where
// src/text/nlp.ts looks first, so an audit child started with the snapshot (src/runtime/child-snapshot.ts) never
// builds the model's lexicon itself. Not part of the compiled tree (tsconfig.build.json leaves it out).
import nlp from "compromise";
import { NLP_IN_HEAP, warmUpNlp } from "../text/nlp-heap.ts";

warmUpNlp(nlp);
(globalThis as Record<symbol, unknown>)[NLP_IN_HEAP] = nlp;
