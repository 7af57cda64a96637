// Producers' handles on the queues, with the job options every job of a queue gets.
import { Queue, type JobsOptions } from 'bullmq';
import type { ExtractJobData, ParseJobData, SourceRunJobData } from '../schema/jobs.js';
import { redisConnection } from './connection.js';
import { KEY_PREFIX, QUEUE_NAMES } from './names.js';

const DAY_S = 24 * 3600;

/**
 * Transient failures (Redis or database blips, a file briefly unreachable) are retried
 * with exponential backoff: 2 s, 4 s, 8 s, 16 s. Typed PDF failures skip the retries
 * (UnrecoverableError). Finished jobs are kept a while so their ids keep deduplicating;
 * after that the store's sha256 check does.
 */
export const DEFAULT_JOB_OPTIONS: Readonly<Record<'parse' | 'extract' | 'sources', JobsOptions>> = Object.freeze({
  parse: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 14 * DAY_S },
    removeOnFail: { age: 60 * DAY_S },
  },
  extract: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 14 * DAY_S },
    removeOnFail: { age: 60 * DAY_S },
  },
  sources: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: { count: 200 },
    removeOnFail: { count: 200 },
  },
});

export interface Queues {
  parse: Queue<ParseJobData>;
  extract: Queue<ExtractJobData>;
  sources: Queue<SourceRunJobData>;
  close(): Promise<void>;
}

/**
 * `onError` hears connection errors (BullMQ reconnects by itself); without a listener
 * BullMQ prints each one with its stack.
 */
export function openQueues(redisUrl: string, onError: (err: Error) => void = () => undefined): Queues {
  const connection = redisConnection(redisUrl);
  const parse = new Queue<ParseJobData>(QUEUE_NAMES.parse, { connection, prefix: KEY_PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS.parse });
  const extract = new Queue<ExtractJobData>(QUEUE_NAMES.extract, { connection, prefix: KEY_PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS.extract });
  const sources = new Queue<SourceRunJobData>(QUEUE_NAMES.sources, { connection, prefix: KEY_PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS.sources });
  for (const queue of [parse, extract, sources]) queue.on('error', onError);
  return {
    parse,
    extract,
    sources,
    async close() {
      await Promise.allSettled([parse.close(), extract.close(), sources.close()]);
    },
  };
}
