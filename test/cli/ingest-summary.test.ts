import { describe, expect, it } from 'vitest';
import { detailLines, outputLines, summaryLine } from '../../src/cli/ingest-summary.js';
import type { FileResult } from '../../src/pipeline/index.js';
import { SUMMARY } from './run-cli.js';

const sha = 'd'.repeat(64);

describe('summaryLine', () => {
  it('prints counts, pages, seconds and pages per second on one line', () => {
    const line = summaryLine({ ok: 3, failed: 1, skipped: 2, pages: 45, seconds: 1.5 });
    expect(line).toBe('ok 3 · failed 1 · skipped 2 · pages 45 · 1.5 s · 30.0 pages/s');
    expect(line).toMatch(SUMMARY);
  });

  it('does not divide by zero', () => {
    expect(summaryLine({ ok: 0, failed: 0, skipped: 0, pages: 0, seconds: 0 })).toBe('ok 0 · failed 0 · skipped 0 · pages 0 · 0.0 s · 0.0 pages/s');
  });
});

describe('detailLines', () => {
  it('lists failures with path, code and reason and duplicates in order, then the files that failed before in one line', () => {
    const results: FileResult[] = [
      { status: 'ok', path: 'a.pdf', sha256: sha, pages: 3, jsonFile: 'out/a.json', action: 'inserted' },
      { status: 'failed', path: 'b.pdf', sha256: sha, code: 'encrypted', message: 'the PDF is encrypted\nand needs a password', stage: 'parse' },
      { status: 'skipped', path: 'c.pdf', sha256: sha, reason: 'stored', previousCode: null, duplicateOf: null, jsonFile: null },
      { status: 'skipped', path: 'd.pdf', sha256: sha, reason: 'failed_before', previousCode: 'damaged', duplicateOf: null, jsonFile: null },
      { status: 'skipped', path: 'e.pdf', sha256: sha, reason: 'duplicate', previousCode: null, duplicateOf: 'a.pdf', jsonFile: 'out/e.json' },
      { status: 'failed', path: 'mangler', sha256: null, code: 'io_error', message: 'cannot read mangler: ENOENT', stage: 'find' },
    ];
    expect(detailLines(results)).toEqual([
      'failed  b.pdf  encrypted  the PDF is encrypted and needs a password',
      'skipped e.pdf  (same bytes as a.pdf)',
      'failed  mangler  io_error  cannot read mangler: ENOENT',
      'skipped 1 file that failed before (damaged 1): --retry-failed reads them again',
    ]);
  });
});

describe('outputLines', () => {
  const ok: FileResult = { status: 'ok', path: 'a.pdf', sha256: sha, pages: 3, jsonFile: 'out/a.json', action: 'inserted' };
  const failedBefore: FileResult = { status: 'skipped', path: 'd.pdf', sha256: sha, reason: 'failed_before', previousCode: 'damaged', duplicateOf: null, jsonFile: null };

  it('names the JSON folder and the SQLite file, and gives the next commands with --db, quoted for the shell', () => {
    const lines = outputLines([ok, failedBefore], { outDir: 'my json', sqliteFile: 'out/m.db', dbFlag: true, command: 'minutes' });
    expect(lines.slice(0, 2)).toEqual(["json      'my json'  (1 file written in this run)", 'database  out/m.db (SQLite)']);
    expect(lines).toContain('next      minutes goals --db out/m.db   # goal attainment per municipality and plan year');
    expect(lines).toContain('next      minutes export --what documents --status failed --db out/m.db   # the files that failed, with code and reason');
  });

  it('with DATABASE_URL: the masked URL, no --db, and no reading commands when nothing was stored', () => {
    const lines = outputLines([failedBefore], { outDir: 'out', postgresUrl: 'postgres://u:***@h/db', dbFlag: false, command: 'node dist/cli/main.js' });
    expect(lines).toEqual([
      'json      out  (0 files written in this run)',
      'database  postgres://u:***@h/db (PostgreSQL, DATABASE_URL)',
      'next      node dist/cli/main.js export --what documents --status failed   # the files that failed, with code and reason',
    ]);
  });
});
