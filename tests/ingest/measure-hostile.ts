// Times one hostile file read in this process and prints what came back. Write the generated files first (so
// the peak memory measured is the reader's, not the generator's), then read each in its own process under
// `/usr/bin/time -v` for its peak resident memory, with the parse worker's entry as a preload, so the readers'
// libraries load as they do in a worker (without tsx's hooks):
//   node --import tsx tests/ingest/measure-hostile.ts write /tmp/hostile
//   /usr/bin/time -v node --import ./src/runtime/typescript-hooks.mjs tests/ingest/measure-hostile.ts /tmp/hostile/pdf-giant-image.pdf
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readDocument } from "../../src/ingest/index.ts";
import { isProblemError } from "../../src/model/problem.ts";
import { HOSTILE_FILES } from "./hostile-files.ts";

const [command = "", directory = ""] = process.argv.slice(2);
if (command === "write" && directory) {
  mkdirSync(directory, { recursive: true });
  for (const [name, file] of Object.entries(HOSTILE_FILES)) writeFileSync(path.join(directory, `${name}.${file.format}`), await file.make());
} else if (command) {
  const bytes = new Uint8Array(readFileSync(command));
  const started = performance.now();
  let outcome: string;
  try {
    const doc = await readDocument(bytes, { fileName: path.basename(command), inProcess: true });
    outcome = `report: ${doc.blocks.length} blocks, ${doc.wordCount} words${doc.notes?.length ? `, notes: ${doc.notes.join(" | ")}` : ""}`;
  } catch (error) {
    outcome = isProblemError(error) ? `${error.problem.code}: ${error.problem.message}` : `THROWN ${String(error).slice(0, 200)}`;
  }
  console.log(`${path.basename(command)}\t${(bytes.length / 1024).toFixed(0)} KB\t${Math.round(performance.now() - started)} ms\t${outcome}`);
} else {
  console.error("usage: measure-hostile.ts write <directory> | measure-hostile.ts <file>");
  process.exit(1);
}
