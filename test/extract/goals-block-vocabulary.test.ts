// Goal blocks whose labels name the goal statement ("Målsætning:" without a year), the
// target level ("Måltal 2025:"), the result with its year ("Opnået 2025:"), the country's
// figure ("Landstal:", "Hele landet:") and the verdict ("Konklusion:"), on Danish text
// written for these tests; and STAR-style kind paragraphs followed by the same labels.
import { describe, expect, test } from 'vitest';
import { blockLabelOf } from '../../src/extract/goals/goal-labels.js';
import { findStatus } from '../../src/extract/goals/status-vocabulary.js';
import { parseTarget } from '../../src/extract/goals/goal-target.js';
import { contextFrom } from './pages.js';
import { goalShape, runGoals } from './goal-run.js';

describe('label vocabulary', () => {
  test.each([
    ['Målsætning: Flere ledige skal i job.', 'statement'],
    ['Målsætning 2025: Mindst 40 %', 'target'],
    ['Måltal 2026: Højst 8 uger', 'target'],
    ['Opnået 2025: 41,2 %', 'result'],
    ['Landstal: 39,0 %', 'national'],
    ['Landsgennemsnit 2025: 39,0 %', 'national'],
    ['Hele landet: 39,0 %', 'national'],
    ['Konklusion: Målet er nået.', 'verdict'],
    ['Samlet vurdering: Målet er ikke nået.', 'verdict'],
  ])('%s → %s', (line, role) => {
    expect(blockLabelOf(line)?.role ?? null).toBe(role);
  });
});

describe('verdict vocabulary', () => {
  test.each([
    ['Målet er opfyldt for de unge, men ikke for de voksne.', 'partly_met'],
    ['Målet er ikke nået blandt mændene, men er nået blandt kvinderne.', 'partly_met'],
    ['Der foreligger ikke data for første år, fordi målingen er ny.', 'not_assessable'],
    ['Der findes endnu ikke brugbare data.', 'not_assessable'],
    ['Målet er nået, men ikke med stor margin.', 'met'],
    ['Indsatsmålet er delvist opnået.', 'partly_met'],
    ['For det første år foreligger der endnu ikke data.', 'not_assessable'],
  ])('%s → %s', (text, status) => {
    expect(findStatus(text)?.status ?? null).toBe(status);
  });
});

describe('target named as a change', () => {
  test('"En stigning på N procentpoint" is an increase, "Et fald på N" a reduction', () => {
    expect(parseTarget('En stigning på 2,5 procentpoint')).toEqual({ value: 2.5, unit: 'percentage_points', comparator: 'increase' });
    expect(parseTarget('Et fald på 30 personer')).toMatchObject({ value: 30, comparator: 'reduce' });
  });
});

describe('blocks with a statement label under a titled heading', () => {
  const text = [
    'Resultater for 2025',
    'Mål 2.1 Unge i uddannelse',
    'Målsætning:\tAndelen af unge på uddannelseshjælp, der begynder på en uddannelse,',
    'skal være mindst 35 %.',
    'Måltal 2025:\tMindst 35 %',
    'Opnået 2025:\t37,8 %',
    'Landstal:\tEn andel på 33,1 %',
    'Konklusion:\tMålet er nået.',
    'Mål 2.2 Flere i fleksjob',
    'Målsætning:\tFlere borgere skal ansættes i fleksjob.',
    'Måltal 2025:\t60 flere borgere i fleksjob',
    'Opnået 2025:\tDer er kommet 71 flere borgere i fleksjob.',
    'Mål 2.3 Virksomhedsbesøg',
    'Målsætning:\tJobcentret skal aflægge 200 virksomhedsbesøg.',
    'Måltal 2025:\t200 besøg',
    'Vurdering:\tDer foreligger endnu ikke data, da besøgene først registreres fra næste år.',
  ].join('\n');

  test('the goal is the statement, not the title; target from Måltal; Landstal national; verdict from Konklusion', () => {
    const { goals, warnings } = runGoals(contextFrom('blokke-2025.pdf', text));
    expect(goals.map(goalShape)).toEqual([
      {
        id: '2.1',
        text: 'Andelen af unge på uddannelseshjælp, der begynder på en uddannelse, skal være mindst 35 %.',
        target: { value: 35, unit: 'percent', comparator: '>=' },
        actual: [[37.8, 'percent', 'municipality'], [33.1, 'percent', 'national']],
        status: 'met',
        statusText: 'Målet er nået.',
      },
      {
        id: '2.2',
        text: 'Flere borgere skal ansættes i fleksjob.',
        target: { value: 60, unit: 'persons', comparator: 'increase' },
        actual: [[71, 'persons', 'municipality']],
        status: 'unknown',
        // No verdict line: the result sentence is what the document says.
        statusText: 'Der er kommet 71 flere borgere i fleksjob.',
      },
      {
        id: '2.3',
        text: 'Jobcentret skal aflægge 200 virksomhedsbesøg.',
        target: { value: 200, unit: 'count', comparator: '>=' },
        actual: [],
        status: 'not_assessable',
        statusText: 'Der foreligger endnu ikke data, da besøgene først registreres fra næste år.',
      },
    ]);
    expect(warnings.filter((w) => w.code === 'status_without_goal')).toEqual([]);
  });

  test('"Målsætning:" after a "Mål:" line is the target level, not a second goal', () => {
    const { goals } = runGoals(
      contextFrom('mål-og-målsætning.pdf', ['Mål 4. Færre på sygedagpenge', 'Mål: Færre borgere skal være på sygedagpenge i over et år.', 'Målsætning: Højst 300 forløb', 'Resultat: 280 forløb', 'Vurdering: Målet er nået.'].join('\n')),
    );
    expect(goals.map(goalShape)).toEqual([
      {
        id: '4',
        text: 'Færre borgere skal være på sygedagpenge i over et år.',
        target: { value: 300, unit: 'count', comparator: '<=' },
        actual: [[280, 'count', 'municipality']],
        status: 'met',
        statusText: 'Målet er nået.',
      },
    ]);
  });
});

