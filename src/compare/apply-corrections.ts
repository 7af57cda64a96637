// Applies reviewers' corrections (store/corrections.ts) to the facts the comparisons read:
// a corrected value replaces the extracted one, a value marked wrong is left out. A
// correction whose fact no longer reads the same (page, offsets and snippet) is not applied.
import type { Kysely } from 'kysely';
import { factKeyId, latestPerFact, listCorrections, type Correction, type CorrectionKind } from '../store/corrections.js';
import type { Database } from '../store/schema.js';
import type { DocumentFacts } from './load-facts.js';

interface Placed {
  page: number;
  start_offset: number;
  end_offset: number;
  snippet: string;
}

/** The correction in force for a fact, if its snippet still matches. */
function find(latest: Map<string, Correction>, sha256: string, kind: CorrectionKind, item: number, p: Placed): Correction | undefined {
  const c = latest.get(factKeyId({ sha256, kind, item, page: p.page, start: p.start_offset, end: p.end_offset }));
  return c && c.snippet === p.snippet ? c : undefined;
}

/** Returns the facts with corrections applied (the input is changed in place, and returned). */
export async function applyCorrections(db: Kysely<Database>, facts: DocumentFacts[]): Promise<DocumentFacts[]> {
  const latest = latestPerFact(await listCorrections(db, facts.map((f) => f.document.sha256)));
  if (latest.size === 0) return facts;
  for (const f of facts) {
    const sha = f.document.sha256;
    f.goals = f.goals.flatMap((entry) => {
      const c = find(latest, sha, 'goal', 0, entry.goal);
      if (c?.action === 'wrong') return [];
      const goal = { ...entry.goal };
      if (c?.newValue) {
        const n = c.newValue;
        if (n.status !== undefined) goal.status = n.status;
        if (n.value !== undefined) goal.target_value = n.value;
        if (n.unit !== undefined) goal.target_unit = n.unit;
      }
      const actuals = entry.actuals.flatMap((a) => {
        const ca = find(latest, sha, 'goal_actual', a.position, entry.goal);
        if (ca?.action === 'wrong') return [];
        const n = ca?.newValue;
        if (!n) return [a];
        return [{ ...a, ...(n.value != null ? { value: n.value } : {}), ...(n.unit !== undefined ? { unit: n.unit } : {}), ...(n.scope ? { scope: n.scope } : {}) }];
      });
      return [{ goal, actuals }];
    });
    f.percentages = f.percentages.flatMap((p) => {
      const c = find(latest, sha, 'percentage', 0, p);
      if (c?.action === 'wrong') return [];
      const n = c?.newValue;
      if (!n) return [p];
      const unit = n.unit === 'percent' || n.unit === 'percentage_points' ? n.unit : p.unit;
      return [{ ...p, ...(n.value != null ? { value: n.value } : {}), unit, ...(n.scope ? { scope: n.scope } : {}) }];
    });
  }
  return facts;
}
