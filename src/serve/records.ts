// The record behind each marked value, as the panel beside the pages shows it: a goal with its
// target, results, status and basis; a figure with its context and scope; a table with its cells.
// With --allow-edits each correctable value carries its correction form.
import { html } from 'hono/html';
import { GoalStatus, Scope, Unit } from '../schema/contract.js';
import type { Correction, CorrectionKind } from '../store/corrections.js';
import type { CorrectionIndex, DocumentData } from './document-data.js';
import { formatValue, type Html } from './layout.js';

export interface EditContext {
  csrf: string;
  documentId: number;
}

type Row<K extends keyof DocumentData> = DocumentData[K] extends (infer R)[] ? R : never;

const provenance = (p: { page: number; start_offset: number; end_offset: number; snippet: string }): Html =>
  html`<p class="prov">Side <a href="#page-${p.page}" class="to-page" data-page="${p.page}">${p.page}</a>, tegn ${p.start_offset}–${p.end_offset}: <q>${p.snippet}</q></p>`;

function changeText(c: Correction): Html {
  const fields = (v: object | null): string =>
    v === null ? 'forkert' : Object.entries(v).map(([k, x]) => `${k}=${x === null ? '–' : String(x)}`).join(', ');
  return html`<li class="correction">${c.createdAt.slice(0, 16).replace('T', ' ')} · ${c.author}: ${c.action === 'wrong' ? 'markeret forkert' : 'rettet'} (${fields(c.oldValue)} → ${fields(c.newValue)})</li>`;
}

function history(list: Correction[]): Html {
  return list.length ? html`<ul class="history">${list.map(changeText)}</ul>` : html``;
}

function options(values: readonly string[], chosen: string | null | undefined, empty = true): Html {
  return html`${empty ? html`<option value="">–</option>` : ''}${values.map((v) => html`<option value="${v}"${v === chosen ? html` selected` : ''}>${v}</option>`)}`;
}

/** The correction form of one value, filled with its value in force; the server reads the fact's provenance and old value from the store, not from the form. */
function form(edit: EditContext | null, kind: CorrectionKind, position: number, item: number, fields: { value?: number | null | undefined; unit?: string | null | undefined; status?: string | undefined; scope?: string | undefined }, units: readonly string[]): Html {
  if (!edit) return html``;
  return html`<form method="post" action="/corrections" class="correct" data-kind="${kind}">
<input type="hidden" name="_csrf" value="${edit.csrf}"><input type="hidden" name="document" value="${edit.documentId}">
<input type="hidden" name="kind" value="${kind}"><input type="hidden" name="position" value="${position}"><input type="hidden" name="item" value="${item}">
<label>værdi <input name="value" inputmode="decimal" value="${fields.value ?? ''}"></label>
<label>enhed <select name="unit">${options(units, fields.unit)}</select></label>
${fields.status !== undefined ? html`<label>status <select name="status">${options(GoalStatus.options, fields.status, false)}</select></label>` : ''}
${fields.scope !== undefined ? html`<label>omfang <select name="scope">${options(Scope.options, fields.scope, false)}</select></label>` : ''}
<label>af <input name="author" value="" placeholder="navn"></label>
<button type="submit" name="action" value="correct">Gem rettelse</button> <button type="submit" name="action" value="wrong">Markér forkert</button>
</form>`;
}

const corrected = (c: Correction | undefined): Html =>
  c ? html`<p class="corrected-note">${c.action === 'wrong' ? 'Markeret forkert' : 'Rettet'} af ${c.author}</p>` : html``;

/** What a corrected field shows: the new value, with the extracted one struck through. */
function shown<T>(extracted: T, c: Correction | undefined, field: 'value' | 'unit' | 'status' | 'scope', fmt: (v: T) => string): Html {
  const n = c?.newValue;
  if (n && field in n && n[field] !== extracted) {
    const v = n[field] as T;
    return html`<span class="corrected"><del>${fmt(extracted)}</del> <ins>${fmt(v)}</ins></span>`;
  }
  return html`${fmt(extracted)}`;
}

const str = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'number' ? formatValue(v) : String(v));

