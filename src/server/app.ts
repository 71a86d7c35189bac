// createApp(deps): the HTTP service and its web page as an Express app, every dependency injectable (rule sets,
// audit pool, limits, clock, logger) so tests run it in-process. server.ts only calls this and listen(). This thread
// only handles HTTP: every check is read and audited in the audit pool's child processes (src/runtime).
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express, type RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import type { Logger } from "pino";
import { VERSION } from "../index.ts";
import { createAuditPool, MANY_AUDITS, type AuditPool } from "../runtime/index.ts";
import { admission } from "./admission.ts";
import { apiKeyCheck } from "./auth.ts";
import { DEFAULT_SERVICE_LIMITS, settingsFromEnv, type Environment, type ServiceLimits, type ServiceSettings } from "./config.ts";
import { corsFor } from "./cors.ts";
import { openApiDocument } from "./openapi.ts";
import { notFound, problemHandler, ServiceProblem } from "./problems.ts";
import { defaultLogger, requestLog } from "./request-log.ts";
import { ruleSetCatalog, type RuleSetCatalog } from "./rule-sets.ts";
import { batchRoutes } from "./batch-routes.ts";
import { auditsRouter } from "./routes/audits.ts";
import { reportsRouter } from "./routes/reports.ts";
import { rulePagesRouter } from "./routes/rule-pages.ts";
import { ruleSetsRouter } from "./routes/rulesets.ts";

export const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));

export interface AppDeps {
  /** Where settings not given here come from (default: process.env). */
  env?: Environment;
  /** The rule sets offered (default: those shipped in rules/). */
  ruleSets?: RuleSetCatalog;
  /** The audit pool (default: one made for this app with the environment's settings, closed by app.close()). */
  pool?: AuditPool;
  /** Limits; each one given replaces the environment's value or the default. */
  limits?: Partial<ServiceLimits>;
  /** "Now", for the report's date and date rules (default: the system clock). */
  clock?: () => Date;
  logger?: Logger;
  apiKeys?: string[];
  logFileNames?: boolean;
  corsOrigins?: string[];
  trustProxy?: ServiceSettings["trustProxy"];
}

/** What the routes share: batch scoring and later routes take the same pool, rule sets, limits and clock. */
export interface ServiceContext {
  ruleSets: RuleSetCatalog;
  pool: AuditPool;
  limits: ServiceLimits;
  clock: () => Date;
  logger: Logger;
  logFileNames: boolean;
}

export interface EhcpQaApp extends Express {
  readonly context: ServiceContext;
  /** From now on: /healthz answers 503 and connections are closed after each answer (listen() calls it on SIGTERM). */
  beginShutdown(): void;
  /** Releases what the app created itself (its audit pool's children). Call after the server has closed. */
  close(): Promise<void>;
}

/** The page's policy: its own script and style only; nothing from elsewhere, no inline code, no framing. */
const PAGE_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

const noStore: RequestHandler = (_req, res, next) => {
  // Reports quote a child's plan: no browser or proxy may keep a copy.
  res.setHeader("Cache-Control", "no-store");
  next();
};

function apiRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (_req, res, next) => {
      const retryAfter = Number(res.getHeader("Retry-After")) || 60;
      next(new ServiceProblem("RATE_LIMITED", "Too many requests from this computer in the last minute. Please wait a minute and try again.", { retryAfter }));
    },
  });
}

export function createApp(deps: AppDeps = {}): EhcpQaApp {
  const fromEnv = settingsFromEnv(deps.env ?? process.env);
  const limits: ServiceLimits = { ...DEFAULT_SERVICE_LIMITS, ...fromEnv.limits, ...deps.limits };
  const ownPool = deps.pool === undefined;
  // The service's children start at once and load the audit's modules, so the first upload waits for nothing; they
  // audit plan after plan, so they get the larger young generation (less CPU an audit).
  const pool = deps.pool ?? createAuditPool({ ...fromEnv.pool, warm: true, children: MANY_AUDITS });
  const logger = deps.logger ?? defaultLogger(deps.env?.LOG_LEVEL ?? process.env.LOG_LEVEL ?? "info");
  const context: ServiceContext = {
    ruleSets: deps.ruleSets ?? ruleSetCatalog(),
    pool,
    limits,
    clock: deps.clock ?? (() => new Date()),
    logger,
    logFileNames: deps.logFileNames ?? fromEnv.logFileNames,
  };
  const apiKeys = deps.apiKeys ?? fromEnv.apiKeys;
  const corsOrigins = deps.corsOrigins ?? fromEnv.corsOrigins;
  const audits = admission({
    maxInProgress: limits.maxConcurrentAudits,
    maxQueued: limits.maxQueuedAudits,
    maxQueuedBytes: limits.maxQueuedBytes,
    maxWaitMs: limits.maxQueueWaitMs,
    retryAfterSeconds: limits.retryAfterSeconds,
  });
  let stopping = false;

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.trustProxy ?? fromEnv.trustProxy);

  app.use(requestLog(logger));
  app.use((_req, res, next) => {
    if (stopping) res.setHeader("Connection", "close");
    next();
  });
  app.use(helmet({ contentSecurityPolicy: PAGE_CSP, crossOriginResourcePolicy: { policy: "same-origin" } }));
  if (corsOrigins.length > 0) app.use(corsFor(corsOrigins));

  app.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.status(stopping ? 503 : 200).json({ status: stopping ? "stopping" : "ok", version: VERSION, auditsInProgress: audits.inProgress(), auditsWaiting: audits.queued() });
  });
  app.use(express.static(PUBLIC_DIR, { index: "index.html", dotfiles: "ignore", fallthrough: true }));
  app.use(rulePagesRouter(context));

  app.use("/api", noStore);
  app.get("/api/openapi.json", (_req, res) => {
    res.json(openApiDocument(limits));
  });
  if (limits.rateLimitPerMinute > 0) app.use("/api", apiRateLimit(limits.rateLimitPerMinute));
  app.use("/api", apiKeyCheck(apiKeys));
  app.use(auditsRouter({ ...context, admission: audits }));
  app.use(ruleSetsRouter(context));
  app.use(reportsRouter(context));
  const batches = batchRoutes(context, deps.env ?? process.env);
  app.use(batches);

  app.use(notFound);
  app.use(
    problemHandler(limits, (error, req) => {
      // The stack without its first line: an error's message could quote a document.
      const frames = error instanceof Error ? (error.stack ?? "").split("\n").slice(1, 8).map((line) => line.trim()) : [];
      logger.error({ requestId: req.res?.locals.requestId, errorName: error instanceof Error ? error.name : typeof error, frames }, "internal error");
    }),
  );

  return Object.assign(app, {
    context,
    beginShutdown() {
      stopping = true;
      audits.stop();
    },
    async close() {
      await batches.close();
      if (ownPool) await pool.close();
    },
  });
}
