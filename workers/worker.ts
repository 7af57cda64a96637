#!/usr/bin/env node
// Thin entry point of a queue-mode worker process (same flags as `minutes worker`):
//   node dist/tools/workers/worker.js [--queues parse,extract,sources] [--concurrency N] [--db FILE] …
// Closes gracefully on SIGTERM/SIGINT (a second signal hands active jobs back).
import { parseArgs } from 'node:util';
import { resolveWorkerOptions, runWorkerProcess } from 'minutes/queue/index';

const { values } = parseArgs({
  options: {
    queues: { type: 'string' },
    concurrency: { type: 'string' },
    'extract-concurrency': { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string' },
    'with-text': { type: 'boolean' },
    config: { type: 'string' },
    'parse-timeout': { type: 'string' },
    'memory-limit': { type: 'string' },
    ocr: { type: 'string' },
    'lock-duration': { type: 'string' },
    'stalled-interval': { type: 'string' },
  },
  strict: true,
});

const defined = <T>(key: string, value: T | undefined): Record<string, T> => (value === undefined ? {} : { [key]: value });

await runWorkerProcess(
  resolveWorkerOptions({
    ...defined('queues', values.queues),
    ...defined('concurrency', values.concurrency),
    ...defined('extractConcurrency', values['extract-concurrency']),
    ...defined('db', values.db),
    ...defined('out', values.out),
    ...defined('withText', values['with-text']),
    ...defined('config', values.config),
    ...defined('parseTimeout', values['parse-timeout']),
    ...defined('memoryLimit', values['memory-limit']),
    ...defined('ocr', values['ocr']),
    ...defined('lockDuration', values['lock-duration']),
    ...defined('stalledInterval', values['stalled-interval']),
  }),
);
