// Compare: choose an indicator → a chart (compare.js draws it with uPlot from /compare/data.json)
// and the table beneath, every cell's source one click away; the same rows as CSV.
import { html } from 'hono/html';
import type { Kysely } from 'kysely';
import { COMPARE_COLUMNS, compareRecord, csvRecord, INDICATORS, type CompareRow } from '../compare/index.js';
import type { Database } from '../store/schema.js';
import { formatValue, layout, query, type Html } from './layout.js';

async function documentIds(db: Kysely<Database>, rows: readonly CompareRow[]): Promise<Map<string, number>> {
  const shas = [...new Set(rows.map((r) => r.sha256))];
  const ids = new Map<string, number>();
  for (let i = 0; i < shas.length; i += 500) {
    const found = await db.selectFrom('documents').select(['id', 'sha256']).where('sha256', 'in', shas.slice(i, i + 500)).execute();
    for (const f of found) ids.set(f.sha256, f.id);
  }
  return ids;
}

/** Table rows per page: an indicator may have thousands of rows in a large archive. */
export const COMPARE_PAGE_SIZE = 200;

export async function comparePage(
  db: Kysely<Database>,
  indicator: string | undefined,
  all: readonly CompareRow[],
  counts: ReadonlyMap<string, number>,
  pageNumber: number,
  allowEdits: boolean,
): Promise<Html> {
  const pages = Math.max(1, Math.ceil(all.length / COMPARE_PAGE_SIZE));
  const page = Math.min(Math.max(1, pageNumber), pages);
  const rows = all.slice((page - 1) * COMPARE_PAGE_SIZE, page * COMPARE_PAGE_SIZE);
  const ids = await documentIds(db, rows);
  const chosen = INDICATORS.find((i) => i.id === indicator);
  const source = (r: CompareRow, text: string | number | null): Html => {
    const id = ids.get(r.sha256);
    const shown = typeof text === 'number' ? formatValue(text) : (text ?? '');
    return id === undefined || shown === '' ? html`${shown}` : html`<a class="source" href="/documents/${id}#at-${r.page}-${r.start}-${r.end}" title="${r.file}, side ${r.page}: ${r.snippet}">${shown}</a>`;
  };
  const body = html`<main class="wide"><h1>Sammenlign</h1>
<form method="get" action="/compare" class="filters"><label>Indikator <select name="indicator">
<option value="">vælg …</option>
${INDICATORS.map((i) => html`<option value="${i.id}"${i.id === indicator ? html` selected` : ''}>${i.label} (${counts.get(i.id) ?? 0})</option>`)}
</select></label> <button type="submit">Vis</button></form>
${chosen
  ? html`<h2>${chosen.label}</h2>
<div id="chart" data-src="/compare/data.json${query({ indicator: chosen.id })}" data-label="${chosen.label}"></div>
<p><a id="csv" href="/compare.csv${query({ indicator: chosen.id })}" download>Hent som CSV</a> · ${all.length} rækker${pages > 1 ? ` · side ${page} af ${pages}` : ''}</p>
<table class="list" id="compare-table"><thead><tr><th>Kommune</th><th>År</th><th>Art</th><th>Tekst</th><th>Værdi</th><th>Landstal</th><th>Mål</th><th>Status</th><th>Kilde</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td>${r.municipality ?? ''}</td><td>${r.year ?? ''}</td><td>${r.kind === 'goal' ? `mål ${r.goalId ?? ''}` : 'procenttal'}</td>
<td>${r.text}</td><td class="n">${source(r, r.value)}</td><td class="n">${source(r, r.nationalValue)}</td>
<td class="n">${r.comparator ?? ''} ${source(r, r.targetValue)}</td><td>${r.status ?? ''}</td><td>${source(r, `${r.file} s. ${r.page}`)}</td></tr>`)}
</tbody></table>
<nav class="pager">${page > 1 ? html`<a rel="prev" href="/compare${query({ indicator: chosen.id, page: page - 1 })}">← forrige</a>` : ''} ${page < pages ? html`<a rel="next" href="/compare${query({ indicator: chosen.id, page: page + 1 })}">næste →</a>` : ''}</nav>`
  : html`<p>Vælg en indikator.</p>`}
</main>`;
  return layout({ title: 'Sammenlign', allowEdits, scripts: chosen ? ['compare.js'] : [], styles: chosen ? ['uPlot.min.css'] : [] }, body);
}

export function compareCsv(rows: readonly CompareRow[]): string {
  return [csvRecord(COMPARE_COLUMNS), ...rows.map((r) => csvRecord(COMPARE_COLUMNS.map((c) => compareRecord(r)[c])))].join('');
}
