// The comparison rows the store keeps per document (compare_rows) against `minutes
// compare` computed from the facts: the same rows for every indicator, the same counts,
// and only what changed rebuilt (a document stored again, a correction), on SQLite and
// PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIndicators, INDICATORS } from '../../src/compare/index.js';
import { onePerCell } from '../../src/compare/one-per-cell.js';
import { refreshCompareRows, storedCompareCounts, storedCompareRows } from '../../src/compare/stored-rows.js';
import { addCorrection } from '../../src/store/corrections.js';
import { openStore, type KyselyStore } from '../../src/store/index.js';
import { describePostgres } from '../support/postgres.js';
import { ALL_DOCUMENTS, skiveLate } from './documents.js';

function storedRowsSuite(label: string, open: () => Promise<KyselyStore>): void {
  describe(`stored comparison rows (${label})`, () => {
    let store: KyselyStore;
    beforeAll(async () => {
      store = await open();
      for (const make of ALL_DOCUMENTS) {
        const { doc, pages } = make();
        await store.saveDocument(doc, pages);
      }
    });
    afterAll(async () => {
      await store?.close();
    });

    const computed = async (indicator: string) => onePerCell(await compareIndicators(store.db, { indicators: [indicator] }));

    it('gives every indicator exactly the rows and counts `minutes compare` computes from the facts', async () => {
      // The documents named (as `minutes ingest` does for each one it stores), then the rest.
      const first = (ALL_DOCUMENTS[0] as (typeof ALL_DOCUMENTS)[number])().doc.source.sha256;
      expect(await refreshCompareRows(store.db, [first])).toBe(1);
      expect(await refreshCompareRows(store.db, [first])).toBe(0);
      expect(await refreshCompareRows(store.db, [])).toBe(0);
      expect(await refreshCompareRows(store.db)).toBe(ALL_DOCUMENTS.length - 1);
      expect(await refreshCompareRows(store.db)).toBe(0);
      const counts = await storedCompareCounts(store.db);
      let indicatorsWithRows = 0;
      for (const { id } of INDICATORS) {
        const expected = await computed(id);
        expect(await storedCompareRows(store.db, id), id).toEqual(expected);
        expect(counts.get(id) ?? 0, id).toBe(expected.length);
        if (expected.length > 0) indicatorsWithRows++;
      }
      expect(indicatorsWithRows).toBeGreaterThan(2);
    });

    it('rebuilds only the document corrected, or stored again, and then shows the change', async () => {
      const before = await computed('aktiveringsgrad');
      const row = before.find((r) => r.kind === 'goal' && r.targetValue !== null);
      if (!row) throw new Error('no goal row with a target for aktiveringsgrad in the test documents');
      await addCorrection(store.db, { sha256: row.sha256, kind: 'goal', item: 0, page: row.page, start: row.start, end: row.end, snippet: row.snippet, action: 'correct', oldValue: { value: row.targetValue }, newValue: { value: 99.5 }, author: 'tester' });
      expect(await refreshCompareRows(store.db)).toBe(1);
      const corrected = await storedCompareRows(store.db, 'aktiveringsgrad');
      expect(corrected.find((r) => r.sha256 === row.sha256 && r.start === row.start)?.targetValue).toBe(99.5);
      expect(corrected).toEqual(await computed('aktiveringsgrad'));

      const { doc, pages } = skiveLate();
      expect((await store.saveDocument({ ...doc, extractor: { ...doc.extractor, version: '0.0.1-test' } }, pages)).action).toBe('replaced');
      expect(await refreshCompareRows(store.db)).toBe(1);
      expect(await refreshCompareRows(store.db)).toBe(0);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'minutes-stored-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
storedRowsSuite('sqlite', () => openStore({ sqliteFile: join(dir, 'm.db') }));
describePostgres('stored comparison rows', 'minutes_stored_rows', ({ url }) => {
  storedRowsSuite('postgres', () => openStore({ databaseUrl: url }));
});
