// The cells of a visual line: the normaliser marks wide gaps with '\t' (pdf-parse's own
// text does too), and each cell keeps its x span when the page has positions, so
// columns can be matched by alignment rather than by counting.
import type { NormalisedPage } from '../../schema/normalised.js';
import { pageHasLayout } from '../goals/goal-text.js';
import { joinWrapped } from '../../text/dehyphenate.js';

export interface Cell {
  text: string;
  /** Offsets into the page text. */
  start: number;
  end: number;
  /** Left and right edge on the page; null without layout. */
  left: number | null;
  right: number | null;
  /** The positioned text pieces inside the cell, when it holds several (names set too close for a tab). */
  parts?: Cell[];
  /**
   * The cell's text spans, top to bottom, when it was printed over several lines of a row band
   * ("Jobcenter," over "administration" beside centred figures); start/end then cover all of them.
   */
  pieces?: { start: number; end: number }[];
}

export interface TableLine {
  page: number;
  start: number;
  end: number;
  y: number;
  text: string;
  cells: Cell[];
  bold: boolean;
  size: number;
  hasLayout: boolean;
}

/**
 * Every line of a page split into tab-separated cells, blank cells dropped; the lines of one
 * row band (see joinBands) read as one line.
 */
export function tableLines(page: NormalisedPage): TableLine[] {
  return joinBands(visualLines(page));
}

function visualLines(page: NormalisedPage): TableLine[] {
  const hasLayout = pageHasLayout(page);
  return page.lines.map((line) => {
    const text = page.text.slice(line.start, line.end);
    const cells: Cell[] = [];
    const re = /[^\t]+/gu;
    for (const m of text.matchAll(re)) {
      const lead = m[0].length - m[0].trimStart().length;
      const body = m[0].trim();
      if (body === '') continue;
      const start = line.start + m.index + lead;
      const end = start + body.length;
      // Positions belong to a cell only when its fragments lie inside it (a text-only page has one fragment per line).
      const frags = line.fragments.filter((f) => f.start < end && start < f.end);
      const own = frags.every((f) => f.start >= start - 1 && f.end <= end + 1);
      const left = hasLayout && own && frags.length > 0 ? Math.min(...frags.map((f) => f.x)) : null;
      const right = hasLayout && own && frags.length > 0 ? Math.max(...frags.map((f) => f.x + f.width)) : null;
      const cell: Cell = { text: body, start, end, left, right };
      if (left !== null && frags.length > 1) {
        cell.parts = frags
          .map((f) => ({ text: page.text.slice(f.start, f.end).trim(), start: f.start, end: f.end, left: f.x, right: f.x + f.width }))
          .filter((p) => p.text !== '');
      }
      cells.push(cell);
    }
    const bold = line.fragments.length > 0 && line.fragments.every((f) => f.bold);
    const size = Math.max(0, ...line.fragments.map((f) => f.size));
    return { page: page.number, start: line.start, end: line.end, y: line.y, text, cells, bold, size, hasLayout };
  });
}

/**
 * Lines closer than this share of the font size belong to one table row: a cell centred
 * vertically beside a taller one prints its lines between the other's (Word, Writer and HTML
 * tables: "Jobcenter," / "58.310 59.020" / "administration"; "Resultat" / "Kode" / "2023").
 * A label wrapped at a line height of 1.4 puts the figures centred beside it 0.7–0.75 em from
 * each of its lines; lines of running text stand a full line apart (1.1 em and more).
 */
const BAND_GAP_EM = 0.8;
/** More words than this in one cell is running text, not a table cell beside a centred one. */
const MAX_BAND_CELL_WORDS = 8;

/** Consecutive lines of one row band merged into one line. */
function joinBands(lines: readonly TableLine[]): TableLine[] {
  const out: TableLine[] = [];
  let band: TableLine[] = [];
  const flush = (): void => {
    out.push(...centredRows(band));
    band = [];
  };
  for (const line of lines) {
    const last = band.at(-1);
    const gap = last ? line.y - last.y : Infinity;
    const inBand = last !== undefined && line.hasLayout && last.hasLayout && line.cells.length > 0 && last.cells.length > 0 && gap > 0 && gap < BAND_GAP_EM * Math.max(line.size, last.size, 8);
    if (!inBand) flush();
    band.push(line);
  }
  flush();
  return out;
}

/**
 * The lines of a band with each centred row in it merged, longest first from the top: a band may
 * hold a line standing close above or below a centred row (a goal's code between its statement
 * and its figures) without being one row itself.
 */
