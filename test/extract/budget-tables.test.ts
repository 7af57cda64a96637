// Budget tables from positioned text and from tab-separated text (own examples):
// unit headers applied, negative numbers, empty cells, wrapped labels, "I alt" totals,
// columns keeping their header text; and no table where there are no kroner.
import { describe, expect, test } from 'vitest';
import { extractBudgetTables } from '../../src/extract/budget-tables.js';
import { contextFrom, expectProvenance, noWarnings } from './pages.js';
import { layoutContext, layoutPage, line } from './goals-layout.js';

/** A right-aligned amount whose right edge sits at `right` (5 points per character). */
const amount = (right: number, text: string): readonly [number, string] => [right - text.length * 5, text];

describe('extractBudgetTables', () => {
  test('a Word table without rules: three value columns under their headers, mio. kr., negatives, an empty cell, a total', () => {
    const page = layoutPage(1, [
      line(60, [60, 'Budgetopfølgning for Social og Beskæftigelse', { bold: true }]),
      line(80, [60, 'Mio. kr.'], [300, 'Oprindeligt budget', { width: 75 }], [400, 'Korrigeret budget', { width: 72 }], [500, 'Forventet regnskab', { width: 72 }]),
      line(100, [60, 'Kontanthjælp'], amount(375, '120,5'), amount(472, '118,0'), amount(572, '121,3')),
      line(115, [60, 'Sygedagpenge'], amount(375, '88,2'), amount(472, '90,0'), amount(572, '–')),
      line(130, [60, 'Jobafklaring og'], amount(375, '14,0'), amount(572, '15,1')),
      line(142, [60, 'ressourceforløb']),
      line(157, [60, 'Tilbagebetalinger'], amount(375, '-4,2'), amount(472, '-3,8'), amount(572, '-4,0')),
      line(172, [60, 'I alt', { bold: true }], amount(375, '218,5'), amount(472, '204,2'), amount(572, '132,4')),
      line(200, [60, 'Forvaltningen følger udviklingen tæt og vender tilbage i juni.']),
    ]);
    const ctx = layoutContext([page]);
    const { tables, cellAmounts } = extractBudgetTables(ctx, noWarnings);
    expect(tables.map(({ provenance: _p, ...t }) => t)).toEqual([
      {
        title: 'Budgetopfølgning for Social og Beskæftigelse (Mio. kr.)',
        unit: 'DKK',
        columns: ['Oprindeligt budget', 'Korrigeret budget', 'Forventet regnskab'],
        rows: [
          { label: 'Kontanthjælp', values: [120500000, 118000000, 121300000] },
          { label: 'Sygedagpenge', values: [88200000, 90000000, null] },
          { label: 'Jobafklaring og ressourceforløb', values: [14000000, null, 15100000] },
          { label: 'Tilbagebetalinger', values: [-4200000, -3800000, -4000000] },
        ],
        total: { label: 'I alt', values: [218500000, 204200000, 132400000] },
      },
    ]);
    expect(cellAmounts).toHaveLength(13);
    expect(cellAmounts[0]).toMatchObject({ value: 120500000, currency: 'DKK', raw: '120,5', context: 'Kontanthjælp – Oprindeligt budget' });
    for (const c of cellAmounts) expectProvenance(ctx.pages, c.provenance);
    for (const t of tables) expectProvenance(ctx.pages, t.provenance);
  });

  test('tab-separated text: a 1.000 kr. header, and a kroner table known by its words', () => {
    const text = [
      'Tabellen viser budgettet for udvalget.',
      'Beløb i 1.000 kr.',
      'Oprindeligt budget\t512.300',
      'Tillægsbevillinger\t-1.250',
      'Korrigeret budget\t511.050',
      'Resultatet er tilfredsstillende.',
      'Økonomi for projektet',
      'Lønudgifter\t1.204.500',
      'Øvrige udgifter\t-310.250',
    ].join('\n');
    const ctx = contextFrom('t.pdf', text);
    const { tables } = extractBudgetTables(ctx, noWarnings);
    expect(tables.map((t) => [t.title, t.columns, t.rows, t.total])).toEqual([
      [
        'Tabellen viser budgettet for udvalget. (Beløb i 1.000 kr.)',
        ['Beløb i 1.000 kr.'],
        [
          { label: 'Oprindeligt budget', values: [512300000] },
          { label: 'Tillægsbevillinger', values: [-1250000] },
          { label: 'Korrigeret budget', values: [511050000] },
        ],
        null,
      ],
      [
        'Økonomi for projektet',
        [''],
        [
          { label: 'Lønudgifter', values: [1204500] },
          { label: 'Øvrige udgifter', values: [-310250] },
        ],
        null,
      ],
    ]);
  });

  test('year columns, ÷ for minus, a wrapped label and a total in plain tab-separated text', () => {
    const text = [
      'Budgetoverslag for området (1.000 kr.)',
      'Område\t2025\t2026\t2027',
      'Kontanthjælp\t12.400\t12.100\t11.800',
      'Tilbagebetaling af',
      'ydelser\t÷ 300\t÷ 250\t÷ 200',
      'I alt\t12.100\t11.850\t11.600',
    ].join('\n');
    const ctx = contextFrom('y.pdf', text);
    const { tables, cellAmounts } = extractBudgetTables(ctx, noWarnings);
    expect(tables.map(({ provenance: _p, ...t }) => t)).toEqual([
      {
        title: 'Budgetoverslag for området (1.000 kr.)',
        unit: 'DKK',
        columns: ['2025', '2026', '2027'],
        rows: [
          { label: 'Kontanthjælp', values: [12400000, 12100000, 11800000] },
          { label: 'Tilbagebetaling af ydelser', values: [-300000, -250000, -200000] },
        ],
        total: { label: 'I alt', values: [12100000, 11850000, 11600000] },
      },
    ]);
    expect(cellAmounts.map((c) => c.raw)).toContain('÷ 300');
    for (const c of cellAmounts) expectProvenance(ctx.pages, c.provenance);
  });

  test('no kroner, no table: a table of contents, a case list with dates, a table of head counts', () => {
    const text = [
      'Indholdsfortegnelse',
      'Godkendelse af dagsorden ............................\t3',
      'Budgetopfølgning ....................................\t5',
      'Sag\tAfd.\tVedtaget',
      'Serviceniveau for 2024\tBorgervelfærd\tVedtaget. Byrådet 31. januar',
      'Boligplan for plejeboliger\tBygningsafd.\tVedtaget. Byrådet 22. november',
      'Antal helårspersoner\t2023\t2024',
      'Kontanthjælp\t410\t380',
      'Sygedagpenge\t620\t655',
    ].join('\n');
    expect(extractBudgetTables(contextFrom('n.pdf', text), noWarnings).tables).toEqual([]);
  });
});
