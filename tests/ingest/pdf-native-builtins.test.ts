// pdf.js's legacy build replaces Array.prototype.push and JSON.parse process-wide with slower copies; the PDF
// reader puts the engine's own back. Nothing else is imported here, so the built-ins this file starts with are the
// engine's (each test file runs in a process of its own) and pdf.js is first loaded by the reader.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

it("leaves the engine's own Array.prototype.push and JSON.parse in place after reading a PDF", async () => {
  const [push, parse] = [Array.prototype.push, JSON.parse];
  const { readPdf } = await import("../../src/ingest/pdf.ts");
  await readPdf(new Uint8Array(readFileSync(new URL("../fixtures/pdf/plan.pdf", import.meta.url))));
  expect(Array.prototype.push).toBe(push);
  expect(JSON.parse).toBe(parse);
});
