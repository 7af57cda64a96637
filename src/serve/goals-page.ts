// Goal attainment per municipality and plan year (src/compare's counts), each count a link to
// the goals behind it.
import { html } from 'hono/html';
import type { Kysely } from 'kysely';
import { attainmentGoals, attainmentGroup, goalAttainmentReport } from '../compare/index.js';
import { municipalityKey } from '../extract/meeting/municipalities.js';
import type { Database } from '../store/schema.js';
import { layout, query, type Html } from './layout.js';

const COLUMNS = [
  ['met', 'opfyldt'],
  ['partly_met', 'delvist'],
  ['not_met', 'ikke opfyldt'],
  ['in_progress', 'i gang'],
  ['not_assessable', 'kan ikke vurderes'],
  ['withdrawn', 'udgået'],
  ['unknown', 'ukendt'],
] as const;

/** The group key of a row, as a link parameter: kommunekode, else the folded name. */
const groupParam = (code: number | null, name: string | null): string => String(code ?? municipalityKey(name ?? ''));

export async function goalsPage(db: Kysely<Database>, allowEdits: boolean): Promise<Html> {
  const rows = await goalAttainmentReport(db);
  const cell = (r: (typeof rows)[number], status: string | null, n: number): Html =>
    n === 0 ? html`<td class="n">0</td>` : html`<td class="n"><a href="/goals/list${query({ m: groupParam(r.municipalityCode, r.municipality), year: r.year ?? 'none', status })}">${n}</a></td>`;
  const body = html`<main class="wide"><h1>Målopfyldelse</h1>
<p>Pr. kommune og planår. Et mål fulgt op i flere dokumenter tælles én gang, med det seneste mødes vurdering. Rettelser er medregnet.</p>
<table class="list" id="attainment"><thead><tr><th>Kommune</th><th>År</th><th>Mål</th>${COLUMNS.map(([, l]) => html`<th>${l}</th>`)}<th>Andel opfyldt</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td>${r.municipality ?? '(ukendt)'}</td><td>${r.year ?? ''}</td>${cell(r, null, r.goals)}${COLUMNS.map(([k]) => cell(r, k, r[k]))}
<td class="n">${r.shareMet === null ? '' : `${(r.shareMet * 100).toFixed(1)} %`}</td></tr>`)}
</tbody></table></main>`;
  return layout({ title: 'Mål', allowEdits }, body);
}

export async function goalListPage(db: Kysely<Database>, params: { m?: string; year?: string; status?: string }, allowEdits: boolean): Promise<Html> {
  const goals = await attainmentGoals(db);
  const year = params.year === 'none' ? null : Number(params.year);
  const chosen = goals.filter((g) => {
    const [m, y] = JSON.parse(attainmentGroup(g)) as [string | number, number | null];
    return String(m) === params.m && y === year && (!params.status || g.goal.status === params.status);
  });
  const first = chosen[0]?.facts.document.municipality ?? params.m ?? '';
  const body = html`<main class="wide"><h1>Mål: ${first} ${params.year ?? ''} ${params.status ?? 'alle'}</h1>
<p class="count">${chosen.length} mål</p>
<table class="list" id="goal-list"><thead><tr><th>Mål</th><th>Tekst</th><th>Status</th><th>Grundlag</th><th>Møde</th><th>Kilde</th></tr></thead><tbody>
${chosen.map((g) => html`<tr><td>${g.goal.goal_ref}</td><td>${g.goal.text}</td><td>${g.goal.status}</td><td>${g.goal.status_basis ?? ''}</td><td>${g.facts.document.meeting_date ?? ''}</td>
<td><a href="/documents/${g.facts.document.id}#at-${g.goal.page}-${g.goal.start_offset}-${g.goal.end_offset}">${g.facts.document.path}, side ${g.goal.page}</a></td></tr>`)}
</tbody></table></main>`;
  return layout({ title: 'Mål', allowEdits }, body);
}
