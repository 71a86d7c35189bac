// Preloaded into every Node process the bench starts (NODE_OPTIONS --import): when the process ends, appends its
// peak resident memory (kB, every thread) to the file the bench named. Plain JavaScript: it must load before tsx.
import { appendFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.EHCP_QA_BENCH_PEAK_FILE;
if (file && isMainThread) process.on("exit", () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
