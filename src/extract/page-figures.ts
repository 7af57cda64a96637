// The figures of every page as the number grammar finds them, each with the text it is
// read in: a sentence carried over from the previous page, or the earlier lines of a
// wrapped table cell, so scope and context see the words a reader sees.
import type { Provenance } from '../schema/contract.js';
import type { NormalisedPage } from '../schema/normalised.js';
import { findQuantities, type Quantity } from '../text/numbers.js';
import { shifted, withCarryOver, type Span } from './sentences.js';
import { cellAbove, cellBelow, figureView, rowSubjectCell } from './table-cells.js';

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
