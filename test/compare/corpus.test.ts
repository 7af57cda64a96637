// Issue 6's acceptance check on the shared corpus (when ../shared is present):
// after ingesting it, Norddjurs 2023 shows its three activation-rate goals with
// targets, statuses and pages, and goal attainment 8 met / 11 not met / 5 not
// assessable / 1 withdrawn. This runs the whole pipeline, so it also fails when
// goal extraction misreads the seed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIndicators, goalAttainmentReport } from '../../src/compare/index.js';
import { ingestPaths } from '../../src/pipeline/index.js';
import { openStore, type KyselyStore } from '../../src/store/index.js';
import { hasSharedCorpus, sharedCorpusDir, warnSkipped } from '../pdf/corpus.js';

if (!hasSharedCorpus) warnSkipped('compare/corpus: the Norddjurs 2023 acceptance check', `${sharedCorpusDir} is not present`);

describe.skipIf(!hasSharedCorpus)('comparisons on the shared corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-compare-corpus-'));
  let store: KyselyStore;
  beforeAll(async () => {
    store = await openStore({ sqliteFile: join(dir, 'corpus.db') });
    // OCR off: the scanned Ballerup pages hold no Norddjurs figure, and their OCR (tens of seconds) is checked by the OCR suites.
    const report = await ingestPaths([sharedCorpusDir], store, { outDir: join(dir, 'json'), concurrency: 2, parse: { ocr: 'never' } });
    expect(report.failed).toBe(0);
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compare --indicator aktiveringsgrad lists Norddjurs 2023 with its three activation-rate goals', async () => {
    const rows = await compareIndicators(store.db, { indicators: ['aktiveringsgrad'], municipalities: ['Norddjurs'], years: [2023] });
    const goals = rows.filter((r) => r.kind === 'goal');
    expect(goals.map((r) => [r.value, r.targetValue, r.comparator, r.status])).toEqual([
      [90.3, 70, '>=', 'met'],
      [73.9, 50, '>=', 'met'],
      [60.5, 30, '>=', 'met'],
    ]);
    for (const r of goals) {
      expect(r.page).toBeGreaterThanOrEqual(1);
      expect(r.yearSource).not.toBe('meeting'); // 2023 is the plan's year; the meeting was in 2024
    }
  });

  it('goals shows Norddjurs 2023: 8 met, 11 not met, 5 not assessable, 1 withdrawn', async () => {
    const [row, ...rest] = await goalAttainmentReport(store.db, { municipalities: ['Norddjurs'], years: [2023] });
    expect(rest).toEqual([]);
    expect([row?.met, row?.not_met, row?.not_assessable, row?.withdrawn, row?.partly_met, row?.in_progress, row?.unknown]).toEqual([8, 11, 5, 1, 0, 0, 0]);
  });
});
