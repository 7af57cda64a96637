// The sandboxed processor of the `parse` queue. BullMQ runs it in a child process
// of the worker (it must be compiled .js: dist/queue/parse-processor.js); inside,
// a one-thread ParsePool enforces the per-document time and heap limits.
// Steps: pages cached? → else read, check sha256, parse, cache → add the extract job.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { Queue, type SandboxedJob } from 'bullmq';
import { ParsePool } from '../pdf/index.js';
import { errorInfo, isUnrecoverable, MinutesError } from '../schema/errors.js';
import { ExtractJobData, ParseJobData, type ParseJobResult } from '../schema/jobs.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { EXTRACTOR } from '../version.js';
import { redisConnection } from './connection.js';
import { extractJobId } from './job-ids.js';
import { KEY_PREFIX, QUEUE_NAMES } from './names.js';
import { DEFAULT_JOB_OPTIONS } from './queues.js';
import { unrecoverable } from './unrecoverable.js';
import { PARSE_PROCESSOR_CONFIG_ENV, ParseProcessorConfig } from './worker-options.js';
import { dieWithParent } from './orphan-guard.js';
import { workerLog } from './worker-log.js';
import { printable } from '../schema/printable.js';

// A worker killed with SIGKILL takes this process (and the parser process under it) along.
dieWithParent();

interface ChildContext {
  config: ParseProcessorConfig;
  pool: ParsePool;
  extractQueue: Queue<ExtractJobData>;
  store: Promise<Store>;
}

let context: ChildContext | undefined;

/**
 * One parser pool, queue handle and store per child process, closed when the process
 * ends: opening SQLite per job (and checkpointing its WAL on each close) made two
 * worker processes slower than one.
 */
function childContext(): ChildContext {
  if (context) return context;
  const raw = process.env[PARSE_PROCESSOR_CONFIG_ENV];
  const parsed = ParseProcessorConfig.safeParse(raw ? JSON.parse(raw) : undefined);
  if (!parsed.success) throw new Error(`parse processor: ${PARSE_PROCESSOR_CONFIG_ENV} is missing or invalid: ${parsed.error.message}`);
  const config = parsed.data;
  const { memoryLimitMb, ...limits } = config.parse;
  const pool = new ParsePool({ size: 1, memoryLimitMb, parse: limits });
  const extractQueue = new Queue<ExtractJobData>(QUEUE_NAMES.extract, {
    connection: redisConnection(config.redisUrl),
    prefix: KEY_PREFIX,
    defaultJobOptions: DEFAULT_JOB_OPTIONS.extract,
  });
  // Redis outages are reported once per kind by the worker process; ioredis reconnects by itself.
  let lastError = '';
  extractQueue.on('error', (err: Error) => {
    if (err.message !== lastError) workerLog().error({ who: 'parse processor' }, `parse processor ${process.pid}: ${printable(err.message)}`);
    lastError = err.message;
  });
  // The worker migrated the schema before it started taking jobs.
  const store = openStore({ ...config.store, migrate: false });
  store.catch(() => undefined); // reported where it is awaited
  context = { config, pool, extractQueue, store };
  return context;
}

/** The child's store; a failed open is retried by the next job instead of failing every job after it. */
async function storeOf(ctx: ChildContext): Promise<Store> {
  try {
    return await ctx.store;
  } catch (err) {
    ctx.store = openStore({ ...ctx.config.store, migrate: false });
    ctx.store.catch(() => undefined);
    throw new Error(`[io_error] cannot open the store: ${(err as Error).message}`);
  }
}

async function closeChildContext(): Promise<void> {
  const current = context;
  context = undefined;
  if (!current) return;
  await Promise.allSettled([current.pool.close(), current.extractQueue.close(), current.store.then((s) => s.close())]);
}

// A child whose worker died (SIGKILL) loses its IPC channel: stop instead of
// lingering as an orphan; the job's lock expires and another worker takes it.
// Closing is bounded: with Redis away too, a polite close could wait forever.
process.once('disconnect', () => {
  setTimeout(() => process.exit(0), 1000).unref();
  void closeChildContext().finally(() => process.exit(0));
});
process.once('beforeExit', () => void closeChildContext());

export default async function processParseJob(job: SandboxedJob<unknown, ParseJobResult>): Promise<ParseJobResult> {
  const data = ParseJobData.safeParse(job.data);
  if (!data.success) throw unrecoverable('internal', `invalid parse job data: ${data.error.message}`);
  const { sha256, path, bytes, pathBytes } = data.data;
  const ctx = childContext();
  const { pool, extractQueue } = ctx;
  const store = await storeOf(ctx);
  let pages: number;
  const cachedPdf = await store.loadParsed(sha256);
  if (cachedPdf) pages = cachedPdf.pages.length;
  else {
    const fileBytes = await readSource(path, pathBytes, ctx.config.parse.maxBytes).catch(async (err: unknown) => {
      const info = errorInfo(err);
      // Too large or not a file: it will never be readable, so recorded now and never retried.
      if (!isUnrecoverable(info.code)) throw err;
      await store.recordFailure({ sha256, path, bytes, extractorVersion: EXTRACTOR.version, code: info.code, message: info.message });
      throw unrecoverable(info.code, info.message);
    });
    const actual = createHash('sha256').update(fileBytes).digest('hex');
    if (actual !== sha256) {
      throw unrecoverable('io_error', `${path} changed after it was enqueued (sha256 ${actual.slice(0, 12)}…, expected ${sha256.slice(0, 12)}…); enqueue it again`);
    }
    try {
      const parsed = await pool.parse(fileBytes);
      await store.cacheParsed(sha256, parsed);
      pages = parsed.pages.length;
    } catch (err) {
      const info = errorInfo(err);
      if (!isUnrecoverable(info.code)) throw new Error(`[${info.code}] ${info.message}`);
      await store.recordFailure({ sha256, path, bytes, extractorVersion: EXTRACTOR.version, code: info.code, message: info.message });
      throw unrecoverable(info.code, info.message);
    }
  }
  const extract: ExtractJobData = { sha256, path, bytes, reason: 'ingest' };
  await extractQueue.add('extract', extract, { jobId: extractJobId(sha256, EXTRACTOR.version) });
  return { sha256, pages, cached: cachedPdf !== undefined };
}

/** The file's bytes, after stat says it is a regular file within the byte limit (a 2 GB file is never read whole). */
async function readSource(path: string, pathBytes: string | undefined, maxBytes: number): Promise<Uint8Array> {
  // A name that is not UTF-8 is opened by its bytes; `path` only shows it.
  const file = pathBytes === undefined ? path : Buffer.from(pathBytes, 'base64');
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    // Transient by default: a shared disk may be briefly away; retried with backoff.
    throw new Error(`[io_error] cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (!info.isFile()) throw new MinutesError('not_a_file', `${path} is not a regular file: not read`);
  if (info.size > maxBytes) throw new MinutesError('too_large', `the file has ${info.size} bytes, more than the limit of ${maxBytes}`);
  try {
    return await readFile(file);
  } catch (err) {
    throw new Error(`[io_error] cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
