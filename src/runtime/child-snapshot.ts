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

/** V8's own largest semi-space without a heap cap, in MB; pools whose children audit plan after plan ask for 32. */
export const DEFAULT_SEMI_SPACE_MB = 16;
/** The semi-spaces the pools use (CLI: the default; service and batch: 32): the build makes a snapshot for each. */
export const POOL_SEMI_SPACES_MB = [DEFAULT_SEMI_SPACE_MB, 32] as const;

/**
 * How a child's V8 heap grows. Under a heap cap below about 1 GB, V8 grows the old generation in small steps (a factor
 * near 2 rather than 4), so an audit, whose document model lives until its report is sent, paid for many more full
 * collections: about half again the CPU of the same audit in an uncapped process (measured: 310 ms against 200 ms for
 * a 2,500-word DOCX). The growth is set as for an uncapped process; the cap stays, as the backstop behind the watchdog.
 */
const HEAP_GROWTH = "--heap-growing-percent=300";

/**
 * The V8 flags of a child with a resident-memory limit: the heap capped below the limit, so that most of the time the
 * pool's watchdog (which knows the file being read) ends a child first and the heap cap is the backstop between two
 * samples; the young generation's largest semi-space; the heap's growth as for an uncapped process.
 */
export function childV8Flags(memoryLimitMb: number, semiSpaceMb: number = DEFAULT_SEMI_SPACE_MB): string[] {
  const heapMb = Math.max(64, Math.round(memoryLimitMb * 0.85));
  return [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${semiSpaceMb}`, HEAP_GROWTH];
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
