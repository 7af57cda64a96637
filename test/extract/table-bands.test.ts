// Tables as Word, Writer and HTML print them, on PDFs made here with pdfkit (own text): header
// cells centred vertically so that a two-line name ("Resultat" / "2023") prints above and below
// the one-line names; a row label over two lines beside centred figures; goal statements printed
// across the columns above their figures; amounts left-aligned in their cells.
import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/pipeline/index.js';
import { parsePdf } from '../../src/pdf/index.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { headerRole, PERIOD_HEADER_EXAMPLES } from '../../src/extract/goals/goal-table-headers.js';
import { makePdf, type TextRun } from '../pdf/make-pdf.js';

const SIZE = 9;
const at = (y: number, cells: readonly (readonly [number, string])[]): TextRun[] => cells.map(([x, text]) => ({ text, x, y, size: SIZE }));

async function extract(runs: TextRun[]): Promise<ExtractedDocument> {
  const head: TextRun[] = [
    { text: 'Sorø Kommune', x: 56, y: 50, size: 10 },
    { text: 'Notat til Erhvervs- og Beskæftigelsesudvalgets møde den 9. september 2025', x: 56, y: 66, size: 10 },
  ];
  const bytes = await makePdf({ pages: [[...head, ...runs]] });
  return buildDocument({ path: 'notat.pdf', sha256: 'f'.repeat(64), bytes: bytes.length, parsed: await parsePdf(bytes), withText: false });
}

describe('a goal table with a centred header band and statements above their rows', () => {
  test('every statement is a goal with its code, target, results by period, the cluster and the verdict', async () => {
    const doc = await extract([
      { text: 'Tegnforklaring: + = målet er nået, (+) = målet er delvist nået, ÷ = målet er ikke nået.', x: 56, y: 100, size: 9 },
      ...at(140, [[200, 'Resultat'], [280, 'Resultat'], [380, 'Klyngen']]),
      ...at(145, [[56, 'Nr.'], [100, 'Målsætning'], [470, 'Status']]),
      ...at(150, [[205, '2024'], [282, '1. halvår 2025'], [385, '1. halvår 2025']]),
      ...at(175, [[90, 'Flere unge skal være i job eller uddannelse efter et år.']]),
      ...at(188, [[56, 'C1']]),
      ...at(201, [[90, 'mindst 70 %'], [190, '66,5 %'], [275, '71,2 %'], [375, '69,0 %'], [470, '+']]),
      ...at(230, [[90, 'Antallet af borgere på sygedagpenge skal nedbringes.']]),
      ...at(243, [[56, 'C2']]),
      ...at(253, [[90, 'højst 300']]),
      ...at(258, [[190, '322'], [275, '305'], [375, '–'], [470, '(+)']]),
      ...at(263, [[90, 'helårspersoner']]),
      { text: 'Administrationen følger op på målene igen i februar.', x: 56, y: 300, size: 9 },
    ]);
    expect(doc).toMatchObject({ committee: 'Erhvervs- og Beskæftigelsesudvalget', meetingDate: '2025-09-09' });
    expect(doc.goals.map((g) => ({ id: g.id, text: g.text, status: g.status, target: [g.target?.value, g.target?.comparator], actual: g.actual.map((a) => [a.value, a.scope]) }))).toEqual([
      { id: 'C1', text: 'Flere unge skal være i job eller uddannelse efter et år.', status: 'met', target: [70, '>='], actual: [[66.5, 'municipality'], [71.2, 'municipality'], [69, 'other']] },
      { id: 'C2', text: 'Antallet af borgere på sygedagpenge skal nedbringes.', status: 'partly_met', target: [300, '<='], actual: [[322, 'municipality'], [305, 'municipality']] },
    ]);
  });

  test.each(PERIOD_HEADER_EXAMPLES)('a period after the header words names no role: $header', ({ header, role }) => {
    expect(headerRole(header)?.role).toBe(role);
  });
});

