// Reading order of multi-column pages. A page has two columns of prose when an empty
// vertical band (the gutter) runs down its middle, both sides hold many lines, the
// lines on each side fill their column, and a line has about one fragment per side.
// Tables also leave empty vertical bands, but their rows hold several short cells,
// so they are never split. Lines that cross the gutter (titles, full-width text)
// end one two-column band and start the next: left column first, then right.
import type { DraftFragment, DraftLine } from './draft.js';

const BIN = 2;
/** At most this share of lines may cross the gutter (full-width headings between bands). */
const MAX_CROSSING_SHARE = 0.2;
const MIN_LINES_PER_SIDE = 6;
const MIN_GUTTER_PT = 8;
/** Prose columns: the median line fills at least this share of its column's width. */
const MIN_FILL = 0.55;
/** Tables: more than this share of lines with several fragments on one side means "not prose". */
const MAX_MULTI_FRAGMENT_SHARE = 0.25;

interface Gutter {
  start: number;
  end: number;
}

const fragEnd = (f: DraftFragment): number => f.x + f.width;

function findGutter(lines: readonly DraftLine[]): Gutter | null {
  const frags = lines.flatMap((l) => l.fragments);
  if (frags.length === 0) return null;
  const minX = Math.min(...frags.map((f) => f.x));
  const maxX = Math.max(...frags.map(fragEnd));
  const span = maxX - minX;
  if (span < 100) return null;
  const bins = new Array<number>(Math.ceil(span / BIN) + 1).fill(0);
  for (const line of lines) {
    const covered = new Set<number>();
    for (const f of line.fragments) {
      for (let b = Math.floor((f.x - minX) / BIN); b <= Math.floor((fragEnd(f) - minX) / BIN); b++) covered.add(b);
    }
    for (const b of covered) bins[b] = (bins[b] ?? 0) + 1;
  }
  const limit = Math.floor(MAX_CROSSING_SHARE * lines.length);
  const from = Math.floor((0.25 * span) / BIN);
  const to = Math.ceil((0.75 * span) / BIN);
  let best: { start: number; end: number; load: number } | null = null;
  const consider = (runStart: number, runEnd: number): void => {
    // A short column leaves a lightly loaded band beside the true gutter (its ragged
    // right margin): the gutter is the run's least-loaded stretch, not the whole run.
    const stretch = leastLoaded(bins, runStart, runEnd);
    const width = (stretch.end - stretch.start) * BIN;
    if (width >= MIN_GUTTER_PT && (!best || stretch.load < best.load || (stretch.load === best.load && width > best.end - best.start))) {
      best = { start: minX + stretch.start * BIN, end: minX + stretch.end * BIN, load: stretch.load };
    }
  };
  let runStart = -1;
  for (let b = from; b <= to + 1; b++) {
    const open = b <= to && (bins[b] ?? 0) <= limit;
    if (open && runStart < 0) runStart = b;
    else if (!open && runStart >= 0) {
      consider(runStart, b);
      runStart = -1;
    }
  }
  const found = best as { start: number; end: number; load: number } | null;
  return found ? { start: found.start, end: found.end } : null;
}

/** The widest stretch of bins in [start, end) at the run's lowest load (a few lines' tolerance). */
function leastLoaded(bins: readonly number[], start: number, end: number): { start: number; end: number; load: number } {
  let min = Infinity;
  for (let b = start; b < end; b++) min = Math.min(min, bins[b] ?? 0);
  const tolerance = min + 1;
  let bestStart = start;
  let bestEnd = start;
  let load = min;
  let s = -1;
  let runLoad = 0;
  for (let b = start; b <= end; b++) {
    const low = b < end && (bins[b] ?? 0) <= tolerance;
    if (low) {
      if (s < 0) {
        s = b;
        runLoad = 0;
      }
      runLoad = Math.max(runLoad, bins[b] ?? 0);
    } else if (s >= 0) {
      if (b - s > bestEnd - bestStart) {
        bestStart = s;
        bestEnd = b;
        load = runLoad;
      }
      s = -1;
    }
  }
  return { start: bestStart, end: bestEnd, load };
}

