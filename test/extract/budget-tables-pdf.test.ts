// Budget tables read from real PDF bytes made here with pdfkit: amounts right-aligned in
// their columns as word processors print them, and the table classes municipal documents
// print: accountants' negatives "(475)", a column name wrapped onto a line of its own,
// the unit in a line above the header or in the corner cell, a sentence above the table
// stating an amount in another unit, a function-code column before the labels, a percentage
// column (Forbrugsprocent, Udvikling) among the kroner columns.
import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/pipeline/index.js';
import { parsePdf } from '../../src/pdf/index.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { makePdf, type TextRun } from '../pdf/make-pdf.js';

/** Helvetica advance widths (per 1 000 em) of what amounts are made of. */
const GLYPH: Record<string, number> = { '.': 278, ',': 278, '(': 333, ')': 333, '-': 333, '÷': 584, '+': 584, '%': 889, ' ': 278 };
const widthOf = (text: string, size: number): number => [...text].reduce((w, ch) => w + (GLYPH[ch] ?? 556), 0) * (size / 1000);

/** A run whose right edge sits at `right`, as a right-aligned table cell. */
const right = (rightEdge: number, y: number, text: string, size = 10): TextRun => ({ text, x: rightEdge - widthOf(text, size), y, size });
const left = (x: number, y: number, text: string, size = 10): TextRun => ({ text, x, y, size });

/** A grid of rows: label at the left margin, one amount per column right edge. */
function rowsAt(top: number, edges: readonly number[], rows: readonly (readonly string[])[], size = 10, step = 18): TextRun[] {
  return rows.flatMap(([label = '', ...amounts], i) => [left(60, top + i * step, label, size), ...amounts.map((a, k) => right(edges[k] ?? 0, top + i * step, a, size))]);
}

/** A 9 pt table: the corner cell and the column names on one line, the rows 16 pt apart below it. */
function smallTable(y: number, corner: string, columns: readonly (readonly [number, string])[], rows: readonly (readonly string[])[]): TextRun[] {
  return [left(60, y, corner, 9), ...columns.map(([edge, name]) => right(edge, y, name, 9)), ...rowsAt(y + 18, columns.map(([edge]) => edge), rows, 9, 16)];
}

async function extract(pages: TextRun[][], size?: [number, number]): Promise<ExtractedDocument> {
  const parsed = await parsePdf(await makePdf({ pages, ...(size ? { size } : {}) }));
  return buildDocument({ path: 'budget.pdf', sha256: 'd'.repeat(64), bytes: 1, parsed, withText: false });
}

const cells = (doc: ExtractedDocument): [string, (number | null)[]][] =>
  doc.budgetTables.flatMap((t) => [...t.rows, ...(t.total ? [t.total] : [])].map((r): [string, (number | null)[]] => [r.label, r.values]));

const EDGES = [350, 440, 530] as const;

describe('budget tables in PDFs', () => {
  test('negatives in parentheses, a second header line "pr. 30.6.", the unit on a line above, a mio. kr. sentence further up', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Punkt 3. Budgetopfølgning for beskæftigelsesområdet', 12),
        left(60, 90, 'Tabellen viser budgettet fordelt på hovedposter. Det samlede budget i første'),
        left(60, 104, 'kolonne udgør 98,4 mio. kr.'),
        left(60, 126, '(Beløb i 1.000 kr.)'),
        right(350, 146, 'Budget'),
        right(440, 146, 'Forbrug'),
        right(530, 146, 'Afvigelse'),
        right(350, 158, '2025'),
        right(440, 158, 'pr. 30.6.'),
        ...rowsAt(178, EDGES, [
          ['Kontanthjælp', '61.500', '60.775', '725'],
          ['Sygedagpenge', '3.000', '3.475', '(475)'],
          ['Løntilskud', '33.900', '34.550', '(13.830)'],
          ['I alt', '98.400', '98.800', '(13.580)'],
        ]),
        left(60, 270, 'Forvaltningen følger udviklingen tæt.'),
      ],
    ]);
    expect(doc.budgetTables).toHaveLength(1);
    expect(doc.budgetTables[0]?.columns).toEqual(['Budget 2025', 'Forbrug pr. 30.6.', 'Afvigelse']);
    expect(cells(doc)).toEqual([
      ['Kontanthjælp', [61500000, 60775000, 725000]],
      ['Sygedagpenge', [3000000, 3475000, -475000]],
      ['Løntilskud', [33900000, 34550000, -13830000]],
      ['I alt', [98400000, 98800000, -13580000]],
    ]);
    expect(doc.budgetTables[0]?.total?.label).toBe('I alt');
    // The sentence's own amount stays an amount in mio. kr.
    expect(doc.moneyAmounts.map((m) => m.value)).toContain(98400000);
    expect(doc.moneyAmounts.filter((m) => m.value === -13830000)).toHaveLength(1);
  });

  test('a column name wrapped onto a line of its own between the others, the unit in mio. kr. one line above, ÷ negatives', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Budgetopfølgning pr. 30. juni', 12),
        left(60, 84, '(Beløb i mio. kr.)'),
        right(350, 104, 'Vedtaget'),
        right(530, 104, 'Korrigeret'),
        right(440, 112, 'Tillægsbevillinger'),
        right(350, 120, 'budget'),
        right(530, 120, 'budget'),
        ...rowsAt(140, EDGES, [
          ['Mentorordninger', '26,2', '÷1,1', '25,1'],
          ['Uddannelseshjælp', '60,6', '0,7', '61,3'],
          ['I alt', '86,8', '÷0,4', '86,4'],
        ]),
      ],
    ]);
    expect(doc.budgetTables[0]?.columns).toEqual(['Vedtaget budget', 'Tillægsbevillinger', 'Korrigeret budget']);
    expect(cells(doc)).toEqual([
      ['Mentorordninger', [26200000, -1100000, 25100000]],
      ['Uddannelseshjælp', [60600000, 700000, 61300000]],
      ['I alt', [86800000, -400000, 86400000]],
    ]);
  });
});

