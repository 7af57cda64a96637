// Budget tables from positioned text and from tab-separated text (own examples):
// unit headers applied, negative numbers, empty cells, wrapped labels, "I alt" totals,
// columns keeping their header text; and no table where there are no kroner.
import { describe, expect, test } from 'vitest';
import { extractBudgetTables } from '../../src/extract/tables/budget-tables.js';
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

  test('a "Tabel N." caption names the table over the agenda item; column names over two lines are joined; Mio. kr. scales', () => {
    const page = layoutPage(1, [
      line(40, [60, 'Punkt 7. Økonomiopfølgning for ældreområdet', { bold: true }]),
      line(60, [60, 'Forvaltningen forventer et mindre merforbrug i år.']),
      line(80, [60, 'Tabel 3. Forventet regnskab 2026, hjemmepleje og plejeboliger']),
      line(98, [60, 'Mio. kr.'], [230, 'Oprindeligt', { width: 50 }], [320, 'Forbrug pr.', { width: 50 }], [405, 'Forventet', { width: 45 }], [490, 'Afvigelse', { width: 45 }]),
      line(110, [240, 'budget', { width: 30 }], [340, '30/6', { width: 20 }], [410, 'regnskab', { width: 40 }]),
      line(126, [60, 'Hjemmepleje'], amount(280, '210,4'), amount(370, '98,7'), amount(450, '214,0'), amount(535, '÷3,6')),
      line(138, [60, 'Plejeboliger'], amount(280, '305,0'), amount(370, '150,1'), amount(450, '301,2'), amount(535, '3,8')),
      line(150, [60, 'Hjælpemidler'], amount(280, '44,6'), amount(370, '23,0'), amount(450, '45,0'), amount(535, '-0,4')),
      line(162, [60, 'I alt'], amount(280, '560,0'), amount(370, '271,8'), amount(450, '560,2'), amount(535, '÷0,2')),
    ]);
    const item = { number: 7, title: 'Økonomiopfølgning for ældreområdet', caseNumber: null, decision: null, provenance: { page: 1, start: 0, end: 10, snippet: page.text.slice(0, 10) } };
    const ctx = layoutContext([page], [item]);
    const { tables, cellAmounts } = extractBudgetTables(ctx, noWarnings);
    expect(tables.map(({ provenance: _p, ...t }) => t)).toEqual([
      {
        title: 'Tabel 3. Forventet regnskab 2026, hjemmepleje og plejeboliger (Mio. kr.)',
        unit: 'DKK',
        columns: ['Oprindeligt budget', 'Forbrug pr. 30/6', 'Forventet regnskab', 'Afvigelse'],
        rows: [
          { label: 'Hjemmepleje', values: [210400000, 98700000, 214000000, -3600000] },
          { label: 'Plejeboliger', values: [305000000, 150100000, 301200000, 3800000] },
          { label: 'Hjælpemidler', values: [44600000, 23000000, 45000000, -400000] },
        ],
        total: { label: 'I alt', values: [560000000, 271800000, 560200000, -200000] },
      },
    ]);
    expect(cellAmounts.find((c) => c.raw === '÷3,6')).toMatchObject({ value: -3600000, context: 'Hjemmepleje – Afvigelse' });
    for (const c of cellAmounts) expectProvenance(ctx.pages, c.provenance);
  });

  test('a caption left at the foot of the previous page still names the table; without a caption the agenda item does', () => {
    const first = layoutPage(1, [
      line(40, [60, 'Punkt 4. Indsatser mod langtidsledighed', { bold: true }]),
      line(60, [60, 'Indsatserne koster 1.900.000 kr. i 2026, fordelt som vist nedenfor.']),
      line(780, [60, 'Tabel 6. Udgifter til nye indsatser']),
    ]);
    const second = layoutPage(2, [
      line(60, [60, 't.kr.'], amount(380, '2026'), amount(530, '2027')),
      line(75, [60, 'Mentorordning'], amount(380, '1.100'), amount(530, '1.000')),
      line(90, [60, 'Jobformidling'], amount(380, '800'), amount(530, '850')),
      line(105, [60, 'Total'], amount(380, '1.900'), amount(530, '1.850')),
      line(160, [60, 'Forvaltningen følger op i efteråret.']),
      line(180, [60, 'Beløb i 1.000 kr.'], amount(380, '2026'), amount(530, '2027')),
      line(195, [60, 'Løn'], amount(380, '400'), amount(530, '410')),
      line(210, [60, 'Drift'], amount(380, '120'), amount(530, '125')),
    ]);
    const item = { number: 4, title: 'Indsatser mod langtidsledighed', caseNumber: null, decision: null, provenance: { page: 1, start: 0, end: 5, snippet: first.text.slice(0, 5) } };
    const { tables } = extractBudgetTables(layoutContext([first, second], [item]), noWarnings);
    expect(tables.map((t) => [t.title, t.columns, t.rows.length, t.total])).toEqual([
      ['Tabel 6. Udgifter til nye indsatser (t.kr.)', ['2026', '2027'], 2, { label: 'Total', values: [1900000, 1850000] }],
      ['Indsatser mod langtidsledighed (Beløb i 1.000 kr.)', ['2026', '2027'], 2, null],
    ]);
  });

  test('captions in tab-separated text: a long caption carrying the unit, and a caption wrapped onto two lines', () => {
    const text = [
      'Punkt 2. Budgetopfølgning for socialområdet',
      'Tabel 1: Forventet regnskab for 2026 på de enkelte aktiviteter inden for socialområdet (mio. kr.)',
      'Aktivitet\tBudget\tForventet',
      'Botilbud\t84,5\t86,0',
      'Støttekontaktpersoner\t12,0\t11,2',
      'I alt\t96,5\t97,2',
      'Udvalget orienteres igen i efteråret.',
      'Tabel 2. Anlægsudgifter til nye botilbud og',
      'værksteder',
      't.kr.\t2026\t2027',
      'Botilbud Vest\t4.500\t1.200',
      'Værksted Øst\t900\t-150',
    ].join('\n');
    const { tables } = extractBudgetTables(contextFrom('c.pdf', text), noWarnings);
    expect(tables.map((t) => [t.title, t.columns, t.rows.map((r) => r.values), t.total?.values ?? null])).toEqual([
      [
        'Tabel 1: Forventet regnskab for 2026 på de enkelte aktiviteter inden for socialområdet (mio. kr.)',
        ['Budget', 'Forventet'],
        [[84500000, 86000000], [12000000, 11200000]],
        [96500000, 97200000],
      ],
      ['Tabel 2. Anlægsudgifter til nye botilbud og værksteder (t.kr.)', ['2026', '2027'], [[4500000, 1200000], [900000, -150000]], null],
    ]);
  });

  test('a unit in parentheses in the label column, column names cut short with a full stop and wrapped over two lines, a caption line above', () => {
    // Header lines in a smaller font than the body, as report generators print them.
    const page = layoutPage(1, [
      line(40, [60, 'Beslutning:'], [180, 'Vedtaget.']),
      line(60, [60, 'Regnskabsoversigt for Teknik og Miljø, 1. halvår 2025']),
      line(75, [60, '(1.000 kr.)'], [230, 'Vedtaget', { width: 50 }], [290, 'Omplac.', { width: 40 }], [360, 'Ændret', { width: 40 }], [440, 'Afholdt', { width: 40 }]),
      line(85, [250, 'budget', { width: 30 }], [370, 'ramme', { width: 30 }]),
      line(100, [60, 'Vejvedligeholdelse'], amount(280, '48.300'), amount(330, '-600'), amount(400, '47.700'), amount(480, '21.950')),
      line(111, [60, 'Kollektiv trafik'], amount(280, '62.150'), amount(330, '0'), amount(400, '62.150'), amount(480, '30.400')),
      line(122, [60, 'I alt'], amount(280, '110.450'), amount(330, '-600'), amount(400, '109.850'), amount(480, '52.350')),
    ]);
    const ctx = layoutContext([page]);
    const { tables, cellAmounts } = extractBudgetTables(ctx, noWarnings);
    expect(tables.map(({ provenance: _p, ...t }) => t)).toEqual([
      {
        title: 'Regnskabsoversigt for Teknik og Miljø, 1. halvår 2025 (1.000 kr.)',
        unit: 'DKK',
        columns: ['Vedtaget budget', 'Omplac.', 'Ændret ramme', 'Afholdt'],
        rows: [
          { label: 'Vejvedligeholdelse', values: [48300000, -600000, 47700000, 21950000] },
          { label: 'Kollektiv trafik', values: [62150000, 0, 62150000, 30400000] },
        ],
        total: { label: 'I alt', values: [110450000, -600000, 109850000, 52350000] },
      },
    ]);
    expect(cellAmounts[1]).toMatchObject({ value: -600000, raw: '-600', context: 'Vejvedligeholdelse – Omplac.' });
    for (const t of tables) expectProvenance(ctx.pages, t.provenance);
  });

  test('the unit on a line of its own, under the column names or above them', () => {
    const under = layoutPage(1, [
      line(40, [60, 'Drift af daginstitutioner']),
      line(55, [60, 'Område'], [300, 'Budget 2025', { width: 50 }], [400, 'Forbrug', { width: 40 }]),
      line(66, [60, 'Mio. kr.']),
      line(80, [60, 'Vuggestuer'], amount(350, '84,6'), amount(440, '41,2')),
      line(91, [60, 'Børnehaver'], amount(350, '102,3'), amount(440, '50,9')),
    ]);
    const above = layoutPage(2, [
      line(40, [60, 'Anlæg på ældreområdet']),
      line(55, [60, '(1.000 kr.)']),
      line(66, [300, 'Bevilget', { width: 40 }], [400, 'Forbrugt', { width: 40 }]),
      line(80, [60, 'Plejecenter Åbo'], amount(340, '35.000'), amount(440, '12.750')),
      line(91, [60, 'Træningscenter'], amount(340, '8.200'), amount(440, '8.050')),
    ]);
    const { tables } = extractBudgetTables(layoutContext([under, above]), noWarnings);
    expect(tables.map((t) => [t.title, t.columns, t.rows])).toEqual([
      [
        'Drift af daginstitutioner (Mio. kr.)',
        ['Budget 2025', 'Forbrug'],
        [
          { label: 'Vuggestuer', values: [84600000, 41200000] },
          { label: 'Børnehaver', values: [102300000, 50900000] },
        ],
      ],
      [
        'Anlæg på ældreområdet (1.000 kr.)',
        ['Bevilget', 'Forbrugt'],
        [
          { label: 'Plejecenter Åbo', values: [35000000, 12750000] },
          { label: 'Træningscenter', values: [8200000, 8050000] },
        ],
      ],
    ]);
  });

  test('tab-separated text: compound column names cut short ("Driftsudg.", "Anlægsudg.") and a unit in parentheses before them', () => {
    const text = [
      'Økonomiske konsekvenser af forslaget',
      '(mio. kr.)\tDriftsudg.\tAnlægsudg.',
      'Ny skole i Nordby\t2,5\t48,0',
      'Udvidelse af hallen\t0,4\t12,5',
    ].join('\n');
    const { tables } = extractBudgetTables(contextFrom('u.pdf', text), noWarnings);
    expect(tables.map((t) => [t.title, t.columns, t.rows])).toEqual([
      [
        'Økonomiske konsekvenser af forslaget (mio. kr.)',
        ['Driftsudg.', 'Anlægsudg.'],
        [
          { label: 'Ny skole i Nordby', values: [2500000, 48000000] },
          { label: 'Udvidelse af hallen', values: [400000, 12500000] },
        ],
      ],
    ]);
  });

  test('row labels wrapped onto two and three lines below their amounts, the last one just above the total', () => {
    const page = layoutPage(1, [
      line(60, [60, 'Tabel 4. Driftsbudget for Ældre og Sundhed (1.000 kr.)']),
      line(80, [60, 'Område'], [230, 'Budget'], [320, 'Forbrug'], [410, 'Rest']),
      line(95, [60, 'Hjemmepleje og'], amount(262, '84.200'), amount(352, '41.900'), amount(442, '42.300')),
      line(107, [60, 'personlig pleje']),
      line(122, [60, 'Genoptræning,'], amount(262, '12.600'), amount(352, '6.100'), amount(442, '6.500')),
      line(134, [60, 'vedligeholdelses-']),
      line(146, [60, 'træning og hjælpemidler']),
      line(161, [60, 'Samlet'], amount(262, '96.800'), amount(352, '48.000'), amount(442, '48.800')),
      line(190, [60, 'Forvaltningen forventer balance ved årets udgang.']),
    ]);
    const ctx = layoutContext([page]);
    const { tables, cellAmounts } = extractBudgetTables(ctx, noWarnings);
    expect(tables.map((t) => [t.title, t.columns, t.rows, t.total])).toEqual([
      [
        'Tabel 4. Driftsbudget for Ældre og Sundhed (1.000 kr.)',
        ['Budget', 'Forbrug', 'Rest'],
        [
          { label: 'Hjemmepleje og personlig pleje', values: [84200000, 41900000, 42300000] },
          { label: 'Genoptræning, vedligeholdelsestræning og hjælpemidler', values: [12600000, 6100000, 6500000] },
        ],
        { label: 'Samlet', values: [96800000, 48000000, 48800000] },
      ],
    ]);
    expect(cellAmounts.map((c) => c.context).slice(-3)).toEqual(['Samlet – Budget', 'Samlet – Forbrug', 'Samlet – Rest']);
    for (const t of tables) expectProvenance(ctx.pages, t.provenance);
  });

  test('the last row\'s label wraps below it at the end of the table; a label printed over two lines above its amounts', () => {
    const page = layoutPage(1, [
      line(60, [60, 'Tabel 5. Anlægsprojekter (1.000 kr.)']),
      line(80, [60, 'Projekt'], [250, 'Bevilling'], [340, 'Forbrug']),
      line(95, [60, 'Ny daginstitution']),
      line(107, [60, 'i Nordbyen'], amount(282, '18.000'), amount(372, '9.250')),
      line(122, [60, 'Renovering af'], amount(282, '6.400'), amount(372, '5.900')),
      line(134, [60, 'svømmehallen']),
      line(170, [60, 'Der er ikke søgt om tillægsbevilling.']),
    ]);
    const { tables } = extractBudgetTables(layoutContext([page]), noWarnings);
    expect(tables.map((t) => t.rows)).toEqual([
      [
        { label: 'Ny daginstitution i Nordbyen', values: [18000000, 9250000] },
        { label: 'Renovering af svømmehallen', values: [6400000, 5900000] },
      ],
    ]);
  });

  test('a table in a narrow column: neighbouring column names close together in one cell, wrapped over two lines', () => {
    // Three amount columns ending at 400, 450 and 500; their names stand 5 points apart.
    const page = layoutPage(1, [
      line(60, [300, 'Tabel 2. Forventet forbrug 2026']),
      line(75, [300, 'Beløb i 1.000 kr.'], [372, 'Vedtaget Forventet Forskel', { width: 128 }]),
      line(86, [377, 'budget forbrug', { width: 73 }]),
      line(100, [300, 'Daginstitutioner'], amount(400, '96.300'), amount(450, '97.100'), amount(500, '-800')),
      line(112, [300, 'Dagpleje'], amount(400, '22.450'), amount(450, '21.950'), amount(500, '500')),
      line(124, [300, 'I alt'], amount(400, '118.750'), amount(450, '119.050'), amount(500, '-300')),
    ]);
    const ctx = layoutContext([page]);
    const { tables, cellAmounts } = extractBudgetTables(ctx, noWarnings);
    expect(tables.map((t) => [t.title, t.columns])).toEqual([
      ['Tabel 2. Forventet forbrug 2026 (Beløb i 1.000 kr.)', ['Vedtaget budget', 'Forventet forbrug', 'Forskel']],
    ]);
    expect(cellAmounts[0]?.context).toBe('Daginstitutioner – Vedtaget budget');
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
