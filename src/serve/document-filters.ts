// The documents list's filters as a Kysely query: the same SQL on SQLite and PostgreSQL
// (substr, exists, limit/offset), so tens of thousands of documents page from the database.
import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../store/schema.js';

export interface DocumentFilter {
  municipality?: string;
  committee?: string;
  kind?: string;
  year?: string;
  /** 'yes' | 'no' */
  warnings?: string;
  code?: string;
  version?: string;
}

export const FILTER_NAMES = ['municipality', 'committee', 'kind', 'year', 'warnings', 'code', 'version'] as const;

export function readFilter(params: Record<string, string | undefined>): DocumentFilter {
  const f: DocumentFilter = {};
  for (const name of FILTER_NAMES) {
    const v = params[name]?.trim();
    if (v) f[name] = v.slice(0, 200);
  }
  return f;
}

type DocQuery = SelectQueryBuilder<Database, 'documents', object>;

const year = sql<string>`substr(documents.meeting_date, 1, 4)`;

/** Applies every filter but `except` (a facet counts its own values under the other filters). */
export function applyFilter(q: DocQuery, f: DocumentFilter, except?: keyof DocumentFilter): DocQuery {
  let out = q;
  if (f.municipality && except !== 'municipality') out = out.where('documents.municipality', '=', f.municipality);
  if (f.committee && except !== 'committee') out = out.where('documents.committee', '=', f.committee);
  if (f.kind && except !== 'kind') out = out.where('documents.document_kind', '=', f.kind);
  if (f.year && except !== 'year') out = out.where(year, '=', f.year);
  if (f.version && except !== 'version') out = out.where('documents.extractor_version', '=', f.version);
  if (f.warnings && except !== 'warnings') {
    const has = (eb: ExpressionBuilder<Database, 'documents'>) =>
      eb.exists(eb.selectFrom('warnings').select(sql`1`.as('one')).whereRef('warnings.document_id', '=', 'documents.id'));
    out = f.warnings === 'yes' ? out.where((eb) => has(eb)) : out.where((eb) => eb.not(has(eb)));
  }
  if (f.code && except !== 'code') {
    const code = f.code;
    out = out.where((eb) =>
      eb.exists(eb.selectFrom('warnings').select(sql`1`.as('one')).whereRef('warnings.document_id', '=', 'documents.id').where('warnings.code', '=', code)),
    );
  }
  return out;
}

export interface FacetValue {
  value: string;
  count: number;
}

/** Counts of documents per value of one column, under the other filters. */
export async function facet(db: Kysely<Database>, f: DocumentFilter, name: 'municipality' | 'committee' | 'kind' | 'year' | 'version'): Promise<FacetValue[]> {
  const column =
    name === 'municipality' ? sql<string>`documents.municipality`
    : name === 'committee' ? sql<string>`documents.committee`
    : name === 'kind' ? sql<string>`documents.document_kind`
    : name === 'version' ? sql<string>`documents.extractor_version`
    : year;
  const rows = await applyFilter(db.selectFrom('documents'), f, name)
    .select([column.as('value'), (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(column)
    .orderBy(column)
    .execute();
  return rows.filter((r) => r.value !== null).map((r) => ({ value: String(r.value), count: Number(r.count) }));
}

/** Warning codes with how many documents (under the other filters) carry each. */
export async function codeFacet(db: Kysely<Database>, f: DocumentFilter): Promise<FacetValue[]> {
  const rows = await applyFilter(db.selectFrom('documents'), f, 'code')
    .innerJoin('warnings', 'warnings.document_id', 'documents.id')
    .select(['warnings.code as value', (eb) => eb.fn.count<number>('documents.id').distinct().as('count')])
    .groupBy('warnings.code')
    .orderBy('warnings.code')
    .execute();
  return rows.map((r) => ({ value: r.value, count: Number(r.count) }));
}
