// The ehcp-qa command line run from its TypeScript source, for tests that need a real process (exit codes,
// stdout and stderr): `spawn(process.execPath, [...SOURCE_CLI, "audit", file])`. bin/ehcp-qa.js runs the
// compiled dist/ instead, which tests must not depend on being built and up to date.
import { fileURLToPath } from "node:url";
import { entryExecArgv } from "../runtime/entry-url.ts";

const MAIN = new URL("../cli/main.ts", import.meta.url);

export const SOURCE_CLI: readonly string[] = [...entryExecArgv(MAIN), fileURLToPath(MAIN)];
