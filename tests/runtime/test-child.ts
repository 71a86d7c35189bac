// An audit pool child with test-only behaviour, chosen by the first file's bytes (ASCII): "spin" never finishes,
// "heap" allocates on the V8 heap until its cap ends it, "rss" fills memory outside the heap (as pdf.js image
// buffers do) until the watchdog ends it, "problem" answers a coded problem, "exit" ends the process, "hold"
// waits for ever, "flags" answers the Node options the child was started with. Anything else goes to the real task runner. It speaks the real protocol (child-protocol.ts).
import { serveTasks } from "../../src/runtime/child-protocol.ts";
import { runTask } from "../../src/runtime/run-task.ts";

const formatOf = (fileName: string) => (fileName.endsWith(".docx") ? "docx" : fileName.endsWith(".pdf") ? "pdf" : "text");

serveTasks(async (task, context) => {
  const file = task.kind === "read" ? task.file : task.files[0]!;
  const command = Buffer.from(file.bytes).toString("latin1");
  const reading = () => context.progress({ stage: "reading", index: 0, fileName: file.fileName, role: file.role, format: formatOf(file.fileName) });
  switch (command) {
    case "spin":
      reading();
      for (;;);
    case "heap": {
      reading();
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array(1e6).fill(Math.random()));
    }
    case "rss": {
      reading();
      const hoard: Buffer[] = [];
      // 16 MB a step, a little apart, so the watchdog sees it grow (Buffer memory is outside the V8 heap).
      for (;;) {
        hoard.push(Buffer.alloc(16 * 1024 * 1024, 1));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    case "hold":
      reading();
      return new Promise(() => undefined);
    case "flags":
      return { ok: true, value: process.execArgv };
    case "problem":
      return { ok: false, problem: { code: "NO_TEXT_LAYER", message: "This PDF is a scan." }, detail: "test" };
    case "exit":
      reading();
      process.exit(3);
  }
  return runTask(task, context);
});
