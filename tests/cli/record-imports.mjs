// Preloaded (NODE_OPTIONS=--import) into a process whose module loading a test examines: registers hooks that append
// every module URL the process resolves (in its main thread, worker threads and child processes alike, as each runs
// this preload) to the file EHCP_QA_IMPORT_LOG names. Plain JavaScript: it loads before tsx.
import { register } from "node:module";

const log = process.env.EHCP_QA_IMPORT_LOG;
if (log) register(new URL("./record-imports-hooks.mjs", import.meta.url), { data: { log } });
