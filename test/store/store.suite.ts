// The one store test suite, run against every dialect (sqlite.test.ts, postgres.test.ts).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { KyselyStore } from '../../src/store/index.js';
import type { Database } from '../../src/store/schema.js';
import { PAGE_TEXTS, SAMPLE_PARSED, buildDocument, expectedRowCounts, sha256Of } from './documents.js';
import { applyCorrections } from '../../src/compare/apply-corrections.js';
import { loadDocuments, loadFacts } from '../../src/compare/load-facts.js';
import { addCorrection, listCorrections } from '../../src/store/corrections.js';
import { decodePageLayout } from '../../src/store/page-layout-codec.js';

export interface StoreTarget {
  /** Opens a new connection (pool) to the suite's database, which is new when the suite starts; every call is a separate client. */
  open(options?: { migrate?: boolean }): Promise<KyselyStore>;
}

const FACT_TABLES = ['pages', 'agenda_items', 'goals', 'goal_actuals', 'percentages', 'money_amounts', 'budget_tables', 'budget_rows', 'absent_members', 'warnings'] as const;

async function rowCounts(store: KyselyStore, documentId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of FACT_TABLES) {
    const row = await store.db
      .selectFrom(table as 'pages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

async function documentRows(store: KyselyStore, sha256: string) {
  return store.db.selectFrom('documents').selectAll().where('sha256', '=', sha256).execute();
}

/** Runs `work` with a store opened on the target, closing it afterwards. */
async function withStore<T>(target: StoreTarget, work: (store: KyselyStore) => Promise<T>, options?: { migrate?: boolean }): Promise<T> {
  const store = await target.open(options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

let seedCounter = 0;
/** A sha256 seed no other test uses, so tests share one database without seeing each other's rows. */
function freshSeed(label: string): string {
  return `${label}-${process.pid}-${Date.now()}-${++seedCounter}`;
}

export function storeSuite(dialectLabel: string, getTarget: () => StoreTarget): void {
  describe(`store suite (${dialectLabel})`, () => {
    it('migrates a new database once; migrating again applies nothing', async () => {
      await withStore(
        getTarget(),
        async (store) => {
          const first = await store.migrateWithReport();
          const second = await store.migrateWithReport();
          // The suite's database is new and this is its first test.
          expect(first.applied).toEqual(['0001_initial_schema', '0002_goal_status_basis', '0003_page_ocr', '0004_corrections', '0005_page_layout', '0006_compare_rows']);
          expect(second.applied).toEqual([]);
          const tables = await store.db.introspection.getTables();
          const names = tables.map((t) => t.name);
          for (const table of ['documents', 'document_paths', 'pages', 'parsed_cache', ...FACT_TABLES]) expect(names).toContain(table);
        },
        { migrate: false },
      );
      // A third store opening (which migrates on open) still finds nothing to do.
      await withStore(getTarget(), async (store) => expect((await store.migrateWithReport()).applied).toEqual([]));
    });

    it('reads back exactly the document it saved, from a new connection, with and without page texts', async () => {
      const doc = buildDocument({ seed: freshSeed('roundtrip') });
      const { id, action } = await withStore(getTarget(), (store) => store.saveDocument(doc, PAGE_TEXTS));
      expect(action).toBe('inserted');
      await withStore(getTarget(), async (store) => {
        expect(await store.loadDocument(id)).toEqual(doc);
        const withText = await store.loadDocument(id, { withText: true });
        expect(withText).toEqual({ ...doc, pages: PAGE_TEXTS.map((p) => ({ number: p.number, text: p.text })) });
        const ref = await store.findBySha256(doc.source.sha256);
        expect(ref).toEqual({ id, sha256: doc.source.sha256, path: doc.source.path, extractorVersion: '0.1.0', status: 'ok', errorCode: null, errorMessage: null });
        expect(await store.loadDocument(id + 100_000)).toBeUndefined();
      });
    });

    it('keeps the document JSON without pages even when the document carries them', async () => {
      const doc = { ...buildDocument({ seed: freshSeed('with-pages') }), pages: PAGE_TEXTS.map((p) => ({ ...p })) };
      await withStore(getTarget(), async (store) => {
        const { id } = await store.saveDocument(doc, PAGE_TEXTS);
        const [row] = await documentRows(store, doc.source.sha256);
        expect(JSON.parse(row?.document ?? '{}')).not.toHaveProperty('pages');
        expect(await store.loadDocument(id, { withText: true })).toEqual(doc);
      });
    });

    it('stores one row per fact, with query columns and provenance matching the page text', async () => {
      const doc = buildDocument({ seed: freshSeed('facts'), variant: 'second' });
      await withStore(getTarget(), async (store) => {
        const { id } = await store.saveDocument(doc, PAGE_TEXTS);
        expect(await rowCounts(store, id)).toEqual(expectedRowCounts(doc));

        const [row] = await documentRows(store, doc.source.sha256);
        expect(row).toMatchObject({ municipality: 'Norddjurs', municipality_code: 707, committee: 'Arbejdsmarkedsudvalget', meeting_date: '2024-03-14', document_kind: 'minutes', status: 'ok', pages: 2, schema_version: 1 });
        expect(JSON.parse(row?.status_summary ?? 'null')).toEqual(doc.statusSummary);

        const goals = await store.db.selectFrom('goals').selectAll().where('document_id', '=', id).orderBy('position').execute();
        expect(goals.map((g) => [g.goal_ref, g.status, g.target_value, g.target_comparator])).toEqual(doc.goals.map((g) => [g.id, g.status, g.target?.value ?? null, g.target?.comparator ?? null]));

        const actuals = await store.db
          .selectFrom('goal_actuals')
          .innerJoin('goals', 'goals.id', 'goal_actuals.goal_id')
          .select(['goals.goal_ref', 'goal_actuals.value', 'goal_actuals.scope', 'goal_actuals.snippet'])
          .where('goal_actuals.document_id', '=', id)
          .orderBy('goals.position')
          .orderBy('goal_actuals.position')
          .execute();
        expect(actuals).toEqual([
          { goal_ref: '1.1', value: 71.4, scope: 'municipality', snippet: '71,4 %' },
          { goal_ref: '1.1', value: 73, scope: 'national', snippet: null },
        ]);

        const budgetRows = await store.db.selectFrom('budget_rows').select(['label', 'cell_values', 'is_total']).where('document_id', '=', id).orderBy('position').execute();
        expect(budgetRows.map((r) => [r.label, JSON.parse(r.cell_values), r.is_total])).toEqual([
          ['Jobcenter og aktivering', [12_500_000, 11_980_000], 0],
          ['Forsørgelsesydelser', [48_200_000, 47_310_000], 0],
          ['I alt', [60_700_000, 59_290_000], 1],
        ]);

        // Every stored provenance is the slice of the stored page text, checked in SQL's own terms.
        const spans = await store.db
          .selectFrom('percentages')
          .innerJoin('pages', (join) => join.onRef('pages.document_id', '=', 'percentages.document_id').onRef('pages.number', '=', 'percentages.page'))
          .select(['pages.text', 'percentages.start_offset', 'percentages.end_offset', 'percentages.snippet', 'percentages.value'])
          .where('percentages.document_id', '=', id)
          .orderBy('percentages.position')
          .execute();
        expect(spans.map((s) => s.value)).toEqual(doc.percentages.map((p) => p.value));
        for (const s of spans) expect(s.text.slice(s.start_offset, s.end_offset)).toBe(s.snippet);

        const national = await store.db.selectFrom('percentages').select('value').where('document_id', '=', id).where('scope', '=', 'national').orderBy('value').execute();
        expect(national.map((r) => r.value)).toEqual([2.9, 73]);
      });
    });

    it('keeps each page\'s layout (runs of text with their place) to draw it without the PDF; a page without positions has none', async () => {
      const doc = buildDocument({ seed: freshSeed('layout'), variant: 'second' });
      const first = PAGE_TEXTS[0] as { number: number; text: string };
      const lines = first.text.split('\n');
      let offset = 0;
      const layoutLines = lines.map((line, i) => {
        const start = offset;
        offset += line.length + 1;
        const cut = line.indexOf(' ') > 0 ? line.indexOf(' ') : line.length;
        const fragments = line.length === 0 ? [] : [
          { start, end: start + cut, x: 56.7, width: 40.04, size: 11, bold: i === 0 },
          ...(cut < line.length ? [{ start: start + cut + 1, end: start + line.length, x: 100.26, width: 200, size: 11, bold: false }] : []),
        ];
        return { start, end: start + line.length, y: 80 + i * 14.2, column: 0, fragments };
      });
      const layouts = [
        { number: 1, width: 595.28, height: 841.89, lines: layoutLines },
        { number: 2, width: 595.28, height: 841.89, lines: [{ start: 0, end: 4, y: 0, column: 0, fragments: [{ start: 0, end: 4, x: 0, width: 0, size: 0, bold: false }] }] },
      ];
      await withStore(getTarget(), async (store) => {
        const { id } = await store.saveDocument(doc, PAGE_TEXTS, { layouts });
        const rows = await store.db.selectFrom('pages').select(['number', 'text', 'layout']).where('document_id', '=', id).orderBy('number').execute();
        const drawn = decodePageLayout(rows[0]?.layout ?? null);
        expect(drawn).toMatchObject({ width: 595.3, height: 841.9 });
        const words = drawn?.lines.flatMap((l) => l.fragments.map((f) => rows[0]?.text.slice(f.start, f.end))) ?? [];
        expect(words.join(' ')).toBe(lines.filter((l) => l.length > 0).join(' '));
        expect(drawn?.lines[1]?.fragments[1]).toEqual({ start: (lines[0]?.length ?? 0) + 1 + (lines[1]?.indexOf(' ') ?? 0) + 1, end: (lines[0]?.length ?? 0) + 1 + (lines[1]?.length ?? 0), x: 100.3, width: 200, size: 11, bold: false });
        expect(rows[1]?.layout).toBeNull(); // no positions: the page is shown as its text
      });
    });

    it('reports a resave of the same version as unchanged and writes nothing', async () => {
      const doc = buildDocument({ seed: freshSeed('unchanged') });
      await withStore(getTarget(), async (store) => {
        const first = await store.saveDocument(doc, PAGE_TEXTS);
        const [before] = await documentRows(store, doc.source.sha256);
        const goalIdsBefore = await store.db.selectFrom('goals').select('id').where('document_id', '=', first.id).orderBy('id').execute();
        await new Promise((resolve) => setTimeout(resolve, 5));
        const again = await store.saveDocument({ ...doc, municipality: 'Syddjurs' }, PAGE_TEXTS);
        expect(again).toEqual({ id: first.id, action: 'unchanged' });
        const rows = await documentRows(store, doc.source.sha256);
        expect(rows).toEqual([before]);
        expect(await store.db.selectFrom('goals').select('id').where('document_id', '=', first.id).orderBy('id').execute()).toEqual(goalIdsBefore);
        expect((await store.loadDocument(first.id))?.municipality).toBe('Norddjurs');
      });
    });

    it('replaces a document stored by an older extractor version: old facts gone, no duplicates, same id', async () => {
      const seed = freshSeed('replaced');
      const older = buildDocument({ seed, version: '0.1.0' });
      const newer = buildDocument({ seed, version: '0.2.0', variant: 'second', path: 'arkiv/norddjurs/ny-placering.pdf' });
      await withStore(getTarget(), async (store) => {
        const first = await store.saveDocument(older, PAGE_TEXTS);
        const second = await store.saveDocument(newer, PAGE_TEXTS);
        expect(second).toEqual({ id: first.id, action: 'replaced' });
        expect(await rowCounts(store, first.id)).toEqual(expectedRowCounts(newer));
        expect(await store.loadDocument(first.id)).toEqual(newer);
        const rows = await documentRows(store, newer.source.sha256);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ extractor_version: '0.2.0', path: 'arkiv/norddjurs/ny-placering.pdf' });
        expect((rows[0]?.created_at ?? '') <= (rows[0]?.updated_at ?? '')).toBe(true);
        // The older version's warning is gone; the newer version's goal 1.3 is there once.
        expect(await store.db.selectFrom('warnings').select('id').where('document_id', '=', first.id).execute()).toEqual([]);
        expect(await store.db.selectFrom('goals').select('goal_ref').where('document_id', '=', first.id).where('goal_ref', '=', '1.3').execute()).toHaveLength(1);
        const paths = await store.db.selectFrom('document_paths').select('path').where('sha256', '=', newer.source.sha256).orderBy('path').execute();
        expect(paths.map((p) => p.path)).toEqual(['arkiv/norddjurs/2024-03-14.pdf', 'arkiv/norddjurs/ny-placering.pdf']);

        // An older extractor (a worker not yet upgraded) does not overwrite the newer results.
        expect(await store.saveDocument(older, PAGE_TEXTS)).toEqual({ id: first.id, action: 'unchanged' });
        expect(await store.loadDocument(first.id)).toEqual(newer);
        expect(await store.listDocuments({ notVersion: '0.2.0' })).not.toContainEqual(expect.objectContaining({ id: first.id }));
        expect(await store.listDocuments({ notVersion: '0.3.0' })).toContainEqual(expect.objectContaining({ id: first.id }));
      });
    });

    it('keeps corrections apart from facts: they outlive a replace and apply to the new rows by provenance', async () => {
      const seed = freshSeed('corrected');
      const older = buildDocument({ seed, version: '0.1.0' });
      const newer = buildDocument({ seed, version: '0.2.0', variant: 'second' });
      await withStore(getTarget(), async (store) => {
        const { id } = await store.saveDocument(older, PAGE_TEXTS);
        const goal = await store.db.selectFrom('goals').selectAll().where('document_id', '=', id).where('goal_ref', '=', '1.1').executeTakeFirstOrThrow();
        const key = { sha256: older.source.sha256, page: goal.page, start: goal.start_offset, end: goal.end_offset, snippet: goal.snippet };
        await addCorrection(store.db, { ...key, kind: 'goal', item: 0, action: 'correct', oldValue: { value: 75, status: 'not_met' }, newValue: { value: 80, status: 'met' }, author: 'a' });
        await addCorrection(store.db, { ...key, kind: 'goal_actual', item: 0, action: 'wrong', oldValue: { value: 71.4 }, newValue: null, author: 'b' });
        expect(await store.saveDocument(newer, PAGE_TEXTS)).toEqual({ id, action: 'replaced' });
        expect((await listCorrections(store.db, [older.source.sha256])).map((c) => [c.kind, c.action, c.author])).toEqual([['goal', 'correct', 'a'], ['goal_actual', 'wrong', 'b']]);
        const docs = (await loadDocuments(store.db)).filter((d) => d.id === id);
        const facts = await applyCorrections(store.db, await loadFacts(store.db, { documents: docs }));
        const corrected = facts[0]?.goals.find((g) => g.goal.goal_ref === '1.1');
        expect(corrected?.goal).toMatchObject({ target_value: 80, status: 'met' });
        expect(corrected?.actuals.map((a) => a.value)).toEqual([73]); // the municipal 71.4 was marked wrong
        const extracted = (await loadFacts(store.db, { documents: docs }))[0]?.goals.find((g) => g.goal.goal_ref === '1.1');
        expect(extracted?.goal).toMatchObject({ target_value: 75, status: 'not_met' });
      });
    });

    it('records failures, updates them, replaces them by a success, and never overwrites a stored document', async () => {
      const sha256 = sha256Of(freshSeed('failure'));
      await withStore(getTarget(), async (store) => {
        await store.recordFailure({ sha256, path: 'arkiv/defekt.pdf', bytes: 1234, extractorVersion: '0.1.0', code: 'damaged', message: 'PDF-filen er afkortet' });
        let ref = await store.findBySha256(sha256);
        expect(ref).toMatchObject({ sha256, status: 'failed', errorCode: 'damaged', errorMessage: 'PDF-filen er afkortet', extractorVersion: '0.1.0', path: 'arkiv/defekt.pdf' });
        const failedId = ref?.id ?? -1;
        expect(await store.loadDocument(failedId)).toBeUndefined();
        expect(await store.listDocuments({ status: 'failed' })).toContainEqual(ref);
        expect(await store.listDocuments({ status: 'ok' })).not.toContainEqual(expect.objectContaining({ id: failedId }));

        await store.recordFailure({ sha256, path: 'arkiv/defekt.pdf', bytes: 1234, extractorVersion: '0.1.1', code: 'timeout', message: 'Tidsgrænsen på 30 s blev overskredet' });
        ref = await store.findBySha256(sha256);
        expect(ref).toMatchObject({ id: failedId, status: 'failed', errorCode: 'timeout', extractorVersion: '0.1.1' });
        expect(await documentRows(store, sha256)).toHaveLength(1);

        const doc = { ...buildDocument({ seed: 'unused', version: '0.1.1' }), source: { ...buildDocument().source, sha256, path: 'arkiv/defekt.pdf' } };
        expect(await store.saveDocument(doc, PAGE_TEXTS)).toEqual({ id: failedId, action: 'replaced' });
        expect(await store.findBySha256(sha256)).toMatchObject({ status: 'ok', errorCode: null, errorMessage: null });

        for (const version of ['0.1.1', '0.2.0', '0.0.9']) {
          await store.recordFailure({ sha256, path: 'arkiv/defekt.pdf', bytes: 1234, extractorVersion: version, code: 'timeout', message: 'Tidsgrænsen blev overskredet' });
        }
        expect(await store.findBySha256(sha256)).toMatchObject({ status: 'ok', extractorVersion: '0.1.1', errorCode: null });
        expect(await store.loadDocument(failedId)).toEqual(doc);
        expect(await rowCounts(store, failedId)).toEqual(expectedRowCounts(doc));
      });
    });

    it('ends with exactly one document when the same PDF is saved concurrently through one client', async () => {
      const doc = buildDocument({ seed: freshSeed('concurrent-one-client') });
      await withStore(getTarget(), async (store) => {
        const results = await Promise.all(Array.from({ length: 6 }, () => store.saveDocument(doc, PAGE_TEXTS)));
        expect(results.filter((r) => r.action === 'inserted')).toHaveLength(1);
        expect(results.filter((r) => r.action === 'unchanged')).toHaveLength(5);
        expect(new Set(results.map((r) => r.id)).size).toBe(1);
        expect(await documentRows(store, doc.source.sha256)).toHaveLength(1);
        expect(await rowCounts(store, results[0]?.id ?? -1)).toEqual(expectedRowCounts(doc));
      });
    });

    it('ends with exactly one document when separate clients save and replace the same PDF at once', async () => {
      const seed = freshSeed('concurrent-clients');
      const stores = await Promise.all(Array.from({ length: 4 }, () => getTarget().open()));
      try {
        const v1 = buildDocument({ seed, version: '0.1.0' });
        const inserts = await Promise.all(stores.map((s) => s.saveDocument(v1, PAGE_TEXTS)));
        expect(inserts.map((r) => r.action).sort()).toEqual(['inserted', 'unchanged', 'unchanged', 'unchanged']);

        const v2 = buildDocument({ seed, version: '0.2.0', variant: 'second' });
        const replaces = await Promise.all(stores.map((s) => s.saveDocument(v2, PAGE_TEXTS)));
        expect(replaces.map((r) => r.action).sort()).toEqual(['replaced', 'unchanged', 'unchanged', 'unchanged']);

        const [store] = stores;
        if (!store) throw new Error('no store');
        expect(await documentRows(store, v1.source.sha256)).toHaveLength(1);
        expect(await rowCounts(store, inserts[0]?.id ?? -1)).toEqual(expectedRowCounts(v2));
        expect(await store.loadDocument(inserts[0]?.id ?? -1)).toEqual(v2);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('saves different documents concurrently from separate clients', async () => {
      const stores = await Promise.all(Array.from({ length: 3 }, () => getTarget().open()));
      try {
        const docs = Array.from({ length: 9 }, (_, i) => buildDocument({ seed: freshSeed(`parallel-${i}`), path: `arkiv/møde-${i}.pdf` }));
        const results = await Promise.all(docs.map((doc, i) => (stores[i % stores.length] as KyselyStore).saveDocument(doc, PAGE_TEXTS)));
        expect(results.every((r) => r.action === 'inserted')).toBe(true);
        expect(new Set(results.map((r) => r.id)).size).toBe(docs.length);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('caches parsed pages compressed and reads them back', async () => {
      const sha256 = sha256Of(freshSeed('parsed'));
      await withStore(getTarget(), async (store) => {
        expect(await store.loadParsed(sha256)).toBeUndefined();
        await store.cacheParsed(sha256, SAMPLE_PARSED);
        expect(await store.loadParsed(sha256)).toEqual(SAMPLE_PARSED);
        const row = await store.db.selectFrom('parsed_cache').select(['format', 'data', 'json_bytes']).where('sha256', '=', sha256).executeTakeFirstOrThrow();
        expect(row.format).toBe('json+gzip');
        expect(row.json_bytes).toBe(Buffer.byteLength(JSON.stringify(SAMPLE_PARSED)));
        expect(row.data.byteLength).toBeLessThan(row.json_bytes);

        const changed = { ...SAMPLE_PARSED, pages: SAMPLE_PARSED.pages.slice(0, 1) };
        await store.cacheParsed(sha256, changed);
        expect(await store.loadParsed(sha256)).toEqual(changed);
        const count = await store.db.selectFrom('parsed_cache').select((eb) => eb.fn.countAll<number>().as('n')).where('sha256', '=', sha256).executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(1);
      });
      // From a new connection as well.
      await withStore(getTarget(), async (store) => expect((await store.loadParsed(sha256))?.pages).toHaveLength(1));
    });

    it('stores text with U+0000 (possible in damaged PDFs) with offsets intact', async () => {
      const pages = [{ number: 1, text: `${PAGE_TEXTS[0].text}\u0000` }, PAGE_TEXTS[1]];
      const doc = buildDocument({ seed: freshSeed('nul') });
      await withStore(getTarget(), async (store) => {
        const { id } = await store.saveDocument(doc, pages);
        const stored = await store.db.selectFrom('pages').select('text').where('document_id', '=', id).where('number', '=', 1).executeTakeFirstOrThrow();
        expect(stored.text).toBe(`${PAGE_TEXTS[0].text}\uFFFD`);
        expect(stored.text.length).toBe(pages[0]?.text.length);
      });
    });

    it('rejects a document that does not match the contract without storing anything', async () => {
      const doc = buildDocument({ seed: freshSeed('invalid') });
      const broken = { ...doc, meetingDate: '14. marts 2024' };
      await withStore(getTarget(), async (store) => {
        await expect(store.saveDocument(broken, PAGE_TEXTS)).rejects.toMatchObject({ code: 'invalid_output' });
        expect(await store.findBySha256(doc.source.sha256)).toBeUndefined();
      });
    });

    it('returns grouped counts as numbers in every dialect (pg bigint parsed)', async () => {
      await withStore(getTarget(), async (store) => {
        const rows = await store.db
          .selectFrom('documents')
          .innerJoin('goals', 'goals.document_id', 'documents.id')
          .select(['documents.municipality', sql<string>`substr(documents.meeting_date, 1, 4)`.as('year'), 'goals.status'])
          .select((eb) => eb.fn.countAll<number>().as('goals'))
          .where('documents.municipality', '=', 'Norddjurs')
          .where('documents.status', '=', 'ok')
          .groupBy(['documents.municipality', sql`substr(documents.meeting_date, 1, 4)`, 'goals.status'])
          .orderBy('goals.status')
          .execute();
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) {
          expect(typeof r.goals).toBe('number');
          expect(r.year).toBe('2024');
        }
      });
    });
  });
}

export type { Database };
