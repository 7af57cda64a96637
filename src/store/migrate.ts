// Brings a database to the latest schema with Kysely's Migrator. Migrations run in one
// transaction (PostgreSQL also takes Kysely's migration lock; SQLite's BEGIN IMMEDIATE
// serialises them), so processes starting together migrate once.
import { Migrator, type Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export interface MigrationReport {
  /** Names of the migrations this call applied, in order; empty when the schema was current. */
  applied: string[];
}

export async function migrateToLatest(db: Kysely<Database>, dialect: Pick<StoreDialect, 'autoIdType' | 'binaryType' | 'isRetryable'>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
    // Two processes creating the migration tables at the same moment: the loser retries and finds them.
    if (attempt >= 3 || !dialect.isRetryable(error)) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(failed ? `database migration ${failed} failed: ${reason}` : `cannot migrate the database: ${reason}`, { cause: error });
    }
  }
}
