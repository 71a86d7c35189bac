// Two instances of the service on one Redis (REDIS_URL) and a queue worker: a batch uploaded to one instance is
// followed and downloaded from the other, its outputs are sealed in Redis with EHCP_QA_QUEUE_KEY, and deleting it
// through either instance removes it for both.
import { randomBytes } from "node:crypto";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/index.ts";
import { startQueueWorker, type QueueWorker } from "../../src/queue/index.ts";
import type { EhcpQaApp } from "../../src/server/index.ts";
import { FIXED_TIME, sampleFile, testApp } from "../server/helpers.ts";
import { truncatedDocx } from "../batch/helpers.ts";
import { dumpRedis, redisMissing, startRedis, type TestRedis } from "./redis-server.ts";

describe.skipIf(redisMissing !== undefined)("the service with REDIS_URL", () => {
  let redis: TestRedis;
  let worker: QueueWorker;
  const apps: EhcpQaApp[] = [];
  const key = randomBytes(32);

  beforeAll(async () => {
    redis = await startRedis();
    worker = startQueueWorker({ url: redis.url, concurrency: 2, ruleSets: [await loadRuleSet("default")], key });
    await worker.ready();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await worker?.close(true);
    await redis?.stop();
  });

  const instance = () => {
    const { app } = testApp({ env: { REDIS_URL: redis.url, EHCP_QA_QUEUE_KEY: key.toString("hex") } });
    apps.push(app);
    return app;
  };

  it("follows and downloads from one instance a batch uploaded to another", async () => {
    const [first, second] = [instance(), instance()];
    const posted = await request(first)
      .post("/api/batches")
      .attach("files", sampleFile("plan-kai-robinson.docx"), "kai-final.docx")
      .attach("files", Buffer.from(await truncatedDocx()), "broken-final.docx");
    expect(posted.status, posted.text).toBe(202);
    const id = posted.body.id as string;

    let progress: Record<string, unknown> = {};
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const answer = await request(second).get(`/api/batches/${id}`);
      expect(answer.status).toBe(200);
      progress = answer.body as Record<string, unknown>;
      if (progress.status !== "queued" && progress.status !== "running") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(progress).toEqual({ id, status: "done", done: 2, total: 2, failures: 1, createdAt: FIXED_TIME.toISOString(), expiresAt: new Date(FIXED_TIME.getTime() + 3_600_000).toISOString() });
    expect((await request(first).get(`/api/batches/${id}`)).body).toEqual(progress);

    const csv = await request(second).get(`/api/batches/${id}/results.csv`);
    expect(csv.status).toBe(200);
    const rows = csv.text.trim().split("\n").slice(1).map((line) => line.split(",")[0]);
    expect(rows).toEqual(["broken", "kai"]);
    expect(csv.text).toContain("CORRUPT_FILE");
    const report = await request(second).get(`/api/batches/${id}/reports/kai.html`);
    expect(report.status).toBe(200);
    expect(report.text).toContain("<html");
    // The report names the child (so finding no name in Redis below means it is sealed there).
    expect(report.text).toContain("Robinson");
    const summary = await request(first).get(`/api/batches/${id}/summary.html`);
    expect(summary.status).toBe(200);
    const xlsx = await request(second).get(`/api/batches/${id}/quality-return.xlsx`);
    expect(xlsx.status).toBe(200);
    expect((await request(second).get(`/api/batches/${id}/reports/nobody.html`)).status).toBe(404);

    // Outputs quote the plans: in Redis they are sealed, and no job or plan bytes are left.
    const dump = [...(await dumpRedis(redis.client))].map(([k, v]) => `${k} ${v}`).join("\n");
    expect(dump.includes("Robinson"), "a child's name in Redis").toBe(false);
    expect(/"data"/.test(dump), "a job left in Redis").toBe(false);

    expect((await request(second).delete(`/api/batches/${id}`)).status).toBe(204);
    expect((await request(first).get(`/api/batches/${id}`)).status).toBe(404);
    expect((await request(first).get(`/api/batches/${id}/results.csv`)).status).toBe(404);
  });
});
