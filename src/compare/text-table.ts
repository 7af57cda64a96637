// Plain aligned text tables for the terminal; long cells are cut with an ellipsis.

export interface TextColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Cut cells longer than this (default: no limit). */
  max?: number;
  /** Which end an overlong cell loses: 'end' (default) or 'start' (for paths, whose file name matters). */
  cut?: 'start' | 'end';
  align?: 'left' | 'right';
}

export function textTable<T>(rows: readonly T[], columns: readonly TextColumn<T>[]): string {
  const cell = (c: TextColumn<T>, row: T): string => {
    const v = c.value(row);
    const text = v === null ? '' : String(v).replace(/\s+/g, ' ');
    if (c.max === undefined || text.length <= c.max) return text;
    return c.cut === 'start' ? `…${text.slice(text.length - c.max + 1)}` : `${text.slice(0, c.max - 1)}…`;
  };
  const body = rows.map((r) => columns.map((c) => cell(c, r)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((t, i) => (columns[i]?.align === 'right' ? t.padStart(widths[i] ?? 0) : t.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

/** A number as researchers read it in a table: up to 2 decimals, no trailing zeros. */
export function formatNumber(n: number | null): string {
  if (n === null) return '';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
