// `minutes ingest` run again over files it has seen: --retry-failed reads only the files
// that failed before, --force reads every file again, --with-text rewrites a stored
// document's JSON that lacks the page texts. Real fixture PDFs, spawned as a user runs
// them, against SQLite and (when reachable) PostgreSQL: the store never holds a PDF twice.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type DatabaseLocation } from '../../src/store/index.js';
import { DOCUMENT_CHILD_TABLES } from '../../src/store/schema.js';
import { repoRoot } from '../pdf/corpus.js';
import { describePostgres } from '../support/postgres.js';
import { assertBuilt, reportLines, runCli, summaryOf } from './run-cli.js';

const GOOD = ['viborg-referat.pdf', 'syddjurs-warnings.pdf', 'holdout2-svendborg-notat.pdf'];
const BAD = 'truncated.pdf';

const dir = mkdtempSync(join(tmpdir(), 'minutes-reread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface DocumentRow {
  id: number;
  sha256: string;
  status: string;
  error_code: string | null;
  updated_at: string;
}

interface StoreState {
  documents: DocumentRow[];
  /** Rows per table: documents, paths, pages and every fact table. */
  counts: Record<string, number>;
}

async function storeState(location: DatabaseLocation): Promise<StoreState> {
  const store = await openStore({ ...location, migrate: false });
  try {
    const documents = (await store.db
      .selectFrom('documents')
      .select(['id', 'sha256', 'status', 'error_code', 'updated_at'])
      .orderBy('id')
      .execute()) as DocumentRow[];
    const counts: Record<string, number> = {};
    for (const table of ['documents', 'document_paths', ...DOCUMENT_CHILD_TABLES] as const) {
      const row = await store.db.selectFrom(table).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return { documents, counts };
  } finally {
    await store.close();
  }
}

const fileLines = (stdout: string): string[] => reportLines(stdout).slice(1);

function rereadSuite(name: string, location: () => DatabaseLocation, env: () => Record<string, string | undefined>): void {
  const input = join(dir, name, 'arkiv');
  const out = join(dir, name, 'json');
  const sqliteFile = join(dir, name, 'minutes.db');
  const ingest = (...flags: string[]) => runCli(['ingest', input, '--out', out, '--db', sqliteFile, '--concurrency', '2', ...flags], { env: env() });
  const jsonFiles = (): string[] => readdirSync(out).sort();
  const readJson = (file: string): { pages?: unknown[]; source: { sha256: string } } => JSON.parse(readFileSync(join(out, file), 'utf8')) as never;

  beforeAll(() => {
    assertBuilt();
    mkdirSync(input, { recursive: true });
    for (const file of GOOD) copyFileSync(join(repoRoot, 'fixtures', file), join(input, file));
    copyFileSync(join(repoRoot, 'fixtures', 'bad', BAD), join(input, BAD));
  });

  it('a first run whose memory limit is too small fails every file (too_large); a plain re-run lists them in one line', () => {
    const first = ingest('--memory-limit', '1');
    expect(first.status, first.stderr).toBe(0);
    expect(summaryOf(first.stdout)).toMatchObject({ ok: 0, failed: 4 });
    expect(fileLines(first.stdout).filter((l) => /^failed {2}\S+ {2}too_large {2}/.test(l))).toHaveLength(4);

    const again = ingest('--strict');
    expect(again.status).toBe(1);
    expect(summaryOf(again.stdout)).toEqual({ ok: 0, failed: 0, skipped: 4, pages: 0 });
    // Listed by name when they failed; now counted in one line, not once more per file.
    expect(fileLines(again.stdout)).toEqual(['skipped 4 files that failed before (too_large 4): --retry-failed reads them again']);
    expect(again.stdout).toMatch(/^next .* export --what documents --status failed\b/m);
  });

  it('--retry-failed reads those files again: the good ones are stored, the damaged one fails with its own code, nothing twice', async () => {
    const before = await storeState(location());
    const run = ingest('--retry-failed', '--strict');
    expect(run.status, run.stderr).toBe(1);
    expect(summaryOf(run.stdout)).toMatchObject({ ok: GOOD.length, failed: 1, skipped: 0 });
    expect(fileLines(run.stdout)).toEqual([expect.stringMatching(new RegExp(`^failed  \\S+${BAD}  damaged  `))]);
    const after = await storeState(location());
    expect(after.documents.map((d) => d.id)).toEqual(before.documents.map((d) => d.id));
    expect(new Set(after.documents.map((d) => d.sha256)).size).toBe(after.documents.length);
    expect(after.documents.map((d) => [d.status, d.error_code]).sort()).toEqual([...GOOD.map(() => ['ok', null]), ['failed', 'damaged']].sort());
    expect(after.counts['pages']).toBeGreaterThan(0);
    expect(jsonFiles()).toEqual(GOOD.map((f) => `${basename(f, '.pdf')}.json`).sort());

    // Stored ok now: a second --retry-failed reads only the damaged file.
    const second = ingest('--retry-failed');
    expect(summaryOf(second.stdout)).toMatchObject({ ok: 0, failed: 1, skipped: GOOD.length });
    expect((await storeState(location())).counts).toEqual(after.counts);
  });

  it('--with-text on a re-run writes the page texts into JSON that lacks them, from the store; once there, it leaves them', () => {
    expect(readJson(jsonFiles()[0] ?? '').pages).toBeUndefined();
    const run = ingest('--with-text');
    expect(summaryOf(run.stdout)).toMatchObject({ ok: 0, skipped: GOOD.length + 1 });
    expect(run.stdout).toMatch(new RegExp(`^json {6}\\S+  \\(${GOOD.length} files written in this run\\)$`, 'm'));
    for (const file of jsonFiles()) expect(readJson(file).pages?.length, file).toBeGreaterThan(0);
    const again = ingest('--with-text');
    expect(again.stdout).toMatch(/^json {6}\S+ {2}\(0 files written in this run\)$/m);
  });

  it('--force reads every file again and replaces each stored document in place: same rows, same ids, same JSON files', async () => {
    const before = await storeState(location());
    const run = ingest('--force', '--with-text');
    expect(run.status, run.stderr).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ ok: GOOD.length, failed: 1, skipped: 0 });
    const after = await storeState(location());
    expect(after.counts).toEqual(before.counts);
    expect(after.documents.map((d) => [d.id, d.sha256, d.status])).toEqual(before.documents.map((d) => [d.id, d.sha256, d.status]));
    // Rewritten, not left unchanged.
    const stamp = (s: StoreState) => Object.fromEntries(s.documents.filter((d) => d.status === 'ok').map((d) => [d.id, d.updated_at]));
    for (const [id, at] of Object.entries(stamp(after))) expect(at > (stamp(before)[id] ?? ''), `document ${id} rewritten`).toBe(true);
    expect(jsonFiles()).toEqual(GOOD.map((f) => `${basename(f, '.pdf')}.json`).sort());
    for (const file of jsonFiles()) expect(readJson(file).pages?.length, file).toBeGreaterThan(0);
  });
}

