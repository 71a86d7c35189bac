// Preloaded (--import) into a worker thread or child process whose entry is TypeScript, run from source (see
// entry-url.ts): registers tsx's hooks, then one that gives Node the ES modules of node_modules (.mjs) unchanged.
// They need no compiling, and through tsx pdf.js took ten times longer to load (about 3 s instead of 0.3 s).
// Plain JavaScript, since it runs before tsx is there; from dist/ nothing is preloaded.
import { register as registerHooks } from "node:module";
import { register as registerTsx } from "tsx/esm/api";

registerTsx();
// Hooks registered last run first: .mjs files of packages are loaded here and never reach tsx.
registerHooks(new URL("./package-modules-hook.mjs", import.meta.url));
