// The one place a command's error becomes what the user sees: one line
// `minutes: <what> (<code>)` on standard error and the documented exit status.
// A stack trace only with MINUTES_DEBUG=1.
import { MinutesError } from '../schema/errors.js';
import { exitCodeOf } from '../schema/exit-codes.js';
import { printable } from '../schema/printable.js';

export { printable };

/** What a Node file-system error means, in words. */
const IO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'it already exists',
};

/** The reason of a file-system error in words (`permission denied`), or undefined for other errors. */
export function ioReason(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? IO_REASONS[code] : undefined;
}

/** A reader that closed the pipe (`minutes export | head`) is a normal end, not an error. */
export function isClosedPipe(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ERR_STREAM_DESTROYED';
}

/** The error itself or the first of its causes that carries a code (the store wraps driver errors). */
export function withCode(err: unknown): unknown {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof (e as { code?: unknown }).code === 'string') return e;
  }
  return err;
}

/** Any thrown value as a MinutesError with a stable code. */
export function asMinutesError(thrown: unknown): MinutesError {
  if (thrown instanceof MinutesError) return thrown;
  const err = withCode(thrown);
  const e = err as { code?: unknown; path?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const reason = ioReason(err);
  if (reason) {
    const where = typeof e?.path === 'string' ? `${e.path}: ` : '';
    return new MinutesError('io_error', `${where}${reason}`, { cause: err });
  }
  if (code === 'SQLITE_NOTADB') return new MinutesError('not_a_database', 'the file is not a SQLite database', { cause: err });
  if (code?.startsWith('SQLITE_')) return new MinutesError('database_error', `${message} (${code})`, { cause: err });
  return new MinutesError('internal', `${message} (a bug: please report it; MINUTES_DEBUG=1 shows where)`, { cause: err });
}

/** Writes the one line and returns the exit status. */
export function reportError(err: unknown): number {
  const error = asMinutesError(err);
  process.stderr.write(`minutes: ${printable(error.message).trim()} (${error.code})\n`);
  if (process.env['MINUTES_DEBUG'] === '1') process.stderr.write(`${(error.cause as Error | undefined)?.stack ?? error.stack}\n`);
  return exitCodeOf(error.code);
}
