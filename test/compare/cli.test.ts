// The commands end to end, spawned as a user runs them (the built CLI in dist/), on a
// SQLite file and, when PostgreSQL is reachable, through DATABASE_URL: same output.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { ALL_DOCUMENTS } from './documents.js';
import { adminQuery, databaseUrl, postgresReachable, postgresRequired, serverLabel, testDatabaseName, unreachableReason } from '../support/postgres.js';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'dist/cli/main.js');
const built = existsSync(cli);
if (!built) console.warn(`[compare/cli] SKIPPED the CLI tests: ${cli} is missing; run \`npm run build\` first (npm test does).`);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function minutes(args: string[], env: Record<string, string> = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', DOTENV_CONFIG_QUIET: 'true', ...env },
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function fillStore(options: { sqliteFile?: string; databaseUrl?: string }): Promise<void> {
  const store = await openStore(options);
  try {
    for (const make of ALL_DOCUMENTS) {
      const { doc, pages } = make();
      await store.saveDocument(doc, pages);
    }
  } finally {
    await store.close();
  }
}

/** The commands whose output must not depend on the database behind them. */
const COMMANDS: string[][] = [
  ['compare', '--indicator', 'aktiveringsgrad', '--format', 'csv'],
  ['compare', '--format', 'json'],
  ['goals', '--format', 'csv'],
  ['indicators', '--format', 'csv'],
  ['export', '--what', 'goals', '--format', 'csv'],
  ['export', '--what', 'budget', '--format', 'jsonl'],
];
// (Every export kind is compared across the two databases in-process in queries.test.ts.)

describe.skipIf(!built)('minutes compare / goals / export / indicators (spawned)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-compare-cli-'));
  const db = join(dir, 'm.db');
  beforeAll(async () => {
    await fillStore({ sqliteFile: db });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compare gives one value per municipality × year × indicator: the latest meeting\'s, a goal before a loose percentage', async () => {
    const r = await minutes(['compare', '--indicator', 'aktiveringsgrad', '--format', 'json', '--db', db]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => [x['municipality'], String(x['year']), x['kind'], x['goal_id'], String(x['value']), x['meeting_date']])).toEqual([
      ['Faxe', '2023', 'goal', 'g1', '38.5', '2024-02-20'],
      ['Skive', '2023', 'goal', 'A1', '41.2', '2024-03-12'],
    ]);
  });

  it('compare --wide: municipalities down, years across, the unit in its own column', async () => {
    const r = await minutes(['compare', '--indicator', 'aktiveringsgrad', '--wide', '--format', 'csv', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('municipality,municipality_code,indicator_id,unit,2023\r\nFaxe,320,aktiveringsgrad,percent,38.5\r\nSkive,779,aktiveringsgrad,percent,41.2\r\n');
    const out = join(dir, 'wide.csv');
    expect((await minutes(['compare', '--indicator', 'aktiveringsgrad', '--wide', '--format', 'csv', '--out', out, '--db', db])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  it('compare --all --indicator aktiveringsgrad prints every fact: value, target, status and source page', async () => {
    const r = await minutes(['compare', '--all', '--indicator', 'aktiveringsgrad', '--db', db]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^municipality\s+year\s+indicator\s+kind\s+value\s+national\s+target\s+status/);
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/).slice(0, 8))).toEqual([
      ['Faxe', '2023', 'aktiveringsgrad', 'goal g1', '38.5', '>= 35', 'met', '0.90'],
      ['Faxe', '2023', 'aktiveringsgrad', 'pct', '31', '0.90', expect.stringContaining('p.1') as unknown as string, '31,0 %'],
      ['Skive', '2023', 'aktiveringsgrad', 'goal A1', '39.5', '>= 45', 'in_progress', '0.90'],
      ['Skive', '2023', 'aktiveringsgrad', 'goal A1', '41.2', '>= 45', 'not_met', '0.90'],
    ]);
    expect(r.stdout).toContain('2024-03-12-status.pdf p.1');
  });

  it('goals --municipality in another spelling --year filters, and json has the documented keys', async () => {
    const r = await minutes(['goals', '--municipality', 'Skive Kommune', '--year', '2023', '--format', 'json', '--db', db]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ municipality: 'Skive', year: 2023, goals: 6, met: 2, not_met: 2, not_assessable: 1, withdrawn: 1, share_met: 0.4, derived: 1 });
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'municipality', 'municipality_code', 'year', 'goals', 'met', 'partly_met', 'not_met', 'in_progress', 'not_assessable',
      'withdrawn', 'unknown', 'share_met', 'share_met_of_assessed', 'documents', 'files', 'derived', 'repeated_in_files',
    ]);
  });

  it('export --out writes a UTF-8 CSV file (BOM only when asked) and says how many records', async () => {
    const out = join(dir, 'goals.csv');
    const r = await minutes(['export', '--what', 'goals', '--format', 'csv', '--out', out, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('9 goals records written');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('municipality,municipality_code,')).toBe(true);
    expect(text).toContain('Aktiveringsgraden for jobparate kontanthjælpsmodtagere skal mindst være 45 %.');
    const bom = join(dir, 'goals-bom.csv');
    await minutes(['export', '--what', 'goals', '--format', 'csv', '--bom', '--out', bom, '--db', db]);
    expect(readFileSync(bom, 'utf8').charCodeAt(0)).toBe(0xfeff);
  });

  it('indicators lists the whole taxonomy with counts', async () => {
    const r = await minutes(['indicators', '--format', 'json', '--db', db]);
    const rows = JSON.parse(r.stdout) as { id: string; total: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(26);
    expect(rows.find((x) => x.id === 'aktiveringsgrad')?.total).toBe(10);
  });

  it('reports a wrong indicator id or a missing database in one line, exit status 2', async () => {
    const wrong = await minutes(['compare', '--indicator', 'aktiveringsgrd', '--db', db]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^minutes: unknown indicator aktiveringsgrd; known: aktiveringsgrad, /);
    const missing = await minutes(['goals', '--db', join(dir, 'nope.db')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
  });

  // --- The same commands through DATABASE_URL on PostgreSQL: identical output.
  it('gives the same output on PostgreSQL (DATABASE_URL) as on SQLite, command for command', async (ctx) => {
    if (!postgresReachable) {
      if (postgresRequired) expect.fail(`PostgreSQL required but not reachable at ${serverLabel}: ${unreachableReason}`);
      console.warn(`[compare/cli] SKIPPED the SQLite = PostgreSQL CLI comparison: PostgreSQL not reachable (${unreachableReason}).`);
      ctx.skip();
      return;
    }
    const databaseName = testDatabaseName('minutes_compare_cli');
    const pgUrl = databaseUrl(databaseName);
    await adminQuery(`create database ${databaseName}`);
    try {
      await fillStore({ databaseUrl: pgUrl });
      for (const args of COMMANDS) {
        const [onSqlite, onPostgres] = await Promise.all([
          minutes([...args, '--db', db]),
          minutes([...args, '--db', join(dir, 'unused.db')], { DATABASE_URL: pgUrl }),
        ]);
        expect(onSqlite.code, args.join(' ')).toBe(0);
        expect(onPostgres.code, args.join(' ')).toBe(0);
        expect(onPostgres.stdout, args.join(' ')).toBe(onSqlite.stdout);
        expect(onSqlite.stdout.length).toBeGreaterThan(100);
      }
    } finally {
      await adminQuery(`drop database if exists ${databaseName} with (force)`);
    }
  });
});
