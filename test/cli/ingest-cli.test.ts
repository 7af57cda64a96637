// `minutes ingest` end to end, spawned as a process: JSON files, the SQLite store,
// the summary and exit codes, bad files, a second run that changes nothing.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCompareRows } from '../../src/compare/stored-rows.js';
import { findProvenanceMismatches } from '../../src/pipeline/index.js';
import { openStore } from '../../src/store/index.js';
import { ExtractedDocument } from '../../src/schema/contract.js';
import { fixturePdfs, hasSharedCorpus, repoRoot, sharedCorpusDir, sharedCorpusPdfs, warnSkipped } from '../pdf/corpus.js';
import { linesPage, makePdf } from '../pdf/make-pdf.js';
import { assertBuilt, mainJs, runCli, snapshotDb, summaryOf } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readDoc = (file: string): ExtractedDocument => ExtractedDocument.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('minutes ingest (spawned)', () => {
  const input = join(dir, 'arkiv');
  const out = join(dir, 'out', 'json');
  const db = join(dir, 'out', 'minutes.db');
  const badNames = ['tom.pdf', 'tilfaeldige-bytes.pdf', 'fejlside.pdf', 'afkortet.pdf', 'laast.pdf'];
  let goodCount = 0;

  beforeAll(async () => {
    assertBuilt();
    mkdirSync(join(input, 'bad'), { recursive: true });
    const make = (title: string, pages: number) =>
      makePdf({ pages: Array.from({ length: pages }, (_, i) => linesPage([`${title}`, `Punkt ${i + 1}: Orientering`, `Udgiften er 1.200 kr. pr. borger, ${i + 10} % mere end sidste år.`])) });
    writeFileSync(join(input, 'referat-2024-05-14.pdf'), await make('Referat Beskæftigelsesudvalget', 3));
    writeFileSync(join(input, 'Dagsorden 2024-06-11.PDF'), await make('Dagsorden Beskæftigelsesudvalget', 2));
    goodCount = 2;
    for (const fixture of fixturePdfs()) {
      copyFileSync(fixture, join(input, basename(fixture)));
      goodCount += 1;
    }
    const good = await make('Referat', 2);
    writeFileSync(join(input, 'bad', 'tom.pdf'), '');
    writeFileSync(join(input, 'bad', 'tilfaeldige-bytes.pdf'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 251)));
    writeFileSync(join(input, 'bad', 'fejlside.pdf'), '<!DOCTYPE html><html><head><title>Fejl</title></head><body>Siden findes ikke</body></html>');
    writeFileSync(join(input, 'bad', 'afkortet.pdf'), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(join(input, 'bad', 'laast.pdf'), await makePdf({ pages: [linesPage(['Lukket punkt'])], userPassword: 'kode' }));
  });

  it('writes one valid JSON per good PDF, fills the database, and reports each bad file', () => {
    const run = runCli(['ingest', input, '--out', out, '--db', db, '--concurrency', '2']);
    expect(run.status).toBe(0);
    const summary = summaryOf(run.stdout);
    expect(summary).toMatchObject({ ok: goodCount, failed: badNames.length, skipped: 0 });
    expect(summary.pages).toBeGreaterThanOrEqual(5);
    const failures = Object.fromEntries(
      run.stdout
        .split('\n')
        .filter((l) => l.startsWith('failed '))
        .map((l) => {
          const [, path, code, reason] = /^failed +(.+?) {2}(\S+) {2}(.+)$/.exec(l) ?? [];
          return [basename(path ?? ''), { code, reason }];
        }),
    );
    expect(Object.keys(failures).sort()).toEqual([...badNames].sort());
    expect(failures['tom.pdf']?.code).toBe('empty');
    expect(failures['tilfaeldige-bytes.pdf']?.code).toBe('not_pdf');
    expect(failures['fejlside.pdf']).toMatchObject({ code: 'not_pdf', reason: expect.stringMatching(/HTML/) });
    expect(failures['afkortet.pdf']?.code).toBe('damaged');
    expect(failures['laast.pdf']).toMatchObject({ code: 'encrypted', reason: expect.stringMatching(/password/) });

    const files = readdirSync(out).sort();
    expect(files).toHaveLength(goodCount);
    expect(files).toContain('referat-2024-05-14.json');
    expect(files).toContain('Dagsorden 2024-06-11.json');
    for (const file of files) {
      const doc = readDoc(join(out, file));
      expect(doc.pages).toBeUndefined();
      expect(doc.source.path.startsWith(input)).toBe(true);
    }

    const rows = snapshotDb(db);
    const documents = rows['documents'] as { status: string; error_code: string | null }[];
    expect(documents.filter((d) => d.status === 'ok')).toHaveLength(goodCount);
    expect(documents.filter((d) => d.status === 'failed').map((d) => d.error_code).sort()).toEqual(['damaged', 'empty', 'encrypted', 'not_pdf', 'not_pdf']);
    expect((rows['pages'] ?? []).length).toBe(summary.pages);
    // no progress bar on a pipe
    expect(run.stderr).not.toMatch(/ingest \[/);
  });

  it('leaves every stored document with its comparison rows, as a rebuild from scratch gives them', async () => {
    const rows = snapshotDb(db);
    expect(rows['compare_row_state']).toHaveLength(goodCount);
    expect((rows['compare_rows'] ?? []).length).toBeGreaterThan(0);
    const copy = join(dir, 'rebuilt.db');
    copyFileSync(db, copy);
    const store = await openStore({ sqliteFile: copy });
    try {
      await store.db.deleteFrom('compare_rows').execute();
      await store.db.deleteFrom('compare_row_state').execute();
      expect(await refreshCompareRows(store.db)).toBe(goodCount);
    } finally {
      await store.close();
    }
    const byDocument = (r: Record<string, unknown[]>) => (r['compare_rows'] as { document_id: number; position: number }[]).sort((a, b) => a.document_id - b.document_id || a.position - b.position);
    expect(byDocument(snapshotDb(copy))).toEqual(byDocument(rows));
  });

  it('a second run stores nothing new and reports every file as skipped', () => {
    const before = snapshotDb(db);
    const run = runCli(['ingest', input, '--out', out, '--db', db]);
    expect(run.status).toBe(0);
    expect(summaryOf(run.stdout)).toEqual({ ok: 0, failed: 0, skipped: goodCount + badNames.length, pages: 0 });
    // Each was listed by name in the run it failed in; now they are counted in one line.
    expect(run.stdout).toMatch(/^skipped 5 files that failed before \(not_pdf 2, damaged 1, empty 1, encrypted 1\): --retry-failed reads them again$/m);
    expect(run.stdout).not.toMatch(/tom\.pdf|laast\.pdf/);
    expect(snapshotDb(db)).toEqual(before);
  });

  it('a batch with new bad files changes nothing stored before', async () => {
    const before = snapshotDb(db);
    const more = join(dir, 'mere');
    mkdirSync(more, { recursive: true });
    writeFileSync(join(more, 'ny-fejl.pdf'), '%PDF-1.7\n% kun et hoved, intet indhold\n');
    writeFileSync(join(more, 'nyt-referat.pdf'), await makePdf({ pages: [linesPage(['Referat', 'Punkt 9: Nyt punkt'])] }));
    const run = runCli(['ingest', input, more, '--out', out, '--db', db]);
    expect(run.status).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ ok: 1, failed: 1, skipped: goodCount + badNames.length });
    const after = snapshotDb(db);
    for (const [table, rows] of Object.entries(before)) {
      for (const row of rows) expect(after[table], `${table} lost or changed a row`).toContainEqual(row);
    }
  });

  it('--strict exits 1 when a file failed, 0 when none did', () => {
    const strictDb = join(dir, 'strict.db');
    const failing = runCli(['ingest', join(input, 'bad', 'tom.pdf'), join(input, 'referat-2024-05-14.pdf'), '--out', join(dir, 'strict'), '--db', strictDb, '--strict']);
    expect(failing.status).toBe(1);
    expect(summaryOf(failing.stdout)).toMatchObject({ ok: 1, failed: 1 });
    const passing = runCli(['ingest', join(input, 'Dagsorden 2024-06-11.PDF'), '--out', join(dir, 'strict'), '--db', strictDb, '--strict']);
    expect(passing.status).toBe(0);
  });

  it('refuses a bad --concurrency with a usage error', () => {
    const run = runCli(['ingest', input, '--concurrency', '0', '--out', join(dir, 'x'), '--db', join(dir, 'x.db')]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/concurrency/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('exits 4 (io_error) with a reason when the database cannot be opened, and reads nothing', () => {
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'a file where a folder should be');
    const run = runCli(['ingest', input, '--out', join(dir, 'never'), '--db', join(blocker, 'minutes.db')]);
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/^minutes: cannot open the database .*blocker.* \(io_error\)\n$/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  if (!hasScript) warnSkipped('the progress bar on a terminal', '`script` (util-linux) is not installed to provide a pseudo-terminal');
  it.skipIf(!hasScript)('draws a progress bar when standard error is a terminal', () => {
    const command = [process.execPath, mainJs, 'ingest', join(input, 'referat-2024-05-14.pdf'), '--out', join(dir, 'tty'), '--db', join(dir, 'tty.db')]
      .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
      .join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' }, timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ingest \[[█░]+\] 1\/1 files · ok 1/);
    expect(run.stdout).toMatch(/ok 1 · failed 0 · skipped 0 · pages 3/);
  });

  it('uses output/json and output/minutes.db under the working directory by default', () => {
    const cwd = join(dir, 'defaults');
    mkdirSync(cwd, { recursive: true });
    const run = runCli(['ingest', join(input, 'referat-2024-05-14.pdf')], { cwd });
    expect(run.status).toBe(0);
    expect(readdirSync(join(cwd, 'output', 'json'))).toEqual(['referat-2024-05-14.json']);
    expect(existsSync(join(cwd, 'output', 'minutes.db'))).toBe(true);
  });
});

if (!hasSharedCorpus) warnSkipped('minutes ingest ../shared/corpus', '../shared is not present beside the project');
describe.skipIf(!hasSharedCorpus)('minutes ingest ../shared/corpus --with-text (spawned)', () => {
  // OCR off: its own suites read the image-only pages; here every other page is traced.
  it('processes every PDF there without a failure, and every value traces back to its page text', () => {
    assertBuilt();
    const out = join(dir, 'shared-json');
    const run = runCli(['ingest', sharedCorpusDir, '--out', out, '--db', join(dir, 'shared.db'), '--with-text', '--strict', '--ocr', 'never']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const pdfs = sharedCorpusPdfs();
    expect(summaryOf(run.stdout)).toMatchObject({ ok: pdfs.length, failed: 0, skipped: 0 });
    const files = readdirSync(out).sort();
    expect(files).toEqual(pdfs.map((p) => `${basename(p, '.pdf')}.json`).sort());
    let values = 0;
    for (const file of files) {
      const doc = readDoc(join(out, file));
      expect(doc.pages?.length).toBe(doc.source.pages);
      expect(findProvenanceMismatches(doc, doc.pages ?? [])).toEqual([]);
      values += JSON.stringify(doc).split('"provenance"').length - 1;
    }
    console.info(`provenance checked on ${values} values in ${files.length} documents`);
  });
});

describe('minutes ingest fixtures (spawned)', () => {
  const fixtures = fixturePdfs();
  if (fixtures.length === 0) warnSkipped('minutes ingest fixtures', 'no fixture PDFs yet');
  it.skipIf(fixtures.length === 0)('ingests every fixture PDF, with traceable values', () => {
    assertBuilt();
    const out = join(dir, 'fixtures-json');
    const run = runCli(['ingest', join(repoRoot, 'fixtures'), '--out', out, '--db', join(dir, 'fixtures.db'), '--with-text']);
    expect(run.status).toBe(0);
    const pdfsIn = (sub: string): number => readdirSync(join(repoRoot, 'fixtures', sub)).filter((f) => /\.pdf$/i.test(f)).length;
    // The scanned fixtures (read by OCR) are documents too; the bad ones fail.
    expect(summaryOf(run.stdout)).toMatchObject({ ok: fixtures.length + pdfsIn('scanned'), failed: pdfsIn('bad') });
    for (const file of readdirSync(out)) {
      const doc = readDoc(join(out, file));
      expect(findProvenanceMismatches(doc, doc.pages ?? [])).toEqual([]);
    }
  });
});
