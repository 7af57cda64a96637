// Exports for R, pandas and spreadsheets: one flat record per fact, with stable
// columns (README "Comparing municipalities and exporting") and provenance on every
// record. Documents are read in chunks, so an archive of any size streams out.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { csvRecord, type CsvValue } from './csv.js';
import { chunks, documentOrder, loadDocuments, loadFacts, type StoredDocument } from './load-facts.js';
import { linkGoals, linkPercentages } from './link-facts.js';
import { applyCorrections } from './apply-corrections.js';
import { createIndicatorMatcher, type IndicatorMatcher } from './match.js';
import { budgetRowSpan } from './budget-row-span.js';
import { documentsWithWarnings, recordFilter, type ExportFilter } from './export-filter.js';
import { storedDocumentLinks } from './repeated-documents.js';
import type { PositionColumns } from './position-columns.js';

export const EXPORT_KINDS = ['goals', 'percentages', 'money', 'budget', 'agenda', 'documents', 'warnings', 'absent'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const DOCUMENT_COLUMNS = ['municipality', 'municipality_code', 'committee', 'meeting_date', 'document_kind'] as const;
const PROVENANCE_COLUMNS = ['file', 'sha256', 'page', 'start', 'end', 'snippet'] as const;

/**
 * The columns of each export, in order. Changing them is a breaking change: add at the end.
 * Every export ends with `linked_documents`: the sha256s (`;`-separated) of the documents that
 * publish items of the same meeting (repeated-documents.ts). Exports keep every copy of a fact;
 * `compare` and `goals` count it once.
 */
export const EXPORT_COLUMNS = {
  goals: [
    ...DOCUMENT_COLUMNS, 'year', 'year_source', 'goal_id', 'text', 'target_value', 'target_upper', 'target_unit',
    'target_comparator', 'actual_value', 'actual_unit', 'national_value', 'actuals', 'status', 'status_text',
    'agenda_item', 'indicator_id', 'indicator_confidence', ...PROVENANCE_COLUMNS, 'status_basis', 'linked_documents',
  ],
  percentages: [
    ...DOCUMENT_COLUMNS, 'year', 'year_source', 'value', 'unit', 'scope', 'context', 'raw', 'indicator_id',
    'indicator_confidence', ...PROVENANCE_COLUMNS, 'linked_documents',
  ],
  money: [...DOCUMENT_COLUMNS, 'value', 'currency', 'context', 'raw', ...PROVENANCE_COLUMNS, 'linked_documents'],
  budget: [
    ...DOCUMENT_COLUMNS, 'table_index', 'table_title', 'row_index', 'row_label', 'is_total', 'column_index', 'column',
    'value', 'currency', ...PROVENANCE_COLUMNS, 'linked_documents',
  ],
  agenda: [...DOCUMENT_COLUMNS, 'number', 'title', 'case_number', 'decision', ...PROVENANCE_COLUMNS, 'linked_documents'],
  documents: [
    'sha256', 'file', 'bytes', 'pages', 'title', 'producer', ...DOCUMENT_COLUMNS, 'extractor_name', 'extractor_version',
    'status', 'error_code', 'error_message', 'warning_count', 'warning_codes', 'linked_documents',
  ],
  // Warnings and absent members carry a page at most, no span: no start, end or snippet.
  warnings: [...DOCUMENT_COLUMNS, 'code', 'message', 'page', 'file', 'sha256', 'linked_documents'],
  absent: [...DOCUMENT_COLUMNS, 'name', 'file', 'sha256', 'linked_documents'],
} as const satisfies Record<ExportKind, readonly string[]>;

export type ExportRecord = Record<string, CsvValue>;

export interface ExportOptions extends ExportFilter {
  format: ExportFormat;
  what: ExportKind;
  /** Municipality names in any common spelling; empty = all. */
  municipalities?: readonly string[];
  /** Documents read per query round. Default 200. */
  batchSize?: number;
  /** Apply reviewers' corrections to goals and percentages (the default); false exports them as extracted. */
  corrected?: boolean;
}
const DEFAULT_BATCH = 200;

/** Where the export goes: a function that resolves once the chunk is written (back-pressure). */
export type ExportSink = (chunk: string) => Promise<void>;

/** The export as text chunks (header, then one chunk per batch); `counted.records` grows as they are produced. */
export async function* exportText(db: Kysely<Database>, options: ExportOptions, counted: { records: number } = { records: 0 }): AsyncGenerator<string> {
  const columns: readonly string[] = EXPORT_COLUMNS[options.what];
  if (options.format === 'csv') yield csvRecord(columns);
  for await (const batch of exportRecords(db, options)) {
    if (batch.length === 0) continue;
    counted.records += batch.length;
    yield batch.map((r) => formatRecord(columns, r, options.format)).join('');
  }
}

/** Writes the export; returns how many records were written. */
export async function exportFacts(db: Kysely<Database>, options: ExportOptions, sink: ExportSink): Promise<number> {
  const counted = { records: 0 };
  for await (const chunk of exportText(db, options, counted)) await sink(chunk);
  return counted.records;
}

export function formatRecord(columns: readonly string[], record: ExportRecord, format: ExportFormat): string {
  if (format === 'csv') return csvRecord(columns.map((c) => record[c]));
  const ordered: Record<string, unknown> = {};
  for (const c of columns) ordered[c] = record[c] ?? null;
  return `${JSON.stringify(ordered)}\n`;
}

/** The records of one export, batch by batch, in document then fact order, filtered as asked. */
export async function* exportRecords(db: Kysely<Database>, options: Omit<ExportOptions, 'format'>): AsyncGenerator<ExportRecord[]> {
  const keep = recordFilter(options);
  const withWarnings = await documentsWithWarnings(db, options.warningCodes);
  const keepDocument = (d: { id: number }): boolean => withWarnings === undefined || withWarnings.has(d.id);
  const links = await storedDocumentLinks(db);
  for await (const batch of unfilteredRecords(db, options, keepDocument)) {
    const kept = batch.filter(keep);
    for (const r of kept) r['linked_documents'] = links.get(String(r['sha256']))?.join(';') ?? null;
    if (kept.length > 0) yield kept;
  }
}

async function* unfilteredRecords(
  db: Kysely<Database>,
  options: Omit<ExportOptions, 'format'>,
  keepDocument: (d: { id: number }) => boolean,
): AsyncGenerator<ExportRecord[]> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  if (options.what === 'documents') {
    yield* documentRecords(db, options.municipalities ?? [], batchSize, keepDocument);
    return;
  }
  const docs = (await loadDocuments(db, options.municipalities ?? [])).filter(keepDocument);
  const matcher = options.what === 'goals' || options.what === 'percentages' ? await createIndicatorMatcher() : null;
  for (const batch of chunks(docs, batchSize)) {
    const byId = new Map(batch.map((d) => [d.id, d]));
    const ids = [...byId.keys()];
    switch (options.what) {
      case 'goals':
      case 'percentages':
        yield await linkedRecords(db, batch, options.what, matcher as IndicatorMatcher, options.corrected ?? true);
        break;
      case 'money':
        yield await moneyRecords(db, ids, byId);
        break;
      case 'budget':
        yield await budgetRecords(db, ids, byId);
        break;
      case 'agenda':
        yield await agendaRecords(db, ids, byId);
        break;
      case 'warnings':
        yield await warningRecords(db, ids, byId);
        break;
      case 'absent':
        yield await absentRecords(db, ids, byId);
        break;
    }
  }
}

