// SQLite through better-sqlite3: WAL, a busy timeout and foreign keys, and write
// transactions that start with BEGIN IMMEDIATE so that two writers queue for the
// write lock instead of failing when a read turns into a write.
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, DialectAdapter, Driver } from 'kysely';
import { driverErrorCode, type StoreDialect } from './dialect.js';
import { makeFolders } from './make-folders.js';

export interface SqliteStoreOptions {
  /** Database file; parent folders are created. ':memory:' for a private in-memory database. */
  file: string;
  /** How long a writer waits for another process's write lock before SQLITE_BUSY. Default 15000 ms. */
  busyTimeoutMs?: number;
}

const DEFAULTS = Object.freeze({ busyTimeoutMs: 15_000 });

/**
 * better-sqlite3 is synchronous: a BEGIN IMMEDIATE that waits on the busy timeout blocks the
 * whole thread, so a second connection in the same process would stall the first one holding
 * the lock. Writers to one file within a process therefore queue here first.
 */
const processWriteLocks = new Map<string, Promise<void>>();

async function acquireProcessWriteLock(key: string): Promise<() => void> {
  const previous = processWriteLocks.get(key) ?? Promise.resolve();
  let release!: () => void;
  const current = new Promise<void>((resolveLock) => {
    release = resolveLock;
  });
  const chained = previous.then(() => current);
  processWriteLocks.set(key, chained);
  await previous;
  return () => {
    if (processWriteLocks.get(key) === chained) processWriteLocks.delete(key);
    release();
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #lockKey: string;
  #releaseWriteLock: (() => void) | undefined;

  constructor(config: ConstructorParameters<typeof SqliteDriver>[0], lockKey: string) {
    super(config);
    this.#lockKey = lockKey;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const release = await acquireProcessWriteLock(this.#lockKey);
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      this.#releaseWriteLock = release;
    } catch (err) {
      release();
      throw err;
    }
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('commit'));
    } finally {
      this.#release();
    }
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (err) {
      // SQLite rolls back by itself on SQLITE_FULL and I/O errors; a second rollback would
      // fail and hide the real error ("disk full") behind "no transaction is active".
      if (!/no transaction is active/.test((err as Error).message)) throw err;
    } finally {
      this.#release();
    }
  }

  #release(): void {
    const release = this.#releaseWriteLock;
    this.#releaseWriteLock = undefined;
    release?.();
  }
}

/** SQLite runs DDL inside transactions, so migrations may run in one (Kysely's default says no). */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class StoreSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  readonly #lockKey: string;

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0], lockKey: string) {
    super(config);
    this.#config = config;
    this.#lockKey = lockKey;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#lockKey);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function sqliteDialect(options: SqliteStoreOptions): StoreDialect {
  const { busyTimeoutMs } = { ...DEFAULTS, ...options };
  const inMemory = options.file === ':memory:';
  const file = inMemory ? options.file : resolve(options.file);
  // Each in-memory database is private to its connection, so it needs no shared lock.
  const lockKey = inMemory ? `:memory:${Math.random()}` : file;
  const kysely = new StoreSqliteDialect(
    {
      database: async () => {
        if (!inMemory) makeFolders(dirname(file));
        const db = new BetterSqlite3(file, { timeout: busyTimeoutMs });
        try {
          if (!inMemory) db.pragma('journal_mode = WAL');
          db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
          db.pragma('foreign_keys = ON');
          // WAL + NORMAL is durable across application crashes; only a power cut may lose the last commits.
          db.pragma('synchronous = NORMAL');
        } catch (err) {
          db.close();
          throw err;
        }
        return db;
      },
    },
    lockKey,
  );
  return {
    name: 'sqlite',
    kysely,
    autoIdType: 'integer',
    binaryType: 'blob',
    supportsRowLocks: false,
    isRetryable: (err) => {
      const code = driverErrorCode(err);
      return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
    },
  };
}
