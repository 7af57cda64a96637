// Table cells in normalised pages: the row label of a cell, and the earlier and later
// lines of a cell that wraps ("58,2 % i job. Landsgennemsnittet" | "var 54,9 %."), found
// by the x position of the layout fragments, so a figure is read in its whole cell.
import type { LayoutFragment, LayoutLine, NormalisedPage } from '../../schema/normalised.js';
import { findQuantities } from '../../text/numbers.js';
import { sentenceAround, shifted, type Span } from './sentences.js';

/** The first cell of a tab-separated row holding the span, when the span is in a later cell. */
export function rowLabel(text: string, span: Span): string | null {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const before = text.slice(lineStart, span.start);
  const tab = before.indexOf('\t');
  if (tab < 0) return null;
  const label = before.slice(0, tab).trim();
  return label === '' ? null : label;
}

// ---------------------------------------------------------------------------
// Table cells that wrap over several lines

/** How many lines up a wrapped table cell is followed. */
const MAX_CELL_LINES_ABOVE = 3;

/**
 * The text of the same table cell on the lines above a position, when the cell wraps
 * ("58,2 % i job. Landsgennemsnittet" | "var 54,9 %."): fragments of earlier lines that
 * share the position's column (x range), up to a line that ends a sentence.
 */
export function cellAbove(page: NormalisedPage, offset: number): string | undefined {
  return cellContinuation(page, offset, -1);
}

/** The text of the same table cell on the lines below a position, up to the end of its sentence or row. */
export function cellBelow(page: NormalisedPage, offset: number): string | undefined {
  return cellContinuation(page, offset, 1);
}