describe('kind paragraphs followed by labels', () => {
  test('"Fokusmål: …" then Opnået / Landstal / Vurdering: national figure and verdict read, no orphan warning', () => {
    const text = [
      'Mål 1 Hurtigere afklaring',
      'Målsætning:\tAfklaringen skal ske inden for 8 uger.',
      'Vurdering:\tMålet er nået.',
      'Fokusmål fra styrelsen',
      'Fokusmål: Mindst 70 % af de nyledige skal have haft en samtale inden for de første',
      'tre uger.',
      'Opnået 2025:\t74,5 %',
      'Landstal:\t72,0 %',
      'Vurdering:\tMålet er nået.',
    ].join('\n');
    const { goals, warnings } = runGoals(contextFrom('fokus.pdf', text));
    const fokus = goals.find((g) => g.text.startsWith('Fokusmål'));
    expect(fokus && goalShape(fokus)).toMatchObject({
      actual: [[74.5, 'percent', 'municipality'], [72, 'percent', 'national']],
      status: 'met',
      statusText: 'Målet er nået.',
    });
    expect(warnings.filter((w) => w.code === 'status_without_goal')).toEqual([]);
  });
});

describe('document self-checks on goal blocks', () => {
  test('a verdict repeated word for word under a heading with no goal is an orphan; the summary counts its own agenda item', async () => {
    const { extractFacts } = await import('../../src/extract/index.js');
    const text = [
      '7. Opfølgning på mål for 2025',
      'Sagsfremstilling',
      'Af de 2 mål for 2025 er 2 nået.',
      'Mål 1: Flere i job',
      'Målsætning:\tMindst 50 % af de ledige skal være i job efter et halvt år.',
      'Resultat:\t52,0 %',
      'Vurdering:\tMålet er nået.',
      'Mål 2: Færre sygemeldte',
      'Målsætning:\tHøjst 900 borgere må være sygemeldt i over 26 uger.',
      'Resultat:\t870 borgere',
      'Vurdering:\tMålet er nået.',
      'Rekruttering',
      'Jobcentret har hjulpet flere virksomheder med at finde medarbejdere.',
      'Målet er nået.',
      '8. Mål for 2026',
      'Sagsfremstilling',
      'For 2026 er målet, at mindst 55 % af de ledige på kontanthjælp skal være i job efter et halvt år.',
    ].join('\n');
    const facts = extractFacts(contextFrom('referat.pdf', text));
    expect(facts.goals.map((g) => g.agendaItem)).toEqual([7, 7, 8]);
    const codes = facts.warnings.map((w) => w.code);
    expect(codes.filter((c) => c === 'status_without_goal')).toEqual(['status_without_goal']);
    expect(codes).not.toContain('summary_mismatch');
  });
});

describe('a prose goal with an interim count', () => {
  test('"Den foreløbige opgørelse pr. …" is its result, the national figure after it too; status stays unknown', () => {
    const text = [
      'For 2026 er målet, at mindst 30 % af de unge på uddannelseshjælp skal være i gang med en uddannelse.',
      'Den foreløbige opgørelse pr. 30. april 2026 viser en andel på 32,5 %. I hele landet var andelen 29,0 % i samme periode.',
    ].join('\n');
    const { goals, warnings } = runGoals(contextFrom('prosa.pdf', text));
    expect(goals.map(goalShape)).toMatchObject([
      { actual: [[32.5, 'percent', 'municipality'], [29, 'percent', 'national']], status: 'unknown' },
    ]);
    expect(warnings.map((w) => w.code)).toContain('goal_without_status');
  });
});
