// Every percentage and percentage-point figure in the normalised text, with what it
// measures (context), whose figure it is (scope), the raw text and its provenance.
// The number grammar (src/text/numbers.ts) finds the figures; this rule only reads
// the words around them.
import type { Percentage } from '../../schema/contract.js';
import type { ExtractionContext, WarningSink } from '../types.js';
import { contextOf, measureOf, measuredSubject } from '../context/figure-context.js';
import { rowPlaceScope, scopeOf } from '../context/figure-scope.js';
import { goalBlock, lineLabel, sharesStem, withRole } from '../context/context-labelled-block.js';
import { contentWords, isScopeWord, words } from '../context/context-words.js';
import { pageFigures, wordedRangeLow } from './page-figures.js';
import { goalTableFigureCell } from '../goals/goal-table-figures.js';
import { columnHeaderScope } from './column-scope.js';

export function extractPercentages(ctx: ExtractionContext, _warn: WarningSink): Percentage[] {
  const out: Percentage[] = [];
  // What the figures are about: the last figure's context, or a measure named since without a figure.
  let topic: string | undefined;
  let last = { page: 0, end: 0 };
  let block: string | undefined;
  const figures = pageFigures(ctx.pages, (q) => q.unit === 'percent' || q.unit === 'percentage_points');
  for (const { quantity: q, provenance, view, rowSubject } of figures) {
    if (q.unit !== 'percent' && q.unit !== 'percentage_points') continue;
    const pageText = ctx.pages.find((p) => p.number === provenance.page)?.text ?? '';
    const since = measuredSubject(pageText.slice(last.page === provenance.page ? last.end : 0, q.start));
    if (since) topic = since;
    // In a goal table the column says whose figure it is, and a bare cell measures the row's goal.
    const tableCell = goalTableFigureCell(ctx.pages, provenance.page, q.start);
    // In a table of key figures the column header says whose figure it is ("Klyngen", "Hele landet").
    const byColumn = tableCell ? null : columnHeaderScope(ctx.pages, provenance.page, q.start);
    // A row labelled by a place ("Klyngen⇥15,0 %⇥14,6 %") names it, read on the page line (the view may join a column's cells).
    const byRow = tableCell || byColumn ? null : rowPlaceScope(pageText, { start: q.start, end: q.end });
    const scope = tableCell?.role === 'national' ? 'national' : tableCell?.role === 'area' ? 'other' : (byColumn ?? byRow ?? scopeOf(view.text, view.span, view.neighbours));
    // In a labelled goal block the label is the figure's role; the block's goal names the measure.
    const label = lineLabel(view.text, view.span.start, view.span.end);
    const goal = label ? goalBlock(ctx.pages, provenance.page, q.start) : null;
    if (goal && goal.key !== block) topic = goal.measure;
    block = goal?.key ?? block;
    const text = label && goal ? `${view.text.slice(0, label.start)}${' '.repeat(label.end - label.start)}${view.text.slice(label.end)}` : view.text;
    let context = contextOf(text, view.span, view.neighbours, { topic, rowSubject, scope, kind: 'percent' });
    if (label && goal) context = blockContext(context, goal.measure, topic);
    topic = measureOf(context);
    if (label && goal) context = withRole(context, label);
    if (tableCell?.bare) context = tableCell.context;
    last = { page: provenance.page, end: q.end };
    const figure: Percentage = {
      value: q.value,
      unit: q.unit,
      context,
      scope,
      raw: q.raw.replace(/\s+/gu, ' '),
      provenance,
    };
    // "mellem 20 og 25 pct.": a worded range states two figures too, from one raw text.
    const worded = wordedRangeLow(pageText, q);
    if (worded) {
      const snippet = pageText.slice(worded.start, q.end);
      const ranged = { ...figure, raw: snippet.replace(/\s+/gu, ' '), provenance: { ...provenance, start: worded.start, snippet } };
      out.push({ ...ranged, value: worded.value }, ranged);
      continue;
    }
    out.push(figure);
    // A range ("30-40 %") states two figures: its lower and its upper bound, from one raw text.
    if (q.upper !== undefined) out.push({ ...figure, value: q.upper });
  }
  return out;
}

/**
 * A labelled figure's measure: its own words when they name something, else the running topic;
 * a short own phrase that names part of the goal ("borgerne i fleksjob") gives way to the goal.
 */
function blockContext(own: string, goal: string, topic: string | undefined): string {
  const named = words(own).filter((w) => !isScopeWord(w) && /\p{L}{3}/u.test(w));
  if (named.length === 0 || contentWords(own) === 0) return topic ?? goal;
  if (contentWords(own) <= 3 && sharesStem(own, goal) && contentWords(goal) > contentWords(own)) return goal;
  return own;
}
