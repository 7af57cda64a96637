// `minutes db migrate` through commander, in process: SQLite by --db, PostgreSQL by DATABASE_URL.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { registerDb } from '../../src/cli/commands/db.js';
import { adminQuery, databaseUrl, postgresReachable, postgresRequired, serverLabel, testDatabaseName, unreachableReason } from '../support/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-db-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `minutes db migrate <args>` and returns what it printed. */
async function migrate(args: string[], env: { DATABASE_URL?: string } = {}): Promise<string> {
  const program = new Command('minutes').exitOverride();
  registerDb(program);
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void lines.push(parts.join(' ')));
  const saved = process.env.DATABASE_URL;
  if (env.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = env.DATABASE_URL;
  try {
    await program.parseAsync(['db', 'migrate', ...args], { from: 'user' });
  } finally {
    log.mockRestore();
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
  return lines.join('\n');
}

afterEach(() => vi.restoreAllMocks());

if (!postgresReachable) console.warn(`[store/db-command] SKIPPED db migrate on PostgreSQL: ${serverLabel} is not reachable (${unreachableReason})`);

describe('minutes db migrate', () => {
  it('creates the SQLite schema on the first run and reports it current on the second', async () => {
    const file = join(dir, 'cli', 'minutes.db');
    expect(await migrate(['--db', file])).toBe(`SQLite ${file}: applied 0001_initial_schema, 0002_goal_status_basis, 0003_page_ocr, 0004_corrections, 0005_page_layout, 0006_compare_rows`);
    expect(existsSync(file)).toBe(true);
    expect(await migrate(['--db', file])).toBe(`SQLite ${file}: schema is up to date`);
  });

  it('reports an unreachable PostgreSQL as postgres_unreachable, naming the URL with its password masked', async () => {
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    const started = Date.now();
    const failure = migrate([], { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/minutes' });
    await expect(failure).rejects.toMatchObject({ code: 'postgres_unreachable' });
    await expect(failure).rejects.toThrow(/^PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/minutes is unreachable: .*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', async () => {
    await expect(migrate([], { DATABASE_URL: 'mysql://root:pw@localhost/minutes' })).rejects.toMatchObject({ code: 'usage' });
    await expect(migrate([], { DATABASE_URL: 'mysql://root:pw@localhost/minutes' })).rejects.toThrow(/postgres:\/\/.*"mysql:\/\/root:\*\*\*@localhost\/minutes"/);
  });

  it.skipIf(!postgresReachable && !postgresRequired)('migrates the PostgreSQL database named by DATABASE_URL', async () => {
    const name = testDatabaseName('minutes_test');
    await adminQuery(`create database ${name}`);
    try {
      const url = databaseUrl(name);
      expect(await migrate(['--db', join(dir, 'not-used.db')], { DATABASE_URL: url })).toBe('PostgreSQL (DATABASE_URL): applied 0001_initial_schema, 0002_goal_status_basis, 0003_page_ocr, 0004_corrections, 0005_page_layout, 0006_compare_rows');
      expect(await migrate([], { DATABASE_URL: url })).toBe('PostgreSQL (DATABASE_URL): schema is up to date');
      expect(existsSync(join(dir, 'not-used.db'))).toBe(false);
    } finally {
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  });
});