export function goalRecord(g: Row<'goals'>, actuals: Row<'actuals'>[], index: CorrectionIndex, edit: EditContext | null): Html {
  const c = index.find('goal', 0, g);
  const target = html`${g.target_comparator ?? ''} ${shown(g.target_value, c, 'value', str)}${g.target_upper !== null ? html`–${formatValue(g.target_upper)}` : ''} ${shown(g.target_unit, c, 'unit', str)}`;
  return html`<div class="record${c ? ' is-corrected' : ''}" id="rec-goal-${g.position}" data-kind="goal" hidden>
<h3>Mål ${g.goal_ref}</h3>${corrected(c)}
<p class="goal-text">${g.text}</p>
<dl><dt>Mål (target)</dt><dd class="target">${g.has_target ? target : 'intet måltal'}</dd>
<dt>Status</dt><dd class="status">${shown(g.status, c, 'status', str)} <small>(grundlag: ${g.status_basis ?? '–'})</small>${g.status_text ? html` – <q>${g.status_text}</q>` : ''}</dd>
${g.agenda_item !== null ? html`<dt>Dagsordenspunkt</dt><dd>${g.agenda_item}</dd>` : ''}</dl>
${provenance(g)}
${history(index.history('goal', 0, g))}
${form(edit, 'goal', g.position, 0, { value: g.target_value, unit: g.target_unit, status: g.status, ...c?.newValue }, Unit.options)}
<h4>Resultater</h4>
${actuals.length === 0 ? html`<p>ingen</p>` : ''}
${actuals.map((a) => {
  const ca = index.find('goal_actual', a.position, g);
  return html`<div class="actual${ca ? ' is-corrected' : ''}" id="rec-actual-${g.position}-${a.position}">
<p>${shown(a.value, ca, 'value', str)} ${shown(a.unit, ca, 'unit', str)} · ${shown(a.scope, ca, 'scope', str)}${a.page !== null ? html` · side ${a.page}` : ''}${a.snippet ? html` <q>${a.snippet}</q>` : ''}</p>
${corrected(ca)}${history(index.history('goal_actual', a.position, g))}
${form(edit, 'goal_actual', g.position, a.position, { value: a.value, unit: a.unit, scope: a.scope, ...ca?.newValue }, Unit.options)}</div>`;
})}
</div>`;
}

export function percentageRecord(p: Row<'percentages'>, index: CorrectionIndex, edit: EditContext | null): Html {
  const c = index.find('percentage', 0, p);
  return html`<div class="record${c ? ' is-corrected' : ''}" id="rec-pct-${p.position}" data-kind="percentage" hidden>
<h3>Procenttal <span class="value">${shown(p.value, c, 'value', str)}</span> ${shown(p.unit, c, 'unit', str)}</h3>${corrected(c)}
<dl><dt>Sammenhæng</dt><dd>${p.context}</dd><dt>Omfang</dt><dd>${shown(p.scope, c, 'scope', str)}</dd><dt>Som skrevet</dt><dd>${p.raw}</dd></dl>
${provenance(p)}${history(index.history('percentage', 0, p))}
${form(edit, 'percentage', p.position, 0, { value: p.value, unit: p.unit, scope: p.scope, ...c?.newValue }, ['percent', 'percentage_points'])}
</div>`;
}

export function moneyRecord(m: Row<'money'>): Html {
  return html`<div class="record" id="rec-money-${m.position}" data-kind="money" hidden>
<h3>Beløb ${formatValue(m.value)} ${m.currency}</h3>
<dl><dt>Sammenhæng</dt><dd>${m.context}</dd><dt>Som skrevet</dt><dd>${m.raw}</dd></dl>${provenance(m)}</div>`;
}

function jsonArray(text: string): unknown[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export function tableRecord(t: Row<'tables'>, rows: Row<'rows'>[]): Html {
  const columns = jsonArray(t.columns).map((c) => String(c ?? ''));
  return html`<div class="record" id="rec-table-${t.position}" data-kind="table" hidden>
<h3>Budgettabel: ${t.title}</h3><p>Enhed ${t.unit}. Klik på en celle for række og kolonne.</p>
<table class="budget"><thead><tr><th></th>${columns.map((c) => html`<th>${c}</th>`)}</tr></thead><tbody>
${rows.map((r) => html`<tr${r.is_total ? html` class="total"` : ''}><th>${r.label}</th>${jsonArray(r.cell_values).map(
  (v, i) => html`<td class="cell" tabindex="0" data-row="${r.label}" data-column="${columns[i] ?? String(i + 1)}">${typeof v === 'number' ? formatValue(v) : ''}</td>`,
)}</tr>`)}
</tbody></table><p class="cell-info" aria-live="polite"></p>${provenance(t)}</div>`;
}

export function agendaRecord(a: Row<'items'>): Html {
  return html`<div class="record" id="rec-item-${a.position}" data-kind="agenda" hidden>
<h3>Punkt ${a.number}: ${a.title}</h3><dl>${a.case_number ? html`<dt>Sagsnr.</dt><dd>${a.case_number}</dd>` : ''}${a.decision ? html`<dt>Beslutning</dt><dd>${a.decision}</dd>` : ''}</dl>${provenance(a)}</div>`;
}
