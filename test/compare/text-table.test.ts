// The terminal table: aligned columns, cut cells.
import { describe, expect, it } from 'vitest';
import { formatNumber, textTable } from '../../src/compare/text-table.js';

describe('textTable', () => {
  it('aligns columns, right-aligns numbers, cuts long cells at the chosen end', () => {
    const rows = [
      { name: 'Ærø', value: 7.25, path: 'arkiv/ærø/2024/referat-marts.pdf' },
      { name: 'Lolland', value: 12, path: 'a.pdf' },
    ];
    const text = textTable(rows, [
      { header: 'kommune', value: (r) => r.name },
      { header: 'værdi', value: (r) => formatNumber(r.value), align: 'right' },
      { header: 'kilde', value: (r) => r.path, max: 12, cut: 'start' },
    ]);
    expect(text.split('\n')).toEqual([
      'kommune  værdi  kilde',
      '-------  -----  ------------',
      'Ærø       7.25  …t-marts.pdf',
      'Lolland     12  a.pdf',
      '',
    ]);
  });

  it('formats numbers with at most two decimals and null as empty', () => {
    expect([formatNumber(90.3), formatNumber(74.625), formatNumber(2442), formatNumber(null)]).toEqual(['90.3', '74.63', '2442', '']);
  });
});
