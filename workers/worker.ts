#!/usr/bin/env node
// Thin entry point of a queue-mode worker process (same flags as `minutes worker`):
//   node dist/tools/workers/worker.js [--queues parse,extract,sources] [--concurrency N] [--db FILE] …
// Closes gracefully on SIGTERM/SIGINT (a second signal hands active jobs back).
import { parseArgs } from 'node:util';
import { DEFAULT_REDIS_URL, resolveWorkerOptions, runWorkerProcess, WORKER_LOG_HELP } from 'minutes/queue/index';
import { exitCodeOf } from 'minutes/schema/exit-codes';

const USAGE = `Usage: node dist/tools/workers/worker.js [options]   (the same as \`minutes worker\`; see \`minutes worker --help\`)

Processes queued jobs until SIGTERM/SIGINT.
  --queues <list>              parse,extract,sources (default: all three)
  --concurrency <n>            parse jobs at once (default 1)
  --extract-concurrency <n>    extract jobs at once (default 4)
  --db <file>                  SQLite database (default output/minutes.db; DATABASE_URL selects PostgreSQL)
  --out <dir>                  also write each stored document's JSON here
  --with-text                  include page texts in that JSON
  --config <file>              sources config (default minutes.config.json)
  --parse-timeout <ms>         time limit per PDF (default 120000)
  --memory-limit <mb>          resident memory limit of the parser process per PDF (default 1536)
  --lock-duration <ms>         a dead worker's jobs are taken over after this (default 30000)
  --stalled-interval <ms>      how often to look for them (default 30000)
  -h, --help                   this text

Environment: REDIS_URL (default ${DEFAULT_REDIS_URL}), DATABASE_URL, LOG_LEVEL (${WORKER_LOG_HELP}).
`;

/** Bad flags read like the CLI's usage errors: one line, exit status 2. */
function parseFlags(): ReturnType<typeof parse> {
  try {
    return parse();
  } catch (err) {
    process.stderr.write(`minutes: ${(err as Error).message} (usage)\n`);
    process.exit(2);
  }
}

const parse = () =>
  parseArgs({
  options: {
    help: { type: 'boolean', short: 'h' },
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

const { values } = parseFlags();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const defined = <T>(key: string, value: T | undefined): Record<string, T> => (value === undefined ? {} : { [key]: value });

/** A worker that cannot start (a bad DATABASE_URL, a bad flag value) says why in one line, as the CLI does. */
function stop(err: unknown, fallback: string): never {
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : fallback;
  process.stderr.write(`minutes: ${err instanceof Error ? err.message : String(err)} (${code})\n`);
  process.exit(exitCodeOf(code));
}

let options: ReturnType<typeof resolveWorkerOptions>;
try {
  options = resolveWorkerOptions({
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
  });
} catch (err) {
  stop(err, 'usage');
}
try {
  await runWorkerProcess(options);
} catch (err) {
  stop(err, 'internal');
}