type Side = 'left' | 'right' | 'both' | 'crossing';

function sideOf(line: DraftLine, g: Gutter): Side {
  const mid = (g.start + g.end) / 2;
  let left = false;
  let right = false;
  for (const f of line.fragments) {
    if (f.x < mid && fragEnd(f) > mid) return 'crossing';
    if (fragEnd(f) <= mid) left = true;
    else right = true;
  }
  return left && right ? 'both' : left ? 'left' : 'right';
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function looksLikeProseColumns(lines: readonly DraftLine[], g: Gutter): boolean {
  const mid = (g.start + g.end) / 2;
  const leftFrags: DraftFragment[][] = [];
  const rightFrags: DraftFragment[][] = [];
  for (const line of lines) {
    const side = sideOf(line, g);
    if (side === 'crossing') continue;
    const l = line.fragments.filter((f) => fragEnd(f) <= mid);
    const r = line.fragments.filter((f) => fragEnd(f) > mid);
    if (l.length > 0) leftFrags.push(l);
    if (r.length > 0) rightFrags.push(r);
  }
  if (leftFrags.length < MIN_LINES_PER_SIDE || rightFrags.length < MIN_LINES_PER_SIDE) return false;
  // A label and its value ("Målsætning:⇥Antallet af …") are one line of prose, not table cells.
  const multi = [...leftFrags, ...rightFrags].filter((fs) => fs.length > 1 && !(fs.length === 2 && /:$/u.test(fs[0]?.text ?? ''))).length;
  if (multi > MAX_MULTI_FRAGMENT_SHARE * (leftFrags.length + rightFrags.length)) return false;
  const all = lines.flatMap((l) => l.fragments);
  const minX = Math.min(...all.map((f) => f.x));
  const maxX = Math.max(...all.map(fragEnd));
  const widthOf = (fs: DraftFragment[]): number => Math.max(...fs.map(fragEnd)) - Math.min(...fs.map((f) => f.x));
  const leftFill = median(leftFrags.map(widthOf)) / Math.max(1, g.start - minX);
  const rightFill = median(rightFrags.map(widthOf)) / Math.max(1, maxX - g.end);
  return leftFill >= MIN_FILL && rightFill >= MIN_FILL;
}

/**
 * Puts the lines of a page (top to bottom) into reading order and sets their column.
 * Returns the lines unchanged (column 0) unless the page has two columns of prose.
 */
export function orderColumns(lines: readonly DraftLine[]): { lines: DraftLine[]; columns: number } {
  const gutter = findGutter(lines);
  if (!gutter || !looksLikeProseColumns(lines, gutter)) return { lines: [...lines], columns: 1 };
  const mid = (gutter.start + gutter.end) / 2;
  const ordered: DraftLine[] = [];
  let left: DraftLine[] = [];
  let right: DraftLine[] = [];
  const flush = (): void => {
    ordered.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const line of lines) {
    const side = sideOf(line, gutter);
    if (side === 'crossing') {
      flush();
      ordered.push({ ...line, column: 0 });
      continue;
    }
    const l = line.fragments.filter((f) => fragEnd(f) <= mid);
    const r = line.fragments.filter((f) => fragEnd(f) > mid);
    if (l.length > 0) left.push({ ...line, column: 0, fragments: withFirstSep(l) });
    if (r.length > 0) right.push({ ...line, column: 1, fragments: withFirstSep(r) });
  }
  flush();
  return { lines: ordered, columns: 2 };
}

function withFirstSep(fragments: DraftFragment[]): DraftFragment[] {
  return fragments.map((f, i) => (i === 0 ? { ...f, sep: '' } : f));
}
