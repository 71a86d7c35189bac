// GET /api/rulesets, GET /api/rulesets/:name and POST /api/rulesets/validate.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { CATEGORY_IDS } from "../../src/model/report.ts";
import { ruleSetCatalog } from "../../src/server/index.ts";
import { expectProblem, testApp, testChildPool } from "./helpers.ts";

// Rule-set routes read no files: a test-child pool that never starts a task is enough.
const pool = testChildPool();
afterAll(() => pool.close());

describe("rule sets", () => {
  it("GET /api/rulesets lists each rule set with its version and description", async () => {
    const { app } = testApp({ pool });
    const response = await request(app).get("/api/rulesets");
    expect(response.status).toBe(200);
    expect(response.body.default).toBe("default");
    const names = response.body.ruleSets.map((set: { name: string }) => set.name);
    expect(names).toEqual(expect.arrayContaining(["default", "strict", "northshire"]));
    for (const set of response.body.ruleSets) {
      expect(set).toMatchObject({ name: expect.any(String), version: expect.stringMatching(/\S/), description: expect.stringMatching(/\S/) });
      expect(set.problem).toBeUndefined();
    }
  });

  it("lists a rule set whose file has mistakes as unusable, and refuses it with every issue", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ehcp-qa-rulesets-"));
    await writeFile(path.join(dir, "good.json"), JSON.stringify({ name: "good", version: "1", description: "Fine.", extends: "default" }));
    await writeFile(path.join(dir, "default.json"), JSON.stringify({ name: "default", version: "1", description: "Base." }));
    await writeFile(path.join(dir, "broken.json"), JSON.stringify({ name: "broken", version: "1", rules: { "provison-specificity": { enabled: false } } }));
    const { app } = testApp({ pool, ruleSets: ruleSetCatalog(dir) });
    const list = await request(app).get("/api/rulesets");
    const broken = list.body.ruleSets.find((set: { name: string }) => set.name === "broken");
    expect(broken.problem).toMatchObject({ code: "INVALID_RULESET" });
    const body = expectProblem(await request(app).get("/api/rulesets/broken"), "INVALID_RULESET", 422);
    expect(body.issues).toEqual([expect.objectContaining({ pointer: "/rules/provison-specificity", hint: 'did you mean "provision-specificity"?' })]);
    expect((await request(app).get("/api/rulesets/good")).body.name).toBe("good");
  });

  it("GET /api/rulesets/:name gives every rule with id, category, title, severity, weight, critical and source", async () => {
    const { app } = testApp({ pool });
    const response = await request(app).get("/api/rulesets/strict");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: "strict", version: expect.any(String), grades: { outstanding: expect.any(Number) } });
    expect(Object.keys(response.body.categoryWeights).sort()).toEqual([...CATEGORY_IDS].sort());
    const rules = response.body.rules as Record<string, unknown>[];
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) {
      expect(rule).toMatchObject({
        id: expect.stringMatching(/^[a-z0-9-]+$/),
        category: expect.any(String),
        title: expect.any(String),
        severity: expect.stringMatching(/^(error|warning|info)$/),
        weight: expect.any(Number),
        critical: expect.any(Boolean),
        enabled: expect.any(Boolean),
        source: expect.any(String),
      });
      expect(CATEGORY_IDS).toContain(rule.category);
    }
    expect(rules.find((rule) => rule.id === "provision-specificity")?.source).toMatch(/9\.69/);
  });

  it("GET /api/rulesets/:name for an unknown name: 404 with a suggestion", async () => {
    const { app } = testApp({ pool });
    const body = expectProblem(await request(app).get("/api/rulesets/northshir"), "FILE_NOT_FOUND", 404);
    expect(body.detail).toMatch(/did you mean "northshire"/);
    // Not a way to read files.
    expectProblem(await request(app).get("/api/rulesets/..%2Fpackage"), "FILE_NOT_FOUND", 404);
  });

  it("POST /api/rulesets/validate: a valid rule set", async () => {
    const { app } = testApp({ pool });
    const response = await request(app)
      .post("/api/rulesets/validate")
      .send({ name: "my-la", version: "2025.1", extends: "default", rules: { "long-sentences": { enabled: false } } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ valid: true, name: "my-la", version: "2025.1", rules: expect.any(Number), rulesEnabled: expect.any(Number) });
    expect(response.body.rulesEnabled).toBe(response.body.rules - 1);
  });

  it("POST /api/rulesets/validate: every issue listed with pointer, message and hint", async () => {
    const { app } = testApp({ pool });
    const response = await request(app)
      .post("/api/rulesets/validate")
      .send({ name: "my-la", version: "1", extends: "default", rules: { "provison-specificity": { enabled: false }, "repeated-paragraphs": { severty: "error" } } });
    const body = expectProblem(response, "INVALID_RULESET", 422);
    expect(body.detail).toMatch(/uploaded rule set has 2 problems/);
    expect(body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "uploaded rule set", pointer: "/rules/provison-specificity", message: expect.stringMatching(/unknown rule/), hint: 'did you mean "provision-specificity"?' }),
        expect.objectContaining({ pointer: "/rules/repeated-paragraphs/severty", hint: 'did you mean "severity"?' }),
      ]),
    );
  });

  it("POST /api/rulesets/validate: an uploaded rule set cannot extend a file by path", async () => {
    const { app } = testApp({ pool });
    const body = expectProblem(await request(app).post("/api/rulesets/validate").send({ name: "x", version: "1", extends: "../../package.json" }), "INVALID_RULESET", 422);
    expect(body.issues?.[0]).toMatchObject({ pointer: "/extends", message: expect.stringMatching(/only extend a rule set by name/) });
  });

  it("POST /api/rulesets/validate: not JSON, broken JSON, too large", async () => {
    const { app } = testApp({ pool, limits: { maxJsonBytes: 2000 } });
    expect(expectProblem(await request(app).post("/api/rulesets/validate").type("text/plain").send("name: x"), "BAD_REQUEST", 400).detail).toMatch(/Content-Type: application\/json/);
    expect(expectProblem(await request(app).post("/api/rulesets/validate").type("application/json").send('{"name": "x",'), "BAD_REQUEST", 400).detail).toMatch(/not valid JSON/);
    expectProblem(await request(app).post("/api/rulesets/validate").send({ name: "x", version: "1", description: "y".repeat(5000) }), "TOO_LARGE", 413);
    expectProblem(await request(app).get("/api/rulesets/validate"), "METHOD_NOT_ALLOWED", 405);
  });
});
