// The documents list: filters with counts, a page of 50 documents at a time.
import { sql, type Kysely } from 'kysely';
import { html } from 'hono/html';
import type { Database } from '../store/schema.js';
import { applyFilter, codeFacet, facet, type DocumentFilter, type FacetValue } from './document-filters.js';
import { layout, query, type Html } from './layout.js';

export const PAGE_SIZE = 50;

const LABELS = { municipality: 'Kommune', committee: 'Udvalg', kind: 'Art', year: 'År', version: 'Udtræksversion', code: 'Advarselskode' } as const;

function select(name: keyof typeof LABELS, values: FacetValue[], chosen: string | undefined): Html {
  return html`<label>${LABELS[name]}
<select name="${name}"><option value="">alle</option>
${values.map((v) => html`<option value="${v.value}"${v.value === chosen ? html` selected` : ''}>${v.value} (${v.count})</option>`)}
</select></label>`;
}

export async function documentsPage(db: Kysely<Database>, f: DocumentFilter, pageNumber: number, allowEdits: boolean): Promise<Html> {
  const base = applyFilter(db.selectFrom('documents'), f);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, pageNumber), pages);
  const rows = await base
    .select([
      'documents.id', 'documents.path', 'documents.status', 'documents.error_code', 'documents.municipality', 'documents.committee',
      'documents.meeting_date', 'documents.document_kind', 'documents.extractor_version', 'documents.pages',
      (eb) => eb.selectFrom('warnings').select((w) => w.fn.countAll<number>().as('n')).whereRef('warnings.document_id', '=', 'documents.id').as('warnings'),
      (eb) => eb.selectFrom('goals').select((w) => w.fn.countAll<number>().as('n')).whereRef('goals.document_id', '=', 'documents.id').as('goals'),
    ])
    .orderBy(sql`documents.meeting_date is null`)
    .orderBy('documents.meeting_date', 'desc')
    .orderBy('documents.id')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  const [municipalities, committees, kinds, years, versions, codes] = await Promise.all([
    facet(db, f, 'municipality'),
    facet(db, f, 'committee'),
    facet(db, f, 'kind'),
    facet(db, f, 'year'),
    facet(db, f, 'version'),
    codeFacet(db, f),
  ]);
  const link = (p: number): string => `/documents${query({ ...f, page: p })}`;
  const body = html`<main class="wide">
<h1>Dokumenter</h1>
<form class="filters" method="get" action="/documents">
${select('municipality', municipalities, f.municipality)} ${select('committee', committees, f.committee)} ${select('kind', kinds, f.kind)}
${select('year', years, f.year)} ${select('version', versions, f.version)} ${select('code', codes, f.code)}
<label>Advarsler <select name="warnings"><option value="">alle</option>
<option value="yes"${f.warnings === 'yes' ? html` selected` : ''}>med advarsler</option>
<option value="no"${f.warnings === 'no' ? html` selected` : ''}>uden advarsler</option></select></label>
<button type="submit">Vis</button> <a href="/documents">nulstil</a>
</form>
<p class="count" id="document-count">${total} dokumenter · side ${page} af ${pages}</p>
<table class="list" id="documents">
<thead><tr><th>Møde</th><th>Kommune</th><th>Udvalg</th><th>Art</th><th>Fil</th><th>Sider</th><th>Mål</th><th>Advarsler</th><th>Version</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr class="${r.status}"><td>${r.meeting_date ?? ''}</td><td>${r.municipality ?? ''}</td><td>${r.committee ?? ''}</td><td>${r.document_kind ?? ''}</td>
<td>${r.status === 'ok' ? html`<a href="/documents/${r.id}">${r.path}</a>` : html`${r.path} <em>${r.error_code ?? 'failed'}</em>`}</td>
<td class="n">${r.pages}</td><td class="n">${Number(r.goals ?? 0)}</td><td class="n">${Number(r.warnings ?? 0)}</td><td>${r.extractor_version}</td></tr>`,
)}
</tbody></table>
<nav class="pager">${page > 1 ? html`<a rel="prev" href="${link(page - 1)}">← forrige</a>` : ''} ${page < pages ? html`<a rel="next" href="${link(page + 1)}">næste →</a>` : ''}</nav>
</main>`;
  return layout({ title: 'Dokumenter', allowEdits }, body);
}
