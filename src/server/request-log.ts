// One log line per request: its id, route, status, sizes, timings and error code. Never the document text, never
// the query string or an unmatched path (either could carry a name), and file names only when configured.
import { randomUUID } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { pino, type Logger } from "pino";

/** Facts a route adds to its request's log line (sizes, timings, counts: never content). */
export type LogFacts = Record<string, string | number | boolean | string[] | number[] | undefined>;

export function addLogFacts(res: Response, facts: LogFacts): void {
  res.locals.logFacts = { ...(res.locals.logFacts as LogFacts | undefined), ...facts };
}

export function defaultLogger(level = "info"): Logger {
  return pino({ level, base: { service: "ehcp-qa" } });
}

/** The route's pattern (/api/rulesets/:name), never the path as sent. */
function routeLabel(req: Request, res: Response): string {
  if (req.route && typeof req.route.path === "string") return `${req.baseUrl}${req.route.path}`;
  if (res.statusCode < 400 && (req.method === "GET" || req.method === "HEAD")) return "static";
  return "(none)";
}

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = performance.now();
    res.on("close", () => {
      const status = res.statusCode;
      const entry = {
        requestId,
        method: req.method,
        route: routeLabel(req, res),
        status,
        ms: Math.round(performance.now() - started),
        bytesIn: Number(req.headers["content-length"]) || 0,
        bytesOut: Number(res.getHeader("content-length")) || undefined,
        code: res.locals.problemCode as string | undefined,
        // The client went away before the answer was sent.
        aborted: res.writableFinished ? undefined : true,
        ...(res.locals.logFacts as LogFacts | undefined),
      };
      if (status >= 500) logger.error(entry, "request");
      else if (status >= 400) logger.warn(entry, "request");
      else logger.info(entry, "request");
    });
    next();
  };
}
