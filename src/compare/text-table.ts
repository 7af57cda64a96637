// Plain aligned text tables for the terminal, drawn by cli-table3 (display widths of
// æøå, CJK and emoji, alignment, the ellipsis of a cut cell). On a terminal the table
// is fitted to its width by narrowing the widest columns; piped or redirected, cells
// keep their full text (up to a column's own `max`).
import Table from 'cli-table3';
import stringWidth from 'string-width';

export interface TextColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Cut cells longer than this (default: no limit). */
  max?: number;
  /** Which end an overlong cell loses: 'end' (default) or 'start' (for paths, whose file name matters). */
  cut?: 'start' | 'end';
  align?: 'left' | 'right';
}

export interface TextTableOptions {
  /** Fit the table in this many columns; default: the terminal's width when standard output is one, else no limit. */
  width?: number;
}

const GAP = '  ';
/** A column narrowed to fit the terminal keeps at least this many characters (or its header). */
const MIN_COLUMN = 6;

const NO_BORDER = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: GAP,
};

/** `text` cut to `width` display columns from its start (the end, a file name, is what matters). */
function cutStart(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  const chars = [...text];
  let kept = '';
  for (let i = chars.length - 1; i >= 0 && stringWidth(`…${chars[i]}${kept}`) <= width; i--) kept = `${chars[i]}${kept}`;
  return `…${kept}`;
}

/** Narrows the widest columns, one character at a time, until the row fits `width`. */
function fitWidths(natural: number[], minimum: number[], width: number): number[] {
  const widths = [...natural];
  const total = (): number => widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > (minimum[i] ?? 0) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    });
    if (widest < 0) break; // every column at its minimum: the terminal wraps what is left
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

export function textTable<T>(rows: readonly T[], columns: readonly TextColumn<T>[], options: TextTableOptions = {}): string {
  const width = options.width ?? (process.stdout.isTTY ? process.stdout.columns : undefined);
  const text = (c: TextColumn<T>, row: T): string => {
    const v = c.value(row);
    return v === null ? '' : String(v).replace(/\s+/g, ' ');
  };
  const body = rows.map((r) => columns.map((c) => text(c, r)));
  const natural = columns.map((c, i) => {
    const longest = Math.max(stringWidth(c.header), ...body.map((cells) => stringWidth(cells[i] ?? '')));
    return c.max === undefined ? longest : Math.min(longest, Math.max(c.max, stringWidth(c.header)));
  });
  const minimum = columns.map((c) => Math.max(stringWidth(c.header), MIN_COLUMN));
  const widths = width === undefined ? natural : fitWidths(natural, minimum, width);
  const table = new Table({
    head: columns.map((c) => c.header),
    colWidths: widths,
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: false,
    truncate: '…',
    chars: NO_BORDER,
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
  });
  // cli-table3 cuts the end of a cell; a path column gives up its start instead.
  for (const cells of body) table.push(cells.map((t, i) => (columns[i]?.cut === 'start' ? cutStart(t, widths[i] ?? 0) : t)));
  const [head = '', ...lines] = table.toString().split('\n');
  const rule = widths.map((w) => '-'.repeat(w)).join(GAP);
  return [head, rule, ...lines].map((l) => l.trimEnd()).join('\n') + '\n';
}

/** A number as researchers read it in a table: up to 2 decimals, no trailing zeros. */
export function formatNumber(n: number | null): string {
  if (n === null) return '';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
