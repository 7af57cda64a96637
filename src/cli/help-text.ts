// Text shared by `minutes --help` and the README: the environment and the exit status.
import { DEFAULT_REDIS_URL } from '../queue/connection.js';

export const ENVIRONMENT_HELP = `Environment:
  DATABASE_URL  postgres://user:password@host:5432/db selects PostgreSQL; sqlite:FILE or file:FILE
                a SQLite file; unset: the SQLite file of --db (default output/minutes.db)
  REDIS_URL     Redis of the queue commands (default ${DEFAULT_REDIS_URL})`;

export const EXIT_STATUS_HELP = `Exit status:
  0  done
  1  some inputs failed (ingest/enqueue with --strict), or nothing matched (schedule remove)
  2  usage: unknown option, bad value, bad DATABASE_URL, no database at --db
  3  Redis or PostgreSQL unreachable (within a few seconds)
  4  a file, folder or database could not be read or written
  5  internal error (a bug: please report it)`;
