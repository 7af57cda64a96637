// The kroner unit a table states for its cells ("Beløb i 1.000 kr.", "Mio. kr." in the corner
// cell, "(mio. kr.)" under a caption). A line that states an amount ("udgør 275,9 mio. kr.")
// names no unit for the table: it is a sentence about one figure, not a header.
import { findQuantities, tableUnitMultiplier } from '../../text/numbers.js';
import { isTableUnitHeader } from '../figures/money.js';

/** The multiplier a header line or cell announces, amounts written with a unit left out; null when none. */
export function statedTableUnit(text: string): number | null {
  let masked = text;
  for (const q of findQuantities(text)) {
    if (q.unit !== 'dkk' || isTableUnitHeader(text, q)) continue;
    masked = `${masked.slice(0, q.start)}${' '.repeat(q.end - q.start)}${masked.slice(q.end)}`;
  }
  return tableUnitMultiplier(masked);
}

/**
 * The unit of a table from its header lines, nearest the rows first: the corner cell or
 * unit line closest to the amounts wins over a caption further up.
 */
export function nearestTableUnit(headerLinesTopDown: readonly string[]): number | null {
  for (let k = headerLinesTopDown.length - 1; k >= 0; k--) {
    const unit = statedTableUnit(headerLinesTopDown[k] ?? '');
    if (unit !== null) return unit;
  }
  return null;
}
