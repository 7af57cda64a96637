// Few error classes, each with a stable code. Errors cross process boundaries
// (worker threads, BullMQ), so callers match on `code`, never on instanceof.

/** Why a file is not a document we can read; none of these is worth a retry. */
export const PDF_ERROR_CODES = ['not_pdf', 'encrypted', 'damaged', 'empty', 'too_large', 'timeout', 'not_a_file'] as const;
export type PdfErrorCode = (typeof PDF_ERROR_CODES)[number];

/** disk_full, read_only: the store or the output folder could not be written (never the document's fault). */
export type ErrorCode = PdfErrorCode | 'io_error' | 'invalid_output' | 'internal' | 'disk_full' | 'read_only';

/** Why a whole command could not do its work (never stored as a file's failure). */
export type CommandErrorCode = 'usage' | 'redis_unreachable' | 'postgres_unreachable' | 'not_a_database' | 'database_error' | 'not_found';

export class MinutesError extends Error {
  readonly code: ErrorCode | CommandErrorCode;
  constructor(code: ErrorCode | CommandErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MinutesError';
    this.code = code;
  }
}

/** True for failures that will fail the same way again (a broken or hostile PDF). */
export function isUnrecoverable(code: string): boolean {
  return (PDF_ERROR_CODES as readonly string[]).includes(code) || code === 'invalid_output';
}

/** Plain-object form for crossing thread and process boundaries. */
export function errorInfo(err: unknown): { code: ErrorCode; message: string } {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    const code = (err as { code: string }).code;
    const known = (PDF_ERROR_CODES as readonly string[]).includes(code) || ['io_error', 'invalid_output', 'internal', 'disk_full', 'read_only'].includes(code);
    const message = err instanceof Error ? err.message : String((err as { message?: unknown }).message ?? code);
    return { code: known ? (code as ErrorCode) : 'internal', message: known ? message : `${code}: ${message}` };
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
