// Where Redis and the store are: REDIS_URL, DATABASE_URL or a SQLite file.
import { resolve } from 'node:path';

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
  const databaseUrl = process.env['DATABASE_URL']?.trim();
  if (databaseUrl) return { databaseUrl };
  return { sqliteFile: resolve(db ?? DEFAULT_SQLITE_FILE) };
}

export function describeStore(location: StoreLocation): string {
  if (location.databaseUrl) return location.databaseUrl.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  return location.sqliteFile ?? '(none)';
}
