// PostgreSQL for tests: the server of DATABASE_URL, else this machine's (trust auth).
// Each suite creates a database of its own and drops it after. When the server cannot
// be reached, suites are skipped with a warning, or fail when MINUTES_REQUIRE_POSTGRES=1.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export const adminUrl = process.env['DATABASE_URL']?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
export const postgresRequired = process.env['MINUTES_REQUIRE_POSTGRES'] === '1';

/** The server URL without password or database, for messages. */
export const serverLabel = (() => {
  const url = new URL(adminUrl);
  url.password = url.password ? '***' : '';
  url.pathname = '';
  return url.toString();
})();

export function databaseUrl(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(text);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why PostgreSQL cannot be reached, or undefined when it can. */
export const unreachableReason: string | undefined = await adminQuery('select 1').then(
  () => undefined,
  (err: unknown) => (err instanceof Error ? err.message : String(err)),
);
export const postgresReachable = unreachableReason === undefined;

export const testDatabaseName = (prefix: string): string => `${prefix}_${randomBytes(6).toString('hex')}`;

/**
 * Declares the PostgreSQL part of a test file: warns when it is skipped, fails when
 * PostgreSQL is required but unreachable, and otherwise runs `body` inside a describe
 * block with a database of its own (created before, dropped with FORCE after).
 */
export function describePostgres(what: string, prefix: string, body: (database: { name: string; url: string }) => void): void {
  if (!postgresReachable && !postgresRequired) {
    console.warn(
      `SKIPPED ${what} on PostgreSQL: cannot connect to ${serverLabel} (${unreachableReason}). ` +
        'Set DATABASE_URL or start PostgreSQL; MINUTES_REQUIRE_POSTGRES=1 makes this a failure.',
    );
  }
  describe.runIf(!postgresReachable && postgresRequired)(`${what}: PostgreSQL required (MINUTES_REQUIRE_POSTGRES=1)`, () => {
    it('is reachable', () => {
      expect.fail(`PostgreSQL is required but not reachable at ${serverLabel}: ${unreachableReason}`);
    });
  });
  describe.skipIf(!postgresReachable)(`${what} on postgres at ${serverLabel}`, () => {
    const name = testDatabaseName(prefix);
    beforeAll(async () => {
      await adminQuery(`create database ${name}`);
    });
    afterAll(async () => {
      // FORCE ends connections a failed test may have left open (PostgreSQL 13+).
      await adminQuery(`drop database if exists ${name} with (force)`);
    });
    body({ name, url: databaseUrl(name) });
  });
}
