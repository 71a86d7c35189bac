// A cap on checks in progress. Each one holds its uploads in memory while its files are read, so past the cap the
// service answers 503 (with Retry-After) before reading any of the upload, rather than running out of memory.
import type { RequestHandler } from "express";
import { busy } from "./problems.ts";

export interface Admission {
  /** Middleware: admits the request or throws BUSY; the place is given back when the response ends. */
  readonly gate: RequestHandler;
  readonly inProgress: () => number;
}

export function admission(maxInProgress: number, retryAfterSeconds: number): Admission {
  let inProgress = 0;
  const gate: RequestHandler = (_req, res, next) => {
    if (inProgress >= maxInProgress) {
      // The upload is not kept: Node discards the rest of it once the answer is sent, so the client (a browser
      // still sending) receives the 503 rather than a broken connection.
      throw busy(retryAfterSeconds, "The checker is busy with other plans right now. Please try again in a minute.");
    }
    inProgress++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inProgress--;
    };
    // 'close' fires when the response has been sent and when the client goes away first.
    res.on("close", release);
    next();
  };
  return { gate, inProgress: () => inProgress };
}
