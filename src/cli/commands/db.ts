// `minutes db migrate`: creates or upgrades the store's schema. PostgreSQL when
// DATABASE_URL is set (postgres://…), else the SQLite file given by --db.
import type { Command } from 'commander';
import { databaseLocation, DEFAULT_SQLITE_FILE } from '../../store/index.js';
import { openCliStore, storeError } from '../open-store.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description('manage the database (SQLite file, or PostgreSQL via DATABASE_URL)');
  db.command('migrate')
    .description('create or upgrade the schema; safe to run any number of times')
    .option('--db <file>', 'SQLite database file, used when DATABASE_URL is not set', DEFAULT_SQLITE_FILE)
    .action(async (options: { db: string }) => {
      const location = databaseLocation(options.db);
      const store = await openCliStore(location, { migrate: false });
      const where = location.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${location.sqliteFile}`;
      try {
        const { applied } = await store.migrateWithReport();
        console.log(applied.length === 0 ? `${where}: schema is up to date` : `${where}: applied ${applied.join(', ')}`);
      } catch (err) {
        throw storeError(location, err);
      } finally {
        await store.close();
      }
    });
}
