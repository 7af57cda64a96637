// Review: a correction posted from a document page (only with --allow-edits, same origin and
// this server's token — checked by the server before this runs), and the list of all
// corrections with whether each still finds its value.
import { html } from 'hono/html';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addCorrection, CorrectionFields, CorrectionKind, correctionTarget, listCorrections, type FactKey } from '../store/corrections.js';
import type { Database } from '../store/schema.js';
import { layout, type Html } from './layout.js';

const Form = z.object({
  document: z.coerce.number().int().positive(),
  kind: CorrectionKind,
  position: z.coerce.number().int().min(0),
  item: z.coerce.number().int().min(0).default(0),
  action: z.enum(['correct', 'wrong']),
  value: z.string().max(40).default(''),
  unit: z.string().max(40).default(''),
  status: z.string().max(40).optional(),
  scope: z.string().max(40).optional(),
  author: z.string().max(80).default(''),
});

/** "67,7", "1.234,5", "-3" → numbers, as a Danish reader writes them; blank → null. */
export function danishNumber(text: string): number | null | 'invalid' {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  const n = Number(t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t);
  return Number.isFinite(n) ? n : 'invalid';
}

interface Located {
  key: FactKey;
  old: CorrectionFields;
}

/** The fact a form names, read from the store (its provenance and current value never come from the form). */
async function locate(db: Kysely<Database>, f: z.infer<typeof Form>): Promise<Located | undefined> {
  const doc = await db.selectFrom('documents').select(['id', 'sha256']).where('id', '=', f.document).where('status', '=', 'ok').executeTakeFirst();
  if (!doc) return undefined;
  const key = (p: { page: number; start_offset: number; end_offset: number; snippet: string }, item: number): FactKey => ({
    sha256: doc.sha256, kind: f.kind, item, page: p.page, start: p.start_offset, end: p.end_offset, snippet: p.snippet,
  });
  if (f.kind === 'percentage') {
    const p = await db.selectFrom('percentages').selectAll().where('document_id', '=', doc.id).where('position', '=', f.position).executeTakeFirst();
    return p && { key: key(p, 0), old: CorrectionFields.parse({ value: p.value, unit: p.unit, scope: p.scope }) };
  }
  const g = await db.selectFrom('goals').selectAll().where('document_id', '=', doc.id).where('position', '=', f.position).executeTakeFirst();
  if (!g) return undefined;
  if (f.kind === 'goal') return { key: key(g, 0), old: CorrectionFields.parse({ value: g.target_value, unit: g.target_unit, status: g.status }) };
  const a = await db.selectFrom('goal_actuals').selectAll().where('goal_id', '=', g.id).where('position', '=', f.item).executeTakeFirst();
  return a && { key: key(g, f.item), old: CorrectionFields.parse({ value: a.value, unit: a.unit, scope: a.scope }) };
}

export type PostResult = { ok: true; redirect: string } | { ok: false; status: 400 | 404; message: string };

export async function postCorrection(db: Kysely<Database>, body: Record<string, unknown>, defaultAuthor: string): Promise<PostResult> {
  const form = Form.safeParse(body);
  if (!form.success) return { ok: false, status: 400, message: `invalid correction: ${form.error.issues.map((i) => i.path.join('.')).join(', ')}` };
  const f = form.data;
  const found = await locate(db, f);
  if (!found) return { ok: false, status: 404, message: 'no such value in this document' };
  let newValue: CorrectionFields | null = null;
  if (f.action === 'correct') {
    const value = danishNumber(f.value);
    if (value === 'invalid') return { ok: false, status: 400, message: `not a number: ${f.value}` };
    const fields = CorrectionFields.safeParse({
      value,
      unit: f.unit === '' ? null : f.unit,
      ...(f.kind === 'goal' && f.status ? { status: f.status } : {}),
      ...(f.kind !== 'goal' && f.scope ? { scope: f.scope } : {}),
    });
    if (!fields.success) return { ok: false, status: 400, message: `invalid correction: ${fields.error.issues.map((i) => i.path.join('.')).join(', ')}` };
    newValue = fields.data;
  }
  await addCorrection(db, { ...found.key, action: f.action, oldValue: found.old, newValue, author: f.author.trim() || defaultAuthor });
  const k = found.key;
  return { ok: true, redirect: `/documents/${f.document}#at-${k.page}-${k.start}-${k.end}` };
}

export async function correctionsPage(db: Kysely<Database>, allowEdits: boolean): Promise<Html> {
  const all = (await listCorrections(db)).reverse();
  const rows = await Promise.all(all.map(async (c) => ({ c, doc: await correctionTarget(db, c) })));
  const fields = (v: object | null): string => (v === null ? 'forkert' : Object.entries(v).map(([k, x]) => `${k}=${x === null ? '–' : String(x)}`).join(', '));
  const body = html`<main class="wide"><h1>Rettelser</h1>
<p>${all.length} rettelser, ${rows.filter((r) => r.doc === null).length} passer ikke længere til en udtrukket værdi (dokumentet er læst igen og værdien flyttet eller ændret).</p>
<table class="list" id="corrections"><thead><tr><th>Hvornår</th><th>Hvem</th><th>Art</th><th>Tekst</th><th>Før → efter</th><th>Passer</th></tr></thead><tbody>
${rows.map(({ c, doc }) => html`<tr class="${doc === null ? 'stale' : 'matched'}"><td>${c.createdAt.slice(0, 16).replace('T', ' ')}</td><td>${c.author}</td><td>${c.kind}</td>
<td>${doc === null ? html`<q>${c.snippet}</q>` : html`<a href="/documents/${doc}#at-${c.page}-${c.start}-${c.end}"><q>${c.snippet}</q></a>`}</td>
<td>${fields(c.oldValue)} → ${c.action === 'wrong' ? 'markeret forkert' : fields(c.newValue)}</td><td>${doc === null ? 'nej' : 'ja'}</td></tr>`)}
</tbody></table></main>`;
  return layout({ title: 'Rettelser', allowEdits }, body);
}
