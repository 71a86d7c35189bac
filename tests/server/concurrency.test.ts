// A slow or hostile file must not hold up anyone else, uploads beyond the checks in progress wait rather than being
// bounced, and only a full queue answers "busy" (503 with Retry-After). These tests use the runtime tests' child,
// whose "spin" file never finishes, so the timings are the pool's, not the readers'.
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import type { AuditPool } from "../../src/runtime/index.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";
import { expectProblem, holdingPool, planText, testApp, testChildPool } from "./helpers.ts";

const pools: AuditPool[] = [];
const track = <P extends AuditPool>(pool: P): P => {
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

// The test child's commands ("spin", "hold") go as they are; any other text is sent as a small plan.
const COMMANDS = ["spin", "hold", "heap", "rss", "problem", "exit"];
const asUploaded = (text: string): string => (COMMANDS.includes(text) ? text : planText(text));
const upload = (app: Parameters<typeof request>[0], text: string, name = "plan.txt") => request(app).post("/api/audits").attach("plan", Buffer.from(asUploaded(text)), name);

/** Resolves when `pool.run` has been called `count` times: the requests have reached the pool. */
function countingPool(inner: AuditPool): AuditPool & { reached(count: number): Promise<void> } {
  let calls = 0;
  const waiting: { count: number; resolve: () => void }[] = [];
  return {
    settings: inner.settings,
    children: inner.children,
    close: () => inner.close(),
    run(task, options) {
      calls++;
      for (const wait of waiting.filter((w) => calls >= w.count)) wait.resolve();
      return inner.run(task, options);
    },
    reached: (count) => new Promise<void>((resolve) => (calls >= count ? resolve() : waiting.push({ count, resolve }))),
  };
}

describe("concurrency", () => {
  it("answers a burst of 8 uploads while a file that never finishes holds a child", async () => {
    const pool = track(countingPool(testChildPool({ processes: 2, timeoutMs: 120_000 })));
    const { app } = testApp({ pool, limits: { maxConcurrentAudits: 16 } });
    // Warm up the children so the burst measures the service, not the first load of the rules.
    expectValidReport((await upload(app, "Section A: About me. I like trains.")).body);
    expectValidReport((await upload(app, "Section A: About me. I like boats.")).body);

    let slowSettled = false;
    const slow = upload(app, "spin").then((response) => {
      slowSettled = true;
      return response;
    });
    await pool.reached(3);
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(app, `Section A: Child ${i} likes drawing.`).then((response) => response)));
    for (const response of burst) {
      expect(response.status).toBe(200);
      expectValidReport(response.body);
    }
    // All eight were answered while the hostile file still held its child.
    expect(slowSettled).toBe(false);
    await pool.close();
    expectProblem(await slow, "BUSY", 503);
  });

  it("stops a file that takes too long with PARSE_TIMEOUT (422), and reads the next one", async () => {
    const pool = track(testChildPool({ timeoutMs: 3_000 }));
    const { app } = testApp({ pool });
    // A child ready first: a deadline that passes before any child is free is answered BUSY, not the file's fault.
    expect((await upload(app, "Section A: Before the slow file.")).status).toBe(200);
    const body = expectProblem(await upload(app, "spin", "slow.txt"), "PARSE_TIMEOUT", 422);
    expect(body).toMatchObject({ file: "slow.txt", role: "plan" });
    expect(body.detail).toMatch(/took longer than 3 seconds/);
    expect((await upload(app, "Section A: After the timeout.")).status).toBe(200);
  });

  it("answers a file whose reading passes the memory limit with its coded problem, and reads the next one", async () => {
    const pool = track(testChildPool({ memoryLimitMb: 400 }));
    const { app } = testApp({ pool });
    expect(expectProblem(await upload(app, "rss", "scan.pdf"), "CORRUPT_FILE", 422).detail).toMatch(/needs far more memory to read than a plan could/);
    expect((await upload(app, "Section A: After the stopped file.")).status).toBe(200);
  });

  it("answers 503 BUSY with Retry-After when the pool's queue is full", async () => {
    const pool = track(countingPool(testChildPool({ processes: 1, maxQueue: 0, timeoutMs: 3_000 })));
    const { app } = testApp({ pool, limits: { retryAfterSeconds: 7 } });
    expect((await upload(app, "Section A: Before the slow file.")).status).toBe(200);
    const slow = upload(app, "spin").then((response) => response);
    await pool.reached(2);
    const refused = await upload(app, "Section A: Another child.");
    const body = expectProblem(refused, "BUSY", 503);
    expect(body.detail).toMatch(/busy/);
    expect(refused.headers["retry-after"]).toBe("7");
    expectProblem(await slow, "PARSE_TIMEOUT", 422);
    // The stopped child is replaced: the service reads files again.
    expect((await upload(app, "Section A: After the timeout.")).status).toBe(200);
  });

  it("queues uploads beyond the checks in progress, and serves them all in turn", async () => {
    const held = track(holdingPool(testChildPool()));
    const { app } = testApp({ pool: held, limits: { maxConcurrentAudits: 1 } });
    const first = upload(app, "hold").then((r) => r);
    await held.held();
    const waiting = Array.from({ length: 5 }, (_, i) => upload(app, `Section A: Child ${i} waits a turn.`).then((r) => r));
    const health = async () => (await request(app).get("/healthz")).body as { auditsInProgress: number; auditsWaiting: number };
    for (let tries = 0; (await health()).auditsWaiting < 5 && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await health()).toMatchObject({ auditsInProgress: 1, auditsWaiting: 5 });
    held.release();
    expect((await first).status).toBe(200);
    for (const response of await Promise.all(waiting)) expect(response.status).toBe(200);
    expect(await health()).toMatchObject({ auditsInProgress: 0, auditsWaiting: 0 });
  });

  it("answers 503 BUSY with Retry-After, before reading the upload, when the queue is full", async () => {
    const held = track(holdingPool(testChildPool()));
    const { app, log } = testApp({ pool: held, limits: { maxConcurrentAudits: 1, maxQueuedAudits: 1, retryAfterSeconds: 12 } });
    const first = upload(app, "hold").then((r) => r);
    await held.held();
    const second = upload(app, "Section A: A second child waits.").then((r) => r);
    const health = async () => (await request(app).get("/healthz")).body as { auditsWaiting: number };
    for (let tries = 0; (await health()).auditsWaiting < 1 && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    const refused = await upload(app, "Section A: A third child.");
    const body = expectProblem(refused, "BUSY", 503);
    expect(refused.headers["retry-after"]).toBe("12");
    expect(body.retryAfter).toBe(12);
    held.release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await upload(app, "Section A: Later.")).status).toBe(200);
    expect(log.entries().filter((entry) => entry.code === "BUSY")).toHaveLength(1);
  });

  it("answers 503 BUSY to an upload that waited past the queue's deadline", async () => {
    const held = track(holdingPool(testChildPool()));
    const { app } = testApp({ pool: held, limits: { maxConcurrentAudits: 1, maxQueueWaitMs: 300 } });
    const first = upload(app, "hold").then((r) => r);
    await held.held();
    expectProblem(await upload(app, "Section A: Waited too long."), "BUSY", 503);
    held.release();
    expect((await first).status).toBe(200);
  });

  it("refuses by declared bytes when the waiting uploads would hold too much", async () => {
    const held = track(holdingPool(testChildPool()));
    const { app } = testApp({ pool: held, limits: { maxConcurrentAudits: 1, maxQueuedBytes: 100 } });
    const first = upload(app, "hold").then((r) => r);
    await held.held();
    expectProblem(await upload(app, "Section A: A plan bigger than the queue's byte budget."), "BUSY", 503);
    held.release();
    expect((await first).status).toBe(200);
  });
});
