// What differs between the databases the store runs on, stated once as capabilities.
// Migrations and queries read these values; nothing else asks which database it is.
import type { Dialect } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface StoreDialect {
  readonly name: DialectName;
  /** The Kysely dialect; creating it opens nothing until the first query. */
  readonly kysely: Dialect;
  /** Column type of an auto-assigned integer primary key. */
  readonly autoIdType: 'integer' | 'serial';
  /** Column type for raw bytes. */
  readonly binaryType: 'blob' | 'bytea';
  /** Whether SELECT … FOR UPDATE exists; SQLite has none because BEGIN IMMEDIATE already serialises writers. */
  readonly supportsRowLocks: boolean;
  /** True for errors a write transaction may meet under concurrency and that succeed when retried. */
  isRetryable(err: unknown): boolean;
}

/** Reads a driver error's code (better-sqlite3: 'SQLITE_BUSY'…, pg: SQLSTATE '40001'…). */
export function driverErrorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