describe('a budget table with left-aligned amounts and a label over two lines', () => {
  test('each amount in its column, the wrapped label whole, the total apart', async () => {
    const doc = await extract([
      { text: 'Budgetopfølgning pr. 31. juli (1.000 kr.)', x: 56, y: 110, size: 9 },
      ...at(130, [[56, 'Område'], [220, 'Budget'], [300, 'Forbrug'], [380, 'Afvigelse']]),
      ...at(146, [[56, 'Drift'], [220, '41.205'], [300, '40.100'], [380, '1.105']]),
      ...at(160, [[56, 'Jobcenter,']]),
      ...at(165, [[220, '9.870'], [300, '10.220'], [380, '-350']]),
      ...at(170, [[56, 'administration']]),
      ...at(186, [[56, 'Tilskud'], [220, '300'], [300, '0'], [380, '300']]),
      ...at(200, [[56, 'I alt'], [220, '51.375'], [300, '50.320'], [380, '1.055']]),
    ]);
    const table = doc.budgetTables[0];
    expect(doc.budgetTables).toHaveLength(1);
    expect(table?.rows.map((r) => [r.label, r.values])).toEqual([
      ['Drift', [41205000, 40100000, 1105000]],
      ['Jobcenter, administration', [9870000, 10220000, -350000]],
      ['Tilskud', [300000, 0, 300000]],
    ]);
    expect(table?.total?.values).toEqual([51375000, 50320000, 1055000]);
  });
});

describe('a goal table whose header is printed again on the next page', () => {
  test('a row cut by the page break goes on below the repeated header; no goal is made of its rest', async () => {
    const header = (y: number): TextRun[] => at(y, [[56, 'Nr.'], [90, 'Målsætning'], [300, 'Resultat'], [380, 'Vurdering']]);
    const bytes = await makePdf({
      pages: [
        [
          { text: 'Fredensborg Kommune', x: 56, y: 50, size: 10 },
          { text: 'Notat til Kultur- og Idrætsudvalgets møde den 2. juni 2025', x: 56, y: 66, size: 10 },
          { text: 'Vurdering: A = målet er opfyldt · B = målet er delvist opfyldt · C = målet er ikke opfyldt', x: 56, y: 100, size: 9 },
          ...header(130),
          ...at(148, [[56, '1.1'], [90, 'Flere borgere skal bruge'], [300, '61 %'], [380, 'A']]),
          ...at(159, [[90, 'bibliotekerne.']]),
          ...at(178, [[56, '1.2'], [90, 'Mindst 80 % af brugerne skal være'], [300, '78 %'], [380, 'B']]),
          ...at(189, [[90, 'tilfredse med']]),
        ],
        [
          ...header(60),
          ...at(78, [[90, 'kulturtilbuddene.']]),
          ...at(97, [[56, '1.3'], [90, 'Højst 50 børn må stå på venteliste.'], [300, '64'], [380, 'C']]),
          { text: 'Forvaltningen følger op på målene i januar.', x: 56, y: 130, size: 9 },
        ],
      ],
    });
    const doc = await buildDocument({ path: 'notat.pdf', sha256: 'b'.repeat(64), bytes: bytes.length, parsed: await parsePdf(bytes), withText: false });
    expect(doc.goals.map((g) => [g.id, g.text, g.status])).toEqual([
      ['1.1', 'Flere borgere skal bruge bibliotekerne.', 'met'],
      ['1.2', 'Mindst 80 % af brugerne skal være tilfredse med kulturtilbuddene.', 'partly_met'],
      ['1.3', 'Højst 50 børn må stå på venteliste.', 'not_met'],
    ]);
  });
});

