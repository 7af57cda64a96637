// The figures of every page as the number grammar finds them, each with the text it is
// read in: a sentence carried over from the previous page, or the earlier lines of a
// wrapped table cell, so scope and context see the words a reader sees.
import type { Provenance } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import { findQuantities, type Quantity } from '../../text/numbers.js';
import { shifted, withCarryOver, type Span } from '../common/sentences.js';
import { cellAbove, cellBelow, figureView, rowSubjectCell } from '../common/table-cells.js';

export interface PageFigure {
  readonly quantity: Quantity;
  readonly provenance: Provenance;
  /** Text to read the figure in, its span there and the other figures' spans. */
  readonly view: { text: string; span: Span; neighbours: Span[] };
  /** The goal cell beside the figure when it stands in a table row. */
  readonly rowSubject: string | undefined;
}

/** Every quantity the filter accepts, page by page, in reading order. */
export function pageFigures(pages: readonly NormalisedPage[], accept: (q: Quantity, page: NormalisedPage) => boolean): PageFigure[] {
  const out: PageFigure[] = [];
  pages.forEach((page, i) => {
    const quantities = findQuantities(page.text);
    const reading = withCarryOver(pages[i - 1]?.text, page.text);
    for (const q of quantities) {
      if (!accept(q, page)) continue;
      const neighbours = quantities.filter((n) => n !== q).map((n) => shifted(n, reading.offset));
      out.push({
        quantity: q,
        provenance: { page: page.number, start: q.start, end: q.end, snippet: page.text.slice(q.start, q.end) },
        view: figureView(reading.text, shifted(q, reading.offset), neighbours, cellAbove(page, q.start), cellBelow(page, q.end)),
        rowSubject: rowSubjectCell(page, q.start),
      });
    }
  });
  return out;
}

/** "mellem 20 og 25 pct.", "fra 2 til 3 mio. kr.": a lower bound written before the figure that carries the unit. */
const WORDED_RANGE_BEFORE = /(?<![\p{L}])(?:mellem|fra)\s+(?<low>\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s+(?:og|til)\s+$/iu;

/**
 * The worded range a figure closes ("mellem 20 og 25 pct."): its lower bound in the figure's scale
 * and where the range starts, or null. The grammar reads only "25 pct."; the range states two figures.
 */
export function wordedRangeLow(pageText: string, q: Quantity): { value: number; start: number } | null {
  if (q.upper !== undefined) return null;
  const before = pageText.slice(Math.max(0, q.start - 40), q.start);
  const m = WORDED_RANGE_BEFORE.exec(before);
  const low = m?.groups?.['low'];
  if (!m || low === undefined) return null;
  const lowNumber = Number(low.replace(/\./gu, '').replace(',', '.'));
  // The figure's own number, to carry its unit scale ("3 mio. kr." → 3 000 000) over to the low end.
  const own = /\d{1,3}(?:\.\d{3})*(?:,\d+)?/u.exec(q.raw.replace(/^\D+/u, ''));
  const ownNumber = own ? Number(own[0].replace(/\./gu, '').replace(',', '.')) : NaN;
  if (!Number.isFinite(lowNumber) || !Number.isFinite(ownNumber) || ownNumber === 0 || lowNumber > ownNumber) return null;
  const value = Number(((q.value * lowNumber) / ownNumber).toFixed(6));
  const startInBefore = m.index + m[0].search(/\d/u);
  return { value, start: q.start - before.length + startInBefore };
}
