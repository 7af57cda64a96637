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
import { addCorrection } from '../../src/store/corrections.js';
import { ALL_DOCUMENTS, faxeAgenda } from './documents.js';
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

describe.skipIf(!built)('corrections that no longer match after re-extraction (spawned)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-stale-cli-'));
  const db = join(dir, 'm.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compare, goals and export leave a stale correction out and name it on stderr, once; a correction still matching applies silently', async () => {
    await fillStore({ sqliteFile: db });
    const store = await openStore({ sqliteFile: db });
    let faxeGoal: { target_value: number | null; goal_ref: string };
    try {
      const goalOf = (municipality: string) =>
        store.db.selectFrom('goals as g').innerJoin('documents as d', 'd.id', 'g.document_id')
          .select(['d.sha256', 'g.goal_ref', 'g.page', 'g.start_offset', 'g.end_offset', 'g.snippet', 'g.target_value', 'g.status'])
          .where('d.municipality', '=', municipality).where('g.target_value', 'is not', null).orderBy('g.position').executeTakeFirstOrThrow();
      const faxe = await goalOf('Faxe');
      const skive = await goalOf('Skive');
      faxeGoal = faxe;
      for (const [g, value] of [[faxe, 51.5], [skive, 62.5]] as const) {
        await addCorrection(store.db, { sha256: g.sha256, kind: 'goal', item: 0, page: g.page, start: g.start_offset, end: g.end_offset, snippet: g.snippet, action: 'correct', oldValue: { value: g.target_value }, newValue: { value }, author: 'tester' });
      }
    } finally {
      await store.close();
    }
    const targets = async (args: string[]) => {
      const r = await minutes(['export', '--what', 'goals', '--format', 'jsonl', '--db', db, ...args]);
      expect(r.code, r.stderr).toBe(0);
      const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      return { stderr: r.stderr, faxe: rows.find((x) => x['municipality'] === 'Faxe' && x['goal_id'] === faxeGoal.goal_ref)?.['target_value'], skive: rows.filter((x) => x['municipality'] === 'Skive').map((x) => x['target_value']) };
    };
    const before = await targets([]);
    expect(before.faxe).toBe(51.5);
    expect(before.skive).toContain(62.5);
    expect(before.stderr).toBe('');

    // A newer extractor reads the Faxe goal one character shorter: its correction no longer finds it.
    const { doc, pages } = faxeAgenda();
    const reread = structuredClone(doc);
    reread.extractor.version = '0.0.1-test';
    const goal = reread.goals.find((g) => g.id === faxeGoal.goal_ref);
    if (!goal) throw new Error('the Faxe goal is missing from the fixture');
    goal.provenance = { ...goal.provenance, end: goal.provenance.end - 1, snippet: goal.provenance.snippet.slice(0, -1) };
    const again = await openStore({ sqliteFile: db });
    try {
      expect((await again.saveDocument(reread, pages)).action).toBe('replaced');
    } finally {
      await again.close();
    }

    const after = await targets([]);
    expect(after.faxe).toBe(faxeGoal.target_value); // not applied
    expect(after.skive).toContain(62.5); // still applied
    const line = /^minutes: correction \d+ not applied: the goal it corrects \(arkiv\/faxe\/2024-02-20 dagsorden\.pdf p\.\d+ ".+", by tester\) no longer reads the same after re-extraction; review it in `minutes serve` \(Rettelser\)$/;
    expect(after.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(after.stderr.trimEnd()).toMatch(line);
    for (const args of [['compare', '--indicator', 'aktiveringsgrad', '--format', 'json'], ['compare', '--format', 'csv'], ['goals', '--format', 'csv']]) {
      const r = await minutes([...args, '--db', db]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr.trimEnd(), args.join(' ')).toMatch(line);
    }
    // Nothing to report when corrections are not asked for, or for municipalities the stale one is not about.
    expect((await targets(['--as-extracted'])).stderr).toBe('');
    expect((await minutes(['compare', '--municipality', 'Skive', '--format', 'csv', '--db', db])).stderr).toBe('');
  });
});
