// DATABASE_URL: postgres:// selects PostgreSQL; sqlite: and file: URLs name a SQLite file;
// anything else is refused in one line (with the password masked).
import { fileURLToPath } from 'node:url';
import { MinutesError } from '../schema/errors.js';

export interface DatabaseLocation {
  /** postgres:// or postgresql:// URL. */
  databaseUrl?: string;
  /** SQLite file. */
  sqliteFile?: string;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;
const SQLITE_URL = /^(sqlite3?|file):/i;

/** The URL with its password replaced by ***, for messages. */
export const maskPassword = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/**
 * `sqlite:///abs/x.db`, `sqlite:rel/x.db`, `sqlite://rel/x.db`, `file:///abs/x.db` and
 * `file:rel/x.db` all name a SQLite file (query strings are ignored).
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  const trimmed = url.trim();
  if (POSTGRES_URL.test(trimmed)) return { databaseUrl: trimmed };
  if (SQLITE_URL.test(trimmed)) {
    const withoutQuery = trimmed.replace(/[?#].*$/, '');
    if (/^file:\/\//i.test(withoutQuery)) return { sqliteFile: fileURLToPath(withoutQuery) };
    const path = decodeURIComponent(withoutQuery.replace(SQLITE_URL, '').replace(/^\/\/(?=\/)/, ''));
    // sqlite://rel.db (two slashes, no host) is the common spelling of a relative path.
    const file = path.startsWith('//') ? path.slice(2) : path;
    if (file) return { sqliteFile: file };
  }
  throw new MinutesError(
    'usage',
    `DATABASE_URL must be postgres://…, postgresql://…, sqlite:FILE or file:FILE (got "${maskPassword(trimmed)}")`,
  );
}

/** DATABASE_URL when set (and not blank), else the SQLite file of --db. */
export function databaseLocation(sqliteFile: string, env: NodeJS.ProcessEnv = process.env): DatabaseLocation {
  const url = env['DATABASE_URL']?.trim();
  return url ? parseDatabaseUrl(url) : { sqliteFile };
}