describe('tables that are not kroner', () => {
  test('a table of helårspersoner shaped like a budget table gives no table and no amounts', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Udviklingen i antallet af helårspersoner på de største ydelser ses nedenfor.'),
        left(60, 84, 'Helårspersoner'),
        right(440, 84, 'Budget'),
        right(530, 84, 'Forventet'),
        right(440, 96, '2025'),
        right(530, 96, '2025'),
        ...rowsAt(116, [440, 530], [
          ['Kontanthjælp', '899', '843'],
          ['Sygedagpenge', '1.221', '1.161'],
          ['I alt', '2.120', '2.004'],
        ]),
      ],
    ]);
    expect(doc.budgetTables).toEqual([]);
    expect(doc.moneyAmounts).toEqual([]);
  });
});

describe('a unit left on the page before', () => {
  test('the unit line at the foot of one page scales the table that opens the next', async () => {
    const doc = await extract([
      [left(60, 60, 'Budgetopfølgning', 12), left(60, 760, 'Tabellen viser budgettet for området fordelt på hovedposter.'), left(60, 780, '(Beløb i mio. kr.)')],
      [right(530, 60, 'Beløb'), ...rowsAt(80, [530], [['Virksomhedspraktik', '-2,4'], ['Sygedagpenge', '49,8'], ['I alt', '47,4']])],
    ]);
    expect(cells(doc)).toEqual([
      ['Virksomhedspraktik', [-2400000]],
      ['Sygedagpenge', [49800000]],
      ['I alt', [47400000]],
    ]);
  });
});

describe('a table across a page break', () => {
  test('the part that opens the next page under a repeated header continues the table, in its unit', async () => {
    const header = (y: number): TextRun[] => [right(350, y, 'Vedtaget'), right(440, y, 'Tillæg'), right(530, y, 'Korrigeret')];
    const doc = await extract([
      [
        left(60, 60, 'Økonomi', 12),
        left(60, 720, '(Beløb i 1.000 kr.)'),
        ...header(740),
        ...rowsAt(760, EDGES, [
          ['Virksomhedspraktik', '20.100', '525', '20.625'],
          ['Sygedagpenge', '74.400', '÷525', '73.875'],
        ]),
      ],
      [
        ...header(60),
        ...rowsAt(80, EDGES, [
          ['Fleksjob', '49.100', '÷1.400', '47.700'],
          ['I alt', '143.600', '÷1.400', '142.200'],
        ]),
        left(60, 140, 'Administrationen følger op på området.'),
      ],
    ]);
    expect(doc.budgetTables).toHaveLength(1);
    expect(cells(doc)).toEqual([
      ['Virksomhedspraktik', [20100000, 525000, 20625000]],
      ['Sygedagpenge', [74400000, -525000, 73875000]],
      ['Fleksjob', [49100000, -1400000, 47700000]],
      ['I alt', [143600000, -1400000, 142200000]],
    ]);
    expect(doc.moneyAmounts.map((m) => m.value)).toContain(-1400000);
  });
});

