// The columns of a goal table and where a cell falls among them: by the left edge it starts
// at, else by the header words it lies under; cells printed too close are cut at a border.
import type { Cell } from '../tables/table-layout.js';
import type { Role } from './goal-table-headers.js';

export interface Column {
  role: Role;
  left: number;
  right: number;
  /** Where the header's own words stand (a centred header is narrower than its column). */
  headLeft: number | null;
  headRight: number | null;
  /** Its header words head no known column: its role comes from what its cells hold. */
  unknown: boolean;
  /**
   * The table's body starts at its headers' left edges (a word processor's default): a column
   * then runs from its header's left edge to the next one's, whatever the figures' alignment.
   */
  headersLeftAligned?: boolean;
}

/**
 * The column of a cell: the one whose left edge it starts at; else, for a cell that starts at
 * no column's edge (figures under centred headers, "mindst 45 %" under "Målsætning 2024"), the
 * column whose header words it overlaps most; else the span it starts in.
 */
export function columnAt(cell: Cell, columns: readonly Column[]): number {
  const x = cell.left ?? 0;
  const aligned = columns.findIndex((c) => Math.abs(x - c.left) <= 6);
  if (aligned >= 0 || cell.left === null || cell.right === null) return aligned >= 0 ? aligned : columns.findIndex((c) => x >= c.left - 6 && x < c.right - 6);
  // Under left-aligned headers, figures set flush right ("78 %" under "2024" and short of
  // "Jan.-aug.") lie inside their column's box, nearer the next header's words than their own.
  const boxed = columns.findIndex((c) => c.headersLeftAligned === true && x >= c.left - 3 && cell.right !== null && cell.right <= c.right + 3);
  if (boxed >= 0) return boxed;
  let best = -1;
  let bestOverlap = 0;
  columns.forEach((c, k) => {
    if (c.headLeft === null || c.headRight === null) return;
    const overlap = Math.min(c.headRight, cell.right ?? 0) - Math.max(c.headLeft, x);
    if (overlap > bestOverlap) {
      best = k;
      bestOverlap = overlap;
    }
  });
  if (best >= 0) return best;
  // Under none: the column whose header words stand nearest ("–" under a centred "Klyngen",
  // a figure right-aligned past the end of its header's words): by the gap between them, then
  // by their centres.
  const centre = (x + (cell.right ?? x)) / 2;
  let nearest = -1;
  let distance = Infinity;
  columns.forEach((c, k) => {
    if (c.headLeft === null || c.headRight === null) return;
    const gap = Math.max(0, c.headLeft - (cell.right ?? x), x - c.headRight);
    const d = gap * 1000 + Math.abs((c.headLeft + c.headRight) / 2 - centre);
    if (d < distance) {
      nearest = k;
      distance = d;
    }
  });
  return nearest >= 0 ? nearest : columns.findIndex((c) => x >= c.left - 6 && x < c.right - 6);
}

/**
 * A fragment that runs over a column start (two cells printed too close to be told apart,
 * "Dataudfordringer 2.8") is cut at the space nearest that start, reading glyphs as evenly wide.
 */
export function splitAtColumns(cell: Cell, columns: readonly Column[]): Cell[] {
  if (cell.pieces && cell.pieces.length > 1) return [cell];
  // Pieces the PDF placed itself ("77,3 %" and "mindst 80 %" set too close for a tab) split where they are.
  if (cell.parts && cell.parts.length > 1 && cell.parts.some((p) => columnAt(p, columns) !== columnAt(cell.parts?.[0] as Cell, columns))) {
    return cell.parts.flatMap(({ text, start, end, left, right }) => splitAtColumns({ text, start, end, left, right }, columns));
  }
  const left = cell.left;
  const right = cell.right;
  if (left === null || right === null || cell.text.length < 2) return [cell];
  const border = columns.find((c) => c.left > left + 6 && c.left < right - 6);
  if (!border) return [cell];
  // A cell under one column's header words is that column's, however its edges fall ("43,7 %"
  // under a centred "Resultat 2023"); only a cell under two headers' words holds two cells.
  const under = columns.filter((c) => c.headLeft !== null && c.headRight !== null && c.headLeft < right && left < c.headRight);
  if (columns.some((c) => c.headLeft !== null) && under.length < 2) return [cell];
  const perChar = (right - left) / cell.text.length;
  let best = -1;
  for (let i = 0; i < cell.text.length; i++) {
    if (cell.text[i] !== ' ') continue;
    if (best < 0 || Math.abs(left + i * perChar - border.left) < Math.abs(left + best * perChar - border.left)) best = i;
  }
  if (best <= 0) return [cell];
  const head: Cell = { text: cell.text.slice(0, best), start: cell.start, end: cell.start + best, left, right: left + best * perChar };
  const tailText = cell.text.slice(best + 1);
  const tail: Cell = { text: tailText, start: cell.start + best + 1, end: cell.end, left: left + (best + 1) * perChar, right };
  return [head, ...splitAtColumns(tail, columns)];
}

/** Body lines read to tell whether a table's body starts at its headers' left edges. */
const ALIGNMENT_SAMPLE = 12;

/**
 * The columns marked headersLeftAligned when body cells in two or more lines start at the left
 * edge of a header other than the first (the first column starts at the margin either way).
 */
export function withBodyAlignment(columns: readonly Column[], body: readonly { cells: readonly Cell[] }[]): Column[] {
  const sample = body.slice(0, ALIGNMENT_SAMPLE);
  const startsAtHeader = (x: number | null): boolean => x !== null && columns.some((c, k) => k > 0 && c.headLeft !== null && Math.abs(x - c.headLeft) <= 2);
  const aligned = sample.filter((line) => line.cells.some((cell) => startsAtHeader(cell.left))).length;
  if (aligned >= 2) return columns.map((c) => ({ ...c, headersLeftAligned: true }));
  return withBodyStarts(columns, sample);
}

/**
 * Under a centred header ("Vurdering" over a column of sentences set flush left), a column starts
 * where two or more of the body's lines start a cell, between the header before it and its own
 * words: its left edge moves there, and its header's extent with it.
 */
function withBodyStarts(columns: readonly Column[], body: readonly { cells: readonly Cell[] }[]): Column[] {
  const lefts = body.flatMap((line) => line.cells.slice(1).map((c) => c.left).filter((x): x is number => x !== null));
  return columns.map((c, k) => {
    const before = columns[k - 1];
    const headLeft = c.headLeft;
    if (k === 0 || !before || headLeft === null || before.headRight === null) return c;
    const from = before.headRight + 2;
    const to = headLeft - 2;
    const starts = lefts.filter((x) => x > from && x < to);
    const shared = starts.find((x) => starts.filter((y) => Math.abs(y - x) <= 2).length >= 2);
    if (shared === undefined) return c;
    return { ...c, left: shared, headLeft: shared };
  }).map((c, k, all) => ({ ...c, right: all[k + 1]?.left ?? c.right }));
}
