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
 * How V8 runs a child, by how many audits the child runs. Every child optimises only code that has run sixteen times
 * V8's usual budget (HOT_CODE_ONLY): the optimising compiler works in background threads, and at its usual budget it
 * spent more CPU than it saved, in one audit and over a batch (measured: the CLI's audit of a 2,500-word DOCX 1.6 ->
 * 1.3 s; a batch of 36 plans on one worker 223 -> 167 ms of CPU a plan, the worker using 1.45 -> 1.14 cores), while the
 * loops of a large PDF or a big zip entry still are optimised (without the compiler at all a dense 30-page PDF took
 * 9.6 s instead of 3.7 s). A child that runs one audit and ends (the CLI's) has a small young generation, which keeps
 * its memory down at no measurable cost (2 MB against 4: the same CPU within 2% on a typical DOCX, a 15,000-word
 * plan and a PDF, 4-5 MB less); a child that audits plan after plan (the service's, a batch's) a young
 * generation where most of an audit's short-lived objects die before they are copied (about 20% less CPU an audit,
 * for about 30 MB more), and the heap's growth of an uncapped process (HEAP_GROWTH).
 */
export interface ChildProfile {
  /** The largest semi-space of the young generation, in MB. */
  semiSpaceMb: number;
  /** Further V8 flags. */
  flags: readonly string[];
}

/**
 * How a long-lived child's V8 heap grows. Under a heap cap below about 1 GB, V8 grows the old generation in small
 * steps (a factor near 2 rather than 4), so an audit, whose document model lives until its report is sent, paid for
 * many more full collections: about half again the CPU of the same audit in an uncapped process (measured: 310 ms
 * against 200 ms for a 2,500-word DOCX). The growth is set as for an uncapped process; the cap stays, as the backstop
 * behind the watchdog.
 */
const HEAP_GROWTH = "--heap-growing-percent=300";
/** V8's default budget (bytecode executed) before a function is considered for optimisation, times 16. */
const HOT_CODE_ONLY = `--interrupt-budget=${16 * 67_584}`;

/**
 * Regular expressions compiled to machine code when first used, not first to V8's bytecode and then again when run a
 * second time: the rules' patterns nearly all run many times, and a fresh child compiled each twice (measured: a
 * child's cold audit of a 2,500-word DOCX 1.21 -> 1.03 s CPU, median of 8; of the long plan and a PDF, 4-10% less).
 */
const REGEXP_STRAIGHT_TO_CODE = "--no-regexp-tier-up";

export const ONE_AUDIT: ChildProfile = { semiSpaceMb: 2, flags: [HOT_CODE_ONLY, REGEXP_STRAIGHT_TO_CODE] };
export const MANY_AUDITS: ChildProfile = { semiSpaceMb: 32, flags: [HOT_CODE_ONLY, HEAP_GROWTH, REGEXP_STRAIGHT_TO_CODE] };
/** The profiles the pools use: the build makes a snapshot for each. */
export const POOL_PROFILES: readonly ChildProfile[] = [ONE_AUDIT, MANY_AUDITS];

/**
 * The V8 flags of a child with a resident-memory limit: the heap capped below the limit, so that most of the time the
 * pool's watchdog (which knows the file being read) ends a child first and the heap cap is the backstop between two
 * samples; then the profile's young generation and flags.
 */
export function childV8Flags(memoryLimitMb: number, profile: ChildProfile = ONE_AUDIT): string[] {
  const heapMb = Math.max(64, Math.round(memoryLimitMb * 0.85));
  return [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${profile.semiSpaceMb}`, ...profile.flags];
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
