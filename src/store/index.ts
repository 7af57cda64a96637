// Opens the store: PostgreSQL when given a postgres:// URL (DATABASE_URL), else a SQLite file.
import { Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import { parseDatabaseUrl } from './database-url.js';
import { KyselyStore } from './kysely-store.js';
import { postgresDialect } from './postgres-dialect.js';
import type { Database } from './schema.js';
import { sqliteDialect } from './sqlite-dialect.js';

export type { Database } from './schema.js';
export type { DialectName } from './dialect.js';
export type { MigrationReport } from './migrate.js';
export type { Store, StoredDocumentRef, FailureRecord, SaveAction, SaveOptions, DocumentStatus } from './types.js';
export { KyselyStore } from './kysely-store.js';
export { makeFolders } from './make-folders.js';
export { databaseLocation, maskPassword, parseDatabaseUrl, type DatabaseLocation } from './database-url.js';

export interface OpenStoreOptions {
  /**
   * A postgres:// or postgresql:// URL selects PostgreSQL; callers usually pass
   * process.env.DATABASE_URL. Empty or undefined selects SQLite.
   */
  databaseUrl?: string | undefined;
  /** SQLite database file (parent folders are created). Default: output/minutes.db. */
  sqliteFile?: string | undefined;
  /** Run migrations while opening. Default true. */
  migrate?: boolean;
}

export const DEFAULT_SQLITE_FILE = 'output/minutes.db';

export function storeDialect(options: Pick<OpenStoreOptions, 'databaseUrl' | 'sqliteFile'>): StoreDialect {
  const url = options.databaseUrl?.trim();
  const location = url ? parseDatabaseUrl(url) : { sqliteFile: options.sqliteFile ?? DEFAULT_SQLITE_FILE };
  if (location.databaseUrl) return postgresDialect({ connectionString: location.databaseUrl });
  return sqliteDialect({ file: location.sqliteFile ?? DEFAULT_SQLITE_FILE });
}

/** Opens (and by default migrates) the store. The caller closes it in `finally`. */
export async function openStore(options: OpenStoreOptions = {}): Promise<KyselyStore> {
  const capabilities = storeDialect(options);
  const store = new KyselyStore(new Kysely<Database>({ dialect: capabilities.kysely }), capabilities);
  if (options.migrate ?? true) {
    try {
      await store.migrate();
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}
