// `npm run build` (also run by `prepare` on npm install / npm ci): compiles src/ to dist/ with tsc
// (tsconfig.build.json), then copies every file of src/ that is not TypeScript (the web page, JSON schemas) to the
// same place under dist/, because the code reads them relative to its own file. dist/ is rebuilt from scratch so
// nothing deleted from src/ lingers in it. Then the rule-set validators are written as code (Ajv standalone), so
// loading a rule set from dist/ compiles no schema. Last, the audit child's start-up snapshot:
// src/runtime/snapshot-entry.ts bundled with compromise into one CommonJS file (what `node --build-snapshot` takes),
// run once, its heap saved.
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SRC = path.join(ROOT, "src");
const DIST = path.join(ROOT, "dist");

rmSync(DIST, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });

for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith(".ts")) continue;
  const relative = path.relative(SRC, path.join(entry.parentPath, entry.name));
  if (relative.startsWith(`testing${path.sep}`)) continue;
  cpSync(path.join(SRC, relative), path.join(DIST, relative));
}

const { writeStandaloneValidators } = await import(pathToFileURL(path.join(DIST, "config/standalone-validators.js")).href);
writeStandaloneValidators();

await buildChildSnapshot();

/**
 * The snapshots for children with the pool's default memory limit, one per child profile the pools use (V8 takes a
 * snapshot only with the flags it was built with; src/runtime/child-snapshot.ts names it). Without it the children
 * still work, loading the model themselves, so a platform where it cannot be made gets a warning, not a failed install.
 */
async function buildChildSnapshot() {
  const { childV8Flags, DEFAULT_CHILD_MEMORY_MB, POOL_PROFILES, snapshotBlob } = await import(new URL("../dist/runtime/child-snapshot.js", import.meta.url).href);
  const bundle = path.join(DIST, "runtime", "snapshot-entry.cjs");
  try {
    const { build } = await import("esbuild");
    await build({
      entryPoints: [path.join(SRC, "runtime", "snapshot-entry.ts")],
      outfile: bundle,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      logLevel: "warning",
    });
    for (const profile of POOL_PROFILES) {
      const v8Flags = childV8Flags(DEFAULT_CHILD_MEMORY_MB, profile);
      execFileSync(process.execPath, [...v8Flags, "--snapshot-blob", fileURLToPath(snapshotBlob(v8Flags)), "--build-snapshot", bundle], { stdio: "inherit" });
    }
  } catch (error) {
    process.stderr.write(`warning: the audit child's start-up snapshot was not built (${error instanceof Error ? error.message : String(error)}); audits work without it, starting slower.\n`);
  } finally {
    rmSync(bundle, { force: true });
  }
}
