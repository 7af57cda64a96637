// Every kroner amount written with its unit ("kr.", "kroner", "mio. kr.", "mia. kr.",
// "t.kr.") in the normalised text, in kroner, with context and provenance. Table cells
// without a unit of their own come from the budget-table rule and are merged in
// src/extract/index.ts; a cell that carries "kr." is found here.
import type { MoneyAmount } from '../../schema/contract.js';
import type { Quantity } from '../../text/numbers.js';
import type { ExtractionContext, WarningSink } from '../types.js';
import { contextOf } from '../context/figure-context.js';
import { pageFigures } from './page-figures.js';
import { withVulgarFraction } from './vulgar-fractions.js';

export function extractMoneyAmounts(ctx: ExtractionContext, _warn: WarningSink): MoneyAmount[] {
  const figures = pageFigures(ctx.pages, (q, page) => q.unit === 'dkk' && !isTableUnitHeader(page.text, q));
  const pageText = new Map(ctx.pages.map((p) => [p.number, p.text]));
  return figures.map(({ quantity: q, provenance: found, view }) => {
    const { value, raw, provenance } = withVulgarFraction(pageText.get(found.page) ?? '', {
      value: q.value,
      raw: q.raw.replace(/\s+/gu, ' '),
      provenance: found,
    });
    return { value, currency: 'DKK', context: contextOf(view.text, view.span, view.neighbours, { kind: 'money' }), raw, provenance };
  });
}

/** Words before "1.000 kr." that make it an amount ("et tilskud på 1.000 kr."), not a unit. */
const AMOUNT_CUES = /(?:^|\s)(?:på|med|af|til|er|var|udgør|ca\.?|cirka|op|over|under|kun|maks\.?|maksimalt|højst|mindst|end|fra|koster|betaler|betales|gives|ydes)\s*$/iu;

/**
 * "1.000 kr" as a table's unit: opening a line ("1.000 kr  2024  2025") or closing a
 * caption ("Driftsbudget, 1.000 kr.") without a word that makes it an amount.
 */
export function isTableUnitHeader(text: string, q: Quantity): boolean {
  if (q.value !== 1000 || !/^[\d.\s]+(?:kr\.?|kroner|dkk)$/iu.test(q.raw.trim())) return false;
  const lineStart = text.lastIndexOf('\n', q.start - 1) + 1;
  const lineEndAt = text.indexOf('\n', q.end);
  const before = text.slice(lineStart, q.start);
  const after = text.slice(q.end, lineEndAt < 0 ? text.length : lineEndAt);
  if (before.trim() === '') return true;
  return /^[\s):]*$/u.test(after) && !AMOUNT_CUES.test(before);
}
