// Everything around the routes: health, unknown routes, the OpenAPI document, the page, security headers, API keys,
// rate limits, CORS, internal errors, formatting a report, the error-code table, and graceful shutdown.
import http from "node:http";
import { pathToFileURL } from "node:url";
import path from "node:path";
import addFormats from "ajv-formats";
import { Ajv2020 } from "ajv/dist/2020.js";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit, loadRuleSet, type AuditReport } from "../../src/index.ts";
import { PROBLEM_CODES, PROBLEM_TYPES, PUBLIC_DIR, listen, type RuleSetCatalog } from "../../src/server/index.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { expectValidReport } from "../../src/testing/expect-valid-report.ts";
import { expectProblem, FIXED_TIME, holdingPool, testApp, testChildPool } from "./helpers.ts";

const pool = testChildPool();
afterAll(() => pool.close());

let report: AuditReport;
beforeAll(async () => {
  const doc = planBuilder({ childName: "Ava Test" })
    .section("A")
    .paragraph("Ava likes drawing.")
    .section("B")
    .paragraph("Ava finds reading hard.")
    .section("F")
    .paragraph("Ava will have access to support as required.")
    .build();
  report = audit({ plan: doc, responses: [], advice: [] }, await loadRuleSet("default"), { generatedAt: FIXED_TIME });
});

describe("health, unknown routes and the page", () => {
  it("GET /healthz", async () => {
    const { app } = testApp({ pool });
    const response = await request(app).get("/healthz");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "ok", version: expect.any(String), auditsInProgress: 0 });
  });

  it("an unknown route: 404 problem details, without echoing the path into the log", async () => {
    const { app, log } = testApp({ pool });
    const body = expectProblem(await request(app).get("/api/plans/Ava-Smith"), "NOT_FOUND", 404);
    expect(body.detail).toMatch(/openapi\.json/);
    expectProblem(await request(app).post("/nothing-here"), "NOT_FOUND", 404);
    expect(log.text()).not.toContain("Ava-Smith");
  });

  it("serves the page, its script and style, with a policy that allows only its own", async () => {
    const { app } = testApp({ pool });
    const page = await request(app).get("/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.text).toContain('<script type="module" src="app.js"></script>');
    expect(page.text).toMatch(/<header[\s\S]*<main[\s\S]*<footer/);
    const csp = page.headers["content-security-policy"];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["x-powered-by"]).toBeUndefined();
    for (const asset of ["/app.js", "/report-view.js", "/problem-messages.js", "/app.css"]) expect((await request(app).get(asset)).status, asset).toBe(200);
    // Nothing is loaded from anywhere else.
    for (const asset of ["index.html", "app.js", "report-view.js", "app.css"]) {
      const text = (await request(app).get(`/${asset === "index.html" ? "" : asset}`)).text;
      expect(text, asset).not.toMatch(/https?:\/\/(?!localhost)/);
    }
  });

  it("the page has a sentence for every error code the service can answer", async () => {
    const messages = (await import(pathToFileURL(path.join(PUBLIC_DIR, "problem-messages.js")).href)) as { PROBLEM_MESSAGES: Record<string, string> };
    expect(Object.keys(messages.PROBLEM_MESSAGES).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const sentence of Object.values(messages.PROBLEM_MESSAGES)) expect(sentence).toMatch(/^[A-Z].*\.$/);
  });

  it("maps every code to one status: 4xx for what the user can fix, 500 internal, 503 busy", () => {
    const statuses = Object.fromEntries(PROBLEM_CODES.map((code) => [code, PROBLEM_TYPES[code].status]));
    expect(statuses).toEqual({
      BAD_REQUEST: 400,
      UNAUTHORIZED: 401,
      FILE_NOT_FOUND: 404,
      NOT_FOUND: 404,
      METHOD_NOT_ALLOWED: 405,
      TOO_LARGE: 413,
      UNSUPPORTED_FORMAT: 415,
      EMPTY_FILE: 422,
      CORRUPT_FILE: 422,
      ENCRYPTED_PDF: 422,
      NO_TEXT_LAYER: 422,
      ZIP_BOMB: 422,
      PARSE_TIMEOUT: 422,
      NOT_A_PLAN: 422,
      BLANK_TEMPLATE: 422,
      INVALID_RULESET: 422,
      RATE_LIMITED: 429,
      INTERNAL: 500,
      BUSY: 503,
    });
  });
});

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 document that describes every route", async () => {
    const { app } = testApp({ pool });
    const response = await request(app).get("/api/openapi.json");
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toBe("3.1.0");
    const servicePaths = ["/api/audits", "/api/openapi.json", "/api/reports/format", "/api/rulesets", "/api/rulesets/validate", "/api/rulesets/{name}", "/healthz"];
    const batchPaths = Object.keys(doc.paths).filter((p: string) => p.startsWith("/api/batches"));
    expect(Object.keys(doc.paths).sort()).toEqual([...servicePaths, ...batchPaths].sort());
    expect(batchPaths).toEqual(expect.arrayContaining(["/api/batches", "/api/batches/{id}", "/api/batches/{id}/results.csv", "/api/batches/{id}/quality-return.xlsx", "/api/batches/{id}/summary.html"]));
    expect(doc.components.schemas.Problem.properties.code.enum.sort()).toEqual([...PROBLEM_CODES].sort());
    // Every reference points at something in the document.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) {
      const pointer = ref.slice('"$ref":"#/'.length, -1).split("/");
      const target = pointer.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it("its report schema is the published one: a real report validates against it, a broken one does not", async () => {
    const { app } = testApp({ pool });
    const doc = (await request(app).get("/api/openapi.json")).body;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
    ajv.addSchema({ $id: "https://ehcp-qa.test/openapi.json", components: doc.components });
    const validate = ajv.getSchema("https://ehcp-qa.test/openapi.json#/components/schemas/AuditReport")!;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, grade: "excellent" })).toBe(false);
    expect(validate({ ...report, categories: report.categories.map((c) => ({ ...c, status: "maybe" })) })).toBe(false);
  });
});

