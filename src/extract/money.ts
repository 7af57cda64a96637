// Every kroner amount written with its unit ("kr.", "kroner", "mio. kr.", "mia. kr.",
// "t.kr.") in the normalised text, in kroner, with context and provenance. Table cells
// without a unit of their own come from the budget-table rule and are merged in
// src/extract/index.ts; a cell that carries "kr." is found here.
import type { MoneyAmount } from '../schema/contract.js';
import { findQuantities, type Quantity } from '../text/numbers.js';
import type { ExtractionContext, WarningSink } from './types.js';
import { contextOf, shifted, withCarryOver } from './figure-context.js';

export function extractMoneyAmounts(ctx: ExtractionContext, _warn: WarningSink): MoneyAmount[] {
  const out: MoneyAmount[] = [];
  ctx.pages.forEach((page, i) => {
    const quantities = findQuantities(page.text);
    const reading = withCarryOver(ctx.pages[i - 1]?.text, page.text);
    const inReading = quantities.map((n) => shifted(n, reading.offset));
    for (const q of quantities) {
      if (q.unit !== 'dkk' || isTableUnitHeader(page.text, q)) continue;
      out.push({
        value: q.value,
        currency: 'DKK',
        context: contextOf(reading.text, shifted(q, reading.offset), inReading.filter((n) => n.start !== q.start + reading.offset)),
        raw: q.raw.replace(/\s+/gu, ' '),
        provenance: { page: page.number, start: q.start, end: q.end, snippet: page.text.slice(q.start, q.end) },
      });
    }
  });
  return out;
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
