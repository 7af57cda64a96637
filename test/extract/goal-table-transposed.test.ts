// Goal tables printed on their side (one column per goal, the roles down the first column),
// terse result cells in another unit than the target, earlier periods labelled by their year
// inside a result, and a labelled line of figures inside a goal block: read from PDF bytes
// made here with pdfkit. All text is composed for these tests.
import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/pipeline/index.js';
import { parsePdf } from '../../src/pdf/index.js';
import type { ExtractedDocument, Goal } from '../../src/schema/contract.js';
import { findActuals, isTerseResult, PERIOD_LABELLED_EXAMPLES, TERSE_RESULT_EXAMPLES } from '../../src/extract/goals/goal-actuals.js';
import { TextRun as GoalTextRun } from '../../src/extract/goals/goal-text.js';
import { layoutPage, line } from './goals-layout.js';
import { makePdf, type TextRun } from '../pdf/make-pdf.js';

const at = (x: number, y: number, text: string, size = 9): TextRun => ({ text, x, y, size });

async function extract(pages: TextRun[][]): Promise<ExtractedDocument> {
  const parsed = await parsePdf(await makePdf({ pages }));
  return buildDocument({ path: 'maal.pdf', sha256: 'e'.repeat(64), bytes: 1, parsed, withText: false });
}

const shape = (g: Goal): unknown => ({
  id: g.id,
  text: g.text,
  target: [g.target?.value ?? null, g.target?.comparator ?? null],
  actual: g.actual.map((a) => [a.value, a.scope]),
  status: g.status,
});

/** Label column at 60, goal columns at 170, 290, 410. */
const COLUMNS = [170, 290, 410] as const;
const row = (y: number, label: string, ...cells: string[]): TextRun[] => [...(label ? [at(60, y, label)] : []), ...cells.flatMap((c, k) => (c ? [at(COLUMNS[k] ?? 0, y, c)] : []))];

describe('a goal table on its side', () => {
  const page = [
    at(60, 50, 'Punkt 4. Opfølgning på servicemålene for borgerservice', 12),
    at(60, 74, 'Tabellen viser de tre servicemål i hver sin kolonne.'),
    ...row(100, '', 'A. Ventetid', 'B. Selvbetjening', 'C. Klager'),
    ...row(118, 'Mål', 'Ventetiden i', 'Andelen af sager', 'Antallet af klager'),
    ...row(129, '', 'borgerservice skal', 'der løses digitalt,', 'over sagsbehandling'),
    ...row(140, '', 'nedbringes.', 'skal øges.', 'skal falde.'),
    ...row(160, 'Måltal 2025', 'højst 12 minutter', 'mindst 75 %', 'højst 40 klager'),
    ...row(178, '2024', '15 minutter', '68,2 %', '52 klager'),
    ...row(196, '2025', '11 minutter', '71,9 %', '38 klager'),
    ...row(207, '', '', '(+3,7 %)', ''),
    ...row(225, 'Gns. for', '13 minutter', '70,4 %', '–'),
    at(60, 236, 'klyngen'),
    ...row(254, 'Vurdering', 'Opfyldt', 'Ikke opfyldt', 'Opfyldt'),
    at(60, 290, 'Selvbetjeningen er steget, men ikke så meget som forventet, fordi to nye løsninger er forsinket.'),
  ];

  test('each column is a goal with its id, target, results in period order, cluster figure and verdict', async () => {
    const doc = await extract([page]);
    expect(doc.goals.map(shape)).toEqual([
      { id: 'A', text: 'Ventetiden i borgerservice skal nedbringes.', target: [12, '<='], actual: [[15, 'municipality'], [11, 'municipality'], [13, 'other']], status: 'met' },
      { id: 'B', text: 'Andelen af sager der løses digitalt, skal øges.', target: [75, '>='], actual: [[68.2, 'municipality'], [71.9, 'municipality'], [3.7, 'municipality'], [70.4, 'other']], status: 'not_met' },
      { id: 'C', text: 'Antallet af klager over sagsbehandling skal falde.', target: [40, '<='], actual: [[52, 'municipality'], [38, 'municipality']], status: 'met' },
    ]);
  });

  test('the prose after the table is no part of the last goal', async () => {
    const doc = await extract([page]);
    expect(doc.goals.at(-1)?.statusText).toBe('Opfyldt');
    expect(doc.goals.some((g) => g.text.includes('forsinket'))).toBe(false);
  });

  test('one goal beside its labels is a labelled block, not a table on its side', async () => {
    const single = [
      at(60, 50, 'Punkt 5. Opfølgning på målet for ventetid', 12),
      at(60, 100, 'Mål'), at(170, 100, 'Ventetiden i borgerservice skal nedbringes.'),
      at(60, 118, 'Måltal 2025'), at(170, 118, 'højst 12 minutter'),
      at(60, 136, 'Resultat 2025'), at(170, 136, '11 minutter'),
      at(60, 154, 'Vurdering'), at(170, 154, 'Opfyldt'),
    ];
    const doc = await extract([single]);
    expect(doc.goals.length).toBeLessThanOrEqual(1);
  });
});

