// Every percentage and percentage-point figure in the normalised text, with what it
// measures (context), whose figure it is (scope), the raw text and its provenance.
// The number grammar (src/text/numbers.ts) finds the figures; this rule only reads
// the words around them.
import type { Percentage } from '../schema/contract.js';
import type { ExtractionContext, WarningSink } from './types.js';
import { contextOf } from './figure-context.js';
import { scopeOf } from './figure-scope.js';
import { pageFigures } from './page-figures.js';

export function extractPercentages(ctx: ExtractionContext, _warn: WarningSink): Percentage[] {
  const out: Percentage[] = [];
  let previousContext: string | undefined;
  const figures = pageFigures(ctx.pages, (q) => q.unit === 'percent' || q.unit === 'percentage_points');
  for (const { quantity: q, provenance, view } of figures) {
    if (q.unit !== 'percent' && q.unit !== 'percentage_points') continue;
    const context = contextOf(view.text, view.span, view.neighbours, previousContext);
    previousContext = context;
    const figure: Percentage = {
      value: q.value,
      unit: q.unit,
      context,
      scope: scopeOf(view.text, view.span, view.neighbours),
      raw: q.raw.replace(/\s+/gu, ' '),
      provenance,
    };
    out.push(figure);
    // A range ("30-40 %") states two figures: its lower and its upper bound, from one raw text.
    if (q.upper !== undefined) out.push({ ...figure, value: q.upper });
  }
  return out;
}
