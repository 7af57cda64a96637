// The cells of a visual line: the normaliser marks wide gaps with '\t' (pdf-parse's own
// text does too), and each cell keeps its x span when the page has positions, so
// columns can be matched by alignment rather than by counting.
import type { NormalisedPage } from '../../schema/normalised.js';
import { pageHasLayout } from '../goals/goal-text.js';

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

/** Every line of a page split into tab-separated cells, blank cells dropped. */
export function tableLines(page: NormalisedPage): TableLine[] {
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
