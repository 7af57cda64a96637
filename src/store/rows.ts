// Maps a contract document to table rows. Pure functions: no database here.
import type { Insertable } from 'kysely';
import type { ExtractedDocument, PageText, Provenance } from '../schema/contract.js';
import type { PageLayout } from '../schema/normalised.js';
import { encodePageLayout } from './page-layout-codec.js';
import type { Database, DocumentsTable } from './schema.js';

/**
 * PostgreSQL text cannot hold U+0000, which a damaged PDF's text may contain. It becomes
 * U+FFFD in every dialect (same length, so provenance offsets stay valid) to keep results identical.
 */
export function storableText(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

function storableNullable(text: string | null): string | null {
  return text === null ? null : storableText(text);
}

function provenanceColumns(p: Provenance): { page: number; start_offset: number; end_offset: number; snippet: string } {
  return { page: p.page, start_offset: p.start, end_offset: p.end, snippet: storableText(p.snippet) };
}

/** The contract JSON kept for exact read-back: everything but the page texts, which live in `pages`. */
export function documentJson(doc: ExtractedDocument): string {
  const { pages: _pages, ...withoutPages } = doc;
  return JSON.stringify(withoutPages);
}

/** The documents row of a successfully extracted document (created_at is kept on update by the caller). */
export function documentRow(doc: ExtractedDocument, now: string): Insertable<DocumentsTable> {
  return {
    sha256: doc.source.sha256,
    path: storableText(doc.source.path),
    bytes: doc.source.bytes,
    pages: doc.source.pages,
    title: storableNullable(doc.source.title),
    producer: storableNullable(doc.source.producer),
    info: JSON.stringify(doc.source),
    extractor_name: doc.extractor.name,
    extractor_version: doc.extractor.version,
    status: 'ok',
    error_code: null,
    error_message: null,
    municipality: storableNullable(doc.municipality),
    municipality_code: doc.municipalityCode,
    committee: storableNullable(doc.committee),
    meeting_date: doc.meetingDate,
    document_kind: doc.documentKind,
    schema_version: doc.schemaVersion,
    status_summary: doc.statusSummary === null ? null : JSON.stringify(doc.statusSummary),
    document: documentJson(doc),
    created_at: now,
    updated_at: now,
  };
}

export function pageRows(documentId: number, pages: readonly PageText[], layouts: readonly PageLayout[] = []): Insertable<Database['pages']>[] {
  const layoutOf = new Map(layouts.map((l) => [l.number, l]));
  return pages.map((p) => ({
    document_id: documentId,
    number: p.number,
    text: storableText(p.text),
    ocr_confidence: p.ocr?.confidence ?? null,
    ocr_rotation: p.ocr?.rotation ?? null,
    layout: pageLayoutColumn(layoutOf.get(p.number)),
  }));
}

function pageLayoutColumn(layout: PageLayout | undefined): string | null {
  return layout ? encodePageLayout(layout) : null;
}

/** A stored page back as the contract's page: the OCR marker comes back when the page was OCR'd. */
export function pageFromRow(row: { number: number; text: string; ocr_confidence: number | null; ocr_rotation: number | null }): PageText {
  if (row.ocr_confidence === null) return { number: row.number, text: row.text };
  return { number: row.number, text: row.text, ocr: { engine: 'tesseract', confidence: row.ocr_confidence, rotation: row.ocr_rotation ?? 0 } };
}

export function agendaItemRows(documentId: number, doc: ExtractedDocument): Insertable<Database['agenda_items']>[] {
  return doc.agendaItems.map((item, position) => ({
    document_id: documentId,
    position,
    number: item.number,
    title: storableText(item.title),
    case_number: storableNullable(item.caseNumber),
    decision: storableNullable(item.decision),
    ...provenanceColumns(item.provenance),
  }));
}

export function goalRows(documentId: number, doc: ExtractedDocument): Insertable<Database['goals']>[] {
  return doc.goals.map((goal, position) => ({
    document_id: documentId,
    position,
    goal_ref: storableText(goal.id),
    text: storableText(goal.text),
    has_target: goal.target === null ? 0 : 1,
    target_value: goal.target?.value ?? null,
    target_upper: goal.target?.upper ?? null,
    target_unit: goal.target?.unit ?? null,
    target_comparator: goal.target?.comparator ?? null,
    status: goal.status,
    status_text: storableNullable(goal.statusText),
    agenda_item: goal.agendaItem,
    status_basis: goal.statusBasis ?? null,
    ...provenanceColumns(goal.provenance),
  }));
}

/** Actual values of every goal; `goalIds[i]` is the stored id of `doc.goals[i]`. */
export function goalActualRows(documentId: number, doc: ExtractedDocument, goalIds: readonly number[]): Insertable<Database['goal_actuals']>[] {
  return doc.goals.flatMap((goal, goalPosition) => {
    const goalId = goalIds[goalPosition];
    if (goalId === undefined) throw new Error(`no stored id for goal at position ${goalPosition}`);
    return goal.actual.map((actual, position) => ({
      goal_id: goalId,
      document_id: documentId,
      position,
      value: actual.value,
      unit: actual.unit,
      scope: actual.scope,
      page: actual.provenance?.page ?? null,
      start_offset: actual.provenance?.start ?? null,
      end_offset: actual.provenance?.end ?? null,
      snippet: actual.provenance ? storableText(actual.provenance.snippet) : null,
    }));
  });
}

export function percentageRows(documentId: number, doc: ExtractedDocument): Insertable<Database['percentages']>[] {
  return doc.percentages.map((p, position) => ({
    document_id: documentId,
    position,
    value: p.value,
    unit: p.unit,
    context: storableText(p.context),
    scope: p.scope,
    raw: storableText(p.raw),
    ...provenanceColumns(p.provenance),
  }));
}

export function moneyAmountRows(documentId: number, doc: ExtractedDocument): Insertable<Database['money_amounts']>[] {
  return doc.moneyAmounts.map((m, position) => ({
    document_id: documentId,
    position,
    value: m.value,
    currency: m.currency,
    context: storableText(m.context),
    raw: storableText(m.raw),
    ...provenanceColumns(m.provenance),
  }));
}

export function budgetTableRows(documentId: number, doc: ExtractedDocument): Insertable<Database['budget_tables']>[] {
  return doc.budgetTables.map((t, position) => ({
    document_id: documentId,
    position,
    title: storableText(t.title),
    unit: t.unit,
    columns: JSON.stringify(t.columns),
    ...provenanceColumns(t.provenance),
  }));
}

/** Rows of every budget table, the total row last with is_total = 1; `tableIds[i]` is the stored id of table i. */
export function budgetRowRows(documentId: number, doc: ExtractedDocument, tableIds: readonly number[]): Insertable<Database['budget_rows']>[] {
  return doc.budgetTables.flatMap((table, tablePosition) => {
    const tableId = tableIds[tablePosition];
    if (tableId === undefined) throw new Error(`no stored id for budget table at position ${tablePosition}`);
    const rows = table.total === null ? table.rows.map((row) => ({ row, isTotal: 0 })) : [...table.rows.map((row) => ({ row, isTotal: 0 })), { row: table.total, isTotal: 1 }];
    return rows.map(({ row, isTotal }, position) => ({
      budget_table_id: tableId,
      document_id: documentId,
      position,
      label: storableText(row.label),
      cell_values: JSON.stringify(row.values),
      is_total: isTotal,
    }));
  });
}

export function absentMemberRows(documentId: number, doc: ExtractedDocument): Insertable<Database['absent_members']>[] {
  return doc.absent.map((name, position) => ({ document_id: documentId, position, name: storableText(name) }));
}

export function warningRows(documentId: number, doc: ExtractedDocument): Insertable<Database['warnings']>[] {
  return doc.warnings.map((w, position) => ({ document_id: documentId, position, code: w.code, message: storableText(w.message), page: w.page }));
}
