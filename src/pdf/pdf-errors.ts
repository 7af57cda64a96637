// pdf.js / pdf-parse exceptions → MinutesError with a stable code. Matched by
// `name`, because pdf.js raises its own classes and pdf-parse re-wraps them.
import { MinutesError } from '../schema/errors.js';

const DAMAGED_NAMES = new Set(['InvalidPDFException', 'FormatError', 'UnknownErrorException', 'MissingPDFException', 'ResponseException']);

export function toPdfError(err: unknown): MinutesError {
  if (err instanceof MinutesError) return err;
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    return new MinutesError('encrypted', `the PDF is encrypted and needs a password (${message})`, { cause: err });
  }
  if (name === 'InvalidPDFException' && /empty|zero bytes/i.test(message)) {
    return new MinutesError('empty', 'the file is empty (0 bytes)', { cause: err });
  }
  if (DAMAGED_NAMES.has(name)) {
    return new MinutesError('damaged', `the PDF is damaged or truncated: ${message}`, { cause: err });
  }
  return new MinutesError('damaged', `the PDF could not be read: ${name ? `${name}: ` : ''}${message}`, { cause: err });
}
