// The queue worker's log: pino, one JSON object per line on standard error
// ({"level":30,"time":"…","pid":…,"hostname":"…","name":"minutes","msg":"…", …fields}),
// so a log collector can filter by level, queue, job id or file. LOG_LEVEL chooses how
// much (default info). Written synchronously: a worker that exits right after its last
// line must not lose it.
import { hostname } from 'node:os';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { MinutesError } from '../schema/errors.js';

/** What the worker code logs through (a pino Logger; tests may pass one writing elsewhere). */
export type WorkerLog = Pick<Logger, 'info' | 'warn' | 'error'>;

export const LOG_LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];
export const LOG_LEVEL_ENV = 'LOG_LEVEL';

/** For --help: what the log is and how to choose its level. */
export const WORKER_LOG_HELP = `the worker logs one JSON object per line on standard error; ${LOG_LEVELS.join('|')}, default info`;

/** LOG_LEVEL, checked: an unknown level is a usage error, not pino's stack trace. */
export function logLevel(env: NodeJS.ProcessEnv = process.env): Level {
  const wanted = env[LOG_LEVEL_ENV]?.trim().toLowerCase() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(wanted)) {
    throw new MinutesError('usage', `${LOG_LEVEL_ENV} must be one of ${LOG_LEVELS.join(', ')}, got "${env[LOG_LEVEL_ENV]}"`);
  }
  return wanted as Level;
}

export function createWorkerLog(level: Level = logLevel(), destination: DestinationStream = pino.destination({ fd: 2, sync: true })): Logger {
  return pino(
    { name: 'minutes', level, base: { pid: process.pid, hostname: hostname() }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}

let shared: Logger | undefined;

/** The process's worker log, made on first use. */
export function workerLog(): Logger {
  shared ??= createWorkerLog();
  return shared;
}
