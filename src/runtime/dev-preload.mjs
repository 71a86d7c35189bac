// Loaded before tsx in a child started from TypeScript source (entry-url.ts): pdf.js goes through tsx's hooks
// about 20 times slower and with ~400 MB more memory than through plain node, so it is loaded first and the
// readers find it in the module cache. From the compiled dist/ nothing is preloaded (children run plain node).
await Promise.allSettled([import("pdf-parse"), import("pdfjs-dist/legacy/build/pdf.worker.mjs")]);
