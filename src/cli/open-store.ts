// Every command opens the store here, so a store that cannot be opened reads the same
// everywhere: PostgreSQL down → postgres_unreachable (exit 3) within seconds, with the
// password masked; a SQLite path that cannot be made or is not a database → exit 4.
import { existsSync } from 'node:fs';
import { MinutesError } from '../schema/errors.js';
import { maskPassword, openStore, type DatabaseLocation, type KyselyStore } from '../store/index.js';
import { asMinutesError, withCode } from './report-error.js';

/** pg's and the socket's ways of saying "no connection": network errors, SQLSTATE class 08, authentication, unknown database. */
const CONNECTION_ERRORS = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|08...|28...|3D000)$/;

export interface OpenCliStoreOptions {
  /** A reading command: a missing SQLite file is a usage error, never a new empty database. */
  mustExist?: boolean;
  /** Run migrations while opening (default true). */
  migrate?: boolean;
}

export async function openCliStore(location: DatabaseLocation, options: OpenCliStoreOptions = {}): Promise<KyselyStore> {
  const file = location.sqliteFile;
  if (!location.databaseUrl && options.mustExist && file && !existsSync(file)) {
    throw new MinutesError('usage', `no database at ${file} (run \`minutes ingest\` first, pass --db FILE, or set DATABASE_URL)`);
  }
  try {
    return await openStore({ ...location, migrate: options.migrate ?? true });
  } catch (err) {
    throw storeError(location, err);
  }
}

/** A store error with the code and words the user sees: which database, and why. */
export function storeError(location: DatabaseLocation, err: unknown): MinutesError {
  return location.databaseUrl ? postgresError(location.databaseUrl, err) : sqliteError(location.sqliteFile ?? '', err);
}

function postgresError(url: string, err: unknown): MinutesError {
  if (err instanceof MinutesError) return err;
  const e = err as { message?: unknown };
  const coded = withCode(err) as { code?: unknown };
  const code = typeof coded.code === 'string' ? coded.code : '';
  const detail = (typeof e.message === 'string' && e.message) || code || String(err);
  const where = `PostgreSQL at ${maskPassword(url)}`;
  if (CONNECTION_ERRORS.test(code) || /timeout|connect|terminated/i.test(detail)) {
    return new MinutesError('postgres_unreachable', `${where} is unreachable: ${detail}`, { cause: err });
  }
  return new MinutesError('database_error', `${where}: ${detail}`, { cause: err });
}

function sqliteError(file: string, err: unknown): MinutesError {
  const classified = asMinutesError(err);
  const message = classified.message.startsWith(file) ? classified.message : `${file}: ${classified.message}`;
  return new MinutesError(classified.code, `cannot open the database ${message}`, { cause: err });
}
