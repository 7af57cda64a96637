// What `compare`, `goals` and `export` say about reviewers' corrections they could not apply:
// a correction whose value no longer reads the same after a re-extraction (reprocess, a
// re-ingest by a newer version) is left out, and each one is named on stderr, once.
import type { Kysely } from 'kysely';
import { loadDocuments } from '../compare/load-facts.js';
import { staleCorrections } from '../store/corrections.js';
import type { Database } from '../store/schema.js';

const KIND_NAMES = { goal: 'goal', goal_actual: "goal's result", percentage: 'percentage' } as const;

const short = (s: string, n = 60): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** Lines naming the stale corrections of the selected municipalities' documents (all documents when none are selected). */
export async function staleCorrectionLines(db: Kysely<Database>, municipalities: readonly string[]): Promise<string[]> {
  const shas = municipalities.length ? (await loadDocuments(db, municipalities)).map((d) => d.sha256) : undefined;
  if (shas?.length === 0) return [];
  const stale = await staleCorrections(db, shas);
  if (stale.length === 0) return [];
  const paths = new Map<string, string>();
  for (const c of stale) {
    if (paths.has(c.sha256)) continue;
    const doc = await db.selectFrom('documents').select('path').where('sha256', '=', c.sha256).where('status', '=', 'ok').executeTakeFirst();
    paths.set(c.sha256, doc?.path ?? `document ${c.sha256.slice(0, 12)} (no longer stored)`);
  }
  return stale.map(
    (c) =>
      `minutes: correction ${c.id} not applied: the ${KIND_NAMES[c.kind]} it corrects (${paths.get(c.sha256)} p.${c.page} "${short(c.snippet)}", by ${c.author}) no longer reads the same after re-extraction; review it in \`minutes serve\` (Rettelser)`,
  );
}

/** Writes those lines to stderr. */
export async function reportStaleCorrections(db: Kysely<Database>, municipalities: readonly string[]): Promise<void> {
  for (const line of await staleCorrectionLines(db, municipalities)) process.stderr.write(`${line}\n`);
}
