// Batches on a Redis queue (BullMQ): the batch side (createQueuePool, the runner's pool seam) and the worker side
// (startQueueWorker). See "Batches on several machines" in the README.
export { createQueuePool, type QueuePool, type QueuePoolOptions } from "./queue-pool.ts";
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions, type WorkerEvent } from "./queue-worker.ts";
export { checkQueueUrl, checkReachable, describeUrl } from "./redis.ts";
export { queueKeyFromEnv, QUEUE_KEY_ENV } from "./sealed.ts";
export { lockMsFromEnv, QUEUE_SETTINGS } from "./settings.ts";
