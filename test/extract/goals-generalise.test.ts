// Rules that must generalise beyond the layouts they were first written for (own Danish
// examples, one per bug found on held-out documents): two goal tables on one page, a
// target column of its own, wrapped indicator cells, a closing paragraph after a table,
// prose goals worded "Der er sat et mål om, at …", comparators a few words before the
// figure, and status words inside the goal's own sentence that are no verdict.
import { describe, expect, test } from 'vitest';
import { checkOrphanVerdicts, checkSummary } from '../../src/extract/checks.js';
import { extractStatusSummary } from '../../src/extract/goals/status-summary.js';
import type { Goal, Warning } from '../../src/schema/contract.js';
import type { NormalisedPage } from '../../src/schema/normalised.js';
import { contextFrom } from './pages.js';
import { layoutContext, layoutPage, line } from './goals-layout.js';
import { goalShape, runGoals } from './goal-run.js';

const run = (pages: NormalisedPage[], ctx = layoutContext(pages)): { goals: Goal[]; warnings: Warning[] } => runGoals(ctx);
const shape = goalShape;

const B = { bold: true };

describe('two goal tables on one page, the second with a target column of its own', () => {
  // Table 1: Nr. | Målsætning | Resultat 2025 | Vurdering. Then a heading, then
  // Indikator | Måltal | Realiseret | Status with wrapped indicator cells, then prose.
  const page = layoutPage(1, [
    line(40, [60, 'Af de 5 mål er 2 opfyldt, 2 ikke opfyldt og 1 mål udgår.']),
    line(70, [60, 'Nr.', B], [90, 'Målsætning', B], [300, 'Resultat 2025', B], [450, 'Vurdering', B]),
    line(90, [60, '1'], [90, 'Mindst 45 % af de unge ledige skal'], [300, '47,1 % (hele landet 44,0 %)'], [450, 'Opfyldt']),
    line(102, [90, 'være i uddannelse efter et år.']),
    line(122, [60, '2'], [90, 'Højst 6 % af borgerne må vente'], [300, '7,3 %'], [450, 'Ikke opfyldt']),
    line(134, [90, 'mere end 4 uger på en samtale.']),
    line(165, [60, 'Nøgletal for 2025', B]),
    line(190, [60, 'Indikator', B], [250, 'Måltal', B], [340, 'Realiseret', B], [460, 'Status', B]),
    line(210, [60, 'Andel sygemeldte i job'], [250, 'mindst 52 %'], [340, '49,5 %'], [460, 'Ikke opfyldt']),
    line(222, [60, 'eller uddannelse efter 6 måneder']),
    line(242, [60, 'Ventetid på første samtale'], [250, 'under 3 uger'], [340, '2 uger'], [460, 'Opfyldt']),
    line(254, [60, 'for nye ledige']),
    line(274, [60, 'Antal nye praktikaftaler med'], [250, '60'], [340, 'Ordningen er ophørt.'], [460, 'Udgår']),
    line(286, [60, 'private virksomheder']),
    line(318, [60, 'Jobcentret vil i 2026 foreslå nye mål for de sygemeldte,']),
    line(330, [60, 'hvor resultatet ligger under landsniveauet.']),
  ]);

  test('every row of both tables is one goal; header rows, headings and prose are not', () => {
    const { goals, warnings } = run([page]);
    expect(goals.map(shape)).toEqual([
      {
        id: '1',
        text: 'Mindst 45 % af de unge ledige skal være i uddannelse efter et år.',
        target: { value: 45, unit: 'percent', comparator: '>=' },
        actual: [[47.1, 'percent', 'municipality'], [44, 'percent', 'national']],
        status: 'met',
        statusText: 'Opfyldt',
      },
      {
        id: '2',
        text: 'Højst 6 % af borgerne må vente mere end 4 uger på en samtale.',
        target: { value: 6, unit: 'percent', comparator: '<=' },
        actual: [[7.3, 'percent', 'municipality']],
        status: 'not_met',
        statusText: 'Ikke opfyldt',
      },
      {
        id: 'maal-1',
        text: 'Andel sygemeldte i job eller uddannelse efter 6 måneder',
        target: { value: 52, unit: 'percent', comparator: '>=' },
        actual: [[49.5, 'percent', 'municipality']],
        status: 'not_met',
        statusText: 'Ikke opfyldt',
      },
      {
        id: 'maal-2',
        text: 'Ventetid på første samtale for nye ledige',
        target: { value: 3, unit: 'weeks', comparator: '<=' },
        actual: [[2, 'weeks', 'municipality']],
        status: 'met',
        statusText: 'Opfyldt',
      },
      {
        id: 'maal-3',
        text: 'Antal nye praktikaftaler med private virksomheder',
        target: { value: 60, unit: 'count', comparator: '>=' },
        actual: [],
        status: 'withdrawn',
        statusText: 'Udgår',
      },
    ]);
    expect(warnings).toEqual([]);
  });

  test('the stated summary matches the goals found, so no summary_mismatch', () => {
    const ctx = layoutContext([page]);
    const { goals } = run([page], ctx);
    const summary = extractStatusSummary(ctx, () => {});
    expect(summary).toMatchObject({ met: 2, not_met: 2, withdrawn: 1 });
    expect(checkSummary(summary, goals)).toEqual([]);
  });
});

