// Runs a write transaction, retrying it when the database reports a conflict that a
// second attempt resolves (a concurrent writer won a race, a lock wait timed out).
import type { Kysely, Transaction } from 'kysely';
import type { StoreDialect } from './dialect.js';
import type { Database } from './schema.js';
import { classifyStoreError } from '../schema/write-errors.js';

export interface WriteTransactionOptions {
  /** Attempts in all, the first included. Default 5. */
  attempts?: number;
  /** Delay before the first retry; doubles each time, with jitter. Default 20 ms. */
  baseDelayMs?: number;
}

const DEFAULTS = Object.freeze({ attempts: 5, baseDelayMs: 20 });

export async function writeTransaction<T>(
  db: Kysely<Database>,
  dialect: Pick<StoreDialect, 'isRetryable'>,
  work: (trx: Transaction<Database>) => Promise<T>,
  options: WriteTransactionOptions = {},
): Promise<T> {
  const { attempts, baseDelayMs } = { ...DEFAULTS, ...options };
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      if (attempt >= attempts || !dialect.isRetryable(err)) throw classifyStoreError(err) ?? err;
      const delay = baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
