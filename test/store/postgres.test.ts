// The store suite on PostgreSQL, in a database of its own created for this run and
// dropped after. Server: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
// Unreachable → skipped with a warning, or a failure when MINUTES_REQUIRE_POSTGRES=1.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { storeSuite } from './store.suite.js';

const adminUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
const required = process.env.MINUTES_REQUIRE_POSTGRES === '1';
const databaseName = `minutes_test_${randomBytes(6).toString('hex')}`;

function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A redacted form of the server URL for messages. */
const serverLabel = (() => {
  const url = new URL(adminUrl);
  url.password = url.password ? '***' : '';
  url.pathname = '';
  return url.toString();
})();

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(text);
  } finally {
    await client.end().catch(() => {});
  }
}

let unreachableReason: string | undefined;
try {
  await adminQuery('select 1');
} catch (err) {
  unreachableReason = err instanceof Error ? err.message : String(err);
}
const reachable = unreachableReason === undefined;

if (!reachable && !required) {
  console.warn(
    `[store/postgres] SKIPPED the store suite on PostgreSQL: cannot connect to ${serverLabel} (${unreachableReason}). ` +
      'Set DATABASE_URL or start PostgreSQL; set MINUTES_REQUIRE_POSTGRES=1 to make this a failure.',
  );
}

describe.runIf(!reachable && required)('postgres required (MINUTES_REQUIRE_POSTGRES=1)', () => {
  it('is reachable', () => {
    expect.fail(`PostgreSQL is required but not reachable at ${serverLabel}: ${unreachableReason}`);
  });
});

describe.skipIf(!reachable)(`postgres at ${serverLabel}`, () => {
  beforeAll(async () => {
    await adminQuery(`create database ${databaseName}`);
  });
  afterAll(async () => {
    // FORCE ends connections a failed test may have left open (PostgreSQL 13+).
    await adminQuery(`drop database if exists ${databaseName} with (force)`);
  });

  storeSuite('postgres', () => ({ open: (options) => openStore({ databaseUrl: urlFor(databaseName), ...options }) }));

  it('migrates a new database once when several processes open it at the same moment', async () => {
    const name = `${databaseName}_race`;
    await adminQuery(`create database ${name}`);
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStore({ databaseUrl: urlFor(name) })));
      try {
        const [store] = stores;
        const migrations = await store!.db.selectFrom('kysely_migration' as 'documents').selectAll().execute();
        expect(migrations).toHaveLength(1);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  });

  it('is a database of its own, dropped after the run', async () => {
    const store = await openStore({ databaseUrl: urlFor(databaseName) });
    try {
      expect(store.dialect).toBe('postgres');
      const { rows } = await (await import('kysely')).sql<{ name: string }>`select current_database() as name`.execute(store.db);
      expect(rows[0]?.name).toBe(databaseName);
    } finally {
      await store.close();
    }
  });
});