describe('a target column headed with its year', () => {
  test('Indikator | Mål 2025 | Resultat 2025 | Vurdering: "Mål 2025" is the target, not a second goal column', () => {
    const page = layoutPage(1, [
      line(70, [60, 'Indikator', B], [260, 'Mål 2025', B], [340, 'Resultat 2025', B], [460, 'Vurdering', B]),
      line(90, [60, 'Andel ledige med en'], [260, 'mindst 85 %'], [340, '88,2 %'], [460, 'Nået']),
      line(102, [60, 'jobplan inden for en måned']),
      line(122, [60, 'Antal borgere i løntilskud'], [260, 'højst 140'], [340, '151 borgere'], [460, 'Ikke nået']),
    ]);
    const { goals, warnings } = run([page]);
    expect(goals.map(shape)).toEqual([
      {
        id: 'maal-1',
        text: 'Andel ledige med en jobplan inden for en måned',
        target: { value: 85, unit: 'percent', comparator: '>=' },
        actual: [[88.2, 'percent', 'municipality']],
        status: 'met',
        statusText: 'Nået',
      },
      {
        id: 'maal-2',
        text: 'Antal borgere i løntilskud',
        target: { value: 140, unit: 'persons', comparator: '<=' },
        actual: [[151, 'persons', 'municipality']],
        status: 'not_met',
        statusText: 'Ikke nået',
      },
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('an id column holds only short ids', () => {
  test('words printed under a narrow Nr. column belong to the goal text', () => {
    const page = layoutPage(1, [
      line(70, [60, 'Nr.', B], [100, 'Mål', B], [300, 'Resultat', B], [450, 'Status', B]),
      line(90, [60, '1'], [100, 'Mindst 200 borgere skal i fleksjob.'], [300, '214 borgere'], [450, 'Nået']),
      line(110, [60, 'Flere'], [100, 'unge skal have mindst 30 læreplads-'], [300, '27 aftaler'], [450, 'Ikke nået']),
      line(122, [100, 'aftaler i kommunens egne institutioner.']),
    ]);
    const { goals } = run([page]);
    expect(goals.map((g) => [g.id, g.text, g.status])).toEqual([
      ['1', 'Mindst 200 borgere skal i fleksjob.', 'met'],
      ['maal-1', 'Flere unge skal have mindst 30 læreplads- aftaler i kommunens egne institutioner.', 'not_met'],
    ]);
  });
});

describe('prose goals worded in other ways', () => {
  const text = [
    'Sagsfremstilling',
    'Målet er, at mindst 65 procent af de nyankomne flygtninge er i gang med et sprogforløb efter tre måneder.',
    'Der er sat et mål om, at 120 flere unge skal være i lære ved udgangen af 2026.',
    'Ambitionen var, at de unge ledige højst måtte udgøre 9 pct. af alle ledige. Opgørelsen viser 10,2 pct. Målet er ikke nået.',
    'Der var sat et mål om, at beskæftigelsesgraden for seniorer skulle stige med 2 procentpoint. Resultatet blev en stigning på 2,4 procentpoint, og målet er dermed nået.',
    'Projektet skulle give en nettobesparelse på mindst 1.500.000 kr. i 2025. Opgørelsen viser en besparelse på 1.720.000 kr., og målet er indfriet.',
  ].join('\n');

  test('each goal sentence is found with its target, results and verdict', () => {
    const ctx = contextFrom('prose.pdf', text);
    const { goals } = run(ctx.pages as NormalisedPage[], ctx);
    expect(goals.map(shape)).toEqual([
      {
        id: 'maal-1',
        text: 'Målet er, at mindst 65 procent af de nyankomne flygtninge er i gang med et sprogforløb efter tre måneder.',
        target: { value: 65, unit: 'percent', comparator: '>=' },
        actual: [],
        status: 'unknown',
        statusText: null,
      },
      {
        id: 'maal-2',
        text: 'Der er sat et mål om, at 120 flere unge skal være i lære ved udgangen af 2026.',
        target: { value: 120, unit: 'persons', comparator: 'increase' },
        actual: [],
        status: 'unknown',
        statusText: null,
      },
      {
        id: 'maal-3',
        text: 'Ambitionen var, at de unge ledige højst måtte udgøre 9 pct. af alle ledige.',
        target: { value: 9, unit: 'percent', comparator: '<=' },
        actual: [[10.2, 'percent', 'municipality']],
        status: 'not_met',
        statusText: 'Målet er ikke nået.',
      },
      {
        id: 'maal-4',
        text: 'Der var sat et mål om, at beskæftigelsesgraden for seniorer skulle stige med 2 procentpoint.',
        target: { value: 2, unit: 'percentage_points', comparator: 'increase' },
        actual: [[2.4, 'percentage_points', 'municipality']],
        status: 'met',
        statusText: 'Resultatet blev en stigning på 2,4 procentpoint, og målet er dermed nået.',
      },
      {
        id: 'maal-5',
        text: 'Projektet skulle give en nettobesparelse på mindst 1.500.000 kr. i 2025.',
        target: { value: 1500000, unit: 'dkk', comparator: '>=' },
        actual: [[1720000, 'dkk', 'municipality']],
        status: 'met',
        statusText: 'Opgørelsen viser en besparelse på 1.720.000 kr., og målet er indfriet.',
      },
    ]);
  });

  test('"er i gang med" inside a goal statement is no orphan verdict either', () => {
    const ctx = contextFrom('prose.pdf', text);
    const { goals } = run(ctx.pages as NormalisedPage[], ctx);
    expect(checkOrphanVerdicts(ctx.pages, goals)).toEqual([]);
  });
});
