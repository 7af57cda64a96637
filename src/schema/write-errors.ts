// A failed write to the store (or the JSON folder) is about the machine, not the document:
// a full disk, a read-only file system, a failing device. It gets its own code, so the
// batch can stop at the first one instead of failing every file after it for the same reason.
import { MinutesError } from './errors.js';

export type StoreErrorCode = 'disk_full' | 'read_only' | 'io_error';

/** Driver and file-system codes (SQLite, PostgreSQL SQLSTATE, errno) by what they mean. */
const STORE_ERROR_CODES: readonly [RegExp, StoreErrorCode, string][] = [
  [/^(SQLITE_FULL|ENOSPC|EDQUOT|53100|53000)$/, 'disk_full', 'no space left on the device'],
  [/^(SQLITE_READONLY.*|EROFS|25006)$/, 'read_only', 'the database or folder is read-only'],
  [/^(SQLITE_IOERR.*|SQLITE_CANTOPEN|SQLITE_CORRUPT|EIO|EACCES|EPERM|58030)$/, 'io_error', 'the device failed or refused the write'],
];

/** The code of a store-wide write failure, or undefined for any other error (the cause chain is searched). */
export function classifyStoreError(err: unknown): MinutesError | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    const match = STORE_ERROR_CODES.find(([pattern]) => pattern.test(code));
    if (match) {
      const [, kind, words] = match;
      const detail = (e as { message?: unknown }).message;
      return new MinutesError(kind, `${words} (${code}${typeof detail === 'string' && detail ? `: ${detail}` : ''})`, { cause: err });
    }
  }
  return undefined;
}

/** Codes that stop a batch when a write to the store or the output folder fails with them. */
export const STORE_STOP_CODES: readonly string[] = ['disk_full', 'read_only', 'io_error'];
