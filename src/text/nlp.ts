// The language model (compromise), the one way rules reach it. In an audit child started from the build's snapshot
// (src/runtime/child-snapshot.ts) the model is already in the heap, built and warmed; anywhere else (tests running
// the TypeScript source, the service's own process, a child whose Node or heap flags have no snapshot) it is
// imported here, once.
import { NLP_IN_HEAP, type Nlp } from "./nlp-heap.ts";

const inHeap = (globalThis as Record<symbol, unknown>)[NLP_IN_HEAP] as Nlp | undefined;

/** Whether this process took the model from a start-up snapshot rather than loading it. */
export const nlpFromSnapshot = inHeap !== undefined;

export const nlp: Nlp = inHeap ?? (await import("compromise")).default;
