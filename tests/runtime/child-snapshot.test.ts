// The audit child's start-up snapshot, through the compiled tree (dist/, built by `npm run build` and by `prepare`
// on npm install / npm ci): the build makes one for the pool's default children, a compiled pool's child starts from
// it with the language model in its heap, a child whose heap flags have no snapshot loads the model itself, and an
// audit from the snapshot says exactly what the source says in this process, and a blob V8 refuses only costs the
// snapshot (the pool's children start without it).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { audit, loadRuleSet, readPlan } from "../../src/index.ts";
import type * as ChildSnapshot from "../../src/runtime/child-snapshot.ts";
import type * as Runtime from "../../src/runtime/index.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST_RUNTIME = path.join(ROOT, "dist", "runtime");
const PROBE = new URL("./snapshot-probe-child.mjs", import.meta.url);
const SAMPLE = path.join(ROOT, "samples", "pair-1-draft.docx");

let snapshot: typeof ChildSnapshot;
let runtime: typeof Runtime;
beforeAll(async () => {
  if (!existsSync(path.join(DIST_RUNTIME, "child.js"))) throw new Error("dist/ is not built: run `npm run build` first (npm install and npm ci do it).");
  snapshot = (await import(path.join(DIST_RUNTIME, "child-snapshot.js"))) as typeof ChildSnapshot;
  runtime = (await import(path.join(DIST_RUNTIME, "index.js"))) as typeof Runtime;
});

const pools: Runtime.AuditPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});
const compiledPool = (options: Runtime.AuditPoolOptions = {}): Runtime.AuditPool => {
  const pool = runtime.createAuditPool({ processes: 1, spareProcesses: 0, ...options });
  pools.push(pool);
  return pool;
};

const anyTask: Runtime.ReadTask = { kind: "read", file: { role: "plan", fileName: "probe.txt", bytes: new Uint8Array() } };

describe("the audit child's start-up snapshot", () => {
  it("is built for the pool's default children, for this Node", () => {
    const blob = fileURLToPath(snapshot.snapshotBlob(snapshot.childV8Flags(snapshot.DEFAULT_CHILD_MEMORY_MB)));
    expect(existsSync(blob), `${path.basename(blob)} in dist/runtime`).toBe(true);
  });

  it("gives a compiled pool's child the language model from its heap", async () => {
    const outcome = await compiledPool({ entry: PROBE }).run(anyTask);
    expect(outcome).toMatchObject({ ok: true, value: { fromSnapshot: true, tagsAFirstName: true } });
  });

  it("is left out for a child with other heap flags, which loads the model itself", async () => {
    const outcome = await compiledPool({ entry: PROBE, memoryLimitMb: 700 }).run(anyTask);
    expect(outcome).toMatchObject({ ok: true, value: { fromSnapshot: false, tagsAFirstName: true } });
  });

  it("is given up when V8 refuses it, and the children start without it", async () => {
    // A copy of the compiled tree whose blob is damaged (as one built by another Node of the same version could be).
    const copy = mkdtempSync(path.join(os.tmpdir(), "ehcp-qa-snapshot-"));
    try {
      cpSync(path.join(ROOT, "dist"), path.join(copy, "dist"), { recursive: true });
      symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"));
      const probe = path.join(copy, "tests", "runtime", path.basename(fileURLToPath(PROBE)));
      cpSync(fileURLToPath(PROBE), probe);
      // The blob of the default pool's children (the pool below), not merely the first one listed.
      const blob = path.basename(fileURLToPath(snapshot.snapshotBlob(snapshot.childV8Flags(snapshot.DEFAULT_CHILD_MEMORY_MB))));
      expect(readdirSync(path.join(copy, "dist", "runtime"))).toContain(blob);
      writeFileSync(path.join(copy, "dist", "runtime", blob), "not a snapshot");
      const copied = (await import(path.join(copy, "dist", "runtime", "index.js"))) as typeof Runtime;
      const pool = copied.createAuditPool({ processes: 1, spareProcesses: 0, entry: pathToFileURL(probe) });
      pools.push(pool);
      const outcome = await pool.run(anyTask);
      expect(outcome).toMatchObject({ ok: true, value: { fromSnapshot: false, tagsAFirstName: true } });
    } finally {
      await Promise.all(pools.splice(0).map((pool) => pool.close()));
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("audits a plan exactly as the source does without it", async () => {
    const generatedAt = new Date("2026-02-03T04:05:06Z");
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const outcome = await compiledPool().run({ kind: "audit", files: [{ role: "plan", fileName: "plan.docx", bytes }], ruleSet: { ref: "default" }, generatedAt: generatedAt.toISOString() });
    if (!outcome.ok) throw new Error(`the compiled child answered ${outcome.problem.code}`);
    const ruleSet = await loadRuleSet("default");
    const here = audit({ plan: await readPlan({ fileName: "plan.docx", bytes }, ruleSet), responses: [], advice: [] }, ruleSet, { generatedAt });
    expect(outcome.value.report.checks.flatMap((check) => check.findings).length).toBeGreaterThan(0);
    expect(outcome.value.report).toEqual(here);
  });
});
