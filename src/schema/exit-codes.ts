// The exit status of every command (the CLI and the worker script), by error code. Scripts
// and cron rely on these: change them only together with the README table "Errors and exit status".

export const EXIT = Object.freeze({
  /** Done; with --strict, also: no input failed. */
  ok: 0,
  /** The command ran, but some inputs failed (with --strict) or what was asked for does not exist. */
  someFailed: 1,
  /** The command was called wrongly: an unknown option, a bad value, a bad DATABASE_URL, a missing database. */
  usage: 2,
  /** Redis or PostgreSQL did not answer. */
  serviceUnreachable: 3,
  /** A file, folder or database could not be read or written. */
  io: 4,
  /** Anything else: a bug, please report it. */
  internal: 5,
});

const EXIT_OF_CODE: Readonly<Record<string, number>> = {
  inputs_failed: EXIT.someFailed,
  not_found: EXIT.someFailed,
  usage: EXIT.usage,
  redis_unreachable: EXIT.serviceUnreachable,
  postgres_unreachable: EXIT.serviceUnreachable,
  io_error: EXIT.io,
  disk_full: EXIT.io,
  read_only: EXIT.io,
  not_a_database: EXIT.io,
  database_error: EXIT.io,
};

export function exitCodeOf(code: string): number {
  return EXIT_OF_CODE[code] ?? EXIT.internal;
}
