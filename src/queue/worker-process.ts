// Runs a worker process until SIGTERM/SIGINT: the first signal stops taking jobs
// and lets active ones finish; a second hands active jobs back and exits.
import { OCR_MODES, type OcrMode } from '../pdf/parse-options.js';
import { capConcurrency } from '../pipeline/concurrency-cap.js';
import { resolveRedisUrl, resolveStoreLocation } from './connection.js';
import { isQueueKind, type QueueKind } from './names.js';
import { startWorkers, type WorkerLog } from './run-workers.js';
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

export function resolveWorkerOptions(flags: WorkerFlags, warn: (line: string) => void = defaultLog): WorkerRunOptions {
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

/** Resolves when the workers have closed after a signal. */
export async function runWorkerProcess(options: WorkerRunOptions, log: WorkerLog = defaultLog): Promise<void> {
  const running = await startWorkers(options, log);
  await new Promise<void>((resolve) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals): void => {
      signals++;
      if (signals === 1) {
        log(`${signal}: finishing active jobs, then closing (send again to hand them back now)`);
        void running.close().finally(resolve);
      } else {
        log(`${signal}: handing active jobs back`);
        void running.close(true).finally(resolve);
      }
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  log('worker closed');
}

function defaultLog(message: string): void {
  process.stderr.write(`${new Date().toISOString()} minutes ${message}\n`);
}
