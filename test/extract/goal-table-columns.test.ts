// Goal tables read by column position in layouts the first rules did not know: the verdict
// column first and the id last, a header wrapped over two lines, a column of national
// figures, a municipality's name heading its own results, and a table that breaks onto
// the next page without repeating its header. All text is composed for these tests.
import { describe, expect, test } from 'vitest';
import { headerRole } from '../../src/extract/goals/goal-table-headers.js';
import { layoutContext, layoutPage, line } from './goals-layout.js';
import { goalShape, runGoals } from './goal-run.js';

describe('goal-table header vocabulary', () => {
  test.each([
    ['Indsatsområde / mål', 'goal'],
    ['Måleparameter', 'goal'],
    ['Hele landet', 'national'],
    ['Landsgennemsnit 2024', 'national'],
    ['Ambition 2026', 'target'],
    ['Målet nået?', 'verdict'],
    ['Nr.', 'id'],
    ['Region Syddanmark', 'area'],
    ['Klyngen 2024', 'area'],
  ])('%s heads a %s column', (text, role) => {
    expect(headerRole(text)?.role).toBe(role);
  });

  test('a municipality name with a year heads the results, by place', () => {
    expect(headerRole('Vejle 2024')).toEqual({ role: 'result', byPlace: true });
    expect(headerRole('Kommunen')).toEqual({ role: 'result', byPlace: true });
  });

  test('words that head no column', () => {
    expect(headerRole('Bemærkninger til budget')).toBeNull();
    expect(headerRole('Indsatsområde')).toBeNull();
  });
});

describe('goal tables: verdict first, id last, continued on the next page', () => {
  const header = line(100, [60, 'Vurdering'], [140, 'Indsatsområde / mål'], [340, 'Status 2024'], [500, 'Nr.']);
  const page1 = layoutPage(1, [
    line(80, [60, 'Tabel over målene i planen']),
    header,
    line(120, [60, 'Opnået'], [140, 'Mindst 55 % af de unge ledige skal'], [340, '57,3 % (landstallet: 54,0 %)'], [500, 'M1']),
    line(132, [140, 'være i uddannelse efter et år.']),
    line(152, [60, 'Ikke opnået'], [140, 'Højst 300 borgere må modtage'], [340, 'I alt 342 borgere.'], [500, 'M2']),
    line(164, [140, 'ledighedsydelse.']),
  ], 9);
  const page2 = layoutPage(2, [
    line(70, [60, 'Delvist opnået'], [140, 'Antallet af sager om sygedagpenge'], [340, 'Faldet med 40 sager.'], [500, 'M3']),
    line(82, [140, 'skal reduceres med 60.']),
    line(110, [56, 'Forvaltningen fortsætter arbejdet med målene i den kommende plan for beskæftigelsen.']),
  ], 9);

  test('all rows are goals, the third one read on the next page', () => {
    const { goals, warnings } = runGoals(layoutContext([page1, page2]));
    expect(goals.map(goalShape)).toEqual([
      {
        id: 'M1',
        text: 'Mindst 55 % af de unge ledige skal være i uddannelse efter et år.',
        target: { value: 55, unit: 'percent', comparator: '>=' },
        actual: [[57.3, 'percent', 'municipality'], [54, 'percent', 'national']],
        status: 'met',
        statusText: 'Opnået',
      },
      {
        id: 'M2',
        text: 'Højst 300 borgere må modtage ledighedsydelse.',
        target: { value: 300, unit: 'persons', comparator: '<=' },
        actual: [[342, 'persons', 'municipality']],
        status: 'not_met',
        statusText: 'Ikke opnået',
      },
      {
        id: 'M3',
        text: 'Antallet af sager om sygedagpenge skal reduceres med 60.',
        target: { value: 60, unit: 'count', comparator: 'reduce' },
        actual: [[40, 'count', 'municipality']],
        status: 'partly_met',
        statusText: 'Delvist opnået',
      },
    ]);
    expect(warnings).toEqual([]);
  });

  test('a page that opens with prose does not continue the table', () => {
    const prose = layoutPage(2, [line(70, [56, 'Forvaltningen fortsætter arbejdet med målene i den kommende plan.'])], 9);
    const { goals } = runGoals(layoutContext([page1, prose]));
    expect(goals.map((g) => g.id)).toEqual(['M1', 'M2']);
  });
});

