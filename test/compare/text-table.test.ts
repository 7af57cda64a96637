// The terminal table: aligned columns, cut cells, fitted to the terminal's width.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatNumber, textTable, type TextColumn } from '../../src/compare/text-table.js';

interface Row {
  name: string;
  value: number;
  path: string;
}
const rows: Row[] = [
  { name: 'Ærø', value: 7.25, path: 'arkiv/ærø/2024/referat-marts.pdf' },
  { name: 'Lolland', value: 12, path: 'a.pdf' },
];
const columns: TextColumn<Row>[] = [
  { header: 'kommune', value: (r) => r.name },
  { header: 'værdi', value: (r) => formatNumber(r.value), align: 'right' },
  { header: 'kilde', value: (r) => r.path, max: 12, cut: 'start' },
];

describe('textTable', () => {
  it('aligns columns, right-aligns numbers, cuts long cells at the chosen end', () => {
    expect(textTable(rows, columns, { width: 200 }).split('\n')).toEqual([
      'kommune  værdi  kilde',
      '-------  -----  ------------',
      'Ærø       7.25  …t-marts.pdf',
      'Lolland     12  a.pdf',
      '',
    ]);
  });

  it('fits a narrow terminal by narrowing the widest column, and never cuts below a header', () => {
    const wide: TextColumn<Row>[] = [columns[0] as TextColumn<Row>, { header: 'kilde', value: (r) => r.path }];
    const lines = textTable(rows, wide, { width: 24 }).trimEnd().split('\n');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(24);
    expect(lines[2]).toBe('Ærø      arkiv/ærø/2024…');
    // Narrower than the headers allow: the headers stay whole (the terminal wraps the rest).
    expect(textTable(rows, wide, { width: 5 }).split('\n')[0]).toBe('kommune  kilde');
  });

  it('measures wide characters by the columns they take on screen', () => {
    const text = textTable([{ name: '東京', value: 1, path: 'x' }, ...rows], columns, { width: 200 });
    const [, , tokyo, aero] = text.split('\n');
    expect(tokyo).toBe('東京         1  x');
    // The source column starts at the same screen column in both rows.
    const sourceAt = (line = '', cell: string): number => stringWidth(line.slice(0, line.lastIndexOf(cell)));
    expect(sourceAt(tokyo, 'x')).toBe(sourceAt(aero, '…t-marts.pdf'));
  });

  it('keeps the full text when not writing to a terminal and no width is given', () => {
    const piped = !process.stdout.isTTY;
    const long = { header: 'kilde', value: (r: Row) => r.path.repeat(4) };
    const text = textTable(rows, [long]);
    if (piped) expect(text).toContain(rows[0]?.path.repeat(4));
    else expect(text.split('\n').every((l) => stringWidth(l) <= (process.stdout.columns ?? 80))).toBe(true);
  });

  it('formats numbers with at most two decimals and null as empty', () => {
    expect([formatNumber(90.3), formatNumber(74.625), formatNumber(2442), formatNumber(null)]).toEqual(['90.3', '74.63', '2442', '']);
  });
});
