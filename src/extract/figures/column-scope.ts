// Whose figure a table cell holds, from the header of its column: key-figure tables set the
// municipality, a cluster and the whole country side by side ("Odense, udvikling | Klyngen,
// udvikling | Hele landet, udvikling"), and a cell's own row says nothing of it.
import type { Scope } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import { overlaps, tableLines, type Cell, type TableLine } from '../tables/table-layout.js';
import { scopeOfLabel } from '../context/figure-scope.js';

/** How many data rows a header may stand above a cell. */
const MAX_ROWS_UP = 30;
/** How many lines a header cell may wrap over ("Klyngen" / "udvikling"). */
const MAX_HEADER_LINES = 3;

/** A header cell line is a few words ("Hele landet, udvikling"). */
const MAX_HEADER_WORDS = 6;

/** A cell that is a figure of a row: "+4,9 %", "-0,5 %", "3.102", "÷3,4", "–". */
const FIGURE_CELL = /^[-+−÷]?\s*(?:\d[\d.,]*\s*(?:%|pct\.?|%-point|procentpoint)?|[–-])$/u;

/** Header cells, as data: the scope each names (null: none, the clause decides). */
export const COLUMN_HEADER_EXAMPLES: readonly { header: string; scope: Scope | null }[] = [
  { header: 'Hele landet, udvikling', scope: 'national' },
  { header: 'Klyngen udvikling', scope: 'other' },
  { header: 'Region Syddanmark', scope: 'other' },
  { header: 'Landsgennemsnit 2024', scope: 'national' },
  { header: '3. kvt. 2025', scope: null },
];

const linesCache = new WeakMap<NormalisedPage, TableLine[]>();

function linesOf(page: NormalisedPage): TableLine[] {
  let lines = linesCache.get(page);
  if (!lines) linesCache.set(page, (lines = tableLines(page)));
  return lines;
}

/**
 * The cell of a line above that heads a cell: the one it overlaps, or, under a name set flush left
 * with figures set flush right ("Klynge" over "54,1 %" short of "Hele landet"), the one whose
 * span from its left edge to the next cell's left edge holds it.
 */
function cellAbove(cells: readonly Cell[], cell: Cell): Cell | undefined {
  const over = cells.find((c) => overlaps(c, cell));
  // Only a row of names places by boxes; a line of one cell is a title or prose.
  if (over || cell.left === null || cell.right === null || cells.length < 2) return over;
  const left = cell.left;
  const right = cell.right;
  return cells.find((c, k) => c.left !== null && c.left <= left + 3 && right <= (cells[k + 1]?.left ?? Infinity) + 3 && left < (cells[k + 1]?.left ?? Infinity));
}

/**
 * The scope the column header above a table cell names (national or other), or null when the
 * offset is in no table row, or its header names neither.
 */
export function columnHeaderScope(pages: readonly NormalisedPage[], pageNumber: number, offset: number): Scope | null {
  const page = pages.find((p) => p.number === pageNumber);
  if (!page) return null;
  const lines = linesOf(page);
  const k = lines.findIndex((l) => l.cells.some((c) => c.start <= offset && offset < c.end));
  const row = lines[k];
  const cell = row?.cells.find((c) => c.start <= offset && offset < c.end);
  // A row of a table: a label and two or more figures, the figure in a later cell.
  if (!row?.hasLayout || !cell || row.cells.length < 3 || row.cells[0] === cell) return null;
  const header: string[] = [];
  for (let j = k - 1; j >= Math.max(0, k - MAX_ROWS_UP) && header.length < MAX_HEADER_LINES; j--) {
    const above = cellAbove((lines[j] as TableLine).cells, cell);
    if (!above) {
      if (header.length > 0) break;
      continue; // a group heading in the first column only
    }
    if (FIGURE_CELL.test(above.text.trim())) {
      if (header.length > 0) break;
      continue; // a row of figures above
    }
    // A sentence over the column is prose above the table, no header.
    const text = above.text.trim();
    if (/[.!?]$/u.test(text) || text.split(/\s+/u).length > MAX_HEADER_WORDS) break;
    header.unshift(text);
  }
  const scope = header.length > 0 ? scopeOfLabel(header.join(' ')) : null;
  return scope === 'national' || scope === 'other' ? scope : null;
}
