// `minutes ingest` with DATABASE_URL: the same command stores into PostgreSQL (a
// database of its own, dropped after); a second run skips everything there too.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesPage, makePdf } from '../pdf/make-pdf.js';
import { assertBuilt, runCli, summaryOf } from './run-cli.js';

const adminUrl = process.env['DATABASE_URL']?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `minutes_cli_test_${randomBytes(5).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();

async function query<T>(connectionString: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

let unreachable: string | undefined;
try {
  await query(adminUrl, 'select 1');
} catch (err) {
  unreachable = err instanceof Error ? err.message : String(err);
}
if (unreachable !== undefined) {
  console.warn(`SKIPPED: minutes ingest with DATABASE_URL — PostgreSQL not reachable at ${new URL(adminUrl).host} (${unreachable})`);
}

describe.skipIf(unreachable !== undefined)('minutes ingest with DATABASE_URL (PostgreSQL, spawned)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-cli-pg-'));
  const input = join(dir, 'arkiv');

  beforeAll(async () => {
    assertBuilt();
    await query(adminUrl, `create database ${databaseName}`);
    mkdirSync(input, { recursive: true });
    writeFileSync(join(input, 'referat.pdf'), await makePdf({ pages: [linesPage(['Referat', 'Punkt 1: Budget', 'Merforbruget er 0,8 mio. kr.']), linesPage(['Punkt 2: Eventuelt'])] }));
    writeFileSync(join(input, 'tom.pdf'), '');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await query(adminUrl, `drop database if exists ${databaseName} with (force)`);
  });

  it('stores into PostgreSQL instead of the --db file, and skips everything on a second run', async () => {
    const sqliteFile = join(dir, 'not-used.db');
    const first = runCli(['ingest', input, '--out', join(dir, 'json'), '--db', sqliteFile], { env: { DATABASE_URL: databaseUrl } });
    expect(first.status, first.stderr).toBe(0);
    expect(summaryOf(first.stdout)).toEqual({ ok: 1, failed: 1, skipped: 0, pages: 2 });
    const docs = await query<{ status: string; error_code: string | null }>(databaseUrl, 'select status, error_code from documents order by id');
    expect(docs.map((d) => d.status).sort()).toEqual(['failed', 'ok']);
    expect(existsSync(sqliteFile)).toBe(false);

    const counts = async () => (await query<{ n: string }>(databaseUrl, 'select (select count(*) from documents) + (select count(*) from pages) as n'))[0]?.n;
    const before = await counts();
    const second = runCli(['ingest', input, '--out', join(dir, 'json'), '--db', sqliteFile], { env: { DATABASE_URL: databaseUrl } });
    expect(summaryOf(second.stdout)).toEqual({ ok: 0, failed: 0, skipped: 2, pages: 0 });
    expect(await counts()).toBe(before);
  });
});
