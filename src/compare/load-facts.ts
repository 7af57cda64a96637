// Reads the facts the comparisons need from the store. Read-side SQL only, through
// Kysely, and the same on SQLite and PostgreSQL: plain selects, joins and IN lists.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Comparator, GoalStatus, Scope, StatusBasis, Unit } from '../schema/contract.js';
import { matchMunicipality, municipalityKey } from '../extract/meeting/municipalities.js';
import type { Database } from '../store/schema.js';
import { percentageWindow } from './percentage-window.js';

/** IN lists are sent in chunks of this many ids (PostgreSQL and SQLite both cap bound parameters). */
const ID_CHUNK = 500;

const StoredDocument = z.object({
  id: z.number().int(),
  sha256: z.string(),
  path: z.string(),
  title: z.string().nullable(),
  municipality: z.string().nullable(),
  municipality_code: z.number().int().nullable(),
  committee: z.string().nullable(),
  meeting_date: z.string().nullable(),
  document_kind: z.string().nullable(),
  pages: z.number().int(),
});
export type StoredDocument = z.infer<typeof StoredDocument>;

/** Where a counted fact was read a second time, in a linked document of the same meeting (repeated-documents.ts). */
export const RepeatedAt = z.object({ file: z.string(), sha256: z.string(), page: z.number().int(), start: z.number().int(), end: z.number().int() });
export type RepeatedAt = z.infer<typeof RepeatedAt>;

const StoredPosition = z.object({ page: z.number().int(), start_offset: z.number().int(), end_offset: z.number().int(), snippet: z.string() });

const StoredGoal = StoredPosition.extend({
  id: z.number().int(),
  document_id: z.number().int(),
  position: z.number().int(),
  goal_ref: z.string(),
  text: z.string(),
  target_value: z.number().nullable(),
  target_upper: z.number().nullable(),
  target_unit: Unit.nullable(),
  target_comparator: Comparator.nullable(),
  status: GoalStatus,
  status_text: z.string().nullable(),
  agenda_item: z.number().int().nullable(),
  status_basis: StatusBasis.nullable(),
});
export type StoredGoal = z.infer<typeof StoredGoal>;

const StoredActual = z.object({
  goal_id: z.number().int(),
  position: z.number().int(),
  value: z.number(),
  unit: Unit.nullable(),
  scope: Scope,
  page: z.number().int().nullable(),
});
export type StoredActual = z.infer<typeof StoredActual>;

const StoredPercentage = StoredPosition.extend({
  id: z.number().int(),
  document_id: z.number().int(),
  position: z.number().int(),
  value: z.number(),
  unit: z.enum(['percent', 'percentage_points']),
  context: z.string(),
  scope: Scope,
  raw: z.string(),
});
export type StoredPercentage = z.infer<typeof StoredPercentage> & {
  /** The clause around the figure in its page (percentage-window.ts), for linking. */
  window: string;
  /** Where a linked document published the same figure again (repeated-documents.ts). */
  repeatedIn?: RepeatedAt[];
};

const StoredAgendaItem = z.object({
  document_id: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  page: z.number().int(),
  start_offset: z.number().int(),
});
export type StoredAgendaItem = z.infer<typeof StoredAgendaItem>;

export interface DocumentFacts {
  document: StoredDocument;
  firstPageText: string | null;
  agendaItems: StoredAgendaItem[];
  goals: { goal: StoredGoal; actuals: StoredActual[]; repeatedIn?: RepeatedAt[] }[];
  percentages: StoredPercentage[];
  /** Documents publishing items of the same meeting (repeated-documents.ts); set by countRepeatsOnce. */
  linkedDocuments?: StoredDocument[];
}

export interface FactFilter {
  /** Municipality names as a user writes them ("Norddjurs", "Århus Kommune"); empty = all. */
  municipalities?: readonly string[];
  /** Documents already chosen (then `municipalities` is not consulted). */
  documents?: readonly StoredDocument[];
  /** Which facts to read (both by default). */
  goals?: boolean;
  percentages?: boolean;
}

/** Stored documents (status ok) of the selected municipalities, in path order. */
export async function loadDocuments(db: Kysely<Database>, municipalities: readonly string[] = []): Promise<StoredDocument[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'sha256', 'path', 'title', 'municipality', 'municipality_code', 'committee', 'meeting_date', 'document_kind', 'pages'])
    .where('status', '=', 'ok')
    .orderBy('id')
    .execute();
  const docs = rows.map((r) => StoredDocument.parse(r)).sort(documentOrder);
  const wanted = municipalityFilter(municipalities);
  return docs.filter((d) => wanted(d.municipality, d.municipality_code));
}

/**
 * Documents in path order (then sha256), compared by code unit in JavaScript: ids
 * depend on the order files were stored in, and SQL collations differ between
 * SQLite and PostgreSQL, so neither may decide the order of an export.
 */
export function documentOrder(a: { path: string; sha256: string }, b: { path: string; sha256: string }): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0;
}

/**
 * A predicate over a document's municipality: a requested name matches by official
 * kommunekode when it names one of the 98 municipalities (any spelling), else by
 * its folded spelling ("Vesthimmerland" = "Vesthimmerlands Kommune").
 */