describe('a goal table on its side beside a sidebar', () => {
  test('"Mål A" titles, an indicator row under the goal row, a footnote mark on a label, a sidebar column', async () => {
    const doc = await extract([[
      at(60, 50, 'Målopfølgning', 12),
      ...row(80, '', 'Mål A', 'Mål B'), at(470, 80, 'Læsevejledning'),
      ...row(98, 'Mål', 'Flere i job', 'Færre på ydelse'), at(470, 98, 'Målene følges op'),
      ...row(116, 'Indikator', 'Andel i job', 'Antal på ydelse'), at(470, 116, 'hvert kvartal.'),
      ...row(134, 'Målsætning 2025', 'Mindst 40 %', 'Højst 900'),
      ...row(152, '2024', '37,5 %', '1.012'),
      ...row(170, '2025', '41,2 %', '948'),
      ...row(188, 'Klyngen1', '39,0 %', '–'),
      ...row(206, 'Vurdering', 'Nået', 'Ikke nået'),
      at(60, 230, '1 Klyngen er kommuner med sammenlignelige vilkår.', 8),
    ]]);
    expect(doc.goals.map((g) => [g.id, g.text, g.actual.map((a) => [a.value, a.scope]), g.status])).toEqual([
      ['A', 'Flere i job', [[37.5, 'municipality'], [41.2, 'municipality'], [39, 'other']], 'met'],
      ['B', 'Færre på ydelse', [[1012, 'municipality'], [948, 'municipality']], 'not_met'],
    ]);
  });
});

describe('result cells in another unit than the target', () => {
  test('a terse result cell gives its counts beside the target in percent', async () => {
    const doc = await extract([[
      at(60, 50, 'Punkt 2. Passagertal', 12),
      at(60, 90, 'Mål'), at(250, 90, 'Måltal'), at(340, 90, 'Resultat 2025'), at(470, 90, 'Status'),
      at(60, 110, 'Antallet af passagerer skal stige.'), at(250, 110, 'stigning på 3 %'), at(340, 110, '804.100 passagerer'), at(470, 110, 'Nået'),
      at(340, 121, '(+4,2 %)'),
    ]]);
    expect(doc.goals.map((g) => g.actual.map((a) => [a.value, a.unit]))).toEqual([[[804100, doc.goals[0]?.actual[0]?.unit], [4.2, 'percent']]]);
    expect(['count', 'persons']).toContain(doc.goals[0]?.actual[0]?.unit);
  });

  test.each(TERSE_RESULT_EXAMPLES)('$result is terse: $terse', ({ result, terse }) => {
    expect(isTerseResult(result)).toBe(terse);
  });

  test.each(PERIOD_LABELLED_EXAMPLES)('in "$result" the results are $values', ({ result, values }) => {
    const page = layoutPage(1, [line(100, [60, result])]);
    const run = new GoalTextRun([page], [{ page: 1, start: 0, end: page.text.length }]);
    const found = findActuals(run, { start: 0, end: run.text.length }, { targetUnit: 'persons', anyUnit: true });
    expect(found.map((a) => a.value)).toEqual(values);
  });
});

describe('a labelled line of figures inside a goal block', () => {
  test('is another measure of the goal, its scope from its words', async () => {
    const doc = await extract([[
      at(60, 50, 'Mål 2 – Færre ledige i lang tid', 12),
      at(60, 80, 'Målsætning:'), at(170, 80, 'Antallet af langtidsledige skal højst være 210 i 2025.'),
      at(60, 98, 'Resultat:'), at(170, 98, 'i gennemsnit 223 langtidsledige i 2025 (2024: 240)'),
      at(60, 116, 'Andel af de ledige:'), at(170, 116, '14,8 % i kommunen mod 17,2 % i hele landet'),
      at(60, 134, 'Vurdering:'), at(170, 134, 'Målet er ikke indfriet.'),
    ]]);
    expect(doc.goals.map(shape)).toEqual([
      {
        id: '2',
        text: 'Antallet af langtidsledige skal højst være 210 i 2025.',
        target: [210, '<='],
        actual: [[223, 'municipality'], [240, 'municipality'], [14.8, 'municipality'], [17.2, 'national']],
        status: 'not_met',
      },
    ]);
  });
});
