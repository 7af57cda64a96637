// Every percentage and percentage-point figure in the normalised text, with what it
// measures (context), whose figure it is (scope), the raw text and its provenance.
// The number grammar (src/text/numbers.ts) finds the figures; this rule only reads
// the words around them.
import type { Percentage } from '../schema/contract.js';
import type { ExtractionContext, WarningSink } from './types.js';
import { contextOf, measureOf, measuredSubject } from './figure-context.js';
import { scopeOf } from './figure-scope.js';
import { pageFigures } from './page-figures.js';

export function extractPercentages(ctx: ExtractionContext, _warn: WarningSink): Percentage[] {
  const out: Percentage[] = [];
  // What the figures are about: the last figure's context, or a measure named since without a figure.
  let topic: string | undefined;
  let last = { page: 0, end: 0 };
  const figures = pageFigures(ctx.pages, (q) => q.unit === 'percent' || q.unit === 'percentage_points');
  for (const { quantity: q, provenance, view, rowSubject } of figures) {
    if (q.unit !== 'percent' && q.unit !== 'percentage_points') continue;
    const pageText = ctx.pages.find((p) => p.number === provenance.page)?.text ?? '';
    const since = measuredSubject(pageText.slice(last.page === provenance.page ? last.end : 0, q.start));
    if (since) topic = since;
    const scope = scopeOf(view.text, view.span, view.neighbours);
    const context = contextOf(view.text, view.span, view.neighbours, { topic, rowSubject, scope, kind: 'percent' });
    topic = measureOf(context);
    last = { page: provenance.page, end: q.end };
    const figure: Percentage = {
      value: q.value,
      unit: q.unit,
      context,
      scope,
      raw: q.raw.replace(/\s+/gu, ' '),
      provenance,
    };
    out.push(figure);
    // A range ("30-40 %") states two figures: its lower and its upper bound, from one raw text.
    if (q.upper !== undefined) out.push({ ...figure, value: q.upper });
  }
  return out;
}