function centredRows(band: readonly TableLine[]): TableLine[] {
  const out: TableLine[] = [];
  let i = 0;
  while (i < band.length) {
    let end = band.length;
    while (end - i >= 3 && !isCentredRow(band.slice(i, end))) end--;
    if (end - i >= 3) {
      out.push(mergeBand(band.slice(i, end)));
      i = end;
    } else {
      out.push(band[i] as TableLine);
      i++;
    }
  }
  return out;
}

/** Whether two placed cells share some x range. */
export const overlaps = (a: Cell, b: Cell): boolean => a.left !== null && a.right !== null && b.left !== null && b.right !== null && a.left < b.right && b.left < a.right;

/**
 * A band is one row when it is shaped like one: an odd number of lines (3, 5), the middle line
 * holding the cells of one line, every other cell stacked over or under another cell of the band
 * (a cell printed over two lines, centred beside the one-line cells). Running text in columns
 * whose baselines happen to stand close ("Kommunerne har …" beside a figure's "Palliation") is not.
 */
function isCentredRow(band: readonly TableLine[]): boolean {
  if (band.length < 3 || band.length % 2 === 0) return false;
  // Table cells are short; a line of running text is not one.
  if (band.some((l) => l.cells.some((c) => c.text.split(/\s+/u).length > MAX_BAND_CELL_WORDS))) return false;
  const middle = band[(band.length - 1) / 2] as TableLine;
  const outer = band.filter((l) => l !== middle);
  const stacked = outer.every((l) => l.cells.every((c) => outer.some((o) => o !== l && o.cells.some((d) => overlaps(c, d)))));
  const apart = middle.cells.every((c) => outer.every((o) => o.cells.every((d) => !overlaps(c, d))));
  return stacked && apart;
}

/** One line from a band: cells that overlap in x are one cell, read top to bottom. */
function mergeBand(band: readonly TableLine[]): TableLine {
  const cells = band.flatMap((l) => l.cells).sort((a, b) => (a.left ?? 0) - (b.left ?? 0));
  const groups: Cell[][] = [];
  for (const cell of cells) {
    const group = groups.find((g) => g.some((c) => overlaps(c, cell)));
    if (group) group.push(cell);
    else groups.push([cell]);
  }
  const merged = groups
    .map((group): Cell => {
      if (group.length === 1) return group[0] as Cell;
      const ordered = [...group].sort((a, b) => a.start - b.start);
      return {
        // A word hyphenated at the cell's line end joins as on a page line ("vedligeholdelses-" / "træning").
        text: ordered.map((c) => c.text).reduce((a, b) => joinWrapped(a, b), ''),
        start: Math.min(...ordered.map((c) => c.start)),
        end: Math.max(...ordered.map((c) => c.end)),
        left: Math.min(...ordered.map((c) => c.left ?? 0)),
        right: Math.max(...ordered.map((c) => c.right ?? 0)),
        pieces: ordered.flatMap((c) => c.pieces ?? [{ start: c.start, end: c.end }]),
      };
    })
    .sort((a, b) => (a.left ?? 0) - (b.left ?? 0));
  // The band sits where its fullest line does (the figures of a row, the names of a header).
  const fullest = band.reduce((best, l) => (l.cells.length > best.cells.length ? l : best), band[0] as TableLine);
  const first = band[0] as TableLine;
  const last = band.at(-1) as TableLine;
  return {
    page: first.page,
    start: first.start,
    end: last.end,
    y: fullest.y,
    text: merged.map((c) => c.text).join('\t'),
    cells: merged,
    bold: band.every((l) => l.bold),
    size: Math.max(...band.map((l) => l.size)),
    hasLayout: true,
  };
}

/**
 * The words of a cell as cells of their own, each placed by its share of the cell's characters
 * (the PDF gives the cell's edges, not its words'): for splitting names printed too close.
 */
export function cellWords(cell: Cell): Cell[] {
  const left = cell.left ?? 0;
  const perChar = ((cell.right ?? left) - left) / Math.max(1, cell.text.length);
  return [...cell.text.matchAll(/\S+/gu)].map((m) => ({
    text: m[0],
    start: cell.start + m.index,
    end: cell.start + m.index + m[0].length,
    left: left + m.index * perChar,
    right: left + (m.index + m[0].length) * perChar,
  }));
}

/** The text spans of a cell: one, or one per line it was printed over. */
export function cellPieces(cell: Cell): { start: number; end: number }[] {
  return cell.pieces ?? [{ start: cell.start, end: cell.end }];
}

/** Groups right edges (or, without layout, positions counted from the right) into columns. */
export function clusterEdges(edges: readonly number[], tolerance: number): number[] {
  const sorted = [...edges].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const e of sorted) {
    const last = clusters.at(-1);
    if (last && e - (last.at(-1) ?? e) <= tolerance) last.push(e);
    else clusters.push([e]);
  }
  return clusters.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}
