// Entry file of a parse worker thread. Workers start with plain Node, so tsx is registered here before the
// TypeScript task module is loaded (bin/ehcp-qa.js does the same for the CLI).
import { register } from "tsx/esm/api";

// The readers' big libraries load several times faster without tsx's hooks (pdf.js: ~0.5 s instead of ~3 s,
// its worker module included), so they are loaded first; the TypeScript readers then find them in the module
// cache. A library that cannot be preloaded here is simply loaded later, through tsx.
await Promise.allSettled([import("mammoth"), import("pdf-parse"), import("pdfjs-dist/legacy/build/pdf.worker.mjs")]);
register();
const { default: parseTask } = await import("./parse-worker.ts");

export default parseTask;
