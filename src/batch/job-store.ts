// What the service's batch routes need from wherever batches are kept: this process's memory (jobs.ts, the default)
// or Redis (src/queue/redis-batch-jobs.ts, with REDIS_URL), where any instance of the service can answer for a batch
// another one accepted. Asynchronous because the second lives across the network.
import type { BatchJobInput, BatchJobs, BatchJobView } from "./jobs.ts";

export interface BatchJobStore {
  /** Queues a batch; undefined when as many batches as allowed are already held. */
  submit(input: BatchJobInput): Promise<BatchJobView | undefined>;
  get(id: string): Promise<BatchJobView | undefined>;
  /** One output file of a finished batch by its path (results.csv, reports/<name>.html...); undefined when it has none. */
  outputFile(id: string, name: string): Promise<string | Uint8Array | undefined>;
  /** Forgets a batch, stopping it if it runs. False when there is no such batch. */
  delete(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The in-memory jobs behind the same face. */
export function memoryJobStore(jobs: BatchJobs): BatchJobStore {
  return {
    submit: async (input) => jobs.submit(input),
    get: async (id) => jobs.get(id),
    outputFile: async (id, name) => jobs.outputs(id)?.files.get(name),
    delete: async (id) => jobs.delete(id),
    close: () => jobs.close(),
  };
}
