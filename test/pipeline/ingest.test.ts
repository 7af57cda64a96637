// ingestPaths with a real SQLite store: good and bad files in one batch, the
// store and JSON folder afterwards, a second run that changes nothing, name clashes.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths, type FileResult } from '../../src/pipeline/index.js';
import { ExtractedDocument } from '../../src/schema/contract.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { EXTRACTOR } from '../../src/version.js';
import { linesPage, makePdf } from '../pdf/make-pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-ingest-'));
const input = join(dir, 'arkiv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withStore<T>(file: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ sqliteFile: file });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const byPath = (results: FileResult[]): Record<string, FileResult> => Object.fromEntries(results.map((r) => [r.path.slice(input.length + 1), r]));

describe('ingestPaths', () => {
  beforeAll(async () => {
    mkdirSync(join(input, 'odder'), { recursive: true });
    mkdirSync(join(input, 'viborg'), { recursive: true });
    const referat = (municipality: string, pages: number) =>
      makePdf({
        pages: Array.from({ length: pages }, (_, i) =>
          linesPage([`${municipality} Kommune`, 'Referat', `Punkt ${i + 1}: Opfølgning`, `Ledigheden var ${i + 2},5 % i perioden.`]),
        ),
      });
    writeFileSync(join(input, 'odder', 'referat.pdf'), await referat('Odder', 2));
    writeFileSync(join(input, 'viborg', 'referat.pdf'), await referat('Viborg', 3));
    writeFileSync(join(input, 'viborg', 'DAGSORDEN.PDF'), await referat('Viborg', 1));
    copyFileSync(join(input, 'odder', 'referat.pdf'), join(input, 'odder', 'kopi.pdf'));
    writeFileSync(join(input, 'tom.pdf'), '');
    writeFileSync(join(input, 'fejlside.pdf'), '<!doctype html><html><body>Ingen adgang</body></html>');
  });

  it('stores the good files, reports each bad one with its code, and goes on', async () => {
    const out = join(dir, 'json');
    const seen: FileResult[] = [];
    const report = await withStore(join(dir, 'a.db'), (store) =>
      ingestPaths([input], store, { outDir: out, concurrency: 2, onResult: (r) => seen.push(r) }),
    );
    const r = byPath(report.results);
    expect(seen).toHaveLength(6);
    expect([report.ok, report.failed, report.skipped]).toEqual([3, 2, 1]);
    expect(report.seconds).toBeGreaterThan(0);
    expect(report.pages).toBe(6);
    expect(r['tom.pdf']).toMatchObject({ status: 'failed', code: 'empty', stage: 'parse' });
    expect(r['fejlside.pdf']).toMatchObject({ status: 'failed', code: 'not_pdf' });
    // kopi.pdf has the bytes of odder/referat.pdf: parsed once, and both get their JSON
    expect(r['odder/kopi.pdf']).toMatchObject({ status: 'ok' });
    expect(r['odder/referat.pdf']).toMatchObject({ status: 'skipped', reason: 'duplicate', duplicateOf: join(input, 'odder', 'kopi.pdf') });

    // the two referat.pdf: the first in path order keeps the plain name, the other gets -<sha8>
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(4);
    expect(names).toEqual(expect.arrayContaining(['DAGSORDEN.json', 'kopi.json', 'referat.json']));
    const suffixed = names.find((n) => /^referat-[0-9a-f]{8}\.json$/.test(n));
    expect(suffixed?.slice(8, 16)).toBe(r['viborg/referat.pdf']?.sha256?.slice(0, 8));
    expect(JSON.parse(readFileSync(join(out, 'referat.json'), 'utf8')).source.path).toBe(join(input, 'odder', 'referat.pdf'));
    for (const name of names) {
      const doc = ExtractedDocument.parse(JSON.parse(readFileSync(join(out, name), 'utf8')));
      expect(doc.pages).toBeUndefined();
      expect(doc.extractor.version).toBe(EXTRACTOR.version);
    }

    await withStore(join(dir, 'a.db'), async (store) => {
      const ok = await store.listDocuments({ status: 'ok' });
      const failed = await store.listDocuments({ status: 'failed' });
      expect(ok).toHaveLength(3);
      expect(failed.map((f) => f.errorCode).sort()).toEqual(['empty', 'not_pdf']);
      // parsed pages are cached for reprocessing
      const first = ok[0];
      expect((await store.loadParsed(first?.sha256 ?? ''))?.pages.length).toBeGreaterThan(0);
    });
  });

  it('on a second run skips everything (saying which failed before) and changes nothing', async () => {
    const db = join(dir, 'a.db');
    const before = await withStore(db, async (store) => [...(await store.listDocuments())].sort((a, b) => a.id - b.id));
    const report = await withStore(db, (store) => ingestPaths([input], store, { outDir: join(dir, 'json'), concurrency: 2 }));
    expect([report.ok, report.failed, report.skipped, report.pages]).toEqual([0, 0, 6, 0]);
    const r = byPath(report.results);
    expect(r['tom.pdf']).toMatchObject({ status: 'skipped', reason: 'failed_before', previousCode: 'empty' });
    expect(r['fejlside.pdf']).toMatchObject({ status: 'skipped', reason: 'failed_before', previousCode: 'not_pdf' });
    expect(r['viborg/DAGSORDEN.PDF']).toMatchObject({ status: 'skipped', reason: 'stored', jsonFile: null });
    const after = await withStore(db, async (store) => [...(await store.listDocuments())].sort((a, b) => a.id - b.id));
    expect(after).toEqual(before);
  });

  it('writes a missing JSON from the store without parsing again', async () => {
    const out = join(dir, 'json-again');
    const report = await withStore(join(dir, 'a.db'), (store) => ingestPaths([join(input, 'viborg')], store, { outDir: out, withText: true }));
    expect(report.skipped).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['DAGSORDEN.json', 'referat.json']);
    const doc = ExtractedDocument.parse(JSON.parse(readFileSync(join(out, 'referat.json'), 'utf8')));
    expect(doc.source.path).toBe(join(input, 'viborg', 'referat.pdf'));
    expect(doc.pages?.length).toBe(3);
  });

  it('refuses a file over the byte limit as too_large without keeping its bytes, and records the failure', async () => {
    const db = join(dir, 'c.db');
    const file = join(input, 'viborg', 'referat.pdf');
    const report = await withStore(db, (store) => ingestPaths([file], store, { outDir: join(dir, 'json-c'), parse: { maxBytes: 1000 } }));
    expect(report.results).toEqual([
      expect.objectContaining({ status: 'failed', code: 'too_large', stage: 'parse', message: expect.stringMatching(/limit of 1000/) }),
    ]);
    await withStore(db, async (store) => {
      const stored = await store.findBySha256(report.results[0]?.sha256 ?? '');
      expect(stored).toMatchObject({ status: 'failed', errorCode: 'too_large' });
    });
  });

  it('reports a path that does not exist as failed (io_error) and still ingests the rest', async () => {
    const report = await withStore(join(dir, 'b.db'), (store) =>
      ingestPaths([join(dir, 'findes-ikke'), join(input, 'viborg', 'DAGSORDEN.PDF')], store, { outDir: join(dir, 'json-b') }),
    );
    expect(report.results.map((r) => [r.status, r.status === 'failed' ? r.code : null])).toEqual([
      ['failed', 'io_error'],
      ['ok', null],
    ]);
  });
});
