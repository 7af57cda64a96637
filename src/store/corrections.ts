// A reviewer's corrections of extracted values, stored apart from the facts (which every
// re-extraction deletes and rewrites) and keyed by sha256 + fact kind + provenance, so they
// survive reprocess and re-ingest. Reading them back resolves the latest per fact.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { GoalStatus, Scope, Unit } from '../schema/contract.js';
import type { Database } from './schema.js';

/** The kinds of value a reviewer may correct. A goal's actuals are addressed through the goal. */
export const CorrectionKind = z.enum(['goal', 'goal_actual', 'percentage']);
export type CorrectionKind = z.infer<typeof CorrectionKind>;

/** The fields a correction may set: value, unit, status (goals), scope (figures). */
export const CorrectionFields = z
  .object({
    value: z.number().finite().nullable().optional(),
    unit: Unit.nullable().optional(),
    status: GoalStatus.optional(),
    scope: Scope.optional(),
  })
  .strict();
export type CorrectionFields = z.infer<typeof CorrectionFields>;

/** Where a fact was read: the key a correction finds it again by. */
export interface FactKey {
  sha256: string;
  kind: CorrectionKind;
  /** Position of a goal's actual; 0 for other kinds. */
  item: number;
  page: number;
  start: number;
  end: number;
  snippet: string;
}

export interface NewCorrection extends FactKey {
  action: 'correct' | 'wrong';
  oldValue: CorrectionFields;
  /** null when the value is only marked wrong. */
  newValue: CorrectionFields | null;
  author: string;
}

export interface Correction extends NewCorrection {
  id: number;
  createdAt: string;
}

export async function addCorrection(db: Kysely<Database>, c: NewCorrection): Promise<number> {
  const row = await db
    .insertInto('corrections')
    .values({
      sha256: c.sha256,
      fact_kind: c.kind,
      item: c.item,
      page: c.page,
      start_offset: c.start,
      end_offset: c.end,
      snippet: c.snippet,
      action: c.action,
      old_value: JSON.stringify(CorrectionFields.parse(c.oldValue)),
      new_value: c.newValue === null ? null : JSON.stringify(CorrectionFields.parse(c.newValue)),
      author: c.author,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The identity of the fact a correction is about. */
export const factKeyId = (k: Omit<FactKey, 'snippet'> & { snippet?: string }): string => JSON.stringify([k.sha256, k.kind, k.item, k.page, k.start, k.end]);

function fromRow(r: { id: number; sha256: string; fact_kind: string; item: number; page: number; start_offset: number; end_offset: number; snippet: string; action: 'correct' | 'wrong'; old_value: string; new_value: string | null; author: string; created_at: string }): Correction {
  return {
    id: r.id,
    sha256: r.sha256,
    kind: CorrectionKind.parse(r.fact_kind),
    item: r.item,
    page: r.page,
    start: r.start_offset,
    end: r.end_offset,
    snippet: r.snippet,
    action: r.action,
    oldValue: CorrectionFields.parse(JSON.parse(r.old_value)),
    newValue: r.new_value === null ? null : CorrectionFields.parse(JSON.parse(r.new_value)),
    author: r.author,
    createdAt: r.created_at,
  };
}

/** Every correction (history included), oldest first; only those of these documents when given. */
export async function listCorrections(db: Kysely<Database>, sha256s?: readonly string[]): Promise<Correction[]> {
  if (sha256s === undefined) return (await db.selectFrom('corrections').selectAll().orderBy('id').execute()).map(fromRow);
  const out: Correction[] = [];
  // IN lists in chunks: both databases cap bound parameters.
  for (let i = 0; i < sha256s.length; i += 500) {
    const rows = await db.selectFrom('corrections').selectAll().where('sha256', 'in', sha256s.slice(i, i + 500)).orderBy('id').execute();
    out.push(...rows.map(fromRow));
  }
  return out.sort((a, b) => a.id - b.id);
}

/** The correction in force for each fact: the latest made (same key and snippet). */
export function latestPerFact(corrections: readonly Correction[]): Map<string, Correction> {
  const latest = new Map<string, Correction>();
  for (const c of corrections) latest.set(factKeyId(c), c);
  return latest;
}

/** The id of the document whose value a correction still finds (stored, a fact of its kind at the same place reading the same); null when it no longer matches. */
export async function correctionTarget(db: Kysely<Database>, c: Correction): Promise<number | null> {
  const doc = await db.selectFrom('documents').select('id').where('sha256', '=', c.sha256).where('status', '=', 'ok').executeTakeFirst();
  if (!doc) return null;
  const table = c.kind === 'percentage' ? 'percentages' : 'goals';
  const fact = await db
    .selectFrom(table)
    .select('id')
    .where('document_id', '=', doc.id)
    .where('page', '=', c.page)
    .where('start_offset', '=', c.start)
    .where('end_offset', '=', c.end)
    .where('snippet', '=', c.snippet)
    .executeTakeFirst();
  if (!fact) return null;
  if (c.kind === 'goal_actual') {
    const a = await db.selectFrom('goal_actuals').select('id').where('goal_id', '=', fact.id).where('position', '=', c.item).executeTakeFirst();
    if (!a) return null;
  }
  return doc.id;
}

/** Corrections in force (the latest per value) that no longer find their value; only those of these documents when given. */
export async function staleCorrections(db: Kysely<Database>, sha256s?: readonly string[]): Promise<Correction[]> {
  const latest = [...latestPerFact(await listCorrections(db, sha256s)).values()];
  const targets = await Promise.all(latest.map((c) => correctionTarget(db, c)));
  return latest.filter((_, i) => targets[i] === null);
}