describe("API keys", () => {
  it("with no keys configured, the API is open", async () => {
    const { app } = testApp({ pool });
    expect((await request(app).get("/api/rulesets")).status).toBe(200);
  });

  it("with keys, /api asks for one (Bearer or X-API-Key); the page, health and API description stay open", async () => {
    const { app } = testApp({ pool, env: { EHCP_QA_API_KEYS: "first-key, second-key" } });
    const missing = await request(app).get("/api/rulesets");
    expect(expectProblem(missing, "UNAUTHORIZED", 401).detail).toMatch(/needs an access key/);
    expect(missing.headers["www-authenticate"]).toBe('Bearer realm="ehcp-qa"');
    expect(expectProblem(await request(app).get("/api/rulesets").set("Authorization", "Bearer wrong"), "UNAUTHORIZED", 401).detail).toMatch(/not recognised/);
    expectProblem(await request(app).post("/api/audits").attach("plan", Buffer.from("Section A"), "a.txt"), "UNAUTHORIZED", 401);
    expect((await request(app).get("/api/rulesets").set("Authorization", "Bearer first-key")).status).toBe(200);
    expect((await request(app).get("/api/rulesets").set("X-API-Key", "second-key")).status).toBe(200);
    expect((await request(app).get("/healthz")).status).toBe(200);
    expect((await request(app).get("/api/openapi.json")).status).toBe(200);
    expect((await request(app).get("/")).status).toBe(200);
  });
});