async function warningRecords(db: Kysely<Database>, ids: number[], byId: Map<number, StoredDocument>): Promise<ExportRecord[]> {
  const rows = await db
    .selectFrom('warnings')
    .select(['document_id', 'code', 'message', 'page'])
    .where('document_id', 'in', ids)
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  return inDocumentOrder(rows, byId).map((r) => ({ ...documentFields(docOf(byId, r.document_id)), code: r.code, message: r.message, page: r.page }));
}

async function absentRecords(db: Kysely<Database>, ids: number[], byId: Map<number, StoredDocument>): Promise<ExportRecord[]> {
  const rows = await db
    .selectFrom('absent_members')
    .select(['document_id', 'name'])
    .where('document_id', 'in', ids)
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  return inDocumentOrder(rows, byId).map((r) => ({ ...documentFields(docOf(byId, r.document_id)), name: r.name }));
}

function documentFields(d: StoredDocument): ExportRecord {
  return {
    municipality: d.municipality,
    municipality_code: d.municipality_code,
    committee: d.committee,
    meeting_date: d.meeting_date,
    document_kind: d.document_kind,
    file: d.path,
    sha256: d.sha256,
  };
}

const provenanceFields = (p: PositionColumns): ExportRecord => ({ page: p.page, start: p.start_offset, end: p.end_offset, snippet: p.snippet });

