// A queue-mode worker process: one BullMQ Worker per queue it serves. Parse runs
// sandboxed (child processes, compiled JS); extract and source runs are light and
// run here. close() lets active jobs finish; close(true) hands them back at once
// (their locks lapse and another worker takes them).
import { hostname } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MetricsTime, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { SourceRunJobData, type SourceRunResult } from '../schema/jobs.js';
import { errorInfo, MinutesError } from '../schema/errors.js';
import { printable } from '../schema/printable.js';
import { EXTRACTOR } from '../version.js';
import { redisConnection } from './connection.js';
import { createExtractProcessor } from './extract-processor.js';
import { KEY_PREFIX, QUEUE_NAMES, type QueueKind } from './names.js';
import { openQueues, type Queues } from './queues.js';
import { loadConfig, sourceConfig } from './sources/config-file.js';
import { runSource } from './sources/run-source.js';
import { unrecoverable } from './unrecoverable.js';
import type { WorkerLog } from './worker-log.js';
import { PARSE_PROCESSOR_CONFIG_ENV, type ParseProcessorConfig, type WorkerRunOptions } from './worker-options.js';

export interface RunningWorkers {
  /** Stops taking jobs; waits for active ones unless `force`. Closes every connection. */
  close(force?: boolean): Promise<void>;
}

export type { WorkerLog } from './worker-log.js';

export async function startWorkers(options: WorkerRunOptions, log: WorkerLog): Promise<RunningWorkers> {
  const store = await openStore(options.store);
  const workers: Worker[] = [];
  let queues: Queues | undefined;
  let redis: Redis | undefined;
  try {
    const common = {
      connection: redisConnection(options.redisUrl),
      prefix: KEY_PREFIX,
      name: `${hostname()}-${process.pid}`,
      lockDuration: options.lockDurationMs,
      stalledInterval: options.stalledIntervalMs,
      // A job abandoned twice by dying workers is still given a third chance.
      maxStalledCount: 2,
      metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
    };
    const serve = (kind: QueueKind): boolean => options.queues.includes(kind);

    if (serve('parse')) {
      const processorConfig: ParseProcessorConfig = { redisUrl: options.redisUrl, store: options.store, parse: { ...options.parse } };
      workers.push(
        new Worker(QUEUE_NAMES.parse, parseProcessorFile(), {
          ...common,
          concurrency: options.concurrency,
          workerForkOptions: { env: { ...process.env, [PARSE_PROCESSOR_CONFIG_ENV]: JSON.stringify(processorConfig) } },
        }),
      );
    }
    if (serve('extract')) {
      const processor = createExtractProcessor({ store, withText: options.withText, ...(options.outDir !== undefined ? { outDir: options.outDir } : {}) });
      workers.push(new Worker(QUEUE_NAMES.extract, processor, { ...common, concurrency: options.extractConcurrency }));
    }
    if (serve('sources')) {
      queues = openQueues(options.redisUrl, onceEach(log, 'sources producer'));
      redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
      redis.on('error', () => undefined); // reconnects on its own; the Workers report outages
      const sourceLog = (message: string): void => log.warn({ queue: QUEUE_NAMES.sources }, message);
      const sourceDeps = { redis, parseQueue: queues.parse, store, extractorVersion: EXTRACTOR.version, log: sourceLog };
      const processor = async (job: Job): Promise<SourceRunResult> => {
        const data = SourceRunJobData.safeParse(job.data);
        if (!data.success) throw unrecoverable('internal', `invalid source run data: ${data.error.message}`);
        // Read per run, so an edited config takes effect at the next scheduled run. A config
        // that is missing, invalid or lacks the source fails the same way on every retry.
        const config = await loadConfig(options.configPath)
          .then((loaded) => {
            sourceConfig(loaded, data.data.source);
            return loaded;
          })
          .catch((err: unknown) => {
            const info = errorInfo(err);
            throw unrecoverable(info.code, `config: ${info.message}`);
          });
        const result = await runSource(data.data.source, { ...sourceDeps, config });
        log.info(
          { queue: QUEUE_NAMES.sources, source: result.source, seen: result.seen, enqueued: result.enqueued, skipped: result.skipped, failed: result.failed },
          `source ${result.source}: ${result.seen} seen, ${result.enqueued} enqueued, ${result.skipped} skipped, ${result.failed} failed`,
        );
        return result;
      };
      workers.push(new Worker(QUEUE_NAMES.sources, processor, { ...common, concurrency: 1 }));
    }
    for (const worker of workers) attachLogging(worker, log);
  } catch (err) {
    await closeAll(workers, queues, redis, store, true);
    throw err;
  }
  log.info(
    { version: EXTRACTOR.version, queues: options.queues, concurrency: options.concurrency },
    `worker ${hostname()}-${process.pid} (${EXTRACTOR.version}): ${options.queues.join(', ')}; parse concurrency ${options.concurrency}`,
  );
  let closing: Promise<void> | undefined;
  return {
    close(force = false) {
      if (force) return closeAll(workers, queues, redis, store, true);
      closing ??= closeAll(workers, queues, redis, store, false);
      return closing;
    },
  };
}

async function closeAll(workers: Worker[], queues: Queues | undefined, redis: Redis | undefined, store: Store, force: boolean): Promise<void> {
  try {
    await Promise.allSettled(workers.map((w) => w.close(force)));
    await queues?.close();
    redis?.disconnect();
  } finally {
    await store.close();
  }
}

/** Logs each kind of error once in a row (a Redis outage repeats the same one every reconnect). */
function onceEach(log: WorkerLog, who: string): (err: Error) => void {
  let last = '';
  return (err) => {
    if (err.message !== last) log.error({ who }, `${who}: ${printable(err.message)}`);
    last = err.message;
  };
}

function attachLogging(worker: Worker, log: WorkerLog): void {
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    const path = (job.data as { path?: string; source?: string }).path ?? (job.data as { source?: string }).source ?? '';
    const fields = { queue: worker.name, jobId: job.id, file: printable(path), attempts: job.attemptsMade, error: printable(err.message) };
    const message = `${worker.name} ${final ? 'failed' : 'will retry'} ${job.id} ${printable(path)}: ${printable(err.message)}`;
    if (final) log.error(fields, message);
    else log.warn(fields, message);
  });
  // Connection errors while Redis is away: BullMQ reconnects; say so once per error kind.
  worker.on('error', onceEach(log, worker.name));
}

/**
 * BullMQ forks a child per concurrent parse job and loads this file there; it must be
 * compiled JS. From src/ (vitest) the build's copy in dist/queue/ is used.
 */
function parseProcessorFile(): string {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/queue/parse-processor.js', here) : new URL('./parse-processor.js', here);
  const file = fileURLToPath(url);
  if (!existsSync(file)) throw new MinutesError('internal', `the parse processor is missing at ${file}; run \`npm run build\``);
  return file;
}
