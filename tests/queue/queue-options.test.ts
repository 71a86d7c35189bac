// The queue's options fail early and say why, before any plan is read: an address that is not Redis, a Redis that
// does not answer, a queue key that is not a 256-bit key, a concurrency that is not a number. No Redis needed.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBatchCommand } from "../../src/cli/commands/batch.ts";
import { runWorkerCommand } from "../../src/cli/commands/worker.ts";
import { children, planDocx } from "./generated-plans.ts";

function captureIo() {
  const io = { out: "", err: "", stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe("queue options", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-queue-options-"));
    const [child] = children(1);
    await writeFile(path.join(dir, `${child!.id}-final.docx`), await planDocx(child!, 0));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    delete process.env.EHCP_QA_QUEUE_KEY;
  });

  it("refuses an address that is not Redis, and a Redis that does not answer, with exit 2", async () => {
    for (const [queue, message] of [
      ["http://localhost:6379", /--queue must be a Redis address starting redis:\/\//],
      ["not a url", /--queue must be a Redis address such as redis:\/\/localhost:6379/],
      // Port 1 on loopback: nothing listens there.
      ["redis://127.0.0.1:1", /The queue at redis:\/\/127\.0\.0\.1:1 could not be reached/],
    ] as const) {
      const batchIo = captureIo();
      expect((await runBatchCommand(dir, { out: path.join(dir, "out"), queue }, batchIo)).code, queue).toBe(2);
      expect(batchIo.err).toMatch(message);
      const workerIo = captureIo();
      expect(await runWorkerCommand({ queue }, workerIo), queue).toBe(2);
      expect(workerIo.err).toMatch(message);
    }
  });

  it("refuses a queue key that is not 256 bits and a concurrency that is not a whole number", async () => {
    process.env.EHCP_QA_QUEUE_KEY = "correct horse battery staple";
    const io = captureIo();
    expect((await runBatchCommand(dir, { out: path.join(dir, "out"), queue: "redis://127.0.0.1:1" }, io)).code).toBe(2);
    expect(io.err).toMatch(/EHCP_QA_QUEUE_KEY must be a 256-bit key/);
    delete process.env.EHCP_QA_QUEUE_KEY;
    const workerIo = captureIo();
    expect(await runWorkerCommand({ queue: "redis://127.0.0.1:1", concurrency: "two" }, workerIo)).toBe(2);
    expect(workerIo.err).toMatch(/--concurrency must be a whole number/);
  });
});
