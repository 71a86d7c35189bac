// A parse worker with test-only behaviour, chosen by the task's bytes (ASCII): "spin" never finishes, "oom"
// allocates until the worker's memory cap ends it, "problem" returns a coded problem, "exit" ends the thread;
// anything else is read as one paragraph per line. It speaks the real worker's protocol (src/ingest/parse-worker.ts).
import { parentPort } from "node:worker_threads";
import type { ParseOutcome, ParseTask } from "../../src/ingest/parse-worker.ts";

export default async function testTask(task: ParseTask): Promise<ParseOutcome> {
  parentPort?.postMessage({ ehcpQaParseStarted: task.taskId });
  const command = Buffer.from(task.bytes).toString("latin1");
  if (command === "spin") for (;;);
  if (command === "oom") {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1e6).fill(Math.random()));
  }
  if (command === "problem") return { ok: false, problem: { code: "NO_TEXT_LAYER", message: "This PDF is a scan." }, detail: "test" };
  if (command === "exit") process.exit(3);
  const blocks = command.split("\n").map((text, paragraph) => ({ kind: "paragraph" as const, text, location: { paragraph } }));
  // byteLength tells the pool's test whether the bytes were transferred or copied.
  const raw = { format: task.format, blocks, comments: [], trackedChanges: [], byteLength: task.bytes.byteLength };
  return { ok: true, raw };
}
