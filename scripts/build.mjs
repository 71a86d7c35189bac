// `npm run build` (also run by `prepare` on npm install / npm ci): compiles src/ to dist/ with tsc
// (tsconfig.build.json), then copies every file of src/ that is not TypeScript (the web page, JSON schemas) to the
// same place under dist/, because the code reads them relative to its own file. dist/ is rebuilt from scratch so
// nothing deleted from src/ lingers in it. Last, the rule-set validators are written as code (Ajv standalone), so
// loading a rule set from dist/ compiles no schema.
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
