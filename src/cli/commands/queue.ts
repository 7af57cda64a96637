// Queue-mode commands: enqueue, worker, status, retry-failed, reprocess, schedule.
// Redis from REDIS_URL (default redis://127.0.0.1:6379); the store from DATABASE_URL
// or the SQLite file given by --db.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import {
  addSchedule,
  DEFAULT_CONFIG_FILE,
  DEFAULT_SQLITE_FILE,
  enqueueFiles,
  formatStatus,
  listSchedules,
  loadConfig,
  openQueues,
  readStatus,
  removeSchedule,
  reprocess,
  resolveRedisUrl,
  resolveStoreLocation,
  resolveWorkerOptions,
  retryFailed,
  runWorkerProcess,
  type Queues,
  type WorkerFlags,
} from '../../queue/index.js';
import { findPdfs } from '../../pipeline/index.js';
import { openStore } from '../../store/index.js';
import { EXTRACTOR } from '../../version.js';

const DB_HELP = 'SQLite database file (DATABASE_URL, when set, selects PostgreSQL instead)';

export function registerQueueCommands(program: Command): void {
  program
    .command('enqueue')
    .description('hash PDFs (files or folders, recursively) and add one parse job per new document')
    .argument('<paths...>', 'PDF files or folders; workers must reach the same paths')
    .option('--db <file>', DB_HELP, DEFAULT_SQLITE_FILE)
    .option('--json', 'print the summary as JSON', false)
    .action(async (paths: string[], options: { db: string; json: boolean }) => {
      process.exitCode = await runEnqueue(paths, options);
    });

  program
    .command('worker')
    .description('process queued jobs until SIGTERM/SIGINT (parse in sandboxed child processes)')
    .option('--queues <list>', 'queues to take jobs from: parse,extract,sources', 'parse,extract,sources')
    .option('--concurrency <n>', 'parse jobs at once (one child process each)', checkInt, '1')
    .option('--extract-concurrency <n>', 'extract jobs at once', checkInt, '4')
    .option('--db <file>', DB_HELP, DEFAULT_SQLITE_FILE)
    .option('--out <dir>', 'also write the contract JSON of each stored document here')
    .option('--with-text', 'include page texts in the JSON written to --out', false)
    .option('--config <file>', 'sources config for scheduled runs', DEFAULT_CONFIG_FILE)
    .option('--parse-timeout <ms>', 'time limit per PDF', checkInt, '120000')
    .option('--memory-limit <mb>', 'memory limit of the parser process per PDF (resident MB)', checkInt, '1536')
    .option('--ocr <mode>', 'OCR of pages without a text layer: auto, always or never', 'auto')
    .option('--lock-duration <ms>', 'a dead worker\'s jobs are taken over after this', checkInt, '30000')
    .option('--stalled-interval <ms>', 'how often to look for jobs of dead workers', checkInt, '30000')
    .action(async (flags: WorkerFlags) => {
      await runWorkerProcess(resolveWorkerOptions(flags));
    });

  program
    .command('status')
    .description('jobs per queue (waiting, active, completed, failed), throughput, last failures')
    .option('--watch [seconds]', 'refresh every N seconds (default 2) until Ctrl-C')
    .option('--json', 'print JSON', false)
    .action(async (options: { watch?: string | boolean; json: boolean }) => {
      await withQueues(async (queues) => {
        const show = async (): Promise<void> => {
          const status = await readStatus(queues);
          const text = options.json ? JSON.stringify(status, null, 2) : formatStatus(status);
          if (options.watch && process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[H');
          process.stdout.write(`${text}\n`);
        };
        await show();
        if (!options.watch) return;
        const seconds = typeof options.watch === 'string' ? Number(options.watch) : 2;
        if (!(seconds > 0)) throw new InvalidArgumentError('--watch takes a positive number of seconds');
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => void show().catch((err: Error) => process.stderr.write(`${err.message}\n`)), seconds * 1000);
          const stop = (): void => {
            clearInterval(timer);
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      });
    });

  program
    .command('retry-failed')
    .description('move failed jobs back to waiting (unreadable PDFs only with --include-unreadable)')
    .option('--include-unreadable', 'also retry jobs that failed as not_pdf, encrypted, damaged, empty, too_large or timeout', false)
    .action(async (options: { includeUnreadable: boolean }) => {
      await withQueues(async (queues) => {
        const summary = await retryFailed(queues, { includeUnreadable: options.includeUnreadable });
        const { parse, extract, sources } = summary.retried;
        process.stdout.write(`retried: parse ${parse}, extract ${extract}, sources ${sources}; kept ${summary.keptUnreadable} unreadable\n`);
      });
    });

  program
    .command('reprocess')
    .description(`re-extract stored documents from their cached pages with this version (${EXTRACTOR.version}); no PDF is parsed`)
    .option('--since <version>', 'only documents stored with this extractor version or newer')
    .option('--db <file>', DB_HELP, DEFAULT_SQLITE_FILE)
    .action(async (options: { since?: string; db: string }) => {
      const store = await openStore(resolveStoreLocation(options.db));
      try {
        await withQueues(async (queues) => {
          const summary = await reprocess(queues, store, { currentVersion: EXTRACTOR.version, ...(options.since ? { since: options.since } : {}) });
          process.stdout.write(`reprocess: ${summary.documents} documents, ${summary.enqueued} extract jobs enqueued, ${summary.notCached} without cached pages\n`);
        });
      } finally {
        await store.close();
      }
    });

  const schedule = program.command('schedule').description('scheduled runs of configured sources (BullMQ job schedulers)');
  schedule
    .command('add')
    .description('create or update a schedule (idempotent)')
    .argument('<name>', 'schedule name')
    .requiredOption('--source <name>', 'source from the config file')
    .option('--cron <pattern>', 'cron pattern, e.g. "0 2 * * *"')
    .option('--tz <zone>', 'time zone of the cron pattern, e.g. Europe/Copenhagen')
    .option('--every <ms>', 'repeat every N milliseconds instead of a cron pattern', checkInt)
    .option('--config <file>', 'check that the source exists in this config', DEFAULT_CONFIG_FILE)
    .action(async (name: string, options: { source: string; cron?: string; tz?: string; every?: string; config: string }) => {
      if ((options.cron === undefined) === (options.every === undefined)) throw new InvalidArgumentError('give exactly one of --cron and --every');
      if (existsSync(options.config)) {
        const config = await loadConfig(options.config);
        if (!config.sources[options.source]) throw new InvalidArgumentError(`no source "${options.source}" in ${options.config}`);
      } else {
        process.stderr.write(`note: ${options.config} not found here; the workers' config must define source "${options.source}"\n`);
      }
      const repeat = options.cron !== undefined ? { cron: options.cron, ...(options.tz ? { tz: options.tz } : {}) } : { everyMs: Number(options.every) };
      await withQueues((queues) => addSchedule(queues, name, options.source, repeat));
      process.stdout.write(`schedule ${name}: source ${options.source}, ${options.cron !== undefined ? `cron "${options.cron}"${options.tz ? ` ${options.tz}` : ''}` : `every ${options.every} ms`}\n`);
    });
  schedule
    .command('list')
    .description('list schedules with their next run')
    .action(async () => {
      await withQueues(async (queues) => {
        const lines = await listSchedules(queues);
        if (lines.length === 0) process.stdout.write('no schedules\n');
        for (const s of lines) process.stdout.write(`${s.name}\tsource ${s.source ?? '?'}\t${s.repeat}\tnext ${s.next ?? '-'}\n`);
      });
    });
  schedule
    .command('remove')
    .description('remove a schedule')
    .argument('<name>', 'schedule name')
    .action(async (name: string) => {
      const removed = await withQueues((queues) => removeSchedule(queues, name));
      process.stdout.write(removed ? `schedule ${name} removed\n` : `no schedule named ${name}\n`);
      if (!removed) process.exitCode = 1;
    });
}

async function runEnqueue(paths: string[], options: { db: string; json: boolean }): Promise<number> {
  const found = await findPdfs(paths);
  const missing = found.missing;
  // Absolute: workers on other machines or folders read the same path (a shared mount).
  const files = found.files.map((f) => resolve(f));
  for (const m of missing) process.stderr.write(`${m.message}\n`);
  const store = await openStore(resolveStoreLocation(options.db));
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { stream: process.stderr, format: 'enqueue [{bar}] {value}/{total} files hashed · {enqueued} enqueued · {eta_formatted} left', hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  try {
    return await withQueues(async (queues) => {
      let enqueued = 0;
      bar?.start(files.length, 0, { enqueued });
      const summary = await enqueueFiles(files, { parseQueue: queues.parse, store, extractorVersion: EXTRACTOR.version }, {
        onFile: (_path, outcome) => {
          if (outcome === 'enqueued') enqueued++;
          bar?.increment(1, { enqueued });
        },
      });
      bar?.stop();
      if (options.json) process.stdout.write(`${JSON.stringify({ ...summary, missing }, null, 2)}\n`);
      else {
        process.stdout.write(
          `enqueue: ${summary.files} files · ${summary.enqueued} enqueued · ${summary.alreadyQueued} already queued · ${summary.alreadyStored} already stored · ${summary.failed.length + missing.length} failed\n`,
        );
        for (const f of summary.failed) process.stdout.write(`  failed ${f.path}: [${f.code}] ${f.message}\n`);
      }
      return summary.failed.length + missing.length > 0 ? 1 : 0;
    });
  } finally {
    bar?.stop();
    await store.close();
  }
}

async function withQueues<T>(run: (queues: Queues) => Promise<T>): Promise<T> {
  const queues = openQueues(resolveRedisUrl());
  try {
    return await run(queues);
  } finally {
    await queues.close();
  }
}

function checkInt(value: string): string {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return value;
}
