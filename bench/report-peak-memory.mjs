// Preloaded into every Node process the bench starts (NODE_OPTIONS --import, which forked audit children inherit):
// appends "pid peak-kB" (every thread) to the file the bench named, every 50 ms and at exit. The samples matter for
// audit children, which the pool ends with SIGKILL, so no exit handler of theirs runs; a child also notes it as it
// sends each answer. Plain JavaScript: it must load before tsx.
import { appendFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.EHCP_QA_BENCH_PEAK_FILE;
if (file && isMainThread) {
  const report = () => appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
  setInterval(report, 50).unref();
  process.on("exit", report);
  // An audit child runs the rules in one synchronous stretch and is ended right after it answers: no timer fires
  // in between, so without this the sample after the rules (the child's peak) was caught only by luck. Its answers
  // go through process.send: the peak so far is noted as each one is sent.
  if (process.send) {
    const send = process.send.bind(process);
    process.send = (...args) => {
      report();
      return send(...args);
    };
  }
}
