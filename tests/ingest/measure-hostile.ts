// Reads one generated hostile file in this process and prints what came back and how long it took. Run it under
// `/usr/bin/time -v` for the peak resident memory (one file per process, so each peak is its own), with the
// parse worker's entry as a preload, so the readers' libraries load as they do in a worker (without tsx's hooks):
//   /usr/bin/time -v node --import ./src/ingest/parse-worker.js tests/ingest/measure-hostile.ts pdf-giant-image
import { readDocument } from "../../src/ingest/index.ts";
import { isProblemError } from "../../src/model/problem.ts";
import { HOSTILE_FILES } from "./hostile-files.ts";

const name = process.argv[2] ?? "";
const file = HOSTILE_FILES[name];
if (!file) {
  console.error(`usage: measure-hostile.ts <${Object.keys(HOSTILE_FILES).join("|")}>`);
  process.exit(1);
}
const bytes = await file.make();
const started = performance.now();
let outcome: string;
try {
  const doc = await readDocument(bytes, { fileName: `${name}.${file.format}`, inProcess: true, deadlineAt: Date.now() + 10_000 });
  outcome = `report: ${doc.blocks.length} blocks, ${doc.wordCount} words${doc.notes?.length ? `, notes: ${doc.notes.join(" | ")}` : ""}`;
} catch (error) {
  outcome = isProblemError(error) ? `${error.problem.code}: ${error.problem.message}` : `THROWN ${String(error).slice(0, 200)}`;
}
console.log(`${name}\t${(bytes.length / 1024).toFixed(0)} KB\t${Math.round(performance.now() - started)} ms\t${outcome}`);
