// Everything the document page shows, read for one document: pages, facts, warnings and
// the corrections made to it (matched to today's facts by provenance, or stale).
import type { Kysely } from 'kysely';
import { factKeyId, latestPerFact, listCorrections, type Correction, type CorrectionKind } from '../store/corrections.js';
import type { Database } from '../store/schema.js';

export async function loadDocumentData(db: Kysely<Database>, id: number) {
  const document = await db.selectFrom('documents').selectAll().where('id', '=', id).where('status', '=', 'ok').executeTakeFirst();
  if (!document) return undefined;
  const [pages, goals, actuals, percentages, money, tables, rows, items, warnings, corrections] = await Promise.all([
    db.selectFrom('pages').select(['number', 'text', 'ocr_confidence', 'layout']).where('document_id', '=', id).orderBy('number').execute(),
    db.selectFrom('goals').selectAll().where('document_id', '=', id).orderBy('position').execute(),
    db.selectFrom('goal_actuals').selectAll().where('document_id', '=', id).orderBy('goal_id').orderBy('position').execute(),
    db.selectFrom('percentages').selectAll().where('document_id', '=', id).orderBy('position').execute(),
    db.selectFrom('money_amounts').selectAll().where('document_id', '=', id).orderBy('position').execute(),
    db.selectFrom('budget_tables').selectAll().where('document_id', '=', id).orderBy('position').execute(),
    db.selectFrom('budget_rows').selectAll().where('document_id', '=', id).orderBy('budget_table_id').orderBy('position').execute(),
    db.selectFrom('agenda_items').selectAll().where('document_id', '=', id).orderBy('position').execute(),
    db.selectFrom('warnings').selectAll().where('document_id', '=', id).orderBy('position').execute(),
    listCorrections(db, [document.sha256]),
  ]);
  return { document, pages, goals, actuals, percentages, money, tables, rows, items, warnings, corrections };
}

export type DocumentData = NonNullable<Awaited<ReturnType<typeof loadDocumentData>>>;

interface Placed {
  page: number;
  start_offset: number;
  end_offset: number;
  snippet: string;
}

/** Looks up the correction in force for a fact; matched ones are recorded, so the rest can be reported stale. */
export class CorrectionIndex {
  readonly #latest: Map<string, Correction>;
  readonly #history: readonly Correction[];
  readonly matched = new Set<string>();

  constructor(readonly sha256: string, corrections: readonly Correction[]) {
    this.#latest = latestPerFact(corrections);
    this.#history = corrections;
  }

  find(kind: CorrectionKind, item: number, p: Placed): Correction | undefined {
    const key = factKeyId({ sha256: this.sha256, kind, item, page: p.page, start: p.start_offset, end: p.end_offset });
    const c = this.#latest.get(key);
    if (!c || c.snippet !== p.snippet) return undefined;
    this.matched.add(key);
    return c;
  }

  history(kind: CorrectionKind, item: number, p: Placed): Correction[] {
    const key = factKeyId({ sha256: this.sha256, kind, item, page: p.page, start: p.start_offset, end: p.end_offset });
    return this.#history.filter((c) => factKeyId(c) === key && c.snippet === p.snippet);
  }

  /** Corrections whose fact no longer reads the same (after a re-extraction moved or changed it). */
  stale(): Correction[] {
    return [...this.#latest.entries()].filter(([key]) => !this.matched.has(key)).map(([, c]) => c);
  }
}
