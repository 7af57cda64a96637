// Stores one document with its pages and facts in one transaction, idempotent on
// (sha256, extractor version) and safe when several processes save the same PDF at once:
// the unique sha256 decides who inserts, and the loser locks the row and re-decides.
import type { Transaction } from 'kysely';
import type { ExtractedDocument, PageText } from '../schema/contract.js';
import type { PageLayout } from '../schema/normalised.js';
import type { StoreDialect } from './dialect.js';
import { insertRows, insertRowsReturningIds } from './insert-rows.js';
import {
  absentMemberRows,
  agendaItemRows,
  budgetRowRows,
  budgetTableRows,
  documentRow,
  goalActualRows,
  goalRows,
  moneyAmountRows,
  pageRows,
  percentageRows,
  storableText,
  warningRows,
} from './rows.js';
import { DOCUMENT_CHILD_TABLES, type Database } from './schema.js';
import type { FailureRecord, SaveAction, SaveOptions } from './types.js';

type Trx = Transaction<Database>;

/**
 * Compares dotted numeric versions ("0.10.2" > "0.9.7"); undefined when either is not of that form,
 * in which case a different version simply counts as a new one.
 */
export function compareVersions(a: string, b: string): number | undefined {
  const parse = (v: string): number[] | undefined => (/^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : undefined);
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return undefined;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** Whether a stored ok document already holds results at least as new as `version`. */
function storedIsCurrent(stored: { status: string; extractor_version: string }, version: string): boolean {
  if (stored.status !== 'ok') return false;
  if (stored.extractor_version === version) return true;
  // An older worker still running during a rolling upgrade must not overwrite newer results.
  return (compareVersions(stored.extractor_version, version) ?? -1) > 0;
}

async function lockDocument(trx: Trx, dialect: Pick<StoreDialect, 'supportsRowLocks'>, sha256: string) {
  const row = await trx
    .selectFrom('documents')
    .select(['id', 'status', 'extractor_version'])
    .where('sha256', '=', sha256)
    .$if(dialect.supportsRowLocks, (q) => q.forUpdate())
    .executeTakeFirst();
  // The unique insert said the row exists; it cannot vanish inside our transaction unless deleted concurrently.
  if (!row) throw Object.assign(new Error(`document ${sha256} disappeared during save`), { code: '40001' });
  return row;
}

async function rememberPath(trx: Trx, sha256: string, path: string, now: string): Promise<void> {
  await trx
    .insertInto('document_paths')
    .values({ sha256, path: storableText(path), first_seen_at: now })
    .onConflict((oc) => oc.columns(['sha256', 'path']).doNothing())
    .execute();
}

async function deleteChildren(trx: Trx, documentId: number): Promise<void> {
  for (const table of DOCUMENT_CHILD_TABLES) {
    await trx.deleteFrom(table).where('document_id', '=', documentId).execute();
  }
}

async function insertChildren(trx: Trx, documentId: number, doc: ExtractedDocument, pages: readonly PageText[], layouts: readonly PageLayout[]): Promise<void> {
  await insertRows(trx, 'pages', pageRows(documentId, pages, layouts));
  await insertRows(trx, 'agenda_items', agendaItemRows(documentId, doc));
  const goalIds = await insertRowsReturningIds(trx, 'goals', goalRows(documentId, doc));
  await insertRows(trx, 'goal_actuals', goalActualRows(documentId, doc, goalIds));
  await insertRows(trx, 'percentages', percentageRows(documentId, doc));
  await insertRows(trx, 'money_amounts', moneyAmountRows(documentId, doc));
  const tableIds = await insertRowsReturningIds(trx, 'budget_tables', budgetTableRows(documentId, doc));
  await insertRows(trx, 'budget_rows', budgetRowRows(documentId, doc, tableIds));
  await insertRows(trx, 'absent_members', absentMemberRows(documentId, doc));
  await insertRows(trx, 'warnings', warningRows(documentId, doc));
}

export async function saveDocumentIn(
  trx: Trx,
  dialect: Pick<StoreDialect, 'supportsRowLocks'>,
  doc: ExtractedDocument,
  pages: readonly PageText[],
  options: SaveOptions = {},
): Promise<{ id: number; action: SaveAction }> {
  const layouts = options.layouts ?? [];
  const now = new Date().toISOString();
  const row = documentRow(doc, now);
  const inserted = await trx
    .insertInto('documents')
    .values(row)
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) {
    await insertChildren(trx, inserted.id, doc, pages, layouts);
    await rememberPath(trx, doc.source.sha256, doc.source.path, now);
    return { id: inserted.id, action: 'inserted' };
  }

  const stored = await lockDocument(trx, dialect, doc.source.sha256);
  await rememberPath(trx, doc.source.sha256, doc.source.path, now);
  const replaceSame = options.replaceCurrent === true && stored.extractor_version === doc.extractor.version;
  if (storedIsCurrent(stored, doc.extractor.version) && !replaceSame) return { id: stored.id, action: 'unchanged' };

  const { created_at: _createdAt, ...update } = row;
  await trx.updateTable('documents').set(update).where('id', '=', stored.id).execute();
  await deleteChildren(trx, stored.id);
  await insertChildren(trx, stored.id, doc, pages, layouts);
  return { id: stored.id, action: 'replaced' };
}

export async function recordFailureIn(
  trx: Trx,
  dialect: Pick<StoreDialect, 'supportsRowLocks'>,
  failure: FailureRecord,
  extractorName: string,
): Promise<void> {
  const now = new Date().toISOString();
  const failed = {
    path: storableText(failure.path),
    bytes: failure.bytes,
    extractor_version: failure.extractorVersion,
    error_code: failure.code,
    error_message: storableText(failure.message),
    updated_at: now,
  };
  const inserted = await trx
    .insertInto('documents')
    .values({
      ...failed,
      sha256: failure.sha256,
      pages: 0,
      title: null,
      producer: null,
      info: null,
      extractor_name: extractorName,
      status: 'failed',
      municipality: null,
      municipality_code: null,
      committee: null,
      meeting_date: null,
      document_kind: null,
      schema_version: null,
      status_summary: null,
      document: null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('id')
    .executeTakeFirst();
  await rememberPath(trx, failure.sha256, failure.path, now);
  if (inserted) return;

  const stored = await lockDocument(trx, dialect, failure.sha256);
  // A document once read successfully stays queryable: a later failure to read the same bytes
  // (a timeout under load, a stricter limit) says nothing about the stored results.
  if (stored.status === 'ok') return;
  await trx.updateTable('documents').set({ ...failed, extractor_name: extractorName }).where('id', '=', stored.id).execute();
}
