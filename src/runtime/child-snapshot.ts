// How an audit child starts: its V8 heap flags, and the start-up snapshot (built by scripts/build.mjs from
// ./snapshot-entry.ts) that brings the language model already built, which would otherwise cost each new child more
// CPU than reading a plan. V8 loads a snapshot only into the same Node and the same V8 flags it was built with, so
// the blob's name carries all three; the build makes the one for the pool's default memory limit, and a child
// whose flags or Node differ (another EHCP_QA_MEMORY_MB, Node upgraded since the build) starts without it and
// loads the model itself (src/text/nlp.ts).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The resident memory a child may reach by default, in MB. */
export const DEFAULT_CHILD_MEMORY_MB = 1024;

/**
 * The V8 flags of a child with a resident-memory limit: the heap capped below the limit, so that most of the time the
 * pool's watchdog (which knows the file being read) ends a child first and the heap cap is the backstop between two
 * samples; the young generation sized as for an uncapped process (V8 makes it smaller under 1 GB: more collections
 * while parsing).
 */
export function childV8Flags(memoryLimitMb: number): string[] {
  const heapMb = Math.max(64, Math.round(memoryLimitMb * 0.85));
  return [`--max-old-space-size=${heapMb}`, "--max-semi-space-size=16"];
}

/** The snapshot for children with `v8Flags`, in this Node, beside this module (it is there only in dist/). */
export function snapshotBlob(v8Flags: readonly string[]): URL {
  const flags = createHash("sha256").update(v8Flags.join(" ")).digest("hex").slice(0, 12);
  return new URL(`./child-${process.version}-${process.arch}-${flags}.blob`, import.meta.url);
}

/** `--snapshot-blob <file>` when a snapshot for these flags and this Node was built; otherwise nothing. */
export function snapshotArgs(v8Flags: readonly string[]): string[] {
  const blob = fileURLToPath(snapshotBlob(v8Flags));
  return existsSync(blob) ? ["--snapshot-blob", blob] : [];
}
