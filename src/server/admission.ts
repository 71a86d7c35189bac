// Admission for checks: up to `maxInProgress` run at once (their uploads read into memory and their audits in the
// pool); the next ones wait, unread, in a queue bounded by count, by declared bytes and by time, and are admitted
// in arrival order as places free up. Only a full queue, or a wait past `maxWaitMs`, is answered 503 with
// Retry-After: a team's morning burst is served, not bounced.
import type { RequestHandler, Response } from "express";
import { busy } from "./problems.ts";

export interface AdmissionSettings {
  /** Checks in progress at once. */
  maxInProgress: number;
  /** Checks that may wait for a place. */
  maxQueued: number;
  /** Declared upload bytes (Content-Length) the waiting checks may add up to. */
  maxQueuedBytes: number;
  /** How long a check may wait for a place before it is answered 503. */
  maxWaitMs: number;
  retryAfterSeconds: number;
}

export interface Admission {
  /** Middleware: admits the request now, or once a place is free, or answers BUSY; the place is given back when the response ends. */
  readonly gate: RequestHandler;
  readonly inProgress: () => number;
  readonly queued: () => number;
  /** The service is stopping: waiting checks are answered 503 at once, and new ones too. */
  stop(): void;
}

/** When the request was admitted (epoch ms): its check's deadline counts from here. */
export const admittedAt = (res: Response): number => Number(res.locals.admittedAt ?? Date.now());

interface Waiting {
  bytes: number;
  admit(): void;
  refuse(detail: string): void;
}

export function admission(settings: AdmissionSettings): Admission {
  let inProgress = 0;
  let queuedBytes = 0;
  let stopping = false;
  const queue: Waiting[] = [];

  const refuse = (detail: string) => busy(settings.retryAfterSeconds, detail);

  function release(): void {
    inProgress--;
    const next = queue.shift();
    if (next) {
      queuedBytes -= next.bytes;
      next.admit();
    }
  }

  const gate: RequestHandler = (req, res, next) => {
    const enter = () => {
      inProgress++;
      res.locals.admittedAt = Date.now();
      let released = false;
      // 'close' fires when the response has been sent and when the client goes away first.
      res.on("close", () => {
        if (released) return;
        released = true;
        release();
      });
      next();
    };
    if (stopping) throw refuse("The checker is restarting. Please try again in a minute.");
    if (inProgress < settings.maxInProgress && queue.length === 0) return enter();

    const declared = Number(req.headers["content-length"]);
    const bytes = Number.isFinite(declared) && declared > 0 ? declared : 0;
    if (queue.length >= settings.maxQueued || queuedBytes + bytes > settings.maxQueuedBytes) {
      // The upload is not kept: Node discards the rest of it once the answer is sent, so the client (a browser
      // still sending) receives the 503 rather than a broken connection.
      throw refuse("The checker is busy with other plans right now, and the queue is full. Please try again in a minute.");
    }
    // The upload is not read while it waits: TCP holds it back, so a waiting check costs almost no memory.
    const waiting: Waiting = {
      bytes,
      admit: () => {
        clearTimeout(timer);
        res.off("close", leave);
        enter();
      },
      refuse: (detail) => {
        if (remove()) {
          clearTimeout(timer);
          next(refuse(detail));
        }
      },
    };
    const remove = () => {
      const at = queue.indexOf(waiting);
      if (at < 0) return false;
      queue.splice(at, 1);
      queuedBytes -= bytes;
      return true;
    };
    const leave = () => void remove();
    const timer = setTimeout(() => waiting.refuse("The checker has been busy with other plans for a while. Please try again in a minute."), settings.maxWaitMs);
    timer.unref();
    res.on("close", leave);
    queue.push(waiting);
    queuedBytes += bytes;
  };
  return {
    gate,
    inProgress: () => inProgress,
    queued: () => queue.length,
    stop() {
      stopping = true;
      for (const waiting of [...queue]) waiting.refuse("The checker is restarting. Please try again in a minute.");
    },
  };
}