async function linkedRecords(db: Kysely<Database>, docs: StoredDocument[], what: 'goals' | 'percentages', matcher: IndicatorMatcher, corrected: boolean): Promise<ExportRecord[]> {
  const loaded = await loadFacts(db, { documents: docs, goals: what === 'goals', percentages: what === 'percentages' });
  const facts = corrected ? await applyCorrections(db, loaded) : loaded;
  const records: ExportRecord[] = [];
  for (const f of facts) {
    const base = documentFields(f.document);
    if (what === 'goals') {
      for (const g of linkGoals(f, matcher)) {
        const municipal = g.actuals.find((a) => a.scope !== 'national');
        records.push({
          ...base,
          year: g.year.year,
          year_source: g.year.source,
          goal_id: g.goal.goal_ref,
          text: g.goal.text,
          target_value: g.goal.target_value,
          target_upper: g.goal.target_upper,
          target_unit: g.goal.target_unit,
          target_comparator: g.goal.target_comparator,
          actual_value: municipal?.value ?? null,
          actual_unit: municipal?.unit ?? null,
          national_value: g.actuals.find((a) => a.scope === 'national')?.value ?? null,
          actuals: g.actuals.map((a) => ({ value: a.value, unit: a.unit, scope: a.scope })),
          status: g.goal.status,
          status_text: g.goal.status_text,
          agenda_item: g.goal.agenda_item,
          indicator_id: g.link?.indicatorId ?? null,
          indicator_confidence: g.link?.confidence ?? null,
          ...provenanceFields(g.goal),
          status_basis: g.goal.status_basis,
        });
      }
    } else {
      for (const p of linkPercentages(f, matcher)) {
        const pct = p.percentage;
        records.push({
          ...base,
          year: p.year.year,
          year_source: p.year.source,
          value: pct.value,
          unit: pct.unit,
          scope: pct.scope,
          context: pct.context,
          raw: pct.raw,
          indicator_id: p.link?.indicatorId ?? null,
          indicator_confidence: p.link?.confidence ?? null,
          ...provenanceFields(pct),
        });
      }
    }
  }
  return records;
}

/** Rows of a batch in the batch's document order (Map insertion order), each document's rows kept in order. */
function inDocumentOrder<R extends { document_id: number }>(rows: R[], byId: Map<number, StoredDocument>): R[] {
  const rank = new Map([...byId.keys()].map((id, i) => [id, i]));
  return rows.sort((a, b) => (rank.get(a.document_id) ?? 0) - (rank.get(b.document_id) ?? 0));
}

const docOf = (byId: Map<number, StoredDocument>, id: number): StoredDocument => {
  const d = byId.get(id);
  if (!d) throw new Error(`fact row of document ${id} outside the batch`);
  return d;
};

async function moneyRecords(db: Kysely<Database>, ids: number[], byId: Map<number, StoredDocument>): Promise<ExportRecord[]> {
  const rows = await db
    .selectFrom('money_amounts')
    .select(['document_id', 'value', 'currency', 'context', 'raw', 'page', 'start_offset', 'end_offset', 'snippet'])
    .where('document_id', 'in', ids)
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  return inDocumentOrder(rows, byId).map((r) => ({
    ...documentFields(docOf(byId, r.document_id)),
    value: r.value,
    currency: r.currency,
    context: r.context,
    raw: r.raw,
    ...provenanceFields(r),
  }));
}

