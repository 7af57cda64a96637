// Builds positioned pages for goal and table tests: each line is a list of cells at
// given x positions, joined by '\t' in the text as the normaliser marks column gaps.
import type { LayoutFragment, LayoutLine, NormalisedPage } from '../../src/schema/normalised.js';
import type { ExtractionContext } from '../../src/extract/types.js';
import type { AgendaItem } from '../../src/schema/contract.js';

export interface CellSpec {
  text: string;
  x: number;
  bold?: boolean;
  /** Width in points; defaults to 5 points per character. */
  width?: number;
}

export interface LineSpec {
  y: number;
  cells: CellSpec[];
}

/** One cell at x, or several: `line(100, [60, 'Mål 1'], [150, 'Tekst'])`. */
export function line(y: number, ...cells: (readonly [number, string] | readonly [number, string, { bold?: boolean; width?: number }])[]): LineSpec {
  return { y, cells: cells.map(([x, text, opts]) => ({ x, text, ...(opts ?? {}) })) };
}

export function layoutPage(number: number, specs: readonly LineSpec[], size = 10): NormalisedPage {
  let text = '';
  const lines: LayoutLine[] = [];
  for (const spec of specs) {
    if (text !== '') text += '\n';
    const start = text.length;
    const fragments: LayoutFragment[] = [];
    spec.cells.forEach((cell, k) => {
      if (k > 0) text += '\t';
      const s = text.length;
      text += cell.text;
      fragments.push({ start: s, end: text.length, x: cell.x, width: cell.width ?? cell.text.length * 5, size, bold: cell.bold ?? false });
    });
    lines.push({ start, end: text.length, y: spec.y, column: 0, fragments });
  }
  return { number, width: 595, height: 842, text, lines };
}

/** Lines spaced `pitch` apart from `top`, each given as cells. */
export function stacked(top: number, pitch: number, ...rows: LineSpec['cells'][]): LineSpec[] {
  return rows.map((cells, i) => ({ y: top + i * pitch, cells }));
}

export function layoutContext(pages: NormalisedPage[], agendaItems: AgendaItem[] = []): ExtractionContext {
  return {
    path: 'test.pdf',
    info: { title: null, producer: null, author: null, creator: null, creationDate: null, outline: [] },
    pages,
    agendaItems,
  };
}
