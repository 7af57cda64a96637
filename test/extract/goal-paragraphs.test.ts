// "Mål 2: <statement>. <results>. Målet er nået." — one paragraph per goal, in a narrow column:
// the statement, what came of it and the verdict are told apart by their sentences, the label's
// number is the id. Real PDFs made with pdfkit; own Danish examples.
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import { buildDocument } from '../../src/pipeline/index.js';
import { findActuals, STARTING_POINT_EXAMPLES } from '../../src/extract/goals/goal-actuals.js';
import { TextRun } from '../../src/extract/goals/goal-text.js';
import { pagesFrom } from './pages.js';
import { meaningfulMeasures } from '../../src/extract/goals/goal-measures.js';
import { parseTarget } from '../../src/extract/goals/goal-target.js';
import { makePdf, type TextRun as PdfRun } from '../pdf/make-pdf.js';

function lines(texts: string[]): PdfRun[] {
  return texts.map((text, i) => ({ text, x: 56, y: 60 + i * 14, size: 10 }));
}

describe('goal paragraphs under "Mål N:" labels', () => {
  test('statement, results and verdict of each goal; the label number is the id', async () => {
    const parsed = await parsePdf(
      await makePdf({
        pages: [
          lines([
            'Dagsorden', 'Social- og Arbejdsmarkedsudvalget · Lemvig Kommune', 'Mødedato: 11.03.2025',
            '1. Status på årets mål', 'Sagsnr.: 15.00.00-P22-2-25', 'Sagsfremstilling',
            'Mål 1: Antallet af borgere på sygedagpenge skal', 'ligge under landsgennemsnittet. Andelen var i',
            'januar 2025 på 3,1 % mod 3,4 % på landsplan.', 'Målet er nået.',
            'Mål 2: Mindst 45 % af de ledige skal have en', 'virksomhedsrettet aktivitet inden for tre måneder.',
            'Andelen er 41,0 % og er steget fra 37,5 % i 2024.', 'Målet er delvist nået.',
            'Samlet er ét mål nået og ét delvist nået.',
          ]),
        ],
      }),
    );
    const doc = await buildDocument({ path: 'dagsorden.pdf', sha256: 'e'.repeat(64), bytes: 1, parsed, withText: false });
    const goals = doc.goals.map((g) => ({ id: g.id, text: g.text, status: g.status, statusText: g.statusText, actual: g.actual.map((a) => [a.value, a.scope]) }));
    expect(goals).toEqual([
      { id: '1', text: 'Antallet af borgere på sygedagpenge skal ligge under landsgennemsnittet.', status: 'met', statusText: 'Målet er nået.', actual: [[3.1, 'municipality'], [3.4, 'national']] },
      { id: '2', text: 'Mindst 45 % af de ledige skal have en virksomhedsrettet aktivitet inden for tre måneder.', status: 'partly_met', statusText: 'Målet er delvist nået.', actual: [[41, 'municipality']] },
    ]);
    expect(doc.goals[1]?.target).toMatchObject({ value: 45, comparator: '>=' });
  });

  test.each(STARTING_POINT_EXAMPLES)('a change\'s starting point is no result: $sentence', ({ sentence, baseline }) => {
    const run = new TextRun(pagesFrom(sentence), [{ page: 1, start: 0, end: sentence.length }]);
    const found = findActuals(run, { start: 0, end: sentence.length }, { targetUnit: 'percent' }).map((a) => a.provenance?.snippet);
    const all = meaningfulMeasures(sentence).map((m) => sentence.slice(m.start, m.end));
    expect(found).toEqual(all.filter((m) => m !== baseline));
    if (baseline) expect(all).toContain(baseline);
  });

  test('"skal ligge under landsgennemsnittet": at most, no figure, a rate', () => {
    expect(parseTarget('Ledigheden blandt forsikrede ledige skal ligge under landsgennemsnittet.')).toMatchObject({ value: null, comparator: '<=' });
    expect(parseTarget('Beskæftigelsesfrekvensen skal ligge over landsgennemsnittet.')).toMatchObject({ comparator: '>=' });
  });
});

describe('lettered goals with their results as fields on one line', () => {
  test('"Resultat 2023/24: … · Resultat 2024/25: … · Landsplan 2024/25: …" then "Vurdering: …"', async () => {
    const parsed = await parsePdf(
      await makePdf({
        pages: [
          lines([
            'Dagsorden', 'Børne- og Skoleudvalget · Rebild Kommune', 'Mødedato: 02.12.2025',
            '1. Opfølgning på børne- og ungepolitikken', 'Sagsnr.: 2025-011203', 'Sagsfremstilling',
            'a. Mindst 90 % af eleverne skal trives i skolen.',
            'Resultat 2023/24: 88 % · Resultat 2024/25: 91 % · Landsplan 2024/25: 89 %',
            'Vurdering: Opfyldt',
            'b. Højst 10 % af eleverne må have et fravær over 10 %.',
            'Resultat 2023/24: 13,1 % · Resultat 2024/25: 12,4 % · Landsplan 2024/25: 11,8 %',
            'Vurdering: Ikke opfyldt',
          ]),
        ],
      }),
    );
    const doc = await buildDocument({ path: 'dagsorden.pdf', sha256: 'c'.repeat(64), bytes: 1, parsed, withText: false });
    expect(doc.goals.map((g) => [g.id, g.status, g.actual.map((a) => [a.value, a.scope])])).toEqual([
      ['a', 'met', [[88, 'municipality'], [91, 'municipality'], [89, 'national']]],
      ['b', 'not_met', [[13.1, 'municipality'], [12.4, 'municipality'], [11.8, 'national']]],
    ]);
  });
});

describe('labelled goal blocks with a result per period and the cluster beside the country', () => {
  test('"Resultat 2023:", "Resultat 2024:", "Klyngen 2024:", "Hele landet 2024:" are all the goal\'s actuals', async () => {
    const rows: [string, string][] = [
      ['Mål 2 – Flere unge i uddannelse', ''],
      ['Målsætning:', 'Andelen af unge uden uddannelse skal være højst 6,0 %.'],
      ['Resultat 2023:', '6,8 %'],
      ['Resultat 2024:', '6,3 %'],
      ['Klyngen 2024:', '6,1 %'],
      ['Hele landet 2024:', '6,6 %'],
      ['Vurdering:', 'Målet er delvist indfriet.'],
    ];
    const runs: PdfRun[] = [
      { text: 'Greve Kommune', x: 56, y: 50, size: 10 },
      { text: 'Resultatrevision 2024', x: 56, y: 70, size: 14 },
      { text: 'Forelægges Beskæftigelsesudvalget den 20. maj 2025', x: 56, y: 92, size: 10 },
      ...rows.flatMap(([label, value], i): PdfRun[] => [{ text: label, x: 56, y: 130 + i * 14, size: 10 }, ...(value ? [{ text: value, x: 160, y: 130 + i * 14, size: 10 }] : [])]),
    ];
    const parsed = await parsePdf(await makePdf({ pages: [runs] }));
    const doc = await buildDocument({ path: 'resultatrevision.pdf', sha256: 'd'.repeat(64), bytes: 1, parsed, withText: false });
    expect(doc.goals.map((g) => [g.id, g.status, g.actual.map((a) => [a.value, a.scope])])).toEqual([
      ['2', 'partly_met', [[6.8, 'municipality'], [6.3, 'municipality'], [6.1, 'other'], [6.6, 'national']]],
    ]);
  });
});