async function budgetRecords(db: Kysely<Database>, ids: number[], byId: Map<number, StoredDocument>): Promise<ExportRecord[]> {
  const tables = await db
    .selectFrom('budget_tables')
    .select(['id', 'document_id', 'position', 'title', 'unit', 'columns', 'page', 'start_offset', 'end_offset', 'snippet'])
    .where('document_id', 'in', ids)
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  const rows = await db
    .selectFrom('budget_rows')
    .select(['budget_table_id', 'position', 'label', 'cell_values', 'is_total'])
    .where('document_id', 'in', ids)
    .orderBy('budget_table_id')
    .orderBy('position')
    .execute();
  const rowsByTable = new Map<number, typeof rows>();
  for (const r of rows) {
    const list = rowsByTable.get(r.budget_table_id);
    if (list) list.push(r);
    else rowsByTable.set(r.budget_table_id, [r]);
  }
  const records: ExportRecord[] = [];
  for (const t of inDocumentOrder(tables, byId)) {
    const headers = parseJsonArray(t.columns);
    let searchFrom = 0;
    for (const r of rowsByTable.get(t.id) ?? []) {
      const { span, next } = budgetRowSpan(t, r.label, searchFrom);
      searchFrom = next;
      parseJsonArray(r.cell_values).forEach((value, i) => {
        records.push({
          ...documentFields(docOf(byId, t.document_id)),
          table_index: t.position + 1,
          table_title: t.title,
          row_index: r.position + 1,
          row_label: r.label,
          is_total: r.is_total === 1,
          column_index: i + 1,
          column: typeof headers[i] === 'string' ? (headers[i] as string) : null,
          value: typeof value === 'number' ? value : null,
          currency: t.unit,
          ...provenanceFields(span),
        });
      });
    }
  }
  return records;
}

async function agendaRecords(db: Kysely<Database>, ids: number[], byId: Map<number, StoredDocument>): Promise<ExportRecord[]> {
  const rows = await db
    .selectFrom('agenda_items')
    .select(['document_id', 'number', 'title', 'case_number', 'decision', 'page', 'start_offset', 'end_offset', 'snippet'])
    .where('document_id', 'in', ids)
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  return inDocumentOrder(rows, byId).map((r) => ({
    ...documentFields(docOf(byId, r.document_id)),
    number: r.number,
    title: r.title,
    case_number: r.case_number,
    decision: r.decision,
    ...provenanceFields(r),
  }));
}

/** Every stored document, failed ones included, with its warnings summarised. */
async function* documentRecords(
  db: Kysely<Database>,
  municipalities: readonly string[],
  batchSize: number,
  keepDocument: (d: { id: number }) => boolean,
): AsyncGenerator<ExportRecord[]> {
  const all = await db
    .selectFrom('documents')
    .select([
      'id', 'sha256', 'path', 'bytes', 'pages', 'title', 'producer', 'municipality', 'municipality_code', 'committee',
      'meeting_date', 'document_kind', 'extractor_name', 'extractor_version', 'status', 'error_code', 'error_message',
    ])
    .orderBy('id')
    .execute();
  all.sort(documentOrder);
  const wanted = municipalities.length ? new Set((await loadDocuments(db, municipalities)).map((d) => d.id)) : null;
  const docs = (wanted ? all.filter((d) => wanted.has(d.id)) : all).filter(keepDocument);
  for (const batch of chunks(docs, batchSize)) {
    const warnings = batch.length
      ? await db
          .selectFrom('warnings')
          .select(['document_id', 'code'])
          .where('document_id', 'in', batch.map((d) => d.id))
          .orderBy('document_id')
          .orderBy('position')
          .execute()
      : [];
    const codesByDoc = new Map<number, string[]>();
    for (const w of warnings) {
      const list = codesByDoc.get(w.document_id);
      if (list) list.push(w.code);
      else codesByDoc.set(w.document_id, [w.code]);
    }
    yield batch.map((d) => {
      const codes = codesByDoc.get(d.id) ?? [];
      return {
        sha256: d.sha256,
        file: d.path,
        bytes: d.bytes,
        pages: d.pages,
        title: d.title,
        producer: d.producer,
        municipality: d.municipality,
        municipality_code: d.municipality_code,
        committee: d.committee,
        meeting_date: d.meeting_date,
        document_kind: d.document_kind,
        extractor_name: d.extractor_name,
        extractor_version: d.extractor_version,
        status: d.status,
        error_code: d.error_code,
        error_message: d.error_message,
        warning_count: codes.length,
        warning_codes: codes.length > 0 ? [...new Set(codes)].join(';') : null,
      };
    });
  }
}

function parseJsonArray(text: string): unknown[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}
