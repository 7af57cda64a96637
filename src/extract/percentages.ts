// Every percentage and percentage-point figure in the normalised text, with what it
// measures (context), whose figure it is (scope), the raw text and its provenance.
// The number grammar (src/text/numbers.ts) finds the figures; this rule only reads
// the words around them.
import type { Percentage } from '../schema/contract.js';
import { findQuantities } from '../text/numbers.js';
import type { ExtractionContext, WarningSink } from './types.js';
import { contextOf, scopeOf, shifted, withCarryOver } from './figure-context.js';

export function extractPercentages(ctx: ExtractionContext, _warn: WarningSink): Percentage[] {
  const out: Percentage[] = [];
  let previousContext: string | undefined;
  ctx.pages.forEach((page, i) => {
    const quantities = findQuantities(page.text);
    const reading = withCarryOver(ctx.pages[i - 1]?.text, page.text);
    const inReading = quantities.map((n) => shifted(n, reading.offset));
    for (const q of quantities) {
      if (q.unit !== 'percent' && q.unit !== 'percentage_points') continue;
      const neighbours = inReading.filter((n) => n.start !== q.start + reading.offset);
      const context = contextOf(reading.text, shifted(q, reading.offset), neighbours, previousContext);
      previousContext = context;
      out.push({
        value: q.value,
        unit: q.unit,
        context,
        scope: scopeOf(reading.text, shifted(q, reading.offset), neighbours),
        raw: q.raw.replace(/\s+/gu, ' '),
        provenance: { page: page.number, start: q.start, end: q.end, snippet: page.text.slice(q.start, q.end) },
      });
    }
  });
  return out;
}
