// A slow or hostile file must not hold up anyone else, and past its limits the service says "busy" (503 with
// Retry-After) rather than falling over. These tests use the ingest tests' worker, whose "spin" file never
// finishes, so the timings are the pool's, not the readers'.
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import type { ParsePool } from "../../src/ingest/index.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";
import { expectProblem, holdingPool, planText, testApp, testWorkerPool } from "./helpers.ts";

const pools: ParsePool[] = [];
const track = <P extends ParsePool>(pool: P): P => {
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

// The test worker's commands ("spin", "hold") go as they are; any other text is sent as a small plan.
const COMMANDS = ["spin", "hold", "oom", "problem", "exit"];
const asUploaded = (text: string): string => (COMMANDS.includes(text) ? text : planText(text));
const upload = (app: Parameters<typeof request>[0], text: string, name = "plan.txt") => request(app).post("/api/audits").attach("plan", Buffer.from(asUploaded(text)), name);

/** Resolves when `pool.parse` has been called `count` times: the requests have reached the workers. */
function countingPool(inner: ParsePool): ParsePool & { reached(count: number): Promise<void> } {
  let calls = 0;
  const waiting: { count: number; resolve: () => void }[] = [];
  return {
    settings: inner.settings,
    close: () => inner.close(),
    parse(format, bytes, options) {
      calls++;
      for (const wait of waiting.filter((w) => calls >= w.count)) wait.resolve();
      return inner.parse(format, bytes, options);
    },
    reached: (count) => new Promise<void>((resolve) => (calls >= count ? resolve() : waiting.push({ count, resolve }))),
  };
}

describe("concurrency", () => {
  it("answers a burst of 8 uploads while a file that never finishes holds a worker", async () => {
    const pool = track(countingPool(testWorkerPool({ threads: 2, timeoutMs: 120_000 })));
    const { app } = testApp({ pool, limits: { maxConcurrentAudits: 16 } });
    // Warm up the audit so the burst measures the service, not the first load of the rules.
    expectValidReport((await upload(app, "Section A: About me. I like trains.")).body);

    let slowSettled = false;
    const slow = upload(app, "spin").then((response) => {
      slowSettled = true;
      return response;
    });
    await pool.reached(2);
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(app, `Section A: Child ${i} likes drawing.`).then((response) => response)));
    for (const response of burst) {
      expect(response.status).toBe(200);
      expectValidReport(response.body);
    }
    // All eight were answered while the hostile file still held its worker.
    expect(slowSettled).toBe(false);
    await pool.close();
    expectProblem(await slow, "BUSY", 503);
  });

  it("stops a file that takes too long with PARSE_TIMEOUT (422), and reads the next one", async () => {
    const pool = track(testWorkerPool({ timeoutMs: 300 }));
    const { app } = testApp({ pool });
    expect(expectProblem(await upload(app, "spin", "slow.txt"), "PARSE_TIMEOUT", 422)).toMatchObject({ file: "slow.txt", role: "plan" });
    expect((await upload(app, "Section A: After the timeout.")).status).toBe(200);
  });

  it("answers 503 BUSY with Retry-After when the parse queue is full", async () => {
    const pool = track(countingPool(testWorkerPool({ threads: 1, maxQueue: 0, timeoutMs: 1500 })));
    const { app } = testApp({ pool, limits: { retryAfterSeconds: 7 } });
    const slow = upload(app, "spin").then((response) => response);
    await pool.reached(1);
    const refused = await upload(app, "Section A: Another child.");
    const body = expectProblem(refused, "BUSY", 503);
    expect(body.detail).toMatch(/busy/);
    expect(refused.headers["retry-after"]).toBe("7");
    expectProblem(await slow, "PARSE_TIMEOUT", 422);
    // The stopped worker is replaced: the service reads files again.
    expect((await upload(app, "Section A: After the timeout.")).status).toBe(200);
  });

  it("answers 503 BUSY with Retry-After, before reading the upload, when too many checks are in progress", async () => {
    const held = track(holdingPool(testWorkerPool()));
    const { app, log } = testApp({ pool: held, limits: { maxConcurrentAudits: 2, retryAfterSeconds: 12 } });
    const first = upload(app, "hold").then((r) => r);
    const second = upload(app, "hold").then((r) => r);
    await held.held();
    // Both places are taken (the second request may still be on its way: wait until it is counted).
    const health = async () => (await request(app).get("/healthz")).body.auditsInProgress as number;
    for (let tries = 0; (await health()) < 2 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    const refused = await upload(app, "Section A: A third child.");
    const body = expectProblem(refused, "BUSY", 503);
    expect(refused.headers["retry-after"]).toBe("12");
    expect(body.retryAfter).toBe(12);
    held.release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(await health()).toBe(0);
    expect((await upload(app, "Section A: Later.")).status).toBe(200);
    expect(log.entries().filter((entry) => entry.code === "BUSY")).toHaveLength(1);
  });
});