describe('ingest --retry-failed / --force / --with-text on a re-run (SQLite, spawned)', () => {
  rereadSuite('sqlite', () => ({ sqliteFile: join(dir, 'sqlite', 'minutes.db') }), () => ({}));

  it('the summary says where the output went and what to run next, with --db so the commands run as printed', () => {
    const run = runCli(['ingest', join(dir, 'sqlite', 'arkiv', GOOD[0] ?? ''), '--out', join(dir, 'sqlite', 'json'), '--db', join(dir, 'sqlite', 'minutes.db')]);
    const tail = run.stdout.split('\n\n')[1]?.trimEnd().split('\n') ?? [];
    expect(tail[0]).toBe(`json      ${join(dir, 'sqlite', 'json')}  (0 files written in this run)`);
    expect(tail[1]).toBe(`database  ${join(dir, 'sqlite', 'minutes.db')} (SQLite)`);
    const goals = tail.find((l) => l.startsWith('next') && l.includes(' goals '));
    expect(goals).toBeDefined();
    // The printed command, run as it is, answers.
    const command = /^next {6}node (\S+) (goals --db \S+)/.exec(goals ?? '');
    expect(command).not.toBeNull();
    const next = runCli((command?.[2] ?? '').split(' '), { script: join(repoRoot, command?.[1] ?? '') });
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toBe('');
    expect(next.stdout.length).toBeGreaterThan(0);
  });
});

describePostgres('ingest --retry-failed / --force / --with-text on a re-run', 'minutes_reread', (database) => {
  rereadSuite('postgres', () => ({ databaseUrl: database.url }), () => ({ DATABASE_URL: database.url }));
});