describe('a budget table with group headings and a wrapped subtotal label', () => {
  test('a group heading is no part of the next label; the total after a wrapped subtotal is kept', async () => {
    const doc = await extract([
      { text: 'Beløb i 1.000 kr.', x: 56, y: 110, size: 9 },
      ...at(126, [[56, 'Område'], [300, 'Budget'], [380, 'Forventet']]),
      ...at(144, [[56, 'Serviceudgifter']]),
      ...at(160, [[56, 'Hjemmepleje'], [300, '212.450'], [380, '218.600']]),
      ...at(174, [[56, 'Plejecentre'], [300, '301.200'], [380, '301.850']]),
      ...at(192, [[56, 'Serviceudgifter i alt'], [300, '513.650'], [380, '520.450']]),
      ...at(212, [[56, 'Udgifter uden for servicerammen']]),
      ...at(228, [[56, 'Aktivitetsbestemt medfinansiering'], [300, '118.000'], [380, '121.300']]),
      ...at(248, [[56, 'Udgifter uden for'], [300, '118.000'], [380, '121.300']]),
      ...at(259, [[56, 'servicerammen i alt']]),
      ...at(284, [[56, 'Udvalget i alt'], [300, '631.650'], [380, '641.750']]),
    ]);
    const table = doc.budgetTables[0];
    // "Udvalget i alt" is kept as the last row (only a row labelled "I alt" … is the table's total).
    expect(table?.rows.map((r) => [r.label, r.values[0]])).toEqual([
      ['Hjemmepleje', 212450000], ['Plejecentre', 301200000], ['Serviceudgifter i alt', 513650000],
      ['Aktivitetsbestemt medfinansiering', 118000000], ['Udgifter uden for servicerammen i alt', 118000000], ['Udvalget i alt', 631650000],
    ]);
  });
});

describe('a row label over two lines at a line height of 1.4, the figures centred beside it', () => {
  // 8 pt text: the label's lines 11.3 pt apart, the figures 6 pt (0.75 em) under the first.
  const at8 = (y: number, cells: readonly (readonly [number, string])[]): TextRun[] => cells.map(([x, text]) => ({ text, x, y, size: 8 }));

  test('the label is whole, its figures in their columns, and the rows after it and the total are kept', async () => {
    const doc = await extract([
      { text: 'Økonomisk status pr. 31. maj (kr.)', x: 56, y: 110, size: 9 },
      ...at8(130, [[56, 'Område'], [240, 'Budget 2025'], [330, 'Forventet']]),
      ...at8(148, [[56, 'Madservice'], [240, '12.400.000'], [330, '12.650.000']]),
      ...at8(166, [[56, 'Dagtilbud for borgere med']]),
      ...at8(172, [[240, '31.870.500'], [330, '30.990.000']]),
      ...at8(177.3, [[56, 'demens']]),
      ...at8(195, [[56, 'Hjælpemidler'], [240, '8.015.250'], [330, '8.400.000']]),
      ...at8(213, [[56, 'I alt'], [240, '52.285.750'], [330, '52.040.000']]),
    ]);
    const table = doc.budgetTables[0];
    expect(doc.budgetTables).toHaveLength(1);
    expect(table?.rows.map((r) => [r.label, r.values])).toEqual([
      ['Madservice', [12400000, 12650000]],
      ['Dagtilbud for borgere med demens', [31870500, 30990000]],
      ['Hjælpemidler', [8015250, 8400000]],
    ]);
    expect(table?.total?.values).toEqual([52285750, 52040000]);
  });

  test('a group heading standing close above such a row stays a line of its own; the row is still one', async () => {
    const doc = await extract([
      { text: 'Økonomisk status pr. 31. maj (kr.)', x: 56, y: 110, size: 9 },
      ...at8(130, [[56, 'Område'], [240, 'Budget 2025'], [330, 'Forventet']]),
      ...at8(148, [[56, 'Madservice'], [240, '12.400.000'], [330, '12.650.000']]),
      ...at8(160, [[56, 'Demensområdet']]),
      ...at8(166.2, [[56, 'Dagtilbud for borgere med']]),
      ...at8(172.2, [[240, '31.870.500'], [330, '30.990.000']]),
      ...at8(177.5, [[56, 'demens']]),
      ...at8(195, [[56, 'I alt'], [240, '44.270.500'], [330, '43.640.000']]),
    ]);
    expect(doc.budgetTables[0]?.rows.map((r) => [r.label, r.values])).toEqual([
      ['Madservice', [12400000, 12650000]],
      ['Dagtilbud for borgere med demens', [31870500, 30990000]],
    ]);
    expect(doc.budgetTables[0]?.total?.values).toEqual([44270500, 43640000]);
  });
});
