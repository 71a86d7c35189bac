#!/usr/bin/env node
// The CLI runs the compiled JavaScript in dist/, built by `npm install` (the prepare script) or `npm run build`.
import { fileURLToPath } from "node:url";

const main = new URL("../dist/cli/main.js", import.meta.url);
try {
  await import(main.href);
} catch (error) {
  // Only a missing build is explained here; any other failure is the CLI's own and is reported by it.
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes(fileURLToPath(main))) throw error;
  process.stderr.write("error: ehcp-qa is not built (dist/ is missing). Run `npm install` or `npm run build` in its folder first.\n");
  process.exitCode = 3;
}
