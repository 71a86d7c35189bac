// Where the entry file of a worker thread or child process is, and how Node must start to run it. Entries are
// TypeScript modules beside the code that starts them. Run from source (tests, tsx), the spawner is a .ts file and
// so is the entry, which then needs tsx's hooks; run from dist/, both are .js and plain Node runs them.
import { extname } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The entry module `./name` (no extension) beside the calling module, with the caller's own extension:
 * `entryUrl("./child", import.meta.url)` is child.ts from source and child.js from dist/.
 */
export function entryUrl(name: string, callerUrl: string): URL {
  return new URL(`${name}${extname(fileURLToPath(callerUrl))}`, callerUrl);
}

/** Registers tsx (and a faster path for packages' ES modules) in a child or worker that runs TypeScript from source. */
const TYPESCRIPT_HOOKS = new URL("./typescript-hooks.mjs", import.meta.url);

/**
 * The Node options a child process or worker thread needs to load `entry`: tsx's hooks for a TypeScript entry,
 * none for JavaScript. They are registered by a preload that calls tsx's register(): unlike `--import tsx`, that
 * also works in worker threads on Node 20, where modules the entry imports later (dynamic imports) would otherwise
 * not get the hooks. (A bare `new Worker(tsFile)` still fails there: its entry is loaded before the preload runs;
 * child processes import it after.)
 */
export function entryExecArgv(entry: URL): string[] {
  return entry.pathname.endsWith(".ts") ? ["--import", TYPESCRIPT_HOOKS.href] : [];
}
