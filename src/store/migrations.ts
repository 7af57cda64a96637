// The schema's history as migrations defined in code (no files on disk, so the compiled
// package carries them). Each migration is written once for both dialects; the few
// type names that differ come from the dialect's capabilities.
import { sql, type Kysely, type Migration, type MigrationProvider, type CreateTableBuilder } from 'kysely';
import type { StoreDialect } from './dialect.js';

type Capabilities = Pick<StoreDialect, 'autoIdType' | 'binaryType'>;

/** Fact tables that carry a document id, a list position and provenance. */
const PROVENANCED_FACT_TABLES = ['agenda_items', 'goals', 'percentages', 'money_amounts', 'budget_tables'] as const;

function withFactColumns<T extends string>(table: CreateTableBuilder<T, never>, caps: Capabilities): CreateTableBuilder<T, never> {
  return table
    .addColumn('id', caps.autoIdType, (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull());
}

function withProvenance<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> {
  return table
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('snippet', 'text', (c) => c.notNull());
}

// Kysely's migration signature is untyped by design: a migration must not depend on today's schema type.
async function initialSchema(db: Kysely<any>, caps: Capabilities): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', caps.autoIdType, (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('producer', 'text')
    .addColumn('info', 'text')
    .addColumn('extractor_name', 'text', (c) => c.notNull())
    .addColumn('extractor_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('ok', 'failed')`))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('municipality', 'text')
    .addColumn('municipality_code', 'integer')
    .addColumn('committee', 'text')
    .addColumn('meeting_date', 'text')
    .addColumn('document_kind', 'text')
    .addColumn('schema_version', 'integer')
    .addColumn('status_summary', 'text')
    .addColumn('document', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_municipality_date').on('documents').columns(['municipality', 'meeting_date']).execute();
  await db.schema.createIndex('documents_meeting_date').on('documents').column('meeting_date').execute();
  await db.schema.createIndex('documents_status_version').on('documents').columns(['status', 'extractor_version']).execute();

  await db.schema
    .createTable('document_paths')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_paths_pk', ['sha256', 'path'])
    .execute();

  await db.schema
    .createTable('pages')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pages_pk', ['document_id', 'number'])
    .execute();

  await db.schema
    .createTable('parsed_cache')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('data', caps.binaryType, (c) => c.notNull())
    .addColumn('json_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withProvenance(withFactColumns(db.schema.createTable('agenda_items'), caps))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text')
    .addColumn('decision', 'text')
    .execute();

  await withProvenance(withFactColumns(db.schema.createTable('goals'), caps))
    .addColumn('goal_ref', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('has_target', 'integer', (c) => c.notNull())
    .addColumn('target_value', 'double precision')
    .addColumn('target_upper', 'double precision')
    .addColumn('target_unit', 'text')
    .addColumn('target_comparator', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_text', 'text')
    .addColumn('agenda_item', 'integer')
    .execute();
  await db.schema.createIndex('goals_status').on('goals').column('status').execute();

  await db.schema
    .createTable('goal_actuals')
    .addColumn('id', caps.autoIdType, (c) => c.primaryKey())
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('page', 'integer')
    .addColumn('start_offset', 'integer')
    .addColumn('end_offset', 'integer')
    .addColumn('snippet', 'text')
    .execute();
  await db.schema.createIndex('goal_actuals_position').on('goal_actuals').columns(['goal_id', 'position']).unique().execute();
  await db.schema.createIndex('goal_actuals_document').on('goal_actuals').column('document_id').execute();

  await withProvenance(withFactColumns(db.schema.createTable('percentages'), caps))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .execute();

  await withProvenance(withFactColumns(db.schema.createTable('money_amounts'), caps))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .execute();

  await withProvenance(withFactColumns(db.schema.createTable('budget_tables'), caps))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('columns', 'text', (c) => c.notNull())
    .execute();

  // One unique (document_id, position) index per provenanced fact table: list order and no duplicates.
  for (const table of PROVENANCED_FACT_TABLES) {
    await db.schema.createIndex(`${table}_position`).on(table).columns(['document_id', 'position']).unique().execute();
  }

  await db.schema
    .createTable('budget_rows')
    .addColumn('id', caps.autoIdType, (c) => c.primaryKey())
    .addColumn('budget_table_id', 'integer', (c) => c.notNull().references('budget_tables.id').onDelete('cascade'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('cell_values', 'text', (c) => c.notNull())
    .addColumn('is_total', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_rows_position').on('budget_rows').columns(['budget_table_id', 'position']).unique().execute();
  await db.schema.createIndex('budget_rows_document').on('budget_rows').column('document_id').execute();

  await db.schema
    .createTable('absent_members')
    .addColumn('id', caps.autoIdType, (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('absent_members_position').on('absent_members').columns(['document_id', 'position']).unique().execute();

  await db.schema
    .createTable('warnings')
    .addColumn('id', caps.autoIdType, (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('page', 'integer')
    .execute();
  await db.schema.createIndex('warnings_position').on('warnings').columns(['document_id', 'position']).unique().execute();
  await db.schema.createIndex('warnings_code').on('warnings').column('code').execute();
}

/** Whether a goal's status was stated by the document or derived from its figures; null for rows stored before. */
async function goalStatusBasis(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('goals').addColumn('status_basis', 'text').execute();
}

/** Pages read by OCR keep the engine's mean word confidence; null for pages read from their text layer. */
async function pageOcr(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pages').addColumn('ocr_confidence', 'real').execute();
  await db.schema.alterTable('pages').addColumn('ocr_rotation', 'integer').execute();
}

/**
 * A reviewer's corrections, kept apart from extracted facts (which are deleted and rewritten on every
 * re-extraction). Keyed by the document's sha256, the fact kind and its provenance, never by row ids,
 * so a correction outlives reprocess and re-ingest and is found again when the fact still reads the same.
 */
async function corrections(db: Kysely<any>, caps: Capabilities): Promise<void> {
  await db.schema
    .createTable('corrections')
    .addColumn('id', caps.autoIdType, (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('fact_kind', 'text', (c) => c.notNull())
    .addColumn('item', 'integer', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('snippet', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('correct', 'wrong')`))
    .addColumn('old_value', 'text', (c) => c.notNull())
    .addColumn('new_value', 'text')
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('corrections_fact').on('corrections').columns(['sha256', 'fact_kind', 'page', 'start_offset']).execute();
}

/** Pages keep their layout (runs of text with their place), so the workbench can draw a page whose PDF is gone; null for pages stored before. */
async function pageLayout(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pages').addColumn('layout', 'text').execute();
}

/**
 * The comparison rows of each document (src/compare/stored-rows.ts), kept so the workbench's compare
 * page reads one indicator's rows with one indexed query instead of linking every fact of the store.
 * A derived cache: the state table says for which document version, corrections and comparison rules
 * a document's rows were built, and stale ones are rebuilt.
 */
async function compareRows(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('compare_rows')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('has_value', 'integer', (c) => c.notNull())
    .addColumn('meeting_date', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('row', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('compare_rows_pk', ['document_id', 'position'])
    .execute();
  // Covering: an indicator's counts, and the choice of one row per cell, are read from the index alone, never from the rows' JSON.
  await db.schema
    .createIndex('compare_rows_indicator')
    .on('compare_rows')
    .columns(['indicator_id', 'cell', 'unit', 'has_value', 'meeting_date', 'sha256', 'kind', 'page', 'start_offset', 'document_id', 'position'])
    .execute();
  // Covering too: finding the documents stored since their rows were built reads no document JSON.
  await db.schema.createIndex('documents_status_updated').on('documents').columns(['status', 'updated_at', 'sha256']).execute();
  await db.schema
    .createTable('compare_row_state')
    .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('corrections', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .execute();
}

/** Migrations by name; names sort in the order they must run. */
export function storeMigrations(caps: Capabilities): Record<string, Migration> {
  return {
    '0001_initial_schema': { up: (db) => initialSchema(db, caps) },
    '0002_goal_status_basis': { up: goalStatusBasis },
    '0003_page_ocr': { up: pageOcr },
    '0004_corrections': { up: (db) => corrections(db, caps) },
    '0005_page_layout': { up: pageLayout },
    '0006_compare_rows': { up: compareRows },
  };
}

export function migrationProvider(caps: Capabilities): MigrationProvider {
  return { getMigrations: async () => storeMigrations(caps) };
}