describe('goal tables: a row cut by the page break', () => {
  test('the rest of the goal cell at the top of the next page belongs to the row above', () => {
    const page1 = layoutPage(1, [
      line(100, [60, 'Status'], [140, 'Mål'], [340, 'Resultat'], [500, 'Nr.']),
      line(120, [60, 'Opfyldt'], [140, 'Mindst 70 % af de borgere, der'], [340, '72 % af borgerne.'], [500, 'R1']),
      line(132, [140, 'starter i et forløb,']),
    ], 9);
    const page2 = layoutPage(2, [
      line(70, [140, 'skal fuldføre det.']),
      line(90, [60, 'Ikke opfyldt'], [140, 'Højst 40 sager må vente over en måned.'], [340, 'I alt 55 sager.'], [500, 'R2']),
    ], 9);
    const { goals } = runGoals(layoutContext([page1, page2]));
    expect(goals.map((g) => [g.id, g.text, g.status])).toEqual([
      ['R1', 'Mindst 70 % af de borgere, der starter i et forløb, skal fuldføre det.', 'met'],
      ['R2', 'Højst 40 sager må vente over en måned.', 'not_met'],
    ]);
  });
});

describe('goal tables: a wrapped header, target and national figures in columns of their own', () => {
  const page = layoutPage(1, [
    line(100, [60, 'Nr.'], [90, 'Måleparameter'], [250, 'Mål'], [320, 'Vejle'], [390, 'Hele'], [460, 'Nået?']),
    line(112, [250, '2024'], [320, '2024'], [390, 'landet']),
    line(132, [60, 'K1'], [90, 'Gennemsnitlig ventetid på'], [250, 'Højst 4 uger'], [320, '3,5 uger'], [390, '4,2 uger'], [460, '✓']),
    line(144, [90, 'første samtale']),
    line(164, [60, 'K2'], [90, 'Borgernes tilfredshed med'], [250, 'Mindst 4,2'], [320, '3,9'], [390, '4,0'], [460, '✗']),
    line(176, [90, 'vejledningen (skala 1-5)']),
    line(196, [60, 'K3'], [90, 'Antal nye praktikaftaler'], [250, 'Mindst 150'], [320, '171'], [390, '–'], [460, '✓']),
  ], 9);

  test('the national column gives national actuals, the target column the target', () => {
    const { goals, warnings } = runGoals(layoutContext([page]));
    expect(goals.map(goalShape)).toEqual([
      {
        id: 'K1',
        text: 'Gennemsnitlig ventetid på første samtale',
        target: { value: 4, unit: 'weeks', comparator: '<=' },
        actual: [[3.5, 'weeks', 'municipality'], [4.2, 'weeks', 'national']],
        status: 'met',
        statusText: '✓',
      },
      {
        id: 'K2',
        text: 'Borgernes tilfredshed med vejledningen (skala 1-5)',
        target: { value: 4.2, unit: 'score', comparator: '>=' },
        actual: [[3.9, 'score', 'municipality'], [4, 'score', 'national']],
        status: 'not_met',
        statusText: '✗',
      },
      {
        id: 'K3',
        text: 'Antal nye praktikaftaler',
        target: { value: 150, unit: 'count', comparator: '>=' },
        actual: [[171, 'count', 'municipality']],
        status: 'met',
        statusText: '✓',
      },
    ]);
    expect(warnings).toEqual([]);
  });

  test('key figures under a place name, without target or verdict, are no goals', () => {
    const figures = layoutPage(1, [
      line(100, [60, 'Nøgletal'], [250, 'Vejle'], [390, 'Hele landet']),
      line(120, [60, 'Bruttoledighed'], [250, '2,8 %'], [390, '3,0 %']),
    ], 9);
    expect(runGoals(layoutContext([figures])).goals).toEqual([]);
  });
});

