// Failures crossing the queue keep their stable code in the message: "[code] reason".
// Errors travel between processes as JSON, so the code is read back from the text.
import { UnrecoverableError } from 'bullmq';
import { type ErrorCode } from '../schema/errors.js';

export function unrecoverable(code: ErrorCode, message: string): UnrecoverableError {
  const err = new UnrecoverableError(`[${code}] ${message}`);
  Object.assign(err, { code });
  return err;
}

/** `[code] reason` → { code, reason }; a message without a code is `internal`. */
export function splitFailure(failedReason: string | undefined): { code: string; reason: string } {
  const text = failedReason ?? '';
  const match = /^\[([a-z_]+)\] ([\s\S]*)$/.exec(text);
  return match ? { code: match[1] as string, reason: match[2] as string } : { code: 'internal', reason: text };
}