describe('subtotals and page breaks that leave one row behind', () => {
  test('"Sum, <group>" rows are rows of the table; a table cut after its first row, or before its total, is still one table', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Budgetopfølgning', 12),
        left(60, 730, '(Beløb i mio. kr.)'),
        right(350, 750, 'Budget'),
        right(440, 750, 'Forbrug'),
        right(530, 750, 'Afvigelse'),
        ...rowsAt(770, EDGES, [['Kontanthjælp', '11,7', '12,1', '-0,4']]),
      ],
      [
        right(350, 60, 'Budget'),
        right(440, 60, 'Forbrug'),
        right(530, 60, 'Afvigelse'),
        ...rowsAt(80, EDGES, [
          ['Sygedagpenge', '15,2', '15,5', '-0,3'],
          ['Sum, forsørgelse', '26,9', '27,6', '-0,7'],
          ['Løntilskud', '57,8', '57,0', '0,8'],
          ['Sum, beskæftigelsesindsats', '57,8', '57,0', '0,8'],
        ]),
      ],
      [
        right(350, 60, 'Budget'),
        right(440, 60, 'Forbrug'),
        right(530, 60, 'Afvigelse'),
        ...rowsAt(80, EDGES, [['I alt', '84,7', '84,6', '0,1']]),
        left(60, 120, 'Udvalget orienteres igen i efteråret.'),
      ],
    ]);
    expect(doc.budgetTables).toHaveLength(1);
    expect(doc.budgetTables[0]?.rows.map((r) => r.label)).toEqual(['Kontanthjælp', 'Sygedagpenge', 'Sum, forsørgelse', 'Løntilskud', 'Sum, beskæftigelsesindsats']);
    expect(doc.budgetTables[0]?.total).toEqual({ label: 'I alt', values: [84700000, 84600000, 100000] });
    expect(doc.budgetTables[0]?.rows[2]?.values).toEqual([26900000, 27600000, -700000]);
  });
});

describe('a header row repeated over a page break', () => {
  test('the repeated header with the unit in its corner cell is the table\'s header on both pages, not a running header', async () => {
    const header = (y: number): TextRun[] => [left(60, y, 'Mio. kr.'), right(440, y, 'Budget'), right(530, y, 'Forbrug')];
    const doc = await extract([
      [left(60, 60, 'Budgetopfølgning', 12), left(60, 90, 'Tabellen viser budgettet.'), ...header(760), ...rowsAt(780, [440, 530], [['Kontanthjælp', '11,7', '12,1']])],
      [...header(60), ...rowsAt(80, [440, 530], [['Sygedagpenge', '15,2', '15,5'], ['I alt', '26,9', '27,6']]), left(60, 140, 'Udvalget tager orienteringen til efterretning.')],
    ]);
    expect(cells(doc)).toEqual([
      ['Kontanthjælp', [11700000, 12100000]],
      ['Sygedagpenge', [15200000, 15500000]],
      ['I alt', [26900000, 27600000]],
    ]);
  });
});

describe('a corner cell on a line of its own', () => {
  test('"Helårspersoner" centred between two header lines still makes a table of persons', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Udviklingen ses nedenfor.'),
        right(440, 84, 'Budget'),
        right(530, 84, 'Forventet'),
        left(60, 92, 'Helårspersoner'),
        right(440, 100, '2025'),
        right(530, 100, '2025'),
        ...rowsAt(120, [440, 530], [['Kontanthjælp', '93', '147'], ['Sygedagpenge', '571', '580'], ['I alt', '664', '727']]),
      ],
    ]);
    expect(doc.budgetTables).toEqual([]);
    expect(doc.moneyAmounts).toEqual([]);
  });
});

