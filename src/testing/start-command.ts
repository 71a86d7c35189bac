// The service as `npm start` runs it: the command of package.json's start script as node arguments, for tests that
// spawn it without npm. A compiled entry not built in this checkout runs from its TypeScript source instead.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The start script as node arguments: `tsx file` runs through tsx's loader, `node file` as it is. */
export function startCommand(): string[] {
  const { scripts } = JSON.parse(readFileSync(new URL("package.json", `file://${PROJECT_ROOT}`), "utf8")) as { scripts: { start: string } };
  // `exec` makes the shell hand its process to node, so a signal sent to npm's child reaches the service.
  const [program, ...args] = scripts.start.trim().replace(/^exec\s+/, "").split(/\s+/);
  const script = args.find((arg) => /\.[cm]?[jt]s$/.test(arg));
  if (program === "node" && script && !existsSync(`${PROJECT_ROOT}${script}`)) return ["--import", "tsx", script.replace(/^dist\//, "src/").replace(/\.js$/, ".ts")];
  if (program === "tsx") return ["--import", "tsx", ...args];
  if (program === "node") return args;
  throw new Error(`The start script is not a node or tsx command: ${scripts.start}`);
}
