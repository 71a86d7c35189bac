// Shared by the service tests: an app with injected dependencies, a log that can be read back, sample files, and an
// audit pool whose checks can be held until the test lets them go.
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { pino, type Logger } from "pino";
import type { Response } from "supertest";
import { expect } from "vitest";
import { createAuditPool, type AuditPool, type AuditPoolOptions } from "../../src/runtime/index.ts";
import { createApp, type AppDeps, type EhcpQaApp, type ProblemDetails, type ServiceProblemCode } from "../../src/server/index.ts";

export const FIXED_TIME = new Date("2026-06-01T09:00:00Z");

const root = new URL("../../", import.meta.url);
export const sampleFile = (name: string): Buffer => readFileSync(new URL(`samples/${name}`, root));
export const fixtureFile = (name: string): Buffer => readFileSync(new URL(`tests/fixtures/${name}`, root));

/** The runtime tests' child: a plan whose bytes are "spin" never finishes; anything else is really read and audited (tests/runtime/test-child.ts). */
export const TEST_CHILD = new URL("tests/runtime/test-child.ts", root);

/** Log lines the app wrote, as text (to check what is never logged) and parsed. */
export interface CapturedLog {
  text(): string;
  entries(): Record<string, unknown>[];
}

export function captureLogger(): { logger: Logger; log: CapturedLog } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return {
    logger: pino({ level: "info" }, stream),
    log: {
      text: () => lines.join(""),
      entries: () =>
        lines
          .join("")
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
    },
  };
}

/** An app on a fixed clock, with no environment settings, logging into memory. */
export function testApp(deps: AppDeps = {}): { app: EhcpQaApp; log: CapturedLog } {
  const { logger, log } = captureLogger();
  const app = createApp({ env: {}, clock: () => FIXED_TIME, logger, ...deps });
  return { app, log };
}

/**
 * A small plan for the test worker (one paragraph per line): the given text under Section A, and Sections B and F,
 * so the service audits it rather than refusing it as NOT_A_PLAN.
 */
export function planText(text: string): string {
  return `Section A: All about me\n${text}\nSection B: Special educational needs\nThe child finds reading hard.\nSection F: Special educational provision\nA teaching assistant will read with the child for 20 minutes daily.`;
}

/** A pool that holds every check whose plan's bytes are "hold" until release(); everything else goes to `inner`. */
export function holdingPool(inner: AuditPool): AuditPool & { release(): void; held(): Promise<void> } {
  let releaseAll!: () => void;
  const released = new Promise<void>((resolve) => (releaseAll = resolve));
  let noteHeld!: () => void;
  const firstHeld = new Promise<void>((resolve) => (noteHeld = resolve));
  return {
    settings: inner.settings,
    children: inner.children,
    close: () => inner.close(),
    async run(task, options) {
      const first = task.kind === "read" ? task.file : task.files[0];
      if (first && Buffer.from(first.bytes).toString("latin1") === "hold") {
        noteHeld();
        await released;
        const bytes = new Uint8Array(Buffer.from(planText("The held file, read at last.")));
        return inner.run(task.kind === "read" ? { ...task, file: { ...task.file, bytes } } : { ...task, files: [{ ...first, bytes }, ...task.files.slice(1)] }, options) as never;
      }
      return inner.run(task, options);
    },
    release: () => releaseAll(),
    held: () => firstHeld,
  };
}

/** A pool on the test child (its "spin" never finishes; anything else is really audited). */
export const testChildPool = (options: AuditPoolOptions = {}): AuditPool => createAuditPool({ processes: 1, spareProcesses: 0, ...options, entry: TEST_CHILD });

/** The response is problem details with this code, the status the service maps it to, and a request id. */
export function expectProblem(response: Response, code: ServiceProblemCode, status: number): ProblemDetails {
  expect(response.headers["content-type"], response.text).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.text) as ProblemDetails;
  expect(body, response.text).toMatchObject({ code, status, type: `tag:ehcp-qa,2025:problem:${code.toLowerCase().replace(/_/g, "-")}` });
  expect(response.status).toBe(status);
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail.length).toBeGreaterThan(10);
  expect(body.requestId).toBe(response.headers["x-request-id"]);
  expect(body.instance).toBe(`urn:uuid:${body.requestId}`);
  // A caseworker never sees a stack trace or a library's wording.
  expect(body.detail).not.toMatch(/\bat .*\.ts:\d+|Error:|undefined|null/);
  return body;
}