describe('a function-code column before the labels, over a page break', () => {
  // Word's table: "Funktion" codes in a narrow first column, labels wrapped in lower case,
  // a three-line header printed again on the next page, ÷ for a mindreforbrug.
  const SIZE = 8;
  const cell = (x: number, y: number, text: string): TextRun => left(x, y, text, SIZE);
  const amount = (edge: number, y: number, text: string): TextRun => right(edge, y, text, SIZE);
  const header = (y: number): TextRun[] => [
    cell(60, y, 'Funktion'),
    cell(110, y, 'Tekst'),
    amount(350, y, 'Vedtaget'),
    amount(420, y, 'Korrigeret'),
    amount(490, y, 'Forventet'),
    amount(560, y, 'Afvigelse'),
    amount(350, y + 10, 'budget'),
    amount(420, y + 10, 'budget'),
    amount(490, y + 10, 'regnskab'),
    amount(490, y + 20, '2025'),
  ];
  const row = (y: number, code: string, label: string, amounts: readonly string[]): TextRun[] => [
    ...(code === '' ? [] : [cell(60, y, code)]),
    cell(110, y, label),
    ...amounts.map((a, k) => amount([350, 420, 490, 560][k] ?? 0, y, a)),
  ];

  test('the codes are neither labels nor values; wrapped labels join; the part under the repeated header goes on in 1.000 kr.', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Notat om økonomien på ældreområdet', 12),
        cell(60, 672, 'Tabel 2. Drift fordelt på funktioner (1.000 kr.)'),
        ...header(690),
        cell(110, 722, 'Serviceudgifter'),
        ...row(734, '5.32.30', 'Hjemmehjælp og madservice', ['41.300', '41.300', '42.150', '850']),
        ...row(745, '5.32.32', 'Plejeboliger og ældreboliger med', ['118.620', '119.020', '117.905', '÷1.115']),
        cell(110, 756, 'døgndækning'),
        ...row(767, '5.32.35', 'Hjælpemidler, 50 pct. egenbetaling', ['9.480', '9.480', '9.172', '÷308']),
        ...row(778, '05.32.37', 'Forebyggende hjemmebesøg', ['2.210', '2.210', '2.210', '0']),
      ],
      [
        ...header(60),
        ...row(92, '5.32.38', 'Genoptræning og vedligeholdelses-', ['14.005', '14.505', '15.010', '505']),
        cell(110, 103, 'træning'),
        ...row(114, '', 'Ældreområdet i alt', ['185.615', '186.515', '186.447', '÷68']),
        left(60, 150, 'Forvaltningen følger udviklingen i hjemmehjælpen tæt.', 10),
      ],
    ]);
    expect(doc.budgetTables).toHaveLength(1);
    expect(doc.budgetTables[0]?.columns).toEqual(['Vedtaget budget', 'Korrigeret budget', 'Forventet regnskab 2025', 'Afvigelse']);
    expect(cells(doc)).toEqual([
      ['Hjemmehjælp og madservice', [41300000, 41300000, 42150000, 850000]],
      ['Plejeboliger og ældreboliger med døgndækning', [118620000, 119020000, 117905000, -1115000]],
      ['Hjælpemidler, 50 pct. egenbetaling', [9480000, 9480000, 9172000, -308000]],
      ['Forebyggende hjemmebesøg', [2210000, 2210000, 2210000, 0]],
      ['Genoptræning og vedligeholdelsestræning', [14005000, 14505000, 15010000, 505000]],
      ['Ældreområdet i alt', [185615000, 186515000, 186447000, -68000]],
    ]);
    // A function code is no amount anywhere.
    expect(doc.moneyAmounts.some((m) => /\d\.\d\d\.\d\d/u.test(m.raw))).toBe(false);
  });
});

