// Where Redis and the store are: REDIS_URL, DATABASE_URL or a SQLite file.
import { resolve } from 'node:path';
import { databaseLocation, maskPassword } from '../store/database-url.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_SQLITE_FILE = 'output/minutes.db';

export function resolveRedisUrl(explicit?: string): string {
  return explicit ?? process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;
}

/** BullMQ connection options; BullMQ itself sets maxRetriesPerRequest: null on blocking clients. */
export function redisConnection(url: string): { url: string } {
  return { url };
}

export interface StoreLocation {
  databaseUrl?: string;
  sqliteFile?: string;
}

/**
 * DATABASE_URL, when set, selects PostgreSQL (as for `minutes ingest`); otherwise the
 * SQLite file (--db). SQLite paths are made absolute: workers may start in another folder.
 */
export function resolveStoreLocation(db?: string): StoreLocation {
  const location = databaseLocation(db ?? DEFAULT_SQLITE_FILE);
  return location.sqliteFile ? { sqliteFile: resolve(location.sqliteFile) } : location;
}

export function describeStore(location: StoreLocation): string {
  if (location.databaseUrl) return maskPassword(location.databaseUrl);
  return location.sqliteFile ?? '(none)';
}
