import { describe, expect, it } from 'vitest';
import { detailLines, summaryLine } from '../../src/cli/ingest-summary.js';
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
  it('lists failures with path, code and reason, and skips that need explaining, in order', () => {
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
      'skipped d.pdf  (failed before: damaged)',
      'skipped e.pdf  (same bytes as a.pdf)',
      'failed  mangler  io_error  cannot read mangler: ENOENT',
    ]);
  });
});
