// The child's side of the pool's protocol: say "ready", then run each task sent, one at a time, answering its
// result and the child's peak resident memory while it ran. A child ends when the pool goes away (the IPC channel
// closes), so it never outlives the process that started it.
import { readFileSync, writeFileSync } from "node:fs";
import type { FromChild, Task, TaskProgress, TaskResult, ToChild } from "./tasks.ts";

export type TaskRunner = (task: Task, context: { deadlineAt: number; progress(progress: TaskProgress): void }) => Promise<TaskResult<unknown>>;

const send = (message: FromChild): void => {
  process.send?.(message);
};

/** Starts the kernel's peak-RSS counter afresh (Linux), so the peak read at the end is this task's own. */
function resetPeak(): void {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // Not Linux, or not allowed: the peak is then the process's own high-water mark, an upper bound.
  }
}

function peakResidentBytes(): number {
  try {
    const kib = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kib !== undefined) return Number(kib) * 1024;
  } catch {
    // Fall through to what Node knows.
  }
  return process.resourceUsage().maxRSS * 1024;
}

export function serveTasks(run: TaskRunner, warm: () => Promise<void> = async () => undefined): void {
  process.on("disconnect", () => process.exit(0));
  // Ctrl-C in a terminal signals the whole process group: the pool decides when its children end (a stopping
  // batch or service lets the checks in progress finish), and ends them itself.
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => undefined);
  process.on("message", (message: ToChild) => {
    if (message.type === "warm") {
      void warm().catch(() => undefined);
      return;
    }
    const { id, task } = message;
    const received = performance.now();
    let deadlineAt = message.deadlineAt;
    let begun = false;
    resetPeak();
    const context = {
      get deadlineAt() {
        return deadlineAt;
      },
      progress(progress: TaskProgress) {
        if (begun) return send({ type: "progress", id, progress });
        // Loading code is the checker's cost, not the file's: the pool moves the deadline back by as much.
        begun = true;
        const preparedMs = performance.now() - received;
        deadlineAt += preparedMs;
        send({ type: "progress", id, progress, preparedMs });
      },
    };
    void run(task, context)
      .catch((error: unknown): TaskResult<unknown> => ({
        ok: false,
        problem: { code: "INTERNAL", message: "ehcp-qa had an internal problem with this check. Please report it." },
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      }))
      .then((result) => send({ type: "done", id, result, peakRssBytes: peakResidentBytes() }));
  });
  send({ type: "ready" });
}
