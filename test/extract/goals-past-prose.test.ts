// Last year's goals followed up in prose and bullet lists: past-tense wording ("skulle",
// "måtte"), the result in the sentence before the verdict, a bullet carrying its own verdict,
// one final result sentence shared by the goals of a list, and a bullet whose line runs into
// the other column of a two-column page. Own Danish examples.
import { describe, expect, test } from 'vitest';
import type { AgendaItem } from '../../src/schema/contract.js';
import { contextFrom } from './pages.js';
import { layoutContext, layoutPage, line } from './goals-layout.js';
import { goalShape, runGoals } from './goal-run.js';

describe('past-tense prose goals with a verdict after the result', () => {
  const text = [
    'Opfølgning på sidste års mål.',
    'Højst 12 procent af de unge måtte være uden job eller uddannelse. Andelen endte på 13,5 procent. Vi nåede ikke målet.',
    'Antallet af borgere i fleksjob skulle øges med 25. Ved udgangen af året var der 31 flere borgere i fleksjob end året før. Målsætningen er indfriet.',
    'Mindst 40 % af de sygemeldte skulle have en delvis raskmelding. Resultatet for hele året blev 43,1 %. Målet blev nået.',
  ].join('\n');

  test('each goal takes the result sentence before its verdict', () => {
    const { goals } = runGoals(contextFrom('opfoelgning.pdf', text));
    expect(goals.map(goalShape)).toEqual([
      {
        id: 'maal-1',
        text: 'Højst 12 procent af de unge måtte være uden job eller uddannelse.',
        target: { value: 12, unit: 'percent', comparator: '<=' },
        actual: [[13.5, 'percent', 'municipality']],
        status: 'not_met',
        statusText: 'Vi nåede ikke målet.',
      },
      {
        id: 'maal-2',
        text: 'Antallet af borgere i fleksjob skulle øges med 25.',
        target: { value: 25, unit: 'persons', comparator: 'increase' },
        actual: [[31, 'persons', 'municipality']],
        status: 'met',
        statusText: 'Målsætningen er indfriet.',
      },
      {
        id: 'maal-3',
        text: 'Mindst 40 % af de sygemeldte skulle have en delvis raskmelding.',
        target: { value: 40, unit: 'percent', comparator: '>=' },
        actual: [[43.1, 'percent', 'municipality']],
        status: 'met',
        statusText: 'Målet blev nået.',
      },
    ]);
  });
});

describe('bullet lists of goals', () => {
  test('a bullet with its own verdict: the goal ends before it', () => {
    const text = [
      'Disse mål blev ikke fulgt op som planlagt:',
      '• Mindst 20 ledige skulle i job via den nye brancheindsats. Målet er opgivet, da indsatsen aldrig kom i gang.',
      '• Borgernes tilfredshed skulle være mindst 4,0 på en skala fra 1 til 5. Det har ikke været muligt at gøre status, da målingen blev udskudt.',
    ].join('\n');
    const { goals } = runGoals(contextFrom('bullets.pdf', text));
    expect(goals.map((g) => [g.text, g.status, g.statusText])).toEqual([
      ['Mindst 20 ledige skulle i job via den nye brancheindsats.', 'withdrawn', 'Målet er opgivet, da indsatsen aldrig kom i gang.'],
      ['Borgernes tilfredshed skulle være mindst 4,0 på en skala fra 1 til 5.', 'not_assessable', 'Det har ikke været muligt at gøre status, da målingen blev udskudt.'],
    ]);
  });

  test('one final result sentence after the list reports on each goal in its own unit', () => {
    const text = [
      'Indsatsen havde to mål for 2023:',
      '• Antallet af helårspersoner på kontanthjælp skulle reduceres med 40.',
      '• Indsatsen skulle give en besparelse på mindst 2,5 mio. kr.',
      'Den endelige opgørelse for hele 2023 viser et fald på 33 helårspersoner og en besparelse på 2,8 mio. kr.',
    ].join('\n');
    const ctx = { ...contextFrom('invest.pdf', text), meetingDate: '2024-03-01' };
    const { goals } = runGoals(ctx);
    const result = 'Den endelige opgørelse for hele 2023 viser et fald på 33 helårspersoner og en besparelse på 2,8 mio. kr.';
    expect(goals.map((g) => [g.target, g.actual.map((a) => [a.value, a.unit]), g.status, g.statusBasis, g.statusText])).toEqual([
      [{ value: 40, unit: 'persons', comparator: 'reduce' }, [[33, 'persons']], 'not_met', 'derived', result],
      [{ value: 2500000, unit: 'dkk', comparator: '>=' }, [[2800000, 'dkk']], 'met', 'derived', result],
    ]);
  });

  test('a bullet line running into the other column keeps its own column only', () => {
    const page = layoutPage(1, [
      line(40, [60, 'Udvalget havde disse mål for året:']),
      line(56, [70, '• Mindst 30 unge skulle starte i lære hos'], [320, 'Punkt 8. Eventuelt']),
      line(68, [84, 'en lokal virksomhed. Målet er nået.']),
      line(80, [70, '• Højst 5 % af eleverne måtte stoppe før tid.']),
      line(92, [84, 'Andelen blev 6,1 %. Målet er ikke nået.']),
    ]);
    const items: AgendaItem[] = [];
    const { goals } = runGoals(layoutContext([page], items));
    expect(goals.map((g) => [g.text, g.status])).toEqual([
      ['Mindst 30 unge skulle starte i lære hos en lokal virksomhed.', 'met'],
      ['Højst 5 % af eleverne måtte stoppe før tid.', 'not_met'],
    ]);
  });
});
