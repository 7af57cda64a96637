// Which records an export keeps: by year, indicator and status (columns of the record),
// by document kind, and by the warning codes of the record's document.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { CsvValue } from './csv.js';

export interface ExportFilter {
  /** `year` of goals and percentages (plan year, else meeting year). */
  years?: readonly number[];
  /** `indicator_id` of goals and percentages. */
  indicators?: readonly string[];
  /** `status` of goals (met, not_met …) or of documents (ok, failed). */
  statuses?: readonly string[];
  /** Only documents with at least one warning of these codes. */
  warningCodes?: readonly string[];
  /** `document_kind`: agenda, minutes, report, other. */
  documentKinds?: readonly string[];
}

/** The exports each filter applies to; elsewhere it is a usage error (it would silently keep everything). */
export const FILTER_APPLIES_TO: Readonly<Record<keyof ExportFilter, readonly string[]>> = {
  years: ['goals', 'percentages'],
  indicators: ['goals', 'percentages'],
  statuses: ['goals', 'documents'],
  warningCodes: ['goals', 'percentages', 'money', 'budget', 'agenda', 'documents', 'warnings', 'absent'],
  documentKinds: ['goals', 'percentages', 'money', 'budget', 'agenda', 'documents', 'warnings', 'absent'],
};

const COLUMN_OF: Readonly<Record<'years' | 'indicators' | 'statuses' | 'documentKinds', string>> = {
  years: 'year',
  indicators: 'indicator_id',
  statuses: 'status',
  documentKinds: 'document_kind',
};

/** A predicate over export records for the column filters that are set. */
export function recordFilter(filter: ExportFilter): (record: Readonly<Record<string, CsvValue>>) => boolean {
  const checks = (Object.keys(COLUMN_OF) as (keyof typeof COLUMN_OF)[])
    .filter((key) => (filter[key]?.length ?? 0) > 0)
    .map((key) => {
      const wanted = new Set<unknown>(filter[key]);
      const column = COLUMN_OF[key];
      return (record: Readonly<Record<string, CsvValue>>) => wanted.has(record[column]);
    });
  return (record) => checks.every((check) => check(record));
}

/** Ids of the documents with a warning of one of `codes`; undefined when no code is asked for. */
export async function documentsWithWarnings(db: Kysely<Database>, codes: readonly string[] | undefined): Promise<Set<number> | undefined> {
  if (!codes?.length) return undefined;
  const rows = await db.selectFrom('warnings').select('document_id').distinct().where('code', 'in', [...codes]).execute();
  return new Set(rows.map((r) => r.document_id));
}
