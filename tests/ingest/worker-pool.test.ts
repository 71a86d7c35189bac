import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ProblemError } from "../../src/model/problem.ts";
import { createParsePool, type ParsePool } from "../../src/ingest/worker-pool.ts";

const TEST_WORKER = new URL("./test-worker.ts", import.meta.url);
const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "latin1"));

const pools: ParsePool[] = [];
const pool = (options: Parameters<typeof createParsePool>[0]): ParsePool => {
  const created = createParsePool(options);
  pools.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

async function problemOf(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error("expected a ProblemError");
}

describe("parse worker pool", () => {
  it("stops a task that runs too long with PARSE_TIMEOUT, and the pool keeps working", async () => {
    const parsePool = pool({ threads: 1, timeoutMs: 300, workerUrl: TEST_WORKER });
    const started = performance.now();
    const problem = await problemOf(parsePool.parse("docx", bytes("spin")));
    expect(problem.problem.code).toBe("PARSE_TIMEOUT");
    expect(problem.problem.message).toMatch(/took longer than 0.3 seconds/);
    expect(performance.now() - started).toBeLessThan(5000);
    const raw = await parsePool.parse("text", bytes("still alive"));
    expect(raw.blocks[0]).toMatchObject({ text: "still alive" });
  });

  it("turns a worker that runs out of memory into a coded problem (ZIP_BOMB for a Word file)", async () => {
    const parsePool = pool({ threads: 1, maxMemoryMb: 64, workerUrl: TEST_WORKER });
    const problem = await problemOf(parsePool.parse("docx", bytes("oom")));
    expect(problem.problem.code).toBe("ZIP_BOMB");
    expect(problem.problem.message).toMatch(/far more data than a plan could hold/);
    expect((await parsePool.parse("docx", bytes("next file"))).blocks).toHaveLength(1);
  });

  it("brings a worker's ProblemError back as the same ProblemError", async () => {
    const parsePool = pool({ threads: 1, workerUrl: TEST_WORKER });
    const problem = await problemOf(parsePool.parse("pdf", bytes("problem")));
    expect(problem.problem).toEqual({ code: "NO_TEXT_LAYER", message: "This PDF is a scan." });
    expect(problem.cause).toBe("test");
  });

  it("reports a worker that exits as CORRUPT_FILE", async () => {
    const parsePool = pool({ threads: 1, workerUrl: TEST_WORKER });
    expect((await problemOf(parsePool.parse("docx", bytes("exit")))).problem.code).toBe("CORRUPT_FILE");
  });

  it("refuses work with BUSY when the queue is full", async () => {
    const parsePool = pool({ threads: 1, maxQueue: 1, timeoutMs: 500, workerUrl: TEST_WORKER });
    const running = problemOf(parsePool.parse("docx", bytes("spin")));
    const queued = parsePool.parse("docx", bytes("queued"));
    const refused = await problemOf(parsePool.parse("docx", bytes("one too many")));
    expect(refused.problem.code).toBe("BUSY");
    expect((await running).problem.code).toBe("PARSE_TIMEOUT");
    // The worker that was stopped is replaced, and the file waiting behind it is read.
    expect((await queued).blocks[0]).toMatchObject({ text: "queued" });
  });

  it("transfers the bytes instead of copying them when asked", async () => {
    const parsePool = pool({ threads: 1, workerUrl: TEST_WORKER });
    const owned = bytes("hand over");
    const raw = (await parsePool.parse("text", owned, { transfer: true })) as unknown as { byteLength: number };
    expect(raw.byteLength).toBe(9);
    expect(owned.byteLength).toBe(0);
    const kept = bytes("keep mine");
    await parsePool.parse("text", kept);
    expect(kept.byteLength).toBe(9);
  });

  it("runs the real readers in TypeScript inside the worker, and stops them on a tiny timeout", async () => {
    const pdf = new Uint8Array(readFileSync(new URL("../fixtures/pdf/plan.pdf", import.meta.url)));
    const parsePool = pool({ threads: 1, timeoutMs: 5 });
    expect((await problemOf(parsePool.parse("pdf", pdf))).problem.code).toBe("PARSE_TIMEOUT");
    const textPool = pool({ threads: 1 });
    const raw = await textPool.parse("text", new Uint8Array(Buffer.from("Dear caseworker,\n\n1. Please correct the date.\n")));
    expect(raw.blocks.map((block) => block.kind)).toEqual(["paragraph", "list-item"]);
  });

  it("refuses work after close", async () => {
    const parsePool = pool({ threads: 1, workerUrl: TEST_WORKER });
    await parsePool.close();
    expect((await problemOf(parsePool.parse("text", bytes("late")))).problem.code).toBe("BUSY");
  });
});
