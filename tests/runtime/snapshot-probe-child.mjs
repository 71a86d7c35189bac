// A compiled audit pool child (dist/) that answers every task with where its language model came from: the start-up
// snapshot's heap or its own import. Plain JavaScript, so the pool starts it as it starts dist/runtime/child.js.
import { serveTasks } from "../../dist/runtime/child-protocol.js";
import { nlp, nlpFromSnapshot } from "../../dist/text/nlp.js";

serveTasks(async () => ({ ok: true, value: { fromSnapshot: nlpFromSnapshot, tagsAFirstName: nlp("Amelia").has("#FirstName") } }));
