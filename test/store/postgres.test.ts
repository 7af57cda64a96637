// The store suite on PostgreSQL, in a database of its own created for this run and
// dropped after. Server: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
// Unreachable → skipped with a warning, or a failure when MINUTES_REQUIRE_POSTGRES=1.
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { adminQuery, databaseUrl, describePostgres } from '../support/postgres.js';
import { storeSuite } from './store.suite.js';

describePostgres('the store suite', 'minutes_test', ({ name: databaseName, url }) => {
  storeSuite('postgres', () => ({ open: (options) => openStore({ databaseUrl: url, ...options }) }));

  it('migrates a new database once when several processes open it at the same moment', async () => {
    const name = `${databaseName}_race`;
    await adminQuery(`create database ${name}`);
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStore({ databaseUrl: databaseUrl(name) })));
      try {
        const [store] = stores;
        const migrations = await store!.db.selectFrom('kysely_migration' as 'documents').selectAll().execute();
        expect(migrations).toHaveLength(6);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  });

  it('is a database of its own, dropped after the run', async () => {
    const store = await openStore({ databaseUrl: url });
    try {
      expect(store.dialect).toBe('postgres');
      const { rows } = await (await import('kysely')).sql<{ name: string }>`select current_database() as name`.execute(store.db);
      expect(rows[0]?.name).toBe(databaseName);
    } finally {
      await store.close();
    }
  });
});
