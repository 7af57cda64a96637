// Queue-mode commands: enqueue, worker, status, retry-failed, reprocess, schedule.
// Redis from REDIS_URL (default redis://127.0.0.1:6379); the store from DATABASE_URL
// or the SQLite file given by --db.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import {
  addSchedule,
  assertRedisReachable,
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
  WORKER_LOG_HELP,
  type Queues,
  type ScheduleRepeat,
  type WorkerFlags,
} from '../../queue/index.js';
import { CronExpressionParser } from 'cron-parser';
import { absoluteRawPaths, findPdfs } from '../../pipeline/index.js';
import { MinutesError } from '../../schema/errors.js';
import { EXTRACTOR } from '../../version.js';
import { EXIT } from '../../schema/exit-codes.js';
import { ENVIRONMENT_HELP, EXIT_STATUS_HELP } from '../help-text.js';
import { openCliStore } from '../open-store.js';
import { asMinutesError, printable } from '../report-error.js';

const DB_HELP = 'SQLite database file (DATABASE_URL, when set, selects PostgreSQL instead)';

const QUEUE_COMMANDS = ['enqueue', 'worker', 'status', 'retry-failed', 'reprocess', 'schedule'];

export function registerQueueCommands(program: Command): void {
  registerCommands(program);
  // Every queue command's --help says where Redis is looked for, and what the exit statuses mean.
  for (const command of program.commands.filter((c) => QUEUE_COMMANDS.includes(c.name()))) {
    command.addHelpText('after', `\n${ENVIRONMENT_HELP}\n\n${EXIT_STATUS_HELP}`);
  }
}

function registerCommands(program: Command): void {
  program
    .command('enqueue')
    .description('hash PDFs (files or folders, recursively) and add one parse job per new document')
    .argument('<paths...>', 'PDF files or folders; workers must reach the same paths')
    .option('--db <file>', DB_HELP, DEFAULT_SQLITE_FILE)
    .option('--json', 'print the summary as JSON', false)
    .option('--strict', 'exit with status 1 when any path is missing or any file could not be hashed', false)
    .action(async (paths: string[], options: { db: string; json: boolean; strict: boolean }) => {
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
    .addHelpText('after', `\nEnvironment: LOG_LEVEL (${WORKER_LOG_HELP}).`)
    .action(async (flags: WorkerFlags) => {
      await runWorkerProcess(workerOptions(flags));
    });

  program
    .command('status')
    .description('jobs per queue (waiting, active, completed, failed), throughput, last failures')
    .option('--watch [seconds]', 'refresh every N seconds (default 2) until Ctrl-C', positiveSeconds)
    .option('--json', 'print JSON', false)
    .action(async (options: { watch?: number | true; json: boolean }) => {
      await withQueues(async (queues) => {
        const show = async (): Promise<void> => {
          const status = await readStatus(queues);
          const text = options.json ? JSON.stringify(status, null, 2) : formatStatus(status);
          if (options.watch && process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[H');
          process.stdout.write(`${text}\n`);
        };
        await show();
        if (!options.watch) return;
        const seconds = options.watch === true ? 2 : options.watch;
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => void show().catch((err: unknown) => process.stderr.write(`minutes: ${asMinutesError(err).message}\n`)), seconds * 1000);
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
      const store = await openCliStore(resolveStoreLocation(options.db), { mustExist: true });
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
      const repeat = scheduleRepeat(options);
      if (existsSync(options.config)) {
        const config = await loadConfig(options.config);
        if (!config.sources[options.source]) {
          const known = Object.keys(config.sources);
          throw new MinutesError('usage', `no source "${options.source}" in ${options.config}${known.length ? ` (sources: ${known.join(', ')})` : ''}`);
        }
      } else {
        process.stderr.write(`note: ${options.config} not found here; the workers' config must define source "${options.source}"\n`);
      }
      await withQueues((queues) => addSchedule(queues, name, options.source, repeat));
      process.stdout.write(`schedule ${name}: source ${options.source}, ${'cron' in repeat ? `cron "${repeat.cron}"${repeat.tz ? ` ${repeat.tz}` : ''}` : `every ${repeat.everyMs} ms`}\n`);
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
      if (!removed) throw new MinutesError('not_found', `no schedule named ${name}`);
      process.stdout.write(`schedule ${name} removed\n`);
    });
}

async function runEnqueue(paths: string[], options: { db: string; json: boolean; strict: boolean }): Promise<number> {
  const found = await findPdfs(paths);
  const missing = found.missing;
  // Absolute: workers on other machines or folders read the same path (a shared mount).
  const files = found.files.map((f) => resolve(f));
  const store = await openCliStore(resolveStoreLocation(options.db));
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
        rawPaths: absoluteRawPaths(found.rawPaths),
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
        for (const f of summary.failed) process.stdout.write(`  failed ${printable(f.path)}: [${f.code}] ${printable(f.message)}\n`);
        // A missing path reads as in `minutes ingest`: a failed input with io_error (not_a_file for a FIFO, a device).
        for (const m of missing) process.stdout.write(`  failed ${printable(m.path)}: [${m.code}] ${printable(m.message)}\n`);
      }
      return options.strict && summary.failed.length + missing.length > 0 ? EXIT.someFailed : EXIT.ok;
    });
  } finally {
    bar?.stop();
    await store.close();
  }
}

async function withQueues<T>(run: (queues: Queues) => Promise<T>): Promise<T> {
  const url = resolveRedisUrl();
  await assertRedisReachable(url);
  const queues = openQueues(url);
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

function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number of seconds, e.g. 5');
  return n;
}

/** Exactly one of --cron (with an optional --tz) and --every, checked before Redis is touched. */
function scheduleRepeat(options: { cron?: string; tz?: string; every?: string }): ScheduleRepeat {
  if ((options.cron === undefined) === (options.every === undefined)) throw new MinutesError('usage', 'give exactly one of --cron and --every');
  if (options.every !== undefined) {
    if (options.tz !== undefined) throw new MinutesError('usage', '--tz applies to --cron only');
    return { everyMs: Number(options.every) };
  }
  const cron = options.cron as string;
  if (options.tz !== undefined && !isTimeZone(options.tz)) throw new MinutesError('usage', `unknown time zone "${options.tz}" (an IANA name, e.g. Europe/Copenhagen)`);
  try {
    CronExpressionParser.parse(cron, options.tz ? { tz: options.tz } : {});
  } catch (err) {
    throw new MinutesError('usage', `bad cron pattern "${cron}": ${(err as Error).message} (five fields: minute hour day month weekday, e.g. "0 2 * * *")`);
  }
  return { cron, ...(options.tz ? { tz: options.tz } : {}) };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Flag values the worker refuses (an unknown queue, a bad number) are usage errors. */
function workerOptions(flags: WorkerFlags): ReturnType<typeof resolveWorkerOptions> {
  try {
    return resolveWorkerOptions(flags);
  } catch (err) {
    if (err instanceof MinutesError) throw err;
    throw new MinutesError('usage', err instanceof Error ? err.message : String(err), { cause: err });
  }
}