describe("rate limit and CORS", () => {
  it("answers 429 with Retry-After past the per-client limit", async () => {
    const { app } = testApp({ pool, limits: { rateLimitPerMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await request(app).get("/api/rulesets")).status).toBe(200);
    const limited = await request(app).get("/api/rulesets");
    const body = expectProblem(limited, "RATE_LIMITED", 429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(body.retryAfter).toBe(Number(limited.headers["retry-after"]));
    // The page is not rate limited.
    expect((await request(app).get("/")).status).toBe(200);
  });

  it("sends no CORS headers unless origins are configured, then only for those", async () => {
    const closed = testApp({ pool }).app;
    const plain = await request(closed).get("/api/rulesets").set("Origin", "https://elsewhere.example");
    expect(plain.headers["access-control-allow-origin"]).toBeUndefined();

    const { app } = testApp({ pool, corsOrigins: ["https://intranet.example"] });
    const allowed = await request(app).get("/api/rulesets").set("Origin", "https://intranet.example");
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://intranet.example");
    const preflight = await request(app).options("/api/audits").set("Origin", "https://intranet.example").set("Access-Control-Request-Method", "POST");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-headers"]).toMatch(/Authorization/);
    const other = await request(app).get("/api/rulesets").set("Origin", "https://elsewhere.example");
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("internal errors", () => {
  it("answers 500 problem details and logs neither the message nor the document", async () => {
    const failing: RuleSetCatalog = {
      list: () => Promise.reject(new Error("Ava Test's plan broke the rule set")),
      load: () => Promise.reject(new Error("Ava Test's plan broke the rule set")),
      parse: () => Promise.reject(new Error("Ava Test's plan broke the rule set")),
    };
    const { app, log } = testApp({ pool, ruleSets: failing });
    const response = await request(app).get("/api/rulesets");
    const body = expectProblem(response, "INTERNAL", 500);
    expect(response.text).not.toMatch(/Ava|rule set broke|\.ts/);
    const logged = log.entries().find((entry) => entry.msg === "internal error");
    expect(logged).toMatchObject({ requestId: body.requestId, errorName: "Error" });
    expect(log.text()).not.toContain("Ava Test");
  });
});

describe("POST /api/reports/format", () => {
  it("turns a JSON report into HTML, markdown or text", async () => {
    const { app } = testApp({ pool });
    expectValidReport(report);
    const html = await request(app).post("/api/reports/format?format=html").send(report);
    expect(html.status).toBe(200);
    expect(html.headers["content-type"]).toMatch(/^text\/html/);
    expect(html.text).toContain("Ava will have access to support as required.");
    const text = await request(app).post("/api/reports/format").set("Accept", "text/plain").send(report);
    expect(text.headers["content-type"]).toMatch(/^text\/plain/);
  });

  it("refuses what is not a report", async () => {
    const { app } = testApp({ pool });
    const body = expectProblem(await request(app).post("/api/reports/format?format=html").send({ grade: "good" }), "BAD_REQUEST", 400);
    expect(body.detail).toMatch(/not an ehcp-qa report/);
    expectProblem(await request(app).get("/api/reports/format"), "METHOD_NOT_ALLOWED", 405);
  });
});

describe("graceful shutdown", () => {
  it("on stop, finishes the check in progress and refuses new connections", async () => {
    const held = holdingPool(testChildPool());
    const { app } = testApp({ pool: held });
    const service = await listen(app, { port: 0, handleSignals: false });
    try {
      const inFlight = request(service.url).post("/api/audits").attach("plan", Buffer.from("hold"), "held.txt");
      const finished = inFlight.then((response) => response);
      await held.held();
      const health = await new Promise<number>((resolve) => http.get(`${service.url}/healthz`, (res) => resolve(res.statusCode ?? 0)).on("error", () => resolve(0)));
      expect(health).toBe(200);
      const stopped = service.stop();
      // The server no longer accepts connections, but the check in progress is answered in full.
      await expect(new Promise((resolve, reject) => http.get(`${service.url}/healthz`, resolve).on("error", reject))).rejects.toThrow(/ECONNREFUSED/);
      held.release();
      const response = await finished;
      expect(response.status).toBe(200);
      expectValidReport(response.body);
      await stopped;
    } finally {
      held.release();
      await service.stop();
      await held.close();
    }
  });

  it("while stopping, /healthz answers 503 'stopping' and connections are not kept alive", async () => {
    const { app } = testApp({ pool });
    app.beginShutdown();
    const response = await request(app).get("/healthz");
    expect(response.status).toBe(503);
    expect(response.body.status).toBe("stopping");
    expect(response.headers.connection).toBe("close");
  });

  it("closes the audit pool it made itself once stopped", async () => {
    const { app } = testApp({ env: { EHCP_QA_PARSE_THREADS: "1" } });
    const service = await listen(app, { port: 0, handleSignals: false });
    await service.stop();
    expect(app.context.pool.children()).toBe(0);
    const late = await app.context.pool.run({ kind: "read", file: { role: "plan", fileName: "late.txt", bytes: new Uint8Array(Buffer.from("late")) } });
    expect(late).toMatchObject({ ok: false, problem: { code: "BUSY" } });
  });
});
