// How the queue treats a plan whose worker dies. BullMQ gives each running job a lock that its worker renews every
// half lock; a worker that is killed stops renewing, and after the lock runs out (and the next stalled check) another
// worker takes the plan again. Audits never run on a worker's main thread (they run on its pool, with their own
// deadline), so renewal is never starved by a long plan: the lock only has to outlast a missed renewal, and is kept
// short so a lost plan restarts within about a minute, far sooner than the audit deadline of two minutes would.
export const QUEUE_SETTINGS = {
  /** Tries per plan: a plan that fails (or kills its worker) this many times is recorded with its code. */
  attempts: 3,
  /** Lock on a running job (renewed every half of it). EHCP_QA_QUEUE_LOCK_MS changes it (tests, slow networks). */
  lockMs: 30_000,
  /** Pause before trying a failed plan again. */
  retryDelayMs: 1_000,
} as const;

/** Stalls allowed before BullMQ fails the job: the third death of a worker on one plan ends it. */
export const MAX_STALLED = QUEUE_SETTINGS.attempts - 1;

export function lockMsFromEnv(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.EHCP_QA_QUEUE_LOCK_MS);
  return Number.isFinite(value) && value >= 500 ? Math.round(value) : QUEUE_SETTINGS.lockMs;
}
