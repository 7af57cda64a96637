// Queue mode: BullMQ queues per heavy stage, producers, workers, sources, schedules.
export { QUEUE_NAMES, QUEUE_KINDS, KEY_PREFIX, isQueueKind, type QueueKind } from './names.js';
export { parseJobId, extractJobId, reprocessJobId } from './job-ids.js';
export { assertRedisReachable, REDIS_PING_TIMEOUT_MS } from './redis-reachable.js';
export { DEFAULT_REDIS_URL, DEFAULT_SQLITE_FILE, resolveRedisUrl, resolveStoreLocation, describeStore, type StoreLocation } from './connection.js';
export { openQueues, DEFAULT_JOB_OPTIONS, type Queues } from './queues.js';
export { enqueueFiles, type EnqueueOutcome, type EnqueueSummary, type EnqueueOptions } from './enqueue.js';
export { startWorkers, type RunningWorkers, type WorkerLog } from './run-workers.js';
export { WORKER_LOG_HELP } from './worker-log.js';
export { runWorkerProcess, resolveWorkerOptions, type WorkerFlags } from './worker-process.js';
export { DEFAULT_WORKER_OPTIONS, DEFAULT_PARSE_LIMITS, type WorkerRunOptions, type ParseLimits } from './worker-options.js';
export { readStatus, formatStatus, type QueueStatus } from './status.js';
export { retryFailed, reprocess, compareVersions } from './maintenance.js';
export { addSchedule, listSchedules, removeSchedule, type ScheduleRepeat } from './schedules.js';
export { loadConfig, DEFAULT_CONFIG_FILE } from './sources/config-file.js';
export { runSource } from './sources/run-source.js';
export { splitFailure } from './unrecoverable.js';
