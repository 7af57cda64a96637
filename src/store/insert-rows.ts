// Inserts many rows in statements small enough for both dialects' parameter limits
// (SQLite 32766, PostgreSQL 65535 bound parameters per statement).
import type { InsertObject, Kysely } from 'kysely';
import type { Database } from './schema.js';

const MAX_PARAMETERS = 30_000;

function chunkSize(rows: readonly object[]): number {
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  return Math.max(1, Math.floor(MAX_PARAMETERS / columns));
}

export async function insertRows<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: readonly InsertObject<Database, T>[]): Promise<void> {
  const size = chunkSize(rows);
  for (let i = 0; i < rows.length; i += size) {
    await db.insertInto(table).values(rows.slice(i, i + size)).execute();
  }
}

/** Inserts rows that carry a `position` and returns the new ids indexed by that position. */
export async function insertRowsReturningIds<T extends 'goals' | 'budget_tables'>(
  db: Kysely<Database>,
  table: T,
  rows: readonly InsertObject<Database, T>[],
): Promise<number[]> {
  const ids: number[] = [];
  const size = chunkSize(rows);
  for (let i = 0; i < rows.length; i += size) {
    const inserted = await db
      .insertInto(table as 'goals')
      .values(rows.slice(i, i + size) as InsertObject<Database, 'goals'>[])
      .returning(['id', 'position'])
      .execute();
    for (const row of inserted) ids[row.position] = row.id;
  }
  return ids;
}
