// The comparison rows kept in the store, per document (tables compare_rows and
// compare_row_state), so one indicator's rows are one indexed query away instead of
// reading and linking every fact of the store on each request. A document's rows depend
// only on its own facts, its corrections and the comparison rules (the national pairing
// and a goal's restated figures never cross documents), so they are rebuilt per document
// when it was stored again, corrected, or the rules changed: after `minutes ingest`, and
// by the workbench for whatever changed since.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { EXTRACTOR } from '../version.js';
import { applyCorrections } from './apply-corrections.js';
import { buildCompareRows, compareRowOrder, type CompareRow } from './compare-rows.js';
import { INDICATORS } from './indicators.js';
import { linkGoals, linkPercentages } from './link-facts.js';
import { chunks, documentOrder, loadFacts, type StoredDocument } from './load-facts.js';
import { createIndicatorMatcher, DEFAULT_MATCH_OPTIONS, type IndicatorMatcher } from './match.js';
import { onePerCell } from './one-per-cell.js';

/** Documents rebuilt per transaction. */
const BATCH = 250;

/** The rules the rows were built by: the extractor release, the taxonomy and the default threshold. */
export const COMPARE_ROWS_VERSION = createHash('sha256')
  .update(JSON.stringify([EXTRACTOR.version, DEFAULT_MATCH_OPTIONS.threshold, INDICATORS]))
  .digest('hex')
  .slice(0, 16);

/** The cell `minutes compare` shows one value per (with the indicator): see one-per-cell.ts. */
const cellOf = (r: CompareRow): string => JSON.stringify([r.municipalityCode ?? r.municipality, r.year]);

const correctionsKey = (c: { n: number; m: number } | undefined): string => (c ? `${Number(c.n)}:${Number(c.m)}` : '');

/** Documents (all, or those of the given sha256s) whose stored rows are missing or out of date, with the corrections key they are rebuilt for. */
async function staleDocuments(db: Kysely<Database>, only?: readonly string[]): Promise<Map<number, string>> {
  const corrections = await db
    .selectFrom('corrections')
    .select((eb) => ['sha256', eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('m')])
    .$if(only !== undefined, (q) => q.where('sha256', 'in', [...(only ?? [])]))
    .groupBy('sha256')
    .execute();
  const bySha = new Map(corrections.map((c) => [c.sha256, correctionsKey({ n: Number(c.n), m: Number(c.m) })]));
  const stale = new Map<number, string>();
  const changed = await db
    .selectFrom('documents as d')
    .leftJoin('compare_row_state as s', 's.document_id', 'd.id')
    .select(['d.id', 'd.sha256'])
    .where('d.status', '=', 'ok')
    .$if(only !== undefined, (q) => q.where('d.sha256', 'in', [...(only ?? [])]))
    .where((eb) => eb.or([eb('s.document_id', 'is', null), eb('s.updated_at', '<>', eb.ref('d.updated_at')), eb('s.version', '<>', COMPARE_ROWS_VERSION)]))
    .execute();
  for (const d of changed) stale.set(d.id, bySha.get(d.sha256) ?? '');
  // Corrections are few: the documents that have some, or had some when built, are checked in JavaScript.
  const corrected = await db
    .selectFrom('documents as d')
    .innerJoin('compare_row_state as s', 's.document_id', 'd.id')
    .select(['d.id', 'd.sha256', 's.corrections'])
    .where('d.status', '=', 'ok')
    .$if(only !== undefined, (q) => q.where('d.sha256', 'in', [...(only ?? [])]))
    .where((eb) => eb.or([eb('s.corrections', '<>', ''), eb('d.sha256', 'in', eb.selectFrom('corrections').select('sha256'))]))
    .execute();
  for (const d of corrected) {
    const now = bySha.get(d.sha256) ?? '';
    if (now !== d.corrections) stale.set(d.id, now);
  }
  return stale;
}

async function documentsById(db: Kysely<Database>, ids: readonly number[]): Promise<(StoredDocument & { updated_at: string })[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'sha256', 'path', 'title', 'municipality', 'municipality_code', 'committee', 'meeting_date', 'document_kind', 'pages', 'updated_at'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.sort(documentOrder);
}