describe('a percentage column inside a table of kroner', () => {
  test('"Forbrugsprocent" beside mio. kr.: its cells stay percentages and it names no kroner column', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Økonomi', 14),
        left(60, 86, 'Forbruget følger budgettet på de fleste områder.'),
        left(60, 112, 'Mio. kr.', 9),
        right(330, 112, 'Korrigeret budget', 9),
        right(410, 112, 'Forbrug pr. 30.9.', 9),
        right(480, 112, 'Afvigelse', 9),
        right(560, 108, 'Forbrugs-', 9),
        right(560, 118, 'procent', 9),
        ...rowsAt(
          140,
          [330, 410, 480, 560],
          [
            ['Botilbud', '412,5', '305,1', '(3,2)', '74,0 %'],
            ['Hjemmepleje', '220,0', '160,4', '1,5', '72,9 %'],
            ['Puljemidler', '0,0', '0,0', '0,0', '–'],
            ['I alt', '632,5', '465,5', '(1,7)', '73,6 %'],
          ],
          9,
          16,
        ),
        left(60, 220, 'Negative afvigelser er et forventet merforbrug.'),
      ],
    ]);
    expect(doc.budgetTables).toHaveLength(1);
    expect(doc.budgetTables[0]?.columns).toEqual(['Korrigeret budget', 'Forbrug pr. 30.9.', 'Afvigelse']);
    // Without a caption, the heading above names the table, not the sentence just above it.
    expect(doc.budgetTables[0]?.title).toBe('Økonomi (Mio. kr.)');
    expect(cells(doc)).toEqual([
      ['Botilbud', [412500000, 305100000, -3200000]],
      ['Hjemmepleje', [220000000, 160400000, 1500000]],
      ['Puljemidler', [0, 0, 0]],
      ['I alt', [632500000, 465500000, -1700000]],
    ]);
    expect(doc.percentages.map((p) => p.value)).toEqual(expect.arrayContaining([74, 72.9, 73.6]));
    expect(doc.moneyAmounts.some((m) => m.raw.includes('%'))).toBe(false);
  });

  test('years as columns and a signed "Udvikling" column: two kroner columns, the changes stay percentages', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Udgifter til overførsler', 12),
        ...smallTable(90, 'Mio. kr. (løbende priser)', [[330, '2023'], [400, '2024'], [480, 'Udvikling']], [
          ['Ledighedsydelse', '64,8', '61,3', '-5,4 %'],
          ['Revalidering', '12,0', '12,9', '+7,5 %'],
          ['I alt', '76,8', '74,2', '-3,4 %'],
        ]),
        left(60, 170, 'Faldet skyldes færre borgere på ledighedsydelse.'),
      ],
    ]);
    expect(doc.budgetTables[0]?.columns).toEqual(['2023', '2024']);
    expect(cells(doc)).toEqual([
      ['Ledighedsydelse', [64800000, 61300000]],
      ['Revalidering', [12000000, 12900000]],
      ['I alt', [76800000, 74200000]],
    ]);
    expect(doc.percentages.map((p) => p.value)).toEqual(expect.arrayContaining([-5.4, 7.5, -3.4]));
  });

  test('a landscape page: the columns run out to the right edge, the percentage column last', async () => {
    const doc = await extract(
      [
        [
          left(60, 50, 'Kvartalsopfølgning på ældreområdet', 14),
          ...smallTable(90, 'Mio. kr.', [[330, 'Vedtaget'], [430, 'Korrigeret'], [530, 'Forbrug'], [630, 'Forventet'], [710, 'Afvigelse'], [790, 'Forbrug i %']], [
            ['Hjemmepleje', '301,4', '305,0', '221,9', '309,8', '(4,8)', '72,8 %'],
            ['Plejecentre', '512,0', '512,0', '380,6', '508,3', '3,7', '74,3 %'],
            ['I alt', '813,4', '817,0', '602,5', '818,1', '(1,1)', '73,7 %'],
          ]),
        ],
      ],
      [842, 595],
    );
    expect(doc.budgetTables[0]?.columns).toEqual(['Vedtaget', 'Korrigeret', 'Forbrug', 'Forventet', 'Afvigelse']);
    expect(cells(doc)).toEqual([
      ['Hjemmepleje', [301400000, 305000000, 221900000, 309800000, -4800000]],
      ['Plejecentre', [512000000, 512000000, 380600000, 508300000, 3700000]],
      ['I alt', [813400000, 817000000, 602500000, 818100000, -1100000]],
    ]);
  });

  test('a table of counts with a change column is no table of kroner, though a row label is a kroner word', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Antal borgere i tilbud', 12),
        ...smallTable(84, 'Tilbud', [[400, '1. halvår 2024'], [480, '1. halvår 2025'], [560, 'Ændring']], [
          ['Løntilskud', '212', '236', '+11,3 %'],
          ['Virksomhedspraktik', '488', '451', '-7,6 %'],
          ['I alt', '700', '687', '-1,9 %'],
        ]),
      ],
    ]);
    expect(doc.budgetTables).toEqual([]);
    expect(doc.moneyAmounts).toEqual([]);
    expect(doc.percentages.map((p) => p.value)).toEqual(expect.arrayContaining([11.3, -7.6, -1.9]));
  });

  test('a table of persons with a change column is still no table of kroner', async () => {
    const doc = await extract([
      [
        left(60, 60, 'Udviklingen i antallet af fuldtidspersoner ses nedenfor.'),
        ...smallTable(84, 'Fuldtidspersoner', [[400, '2. kvt. 2024'], [480, '2. kvt. 2025'], [560, 'Udvikling']], [
          ['Sygedagpenge', '1.402', '1.388', '-1,0 %'],
          ['Ledighedsydelse', '311', '327', '+5,1 %'],
        ]),
      ],
    ]);
    expect(doc.budgetTables).toEqual([]);
    expect(doc.moneyAmounts).toEqual([]);
  });
});