describe('comparators and verdicts of such tables', () => {
  test('"må ikke være over" is a ceiling', async () => {
    const { parseTarget } = await import('../../src/extract/goals/goal-target.js');
    expect(parseTarget('Andelen af langtidsledige må ikke være over 12 %.')).toEqual({ value: 12, unit: 'percent', comparator: '<=' });
    expect(parseTarget('Sagsbehandlingstiden må ikke overstige 30 dage.').comparator).toBe('<=');
    expect(parseTarget('Andelen i job må ikke komme under 40 %.').comparator).toBe('>=');
  });

  test('"Opnået" and "Ikke opnået" fill a verdict cell', async () => {
    const { findVerdict } = await import('../../src/extract/goals/status-vocabulary.js');
    expect(findVerdict('Opnået')?.status).toBe('met');
    expect(findVerdict('Ikke opnået')?.status).toBe('not_met');
    expect(findVerdict('Delvist opnået')?.status).toBe('partly_met');
    expect(findVerdict('Opnået resultat i 2024')).toBeNull();
  });
});

describe('percentages in goal-table cells', () => {
  test('a national column makes its figures national; bare cells measure the row goal', async () => {
    const { extractPercentages } = await import('../../src/extract/figures/percentages.js');
    const page = layoutPage(1, [
      line(100, [60, 'Nr.'], [90, 'Indikator'], [250, 'Målsætning'], [330, 'Resultat'], [410, 'Landsgennemsnit'], [500, 'Status']),
      line(120, [60, '1'], [90, 'Andel ledige i løntilskud, der'], [250, 'Mindst 35 %'], [330, '38,2 %'], [410, '33,1 %'], [500, 'Opfyldt']),
      line(132, [90, 'kommer i ordinært job']),
    ], 9);
    const found = extractPercentages(layoutContext([page]), () => undefined);
    expect(found.map((p) => [p.value, p.scope, p.context])).toEqual([
      [35, 'municipality', 'målsætning for Andel ledige i løntilskud der kommer i ordinært job'],
      [38.2, 'municipality', 'Andel ledige i løntilskud der kommer i ordinært job'],
      [33.1, 'national', 'Andel ledige i løntilskud der kommer i ordinært job, hele landet'],
    ]);
  });

  test('a region column makes its figures scope other', async () => {
    const { extractPercentages } = await import('../../src/extract/figures/percentages.js');
    const page = layoutPage(1, [
      line(100, [60, 'Mål'], [250, 'Resultat'], [330, 'Regionen'], [420, 'Vurdering']),
      line(120, [60, 'Andelen af unge i uddannelse skal være mindst 80 %.', { width: 180 }], [250, '82 %'], [330, '79 %'], [420, 'Nået']),
    ], 9);
    const found = extractPercentages(layoutContext([page]), () => undefined);
    expect(found.map((p) => [p.value, p.scope])).toEqual([[80, 'municipality'], [82, 'municipality'], [79, 'other']]);
    expect(runGoals(layoutContext([page])).goals.map((g) => [g.status, g.actual.map((a) => [a.value, a.scope])])).toEqual([['met', [[82, 'municipality'], [79, 'other']]]]);
  });

  test('a share of a cost paid by a grant is no municipal figure', async () => {
    const { extractPercentages } = await import('../../src/extract/figures/percentages.js');
    const { contextFrom } = await import('./pages.js');
    const found = extractPercentages(contextFrom('doc.pdf', 'Tilskuddet dækker 65 % af udgifterne til mentorer.'), () => undefined);
    expect(found.map((p) => [p.value, p.scope])).toEqual([[65, 'other']]);
  });
});