async function rebuild(db: Kysely<Database>, matcher: IndicatorMatcher, ids: readonly number[], corrections: ReadonlyMap<number, string>): Promise<void> {
  // The version is read before the facts: a document stored again meanwhile is then rebuilt on the next refresh.
  const documents = await documentsById(db, ids);
  const updatedAt = new Map(documents.map((d) => [d.id, d.updated_at]));
  const facts = await applyCorrections(db, await loadFacts(db, { documents }));
  const rows = new Map<number, CompareRow[]>(documents.map((d) => [d.id, []]));
  const idOf = new Map(documents.map((d) => [d.sha256, d.id]));
  for (const f of facts) {
    for (const row of buildCompareRows(linkGoals(f, matcher), linkPercentages(f, matcher))) rows.get(idOf.get(row.sha256) ?? -1)?.push(row);
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('compare_rows').where('document_id', 'in', [...ids]).execute();
    await trx.deleteFrom('compare_row_state').where('document_id', 'in', [...ids]).execute();
    const values = [...rows].flatMap(([documentId, list]) =>
      list.map((r, position) => ({
        document_id: documentId,
        position,
        indicator_id: r.indicatorId,
        cell: cellOf(r),
        unit: r.unit,
        has_value: r.value === null ? 0 : 1,
        meeting_date: r.meetingDate,
        sha256: r.sha256,
        kind: r.kind,
        page: r.page,
        start_offset: r.start,
        row: JSON.stringify(r),
      })),
    );
    // Another process rebuilding the same document at once writes the same rows: the first one stays.
    for (const part of chunks(values, 100)) await trx.insertInto('compare_rows').values(part).onConflict((oc) => oc.columns(['document_id', 'position']).doNothing()).execute();
    const states = documents.map(({ id }) => ({ document_id: id, updated_at: updatedAt.get(id) ?? '', corrections: corrections.get(id) ?? '', version: COMPARE_ROWS_VERSION }));
    for (const part of chunks(states, 100)) await trx.insertInto('compare_row_state').values(part).onConflict((oc) => oc.column('document_id').doNothing()).execute();
  });
}

let sharedMatcher: Promise<IndicatorMatcher> | undefined;

/**
 * Rebuilds the stored rows of every document whose rows are out of date, or of those among
 * `only` (sha256s: the documents an ingest just stored, rebuilt while it goes on rather than
 * all at its end); returns how many were rebuilt.
 */
export async function refreshCompareRows(db: Kysely<Database>, only?: readonly string[]): Promise<number> {
  if (only?.length === 0) return 0;
  const stale = await staleDocuments(db, only);
  if (stale.size === 0) return 0;
  // One matcher per process: it remembers how each word scored, which later documents share.
  sharedMatcher ??= createIndicatorMatcher().catch((err: unknown) => {
    sharedMatcher = undefined;
    throw err;
  });
  const matcher = await sharedMatcher;
  for (const ids of chunks([...stale.keys()], BATCH)) await rebuild(db, matcher, ids, stale);
  return stale.size;
}

/** One indicator's rows as `minutes compare --indicator ID` gives them (one per cell, corrections applied), from the stored rows. */
export async function storedCompareRows(db: Kysely<Database>, indicatorId: string): Promise<CompareRow[]> {
  // The choice of one row per cell reads only what it compares (from the covering index); then the chosen rows are read whole.
  const candidates = await db
    .selectFrom('compare_rows')
    .select(['document_id', 'position', 'cell', 'unit', 'has_value', 'meeting_date', 'sha256', 'kind', 'page', 'start_offset'])
    .where('indicator_id', '=', indicatorId)
    .execute();
  const sketches = candidates.map((c) => {
    const [where, year] = JSON.parse(c.cell) as [string | number | null, number | null];
    const sketch = {
      municipalityCode: typeof where === 'number' ? where : null,
      municipality: typeof where === 'string' ? where : null,
      year,
      indicatorId,
      value: c.has_value ? 1 : null,
      unit: c.unit,
      meetingDate: c.meeting_date,
      sha256: c.sha256,
      kind: c.kind,
      page: c.page,
      start: c.start_offset,
    } as CompareRow;
    return { key: [c.document_id, c.position] as const, sketch };
  });
  const chosen = new Set(onePerCell(sketches.map((s) => s.sketch)));
  const keys = sketches.filter((s) => chosen.has(s.sketch)).map((s) => s.key);
  const rows: CompareRow[] = [];
  for (const part of chunks(keys, 200)) {
    const found = await db
      .selectFrom('compare_rows')
      .select('row')
      .where((eb) => eb.or(part.map(([documentId, position]) => eb.and([eb('document_id', '=', documentId), eb('position', '=', position)]))))
      .execute();
    // Written by refreshCompareRows from checked rows under the same rules version: read back without a second check.
    for (const r of found) rows.push(JSON.parse(r.row) as CompareRow);
  }
  return rows.sort(compareRowOrder);
}

/** How many rows each indicator shows (one per cell and unit with a value, else one per cell), counted in SQL. */
export async function storedCompareCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const valued = await db
    .selectFrom('compare_rows')
    .select((eb) => ['indicator_id', eb.fn.count<number>('cell').as('n')])
    .where('has_value', '=', 1)
    .groupBy(['indicator_id', 'cell', 'unit'])
    .execute();
  const unvalued = await db
    .selectFrom('compare_rows')
    .select(['indicator_id'])
    .groupBy(['indicator_id', 'cell'])
    .having((eb) => eb.fn.max('has_value'), '=', 0)
    .execute();
  const counts = new Map<string, number>();
  for (const r of [...valued, ...unvalued]) counts.set(r.indicator_id, (counts.get(r.indicator_id) ?? 0) + 1);
  return counts;
}
