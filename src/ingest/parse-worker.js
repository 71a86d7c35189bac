// Entry file of a parse worker thread. Workers start with plain Node, so tsx is registered here before the
// TypeScript task module is loaded (bin/ehcp-qa.js does the same for the CLI).
import { register } from "tsx/esm/api";

register();
const { default: parseTask } = await import("./parse-worker.ts");

export default parseTask;
