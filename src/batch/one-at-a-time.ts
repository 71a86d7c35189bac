// Batches run one after another on an instance, in the order they came: both batch stores (in memory and on Redis)
// hand their batches to this runner, so there is one way to queue and start them.

export interface OneAtATime<Job> {
  /** Batches not started yet, oldest first: a store removes one that is deleted, or all when it closes. */
  readonly waiting: Job[];
  /** Queues a batch; it starts at once when none is running. */
  add(job: Job): void;
  /** Settles when the batch running now has ended (at once when none is). */
  current(): Promise<void>;
}

export function oneAtATime<Job>(run: (job: Job) => Promise<void>): OneAtATime<Job> {
  const waiting: Job[] = [];
  let running: Promise<void> | undefined;
  function next(): void {
    if (running) return;
    const job = waiting.shift();
    if (job === undefined) return;
    running = run(job).finally(() => {
      running = undefined;
      next();
    });
  }
  return {
    waiting,
    add(job) {
      waiting.push(job);
      next();
    },
    current: () => running ?? Promise.resolve(),
  };
}
