// Where a child process's entry module is, and how to start node on it. From TypeScript source the entry is a
// `.ts` file and the child loads tsx first; from the compiled dist/ it is a `.js` file and the child is plain node.
// (The convention agreed with the build: an entry is a module next to its spawner, with the spawner's own extension.)
import { extname } from "node:path";
import { fileURLToPath } from "node:url";

/** The module `name` beside `base` (a spawner's import.meta.url), with base's own extension (.ts or .js). */
export function siblingEntry(name: string, base: string): URL {
  return new URL(`./${name}${extname(fileURLToPath(base))}`, base);
}

const DEV_PRELOAD = new URL("./dev-preload.mjs", import.meta.url).href;

/**
 * The node flags a child needs to run `entry`: tsx for TypeScript source (after dev-preload.mjs, which loads pdf.js
 * without tsx's hooks), nothing for JavaScript.
 */
export function execArgvFor(entry: URL): string[] {
  return /\.[cm]?ts$/.test(entry.pathname) ? ["--import", DEV_PRELOAD, "--import", "tsx"] : [];
}
