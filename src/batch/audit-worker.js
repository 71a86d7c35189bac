// Entry file of a batch worker thread: reads one plan's files and audits them. Workers start with plain Node, so
// tsx is registered here before the TypeScript task module is loaded (the same bootstrap as the parse workers).
import { register } from "tsx/esm/api";

// The readers' big libraries load several times faster without tsx's hooks, so they are loaded first; the
// TypeScript readers then find them in the module cache.
await Promise.allSettled([import("mammoth"), import("pdf-parse"), import("pdfjs-dist/legacy/build/pdf.worker.mjs")]);
register();
const { default: auditTask } = await import("./audit-worker.ts");

export default auditTask;
