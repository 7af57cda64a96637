// The tables of the store as Kysely types: one definition for SQLite and PostgreSQL.
// JSON is kept as text and dates as ISO strings in both dialects, so every query
// returns the same JavaScript values whichever database answers it.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A JSON document serialised with JSON.stringify. */
export type JsonText = string;

/** Where a fact was read: 1-based page and UTF-16 offsets into the normalised page text. */
export interface ProvenanceColumns {
  page: number;
  start_offset: number;
  end_offset: number;
  snippet: string;
}

/** Every fact row belongs to one document and keeps its place in the document's list. */
export interface FactColumns {
  id: Generated<number>;
  document_id: number;
  /** 0-based index in the contract's list, so lists read back in their original order. */
  position: number;
}

export interface DocumentsTable {
  id: Generated<number>;
  sha256: string;
  /** The path the document was last stored under; all paths are in document_paths. */
  path: string;
  bytes: number;
  pages: number;
  title: string | null;
  producer: string | null;
  /** The contract's `source` object as JSON. */
  info: JsonText | null;
  extractor_name: string;
  extractor_version: string;
  status: 'ok' | 'failed';
  error_code: string | null;
  error_message: string | null;
  municipality: string | null;
  municipality_code: number | null;
  committee: string | null;
  /** YYYY-MM-DD */
  meeting_date: string | null;
  document_kind: string | null;
  schema_version: number | null;
  /** The document's own status counts (contract `statusSummary`) as JSON; null when it states none. */
  status_summary: JsonText | null;
  /** The full contract JSON without `pages`, for exact read-back; null for failures. */
  document: JsonText | null;
  /** ISO 8601 timestamps. */
  created_at: string;
  updated_at: string;
}

export interface DocumentPathsTable {
  sha256: string;
  path: string;
  first_seen_at: string;
}

export interface PagesTable {
  document_id: number;
  number: number;
  text: string;
  /** Mean word confidence (0–100) of a page read by OCR (tesseract); null for a text-layer page. */
  ocr_confidence: number | null;
  /** The clockwise turn that made an OCR'd page upright; null for a text-layer page. */
  ocr_rotation: number | null;
  /** Where each run of the text sits (page-layout-codec.ts), to draw the page when its PDF is gone; null for pages without positions or stored before migration 0005. */
  layout: string | null;
}

export interface ParsedCacheTable {
  sha256: string;
  /** How `data` is encoded; 'json+gzip' is the only format so far. */
  format: string;
  data: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  /** Size of the uncompressed JSON in bytes. */
  json_bytes: number;
  created_at: string;
}

export interface AgendaItemsTable extends FactColumns, ProvenanceColumns {
  number: number;
  title: string;
  case_number: string | null;
  decision: string | null;
}

export interface GoalsTable extends FactColumns, ProvenanceColumns {
  /** The goal's id in the contract (the document's own number, e.g. "2.1"). */
  goal_ref: string;
  text: string;
  has_target: number;
  target_value: number | null;
  target_upper: number | null;
  target_unit: string | null;
  target_comparator: string | null;
  status: string;
  status_text: string | null;
  agenda_item: number | null;
  /** stated | derived | none; null for goals stored before migration 0002. */
  status_basis: string | null;
}

export interface GoalActualsTable {
  id: Generated<number>;
  goal_id: number;
  document_id: number;
  position: number;
  value: number;
  unit: string | null;
  scope: string;
  /** Provenance is optional for actuals in the contract. */
  page: number | null;
  start_offset: number | null;
  end_offset: number | null;
  snippet: string | null;
}

export interface PercentagesTable extends FactColumns, ProvenanceColumns {
  value: number;
  unit: string;
  context: string;
  scope: string;
  raw: string;
}

export interface MoneyAmountsTable extends FactColumns, ProvenanceColumns {
  value: number;
  currency: string;
  context: string;
  raw: string;
}

