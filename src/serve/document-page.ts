// One document: its pages (the PDF drawn by pdf.js when the file is reachable, else the page
// drawn from the stored text and layout, beside the stored page text), every extracted value marked at its provenance, the record of the value
// clicked, and the warnings, each linking to its page.
import { html } from 'hono/html';
import { CorrectionIndex, type DocumentData } from './document-data.js';
import { formatValue, layout, type Html } from './layout.js';
import { decodePageLayout } from '../store/page-layout-codec.js';
import { drawnPage } from './drawn-page.js';
import { markText, type Span } from './mark-text.js';
import { agendaRecord, goalRecord, moneyRecord, percentageRecord, tableRecord, type EditContext } from './records.js';

interface Fact {
  id: string;
  kind: string;
  label: string;
  page: number;
  start: number;
  end: number;
}

const short = (s: string, n = 70): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function factsOf(d: DocumentData): Fact[] {
  const at = (p: { page: number; start_offset: number; end_offset: number }) => ({ page: p.page, start: p.start_offset, end: p.end_offset });
  return [
    ...d.goals.map((g) => ({ id: `goal-${g.position}`, kind: 'goal', label: `Mål ${g.goal_ref}: ${short(g.text)}`, ...at(g) })),
    ...d.percentages.map((p) => ({ id: `pct-${p.position}`, kind: 'pct', label: `${p.raw} – ${short(p.context, 50)}`, ...at(p) })),
    ...d.money.map((m) => ({ id: `money-${m.position}`, kind: 'money', label: `${m.raw} – ${short(m.context, 50)}`, ...at(m) })),
    ...d.tables.map((t) => ({ id: `table-${t.position}`, kind: 'table', label: `Tabel: ${short(t.title, 50)}`, ...at(t) })),
    ...d.items.map((a) => ({ id: `item-${a.position}`, kind: 'item', label: `Punkt ${a.number}: ${short(a.title, 50)}`, ...at(a) })),
  ];
}

const KIND_TITLES: Record<string, string> = { goal: 'Mål', pct: 'Procenttal', money: 'Beløb', table: 'Budgettabeller', item: 'Dagsordenspunkter' };

export function documentPage(d: DocumentData, options: { pdfUrl: string | null; edit: EditContext | null; allowEdits: boolean }): Html {
  const doc = d.document;
  const facts = factsOf(d);
  const index = new CorrectionIndex(doc.sha256, d.corrections);
  const actualsOf = (goalId: number) => d.actuals.filter((a) => a.goal_id === goalId);
  // Records first: rendering them tells the index which corrections still match.
  const records = html`${d.goals.map((g) => goalRecord(g, actualsOf(g.id), index, options.edit))}
${d.percentages.map((p) => percentageRecord(p, index, options.edit))}
${d.money.map(moneyRecord)}
${d.tables.map((t) => tableRecord(t, d.rows.filter((r) => r.budget_table_id === t.id)))}
${d.items.map(agendaRecord)}`;
  const stale = index.stale();
  const correctedIds = new Set<string>([
    ...d.goals.filter((g) => index.find('goal', 0, g) || actualsOf(g.id).some((a) => index.find('goal_actual', a.position, g))).map((g) => `goal-${g.position}`),
    ...d.percentages.filter((p) => index.find('percentage', 0, p)).map((p) => `pct-${p.position}`),
  ]);
  const title = [doc.municipality, doc.committee, doc.meeting_date].filter(Boolean).join(' · ') || doc.path;

  let drawnPages = 0;
  const pages = d.pages.map((p) => {
    const spans: Span[] = facts.filter((f) => f.page === p.number).map((f) => ({ id: f.id, kind: f.kind, start: f.start, end: f.end }));
    const layout = options.pdfUrl ? undefined : decodePageLayout(p.layout);
    if (layout) drawnPages++;
    const view = options.pdfUrl
      ? html`<div class="pdf-view" data-page="${p.number}"></div>`
      : layout
        ? drawnPage(p.number, p.text, layout, spans)
        : '';
    return html`<section class="page" id="page-${p.number}" data-page="${p.number}">
<h2>Side ${p.number}${p.ocr_confidence !== null ? html` <small>(OCR, sikkerhed ${formatValue(p.ocr_confidence)})</small>` : ''}</h2>
<div class="views">${view}<pre class="page-text">${markText(p.text, spans)}</pre></div>
</section>`;
  });

  const kinds = ['goal', 'pct', 'money', 'table', 'item'];
  const body = html`<header class="doc-head"><h1>${title}</h1>
<p class="meta">${doc.path} · ${doc.document_kind ?? ''} · ${doc.pages} sider · udtræk ${doc.extractor_version} · sha256 <code>${doc.sha256.slice(0, 12)}</code>
${options.pdfUrl ? html` · <a href="${options.pdfUrl}">PDF</a>` : html` · <em id="no-pdf">PDF-filen findes ikke her: siderne tegnes fra den gemte tekst${drawnPages ? ' og dens placering' : ''}</em>`}</p></header>
<div class="doc"${options.pdfUrl ? html` data-pdf="${options.pdfUrl}"` : ''}>
<aside class="facts">
${kinds.map((k) => {
  const list = facts.filter((f) => f.kind === k);
  return list.length
    ? html`<details open><summary>${KIND_TITLES[k]} (${list.length})</summary><ul>${list.map(
        (f) => html`<li><button type="button" class="fact-link k-${f.kind}${correctedIds.has(f.id) ? ' is-corrected' : ''}" data-fact="${f.id}" data-page="${f.page}" data-at="${f.page}-${f.start}-${f.end}">${f.label}</button></li>`,
      )}</ul></details>`
    : '';
})}
<details open id="warnings"><summary>Advarsler (${d.warnings.length})</summary><ul>
${d.warnings.map((w) => html`<li class="warning"><code>${w.code}</code> ${w.page !== null ? html`<a href="#page-${w.page}" class="to-page" data-page="${w.page}">side ${w.page}</a>` : ''} ${w.message}</li>`)}
</ul></details>
${stale.length ? html`<details open id="stale"><summary>Rettelser der ikke længere passer (${stale.length})</summary><ul>${stale.map(
  (c) => html`<li>${c.kind} side ${c.page} <q>${c.snippet}</q> (${c.author}, ${c.createdAt.slice(0, 10)})</li>`,
)}</ul></details>` : ''}
</aside>
<main class="pages">${pages}</main>
<aside class="record-panel" id="record-panel"><p class="hint">Klik på en markeret værdi for at se dens post.</p>${records}</aside>
</div>`;
  return layout({ title, allowEdits: options.allowEdits, scripts: options.pdfUrl ? ['document.js', 'pdf-view.js'] : drawnPages ? ['document.js', 'drawn-page.js'] : ['document.js'] }, body);
}
