// Module hooks for record-imports.mjs: each resolved URL is appended to the log file, one a line, after the id of
// the process that loaded it (so a test can tell the service's main process from its audit children).
import { appendFileSync } from "node:fs";

let log = "";

export function initialize(data) {
  log = data.log;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(log, `${process.pid} ${resolved.url}\n`);
  return resolved;
}
