// Hostile PDFs (fixtures/faults) in one batch with good documents, through the real CLI:
// each hostile file fails with its code in one line, the others are stored exactly as in
// a run without the hostile ones, the whole process tree stays within its memory bound,
// and no process outlives the run. On SQLite, and on PostgreSQL when reachable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePostgres } from '../support/postgres.js';
import { reportLines } from '../cli/run-cli.js';
import { isAlive } from './support/process-tree.js';
import { runWatched, type WatchedRun } from './support/run-watched.js';
import { storeSnapshot, type StoreSnapshot } from './support/store-snapshot.js';
import { EXPECTED_FAILURES, GOOD_COUNT, LATIN1_SHOWN, MAIN_PROCESS_BUDGET_MB, TEST_MEMORY_LIMIT_MB, writeHostileFolders } from './support/hostile-folder.js';

const CONCURRENCY = 2;
const ingestArgs = (input: string, out: string, db: string): string[] =>
  ['ingest', input, '--out', out, '--db', db, '--ocr', 'never', '--concurrency', String(CONCURRENCY), '--memory-limit', String(TEST_MEMORY_LIMIT_MB)];

let dir: string;
let folders: { hostile: string; clean: string };
let clean: StoreSnapshot;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'minutes-faults-'));
  folders = await writeHostileFolders(dir);
  const run = await runWatched(ingestArgs(folders.clean, join(dir, 'clean-json'), join(dir, 'clean.db')), { DATABASE_URL: '' });
  expect(run.code, run.stderr).toBe(0);
  clean = await storeSnapshot({ sqliteFile: join(dir, 'clean.db') });
  expect(clean.rows.filter((r) => r.status === 'ok')).toHaveLength(GOOD_COUNT);
  expect(clean.rows.map((r) => r.file)).toContain(LATIN1_SHOWN);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The assertions every store gets after the hostile batch. */
function expectContained(run: WatchedRun, snapshot: StoreSnapshot): void {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  const lines = reportLines(run.stdout);
  expect(lines[0]).toMatch(new RegExp(`^ok ${GOOD_COUNT} · failed ${Object.keys(EXPECTED_FAILURES).length} · skipped 0 `));
  // One line per hostile file, naming it and its code; nothing else (no stack, no second line).
  const failedLines = lines.slice(1);
  expect(failedLines).toHaveLength(Object.keys(EXPECTED_FAILURES).length);
  for (const [name, code] of Object.entries(EXPECTED_FAILURES)) {
    expect(failedLines.filter((l) => l.startsWith(`failed  ${join(folders.hostile, name)}  ${code}  `)), name).toHaveLength(1);
  }
  // The bomb was stopped by the memory limit, not by luck.
  expect(run.stdout).toMatch(new RegExp(`decompression-bomb\\.pdf  too_large  .*memory limit of ${TEST_MEMORY_LIMIT_MB} MB`));
  expect(run.peakRssMb).toBeLessThan(CONCURRENCY * TEST_MEMORY_LIMIT_MB + MAIN_PROCESS_BUDGET_MB);
  expect(run.pids.filter(isAlive)).toEqual([]);
  // The good documents are stored exactly as without the hostile ones; each hostile one has its failed row.
  expect(snapshot.rows.filter((r) => r.status === 'ok')).toEqual(clean.rows);
  expect(snapshot.documents).toEqual(clean.documents);
  const failed = Object.fromEntries(snapshot.rows.filter((r) => r.status === 'failed').map((r) => [r.file, r.code]));
  expect(failed).toEqual(EXPECTED_FAILURES);
}

describe('hostile PDFs in an ingest batch (SQLite)', () => {
  it('each fails with its code in one line; the rest is stored as in a clean run; memory bounded; no process left', { timeout: 120_000 }, async () => {
    const db = join(dir, 'hostile.db');
    const run = await runWatched(ingestArgs(folders.hostile, join(dir, 'hostile-json'), db), { DATABASE_URL: '' });
    expectContained(run, await storeSnapshot({ sqliteFile: db }));
  });
});

describePostgres('hostile PDFs in an ingest batch', 'minutes_faults', (database) => {
  it('the same on PostgreSQL', { timeout: 120_000 }, async () => {
    const run = await runWatched(ingestArgs(folders.hostile, join(dir, 'pg-json'), join(dir, 'unused.db')), { DATABASE_URL: database.url });
    expectContained(run, await storeSnapshot({ databaseUrl: database.url }));
  });
});
