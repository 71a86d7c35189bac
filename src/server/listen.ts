// Starting and stopping the service. On SIGTERM or SIGINT it stops taking new connections, answers the checks
// waiting for a place 503, lets the checks in progress finish (up to a grace period), then ends the audit pool's
// children and exits with code 0; a second signal stops at once.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { EhcpQaApp } from "./app.ts";
import { DEFAULT_RULESET } from "./routes/audits.ts";

export interface ListenOptions {
  port: number;
  /** Default: all interfaces. */
  host?: string;
  /** How long checks in progress may take to finish after a signal before connections are cut (default 20 s: a check's own deadline is 10 s a document). */
  graceMs?: number;
  /** Install SIGTERM/SIGINT handlers (default true; tests that start several servers say false). */
  handleSignals?: boolean;
}

export interface RunningService {
  server: Server;
  url: string;
  /** Stop: no new connections, finish what is in progress, close the pool. Safe to call more than once. */
  stop(): Promise<void>;
}

export async function listen(app: EhcpQaApp, options: ListenOptions): Promise<RunningService> {
  // The default rule set is loaded before the first request: a broken one stops the start with its problems listed.
  await app.context.ruleSets.load(DEFAULT_RULESET);
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port, ...(options.host ? { host: options.host } : {}) }, resolve);
  });
  // A slow client cannot hold a check's place for ever.
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  const logger = app.context.logger;
  logger.info({ port }, `ehcp-qa listening on ${url}`);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      app.beginShutdown();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections are closed as soon as they have nothing in progress; whatever is left when the grace
      // period ends is cut.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 250);
      const grace = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 20_000);
      sweep.unref();
      grace.unref();
      await closed;
      clearInterval(sweep);
      clearTimeout(grace);
      await app.close();
      logger.info("ehcp-qa stopped");
    })();
    return stopping;
  };

  if (options.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, "stopping at once");
        process.exit(1);
      }
      logger.info({ signal }, "stopping: finishing the checks in progress");
      void stop().then(() => {
        process.off("SIGTERM", onSignal);
        process.off("SIGINT", onSignal);
        // Stopped cleanly: exit 0 now rather than wait for a library's stray handle (a signal would otherwise
        // have ended the process with 128 + its number).
        process.exitCode = 0;
        setTimeout(() => process.exit(0), 200).unref();
      });
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  }
  return { server, url, stop };
}