export function municipalityFilter(requested: readonly string[]): (name: string | null, code: number | null) => boolean {
  if (requested.length === 0) return () => true;
  const codes = new Set<number>();
  const keys = new Set<string>();
  for (const r of requested) {
    const m = matchMunicipality(r);
    if (m) {
      codes.add(m.code);
      keys.add(municipalityKey(m.name));
    } else keys.add(municipalityKey(r));
  }
  return (name, code) => (code !== null && codes.has(code)) || (name !== null && keys.has(municipalityKey(name)));
}

/** Everything the comparisons read, grouped per document. */
export async function loadFacts(db: Kysely<Database>, filter: FactFilter = {}): Promise<DocumentFacts[]> {
  const docs = filter.documents ?? (await loadDocuments(db, filter.municipalities ?? []));
  const byId = new Map<number, DocumentFacts>(
    docs.map((document) => [document.id, { document, firstPageText: null, agendaItems: [], goals: [], percentages: [] }]),
  );
  const wantGoals = filter.goals ?? true;
  const wantPercentages = filter.percentages ?? true;
  for (const ids of chunks([...byId.keys()], ID_CHUNK)) {
    const pages = await db.selectFrom('pages').select(['document_id', 'text']).where('number', '=', 1).where('document_id', 'in', ids).execute();
    for (const p of pages) {
      const f = byId.get(p.document_id);
      if (f) f.firstPageText = p.text;
    }
    const items = await db
      .selectFrom('agenda_items')
      .select(['document_id', 'number', 'title', 'page', 'start_offset'])
      .where('document_id', 'in', ids)
      .orderBy('document_id')
      .orderBy('position')
      .execute();
    for (const row of items) byId.get(row.document_id)?.agendaItems.push(StoredAgendaItem.parse(row));
    if (wantGoals) await loadGoals(db, ids, byId);
    if (wantPercentages) {
      const rows = await db
        .selectFrom('percentages')
        .select(['id', 'document_id', 'position', 'value', 'unit', 'context', 'scope', 'raw', 'page', 'start_offset', 'end_offset', 'snippet'])
        .where('document_id', 'in', ids)
        .orderBy('document_id')
        .orderBy('position')
        .execute();
      const parsed = rows.map((row) => StoredPercentage.parse(row));
      const windows = await percentageWindows(db, parsed);
      for (const p of parsed) byId.get(p.document_id)?.percentages.push({ ...p, window: windows.get(p.id) ?? '' });
    }
  }
  return [...byId.values()];
}

async function loadGoals(db: Kysely<Database>, ids: number[], byId: Map<number, DocumentFacts>): Promise<void> {
  const goals = await db
    .selectFrom('goals')
    .select([
      'id', 'document_id', 'position', 'goal_ref', 'text', 'target_value', 'target_upper', 'target_unit', 'target_comparator',
      'status', 'status_text', 'agenda_item', 'status_basis', 'page', 'start_offset', 'end_offset', 'snippet',
    ])
    .where('document_id', 'in', ids)
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  const actuals = await db
    .selectFrom('goal_actuals')
    .select(['goal_id', 'position', 'value', 'unit', 'scope', 'page'])
    .where('document_id', 'in', ids)
    .orderBy('goal_id')
    .orderBy('position')
    .execute();
  const actualsByGoal = new Map<number, StoredActual[]>();
  for (const row of actuals) {
    const a = StoredActual.parse(row);
    const list = actualsByGoal.get(a.goal_id) ?? [];
    list.push(a);
    actualsByGoal.set(a.goal_id, list);
  }
  for (const row of goals) {
    const goal = StoredGoal.parse(row);
    byId.get(goal.document_id)?.goals.push({ goal, actuals: actualsByGoal.get(goal.id) ?? [] });
  }
}

/** The clause around each percentage, read from the pages that hold percentages. */
async function percentageWindows(db: Kysely<Database>, percentages: readonly z.infer<typeof StoredPercentage>[]): Promise<Map<number, string>> {
  const windows = new Map<number, string>();
  if (percentages.length === 0) return windows;
  const onPage = new Map<string, z.infer<typeof StoredPercentage>[]>();
  for (const p of percentages) {
    const key = `${p.document_id}:${p.page}`;
    const list = onPage.get(key);
    if (list) list.push(p);
    else onPage.set(key, [p]);
  }
  const docIds = [...new Set(percentages.map((p) => p.document_id))];
  const pageNumbers = [...new Set(percentages.map((p) => p.page))];
  const pages = await db
    .selectFrom('pages')
    .select(['document_id', 'number', 'text'])
    .where('document_id', 'in', docIds)
    .where('number', 'in', pageNumbers)
    .execute();
  for (const page of pages) {
    const list = onPage.get(`${page.document_id}:${page.number}`) ?? [];
    const spans = list.map((p) => ({ start: p.start_offset, end: p.end_offset }));
    for (const p of list) windows.set(p.id, percentageWindow(page.text, { start: p.start_offset, end: p.end_offset }, spans));
  }
  return windows;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