export interface BudgetTablesTable extends FactColumns, ProvenanceColumns {
  title: string;
  unit: string;
  /** Column headings as a JSON array of strings. */
  columns: JsonText;
}

export interface BudgetRowsTable {
  id: Generated<number>;
  budget_table_id: number;
  document_id: number;
  /** Order within the table; the total row comes last. */
  position: number;
  label: string;
  /** Cell values as a JSON array of numbers and nulls. */
  cell_values: JsonText;
  /** 1 for the table's total row, else 0 (no boolean type in SQLite). */
  is_total: number;
}

export interface AbsentMembersTable {
  id: Generated<number>;
  document_id: number;
  position: number;
  name: string;
}

export interface WarningsTable {
  id: Generated<number>;
  document_id: number;
  position: number;
  code: string;
  message: string;
  page: number | null;
}

/** One reviewer's verdict on one extracted value; the latest per fact applies. */
export interface CorrectionsTable {
  id: Generated<number>;
  /** The document's PDF, so the correction outlives its row ids. */
  sha256: string;
  /** goal | goal_actual | percentage | money */
  fact_kind: string;
  /** Which of a goal's actuals (0-based position); 0 for other kinds. */
  item: number;
  /** The corrected fact's provenance (a goal's for its actuals); it finds the fact again after re-extraction. */
  page: number;
  start_offset: number;
  end_offset: number;
  snippet: string;
  /** correct (new_value holds the new fields) | wrong (the value is marked wrong, new_value null) */
  action: 'correct' | 'wrong';
  /** JSON of the fields as extracted when the correction was made: value, unit, status, scope. */
  old_value: JsonText;
  new_value: JsonText | null;
  author: string;
  /** ISO 8601 */
  created_at: string;
}

/** One comparison row of a document (src/compare/stored-rows.ts): derived, rebuilt when stale. */
export interface CompareRowsTable {
  document_id: number;
  /** Order among the document's rows. */
  position: number;
  indicator_id: string;
  /** JSON [municipality code or name, year]: with the indicator, the cell `minutes compare` shows one value per. */
  cell: string;
  unit: string | null;
  /** 1 when the row has the municipality's own value. */
  has_value: number;
  /** What one-per-cell.ts chooses a cell's row by, copied from the row. */
  meeting_date: string | null;
  sha256: string;
  kind: string;
  page: number;
  start_offset: number;
  /** The CompareRow as JSON. */
  row: JsonText;
}

/** For which document version, corrections and comparison rules a document's compare rows were built. */
export interface CompareRowStateTable {
  document_id: number;
  /** documents.updated_at when built. */
  updated_at: string;
  /** "count:max id" of the document's corrections when built; '' when it had none. */
  corrections: string;
  /** The comparison rules' version (taxonomy and matcher). */
  version: string;
}

export interface Database {
  documents: DocumentsTable;
  document_paths: DocumentPathsTable;
  pages: PagesTable;
  parsed_cache: ParsedCacheTable;
  agenda_items: AgendaItemsTable;
  goals: GoalsTable;
  goal_actuals: GoalActualsTable;
  percentages: PercentagesTable;
  money_amounts: MoneyAmountsTable;
  budget_tables: BudgetTablesTable;
  budget_rows: BudgetRowsTable;
  absent_members: AbsentMembersTable;
  warnings: WarningsTable;
  corrections: CorrectionsTable;
  compare_rows: CompareRowsTable;
  compare_row_state: CompareRowStateTable;
}

export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocumentRow = Insertable<DocumentsTable>;

/** Tables holding a document's extracted facts and pages, removed when the document is re-extracted. */
export const DOCUMENT_CHILD_TABLES = [
  'goal_actuals',
  'budget_rows',
  'goals',
  'budget_tables',
  'agenda_items',
  'percentages',
  'money_amounts',
  'absent_members',
  'warnings',
  'pages',
] as const satisfies readonly (keyof Database)[];
