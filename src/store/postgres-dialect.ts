// PostgreSQL through a pg Pool, for shared use by many workers on many machines.
// pg is loaded when the first connection is made: a SQLite run never loads it.
import type pg from 'pg';
import { PostgresDialect } from 'kysely';
import { driverErrorCode, type StoreDialect } from './dialect.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  connectionString: string;
  /** Connections in the pool. Default 10. */
  maxConnections?: number;
  /** How long a new connection may take before it fails, so an unreachable server is reported, not waited for. Default 5000 ms. */
  connectTimeoutMs?: number;
}

const DEFAULTS = Object.freeze({ maxConnections: 10, connectTimeoutMs: 5000 });

/** SQLSTATEs that mean "try the transaction again": serialization failure, deadlock, unique violation in a race. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01', '23505']);

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * pg returns bigint (count(*), sum of integers) and numeric as strings; SQLite returns
 * numbers. Parsing both as numbers keeps query results identical across dialects.
 */
function numberTypes(types: typeof pg.types): { getTypeParser: typeof pg.types.getTypeParser } {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if ((oid === INT8_OID || oid === NUMERIC_OID) && format !== 'binary') return (value: string) => Number(value);
      return types.getTypeParser(oid, format ?? 'text');
    }) as typeof pg.types.getTypeParser,
  };
}

export function postgresDialect(options: PostgresStoreOptions): StoreDialect {
  const { maxConnections, connectTimeoutMs } = { ...DEFAULTS, ...options };
  return {
    name: 'postgres',
    kysely: new PostgresDialect({
      pool: async () => {
        const { default: pgModule } = await import('pg');
        const pool = new pgModule.Pool({ connectionString: options.connectionString, max: maxConnections, types: numberTypes(pgModule.types), connectionTimeoutMillis: connectTimeoutMs });
        // An idle client losing its connection must not crash the process; the next query reconnects.
        pool.on('error', () => {});
        return pool;
      },
    }),
    autoIdType: 'serial',
    binaryType: 'bytea',
    supportsRowLocks: true,
    isRetryable: (err) => RETRYABLE_SQLSTATES.has(driverErrorCode(err) ?? ''),
  };
}
