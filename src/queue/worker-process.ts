// Runs a worker process until SIGTERM/SIGINT: the first signal stops taking jobs
// and lets active ones finish; a second hands active jobs back and exits.
import { OCR_MODES, type OcrMode } from '../pdf/parse-options.js';
import { capConcurrency } from '../pipeline/concurrency-cap.js';
import { resolveRedisUrl, resolveStoreLocation } from './connection.js';
import { isQueueKind, type QueueKind } from './names.js';
import { assertRedisReachable } from './redis-reachable.js';
import { startWorkers } from './run-workers.js';
import { logLevel, workerLog, type WorkerLog } from './worker-log.js';
import { waitForRedis } from './wait-for-redis.js';
import { DEFAULT_WORKER_OPTIONS, DEFAULT_PARSE_LIMITS, type WorkerRunOptions } from './worker-options.js';

/** The flags of `minutes worker` (and workers/worker.js), as strings from the command line. */
export interface WorkerFlags {
  queues?: string;
  concurrency?: string;
  extractConcurrency?: string;
  db?: string;
  out?: string;
  withText?: boolean;
  config?: string;
  parseTimeout?: string;
  memoryLimit?: string;
  lockDuration?: string;
  stalledInterval?: string;
  ocr?: string;
}

export function resolveWorkerOptions(flags: WorkerFlags, warn: (line: string) => void = (line) => workerLog().warn(line)): WorkerRunOptions {
  logLevel(); // a bad LOG_LEVEL is a usage error before anything starts
  const queues = flags.queues === undefined ? DEFAULT_WORKER_OPTIONS.queues : parseQueues(flags.queues);
  return {
    redisUrl: resolveRedisUrl(),
    store: resolveStoreLocation(flags.db),
    queues,
    concurrency: capConcurrency(positive(flags.concurrency, DEFAULT_WORKER_OPTIONS.concurrency, '--concurrency'), '--concurrency', warn),
    extractConcurrency: positive(flags.extractConcurrency, DEFAULT_WORKER_OPTIONS.extractConcurrency, '--extract-concurrency'),
    parse: {
      ...DEFAULT_PARSE_LIMITS,
      timeoutMs: positive(flags.parseTimeout, DEFAULT_PARSE_LIMITS.timeoutMs, '--parse-timeout'),
      memoryLimitMb: positive(flags.memoryLimit, DEFAULT_PARSE_LIMITS.memoryLimitMb, '--memory-limit'),
      ocr: ocrMode(flags.ocr),
    },
    ...(flags.out !== undefined ? { outDir: flags.out } : {}),
    withText: flags.withText ?? DEFAULT_WORKER_OPTIONS.withText,
    configPath: flags.config ?? DEFAULT_WORKER_OPTIONS.configPath,
    lockDurationMs: positive(flags.lockDuration, DEFAULT_WORKER_OPTIONS.lockDurationMs, '--lock-duration'),
    stalledIntervalMs: positive(flags.stalledInterval, DEFAULT_WORKER_OPTIONS.stalledIntervalMs, '--stalled-interval'),
  };
}

function parseQueues(text: string): QueueKind[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !isQueueKind(n));
  if (bad.length > 0 || names.length === 0) throw new Error(`--queues: unknown queue(s) ${bad.join(', ') || '(none given)'}; use parse, extract, sources`);
  return [...new Set(names)] as QueueKind[];
}

function ocrMode(text: string | undefined): OcrMode {
  if (text === undefined) return DEFAULT_PARSE_LIMITS.ocr;
  if (!(OCR_MODES as readonly string[]).includes(text)) throw new Error(`--ocr must be one of ${OCR_MODES.join(', ')}, got "${text}"`);
  return text as OcrMode;
}

function positive(text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got "${text}"`);
  return n;
}

/** How long a closing worker waits for Redis before it hands active jobs back regardless. */
const CLOSE_CHECK_MS = 2000;
/** Extra time past the parse time limit before a graceful close gives up waiting for active jobs. */
const CLOSE_GRACE_MS = 15_000;
/** The most a forced close may take before the process leaves anyway (a dead Redis can stall it). */
const FORCED_CLOSE_MS = 3000;

/**
 * Resolves when the workers have closed after a signal. The first SIGTERM/SIGINT always
 * ends the process: active jobs finish while Redis answers; when it does not (or at a
 * second signal) they are handed back and the process leaves within FORCED_CLOSE_MS.
 */
export async function runWorkerProcess(options: WorkerRunOptions, log: WorkerLog = workerLog()): Promise<void> {
  const signals = signalCounter();
  if (!(await waitForRedis(options.redisUrl, (line) => log.warn(line), signals.first))) {
    log.info(`${await signals.first}: stopped before Redis answered`);
    process.exit(process.exitCode ?? 0);
  }
  const running = await startWorkers(options, log);
  const signal = await signals.first;
  log.info({ signal }, `${signal}: finishing active jobs, then closing (send again to hand them back now)`);
  const graceful = running.close().then(() => 'closed' as const);
  // No job may run longer than its time limit; a close still waiting after that waits on nothing
  // that will come (seen after Redis restarts: a job whose end never reached the worker).
  const overdue = new Promise<string>((resolve) => setTimeout(() => resolve('active jobs still open past the time limit'), options.parse.timeoutMs + CLOSE_GRACE_MS).unref());
  const handBack = Promise.race([signals.second.then(() => 'second signal'), redisLost(options.redisUrl, graceful), overdue]);
  const outcome = await Promise.race([graceful, handBack]);
  if (outcome !== 'closed') {
    log.warn(`${outcome}: handing active jobs back`);
    await Promise.race([running.close(true), new Promise((resolve) => setTimeout(resolve, FORCED_CLOSE_MS).unref())]);
  }
  log.info('worker closed');
  // A client of a vanished Redis may hold the event loop open; the work is done, so leave.
  setTimeout(() => process.exit(process.exitCode ?? 0), 500).unref();
}

/** The first and second SIGTERM/SIGINT, as promises of the signal's name. */
function signalCounter(): { first: Promise<NodeJS.Signals>; second: Promise<NodeJS.Signals> } {
  let count = 0;
  let onFirst!: (signal: NodeJS.Signals) => void;
  let onSecond!: (signal: NodeJS.Signals) => void;
  const first = new Promise<NodeJS.Signals>((resolve) => (onFirst = resolve));
  const second = new Promise<NodeJS.Signals>((resolve) => (onSecond = resolve));
  const onSignal = (signal: NodeJS.Signals): void => {
    count++;
    (count === 1 ? onFirst : onSecond)(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return { first, second };
}

/** Resolves 'Redis unreachable' once Redis stops answering while `until` is pending; never otherwise. */
async function redisLost(url: string, until: Promise<unknown>): Promise<string> {
  let done = false;
  void until.then(() => (done = true));
  while (!done) {
    const answered = await assertRedisReachable(url, CLOSE_CHECK_MS).then(() => true, () => false);
    if (!answered && !done) return 'Redis unreachable';
    await new Promise((resolve) => setTimeout(resolve, CLOSE_CHECK_MS).unref());
  }
  return new Promise<string>(() => undefined);
}