function cellContinuation(page: NormalisedPage, offset: number, step: -1 | 1): string | undefined {
  const index = page.lines.findIndex((l) => l.start <= offset && offset <= l.end);
  const line = page.lines[index];
  const cell = line?.fragments.find((f) => f.start <= offset && offset <= f.end);
  if (!line || !cell || cell.width <= 0) return undefined;
  // Rows start at the table's leftmost column; a line that starts further right continues a row.
  const near = page.lines.slice(Math.max(0, index - MAX_CELL_LINES_ABOVE), index + MAX_CELL_LINES_ABOVE + 1).filter((l) => l.fragments.length > 1);
  if (near.length === 0) return undefined;
  const leftmost = Math.min(...near.map((l) => l.fragments[0]?.x ?? Infinity));
  const startsRow = (l: LayoutLine): boolean => Math.abs((l.fragments[0]?.x ?? Infinity) - leftmost) < 4 && !continuesFirstCell(page, l);
  const ends = (f: LayoutFragment): boolean => /[.!?]$/u.test(page.text.slice(f.start, f.end).trim());
  if (step === 1 && ends(cell)) return undefined;
  const parts: string[] = [];
  let current: LayoutLine = line;
  for (let i = index + step; i >= 0 && i < page.lines.length && parts.length < MAX_CELL_LINES_ABOVE; i += step) {
    if (step === -1 && startsRow(current)) break;
    const next = page.lines[i] as LayoutLine;
    if (step === 1 && startsRow(next)) break;
    current = next;
    const part = current.fragments.find((f) => Math.abs(f.x - cell.x) < 4);
    if (!part) break;
    if (step === -1 && ends(part)) break;
    const text = page.text.slice(part.start, part.end).trim();
    if (step === -1) parts.unshift(text);
    else parts.push(text);
    if (step === 1 && ends(part)) break;
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * The text, span and neighbours to read a figure in: the page text, or — when the figure's
 * sentence starts a wrapped table cell — that cell's earlier lines followed by the sentence.
 */
export function figureView(
  text: string,
  span: Span,
  neighbours: readonly Span[],
  above: string | undefined,
  below?: string,
): { text: string; span: Span; neighbours: Span[] } {
  const found = sentenceAround(text, span);
  // The sentence must start and end on the figure's own line, else it already holds the cell's other lines.
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const lineEndAt = text.indexOf('\n', span.end);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  // In a wrapped cell the text sentence may run into the neighbouring cell of the line above
  // ("…\t✔" | "skal være højst 2,5 % af"); the cell's own lines come from the layout instead.
  const cellStart = Math.max(lineStart, text.lastIndexOf('\t', span.start - 1) + 1);
  const nextTab = text.indexOf('\t', span.end);
  const cellEnd = nextTab >= 0 && nextTab < lineEnd ? nextTab : lineEnd;
  const sentence = {
    start: above ? Math.max(found.start, cellStart) : found.start,
    end: below ? Math.min(found.end, cellEnd) : found.end,
  };
  const startsCell = sentence.start === lineStart || text[sentence.start - 1] === '\t';
  const endsCell = sentence.end === lineEnd || text[sentence.end] === '\t';
  const before = above && startsCell ? `${above} ` : '';
  const after = below && endsCell ? ` ${below}` : '';
  if (before === '' && after === '') return { text, span, neighbours: [...neighbours] };
  const shift = before.length - sentence.start;
  const own = text.slice(sentence.start, sentence.end);
  // The cell's other lines hold figures too ("63,5 % (landsgennemsnit:" | "61,2 %)"): they bound its clauses.
  const afterAt = before.length + own.length;
  return {
    text: `${before}${own}${after}`,
    span: shifted(span, shift),
    neighbours: [
      ...findQuantities(before),
      ...neighbours.filter((n) => n.start >= sentence.start && n.end <= sentence.end).map((n) => shifted(n, shift)),
      ...findQuantities(after).map((q) => shifted(q, afterAt)),
    ].map((n) => ({ start: n.start, end: n.end })),
  };
}

// ---------------------------------------------------------------------------
// The goal beside a result

/** Lines a table row may span (a goal cell wrapped over several lines). */
const MAX_ROW_LINES = 6;

/**
 * The wordiest other cell of the tab-separated table row holding a position — the goal
 * ("Mindst 55 % af de nyledige …") beside a result ("58,2 % i job.") — joined over the
 * row's wrapped lines by x position; undefined outside a table or when no cell is a sentence.
 */
export function rowSubjectCell(page: NormalisedPage, offset: number): string | undefined {
  const index = page.lines.findIndex((l) => l.start <= offset && offset <= l.end);
  const line = page.lines[index];
  const own = line?.fragments.find((f) => f.start <= offset && offset <= f.end);
  if (!line || !own) return undefined;
  const near = page.lines.slice(Math.max(0, index - MAX_ROW_LINES), index + MAX_ROW_LINES + 1).filter((l) => isTableLine(page, l));
  if (near.length === 0) return undefined;
  const leftmost = Math.min(...near.map((l) => l.fragments[0]?.x ?? Infinity));
  const startsRow = (l: LayoutLine): boolean => Math.abs((l.fragments[0]?.x ?? Infinity) - leftmost) < 4 && !continuesFirstCell(page, l);
  let first = index;
  while (first > 0 && index - first < MAX_ROW_LINES && !startsRow(page.lines[first] as LayoutLine)) first--;
  const head = page.lines[first] as LayoutLine;
  if (!startsRow(head) || !isTableLine(page, head)) return undefined;
  let last = first;
  while (last + 1 < page.lines.length && last - first < MAX_ROW_LINES && !startsRow(page.lines[last + 1] as LayoutLine)) last++;
  if (index > last) return undefined;
  // Columns are the x positions of the row's first line; wrapped lines continue them.
  const columns = head.fragments.map((f) => ({ x: f.x, parts: [] as string[] }));
  // A fragment belongs to the rightmost column starting at or before it (a cell may hold several fragments).
  const columnOf = (x: number): (typeof columns)[number] | undefined => columns.filter((c) => c.x <= x + 4).at(-1);
  for (const l of page.lines.slice(first, last + 1)) {
    for (const f of l.fragments) columnOf(f.x)?.parts.push(page.text.slice(f.start, f.end).trim());
  }
  const ownColumn = columnOf(own.x);
  let best: string | undefined;
  for (const c of columns) {
    if (c === ownColumn) continue;
    const text = c.parts.join(' ').replace(/\s+/gu, ' ').trim();
    const letters = (text.match(/\p{L}{2,}/gu) ?? []).length;
    if (letters >= 4 && (!best || text.length > best.length)) best = text;
  }
  return best;
}

/**
 * A line that carries on the first cell of the row above ("Andel jobparate" | "kontanthjælpsmodtagere
 * i ordinær"): it opens in lower case, right under a first cell that did not end a sentence, and
 * has fewer cells than that line. A row of its own opens with a capital, a digit or a full set of cells.
 */
function continuesFirstCell(page: NormalisedPage, line: LayoutLine): boolean {
  const first = line.fragments[0];
  if (!first || !/^\p{Ll}/u.test(page.text.slice(first.start, first.end).trim())) return false;
  const index = page.lines.indexOf(line);
  const above = page.lines[index - 1];
  const aboveFirst = above?.fragments[0];
  if (!above || !aboveFirst || Math.abs(aboveFirst.x - first.x) >= 4) return false;
  if (/[.!?:]$/u.test(page.text.slice(aboveFirst.start, aboveFirst.end).trim())) return false;
  return line.fragments.length < above.fragments.length || continuesFirstCell(page, above);
}

function isTableLine(page: NormalisedPage, line: LayoutLine): boolean {
  return line.fragments.length > 1 && page.text.slice(line.start, line.end).includes('\t');
}
