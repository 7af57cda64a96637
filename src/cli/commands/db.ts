// `minutes db migrate`: creates or upgrades the store's schema. PostgreSQL when
// DATABASE_URL is set (postgres://…), else the SQLite file given by --db.
import type { Command } from 'commander';
import { DEFAULT_SQLITE_FILE, openStore } from '../../store/index.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description('manage the database (SQLite file, or PostgreSQL via DATABASE_URL)');
  db.command('migrate')
    .description('create or upgrade the schema; safe to run any number of times')
    .option('--db <file>', 'SQLite database file, used when DATABASE_URL is not set', DEFAULT_SQLITE_FILE)
    .action(async (options: { db: string }) => {
      const store = await openStore({ databaseUrl: process.env.DATABASE_URL, sqliteFile: options.db, migrate: false });
      const where = store.dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${options.db}`;
      try {
        const { applied } = await store.migrateWithReport();
        console.log(applied.length === 0 ? `${where}: schema is up to date` : `${where}: applied ${applied.join(', ')}`);
      } catch (err) {
        console.error(`minutes db migrate: ${where}: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
