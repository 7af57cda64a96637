// Goals that report a result but write no verdict: a status is derived from the document's
// own figures only when they settle it (a final result against a numeric target with a
// direction, for a period over by the meeting), is marked "derived", and keeps its
// goal_without_status warning; everything less settled stays unknown. Texts written for
// these tests in the genre of Danish follow-ups.
import { describe, expect, test } from 'vitest';
import type { Goal, Warning } from '../../src/schema/contract.js';
import { contextFrom } from './pages.js';
import { runGoals } from './goal-run.js';

function run(meetingDate: string | null, ...lines: string[]): { goals: Goal[]; warnings: Warning[] } {
  return runGoals({ ...contextFrom('test.pdf', lines.join('\n')), meetingDate });
}

const verdicts = (goals: readonly Goal[]): [number | null | undefined, number[], string, string | undefined][] =>
  goals.map((g) => [g.target?.value, g.actual.map((a) => a.value), g.status, g.statusBasis]);

/** An investment case: two goals in a list, two final results in a list after it. */
const investmentCase = (results: readonly string[], period = 'fra 2023 til 2024'): string[] => [
  'Punkt 3: Evaluering af sygedagpengeindsatsen i 2024',
  '',
  'Med indsatsen fulgte to mål for 2024:',
  '',
  `- Antallet af borgere på sygedagpenge skal reduceres med 80 ${period}`,
  '- Indsatsen skal give en besparelse på 5,0 mio. kr.',
  '',
  'Resultaterne for 2024 viser, at:',
  '',
  ...results.map((r) => `- ${r}`),
];

describe('a final result against a target with a direction, period over at the meeting', () => {
  test('a reported fall against "reduceres med N", and a level against a saving: met and not met, derived', () => {
    const { goals, warnings } = run('2025-02-11', ...investmentCase(['Antallet af borgere på sygedagpenge er faldet med 95 helårspersoner', 'Indsatsen har givet en besparelse på 4,2 mio. kr.']));
    expect(verdicts(goals)).toEqual([
      [80, [95], 'met', 'derived'],
      [5000000, [4200000], 'not_met', 'derived'],
    ]);
    // statusText is the document's result sentence; the warning says how the status was reached.
    expect(goals.map((g) => g.statusText)).toEqual(['Antallet af borgere på sygedagpenge er faldet med 95 helårspersoner', 'Indsatsen har givet en besparelse på 4,2 mio. kr.']);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      ['goal_without_status', 'goal maal-1: no verdict in the document; status met derived from its result a fall of 95 against the target reduce 80, period ended 2024'],
      ['goal_without_status', 'goal maal-2: no verdict in the document; status not_met derived from its result 4200000 against the target >= 5000000, period ended 2024'],
    ]);
  });

  test('a rise where a fall was promised is not met; "færre" after the figure is a fall', () => {
    const { goals } = run('2025-02-11', ...investmentCase(['Antallet af borgere på sygedagpenge er steget med 12 helårspersoner', 'Der blev opnået en besparelse på 5,3 mio. kr.']));
    expect(verdicts(goals)).toEqual([
      [80, [12], 'not_met', 'derived'],
      [5000000, [5300000], 'met', 'derived'],
    ]);
    const fewer = run('2025-02-11', ...investmentCase(['Der er 64 færre borgere på sygedagpenge', 'Indsatsen har givet en besparelse på 5,0 mio. kr.']));
    expect(verdicts(fewer.goals)).toEqual([
      [80, [64], 'not_met', 'derived'],
      [5000000, [5000000], 'met', 'derived'],
    ]);
  });

  test('a ceiling (højst) reached and missed, in goal blocks without a verdict label', () => {
    const { goals } = run(
      '2025-03-04',
      'Opfølgning på Beskæftigelsesplan 2024',
      'Mål 1',
      'Ledigheden blandt forsikrede ledige skal højst være 3,5 %.',
      'Resultat: Ledigheden var 3,2 % i 2024.',
      'Mål 2',
      'Varigheden af sygedagpengeforløb skal højst være 22 uger.',
      'Resultat: Den gennemsnitlige varighed var 24 uger i 2024.',
    );
    expect(verdicts(goals)).toEqual([
      [3.5, [3.2], 'met', 'derived'],
      [22, [24], 'not_met', 'derived'],
    ]);
  });
});

describe('figures that do not settle a verdict stay unknown', () => {
  test('the period is not over when the committee meets', () => {
    const { goals, warnings } = run('2024-11-05', ...investmentCase(['Antallet af borgere på sygedagpenge er faldet med 95 helårspersoner', 'Indsatsen har givet en besparelse på 4,2 mio. kr.']));
    expect(verdicts(goals)).toEqual([
      [80, [95], 'unknown', 'none'],
      [5000000, [4200000], 'unknown', 'none'],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'goal maal-1 "Antallet af borgere på sygedagpenge skal reduceres med 80 fr": results but no verdict found',
      'goal maal-2 "Indsatsen skal give en besparelse på 5,0 mio. kr.": results but no verdict found',
    ]);
  });

  test('no meeting date, or a goal period the document does not name', () => {
    expect(verdicts(run(null, ...investmentCase(['Antallet af borgere på sygedagpenge er faldet med 95 helårspersoner', 'Indsatsen har givet en besparelse på 4,2 mio. kr.'])).goals).map((v) => v[2])).toEqual(['unknown', 'unknown']);
    const { goals } = run('2025-02-11', 'Mål 1', 'Mindst 200 borgere skal deltage i et brancheforløb.', 'Resultat: 164 borgere har deltaget i et brancheforløb.');
    expect(verdicts(goals)).toEqual([[200, [164], 'unknown', 'none']]);
  });

  test('interim and forecast figures: a cut-off date, foreløbig, forventes, a part-year', () => {
    const interim = [
      'Pr. 30. juni 2024 er antallet af borgere på sygedagpenge faldet med 41 helårspersoner',
      'Den foreløbige opgørelse viser en besparelse på 2,1 mio. kr.',
    ];
    expect(verdicts(run('2025-02-11', ...investmentCase(interim)).goals).map((v) => v[2])).toEqual(['unknown', 'unknown']);
    const forecast = [
      'Antallet af borgere på sygedagpenge forventes at falde med 70 helårspersoner',
      'Besparelsen i første halvår udgør 2,4 mio. kr.',
    ];
    expect(verdicts(run('2025-02-11', ...investmentCase(forecast)).goals).map((v) => v[2])).toEqual(['unknown', 'unknown']);
  });

  test('a level where a change was promised, and a verdict cell in words the vocabulary does not know', () => {
    const level = run('2025-02-11', ...investmentCase(['Der er nu 1.210 borgere på sygedagpenge', 'Indsatsen har givet en besparelse på 4,2 mio. kr.']));
    expect(verdicts(level.goals)).toEqual([
      [80, [1210], 'unknown', 'none'],
      [5000000, [4200000], 'not_met', 'derived'],
    ]);
    const referred = run('2025-03-04', 'Opfølgning på Beskæftigelsesplan 2024', 'Mål 1', 'Mindst 200 borgere skal deltage i et brancheforløb.', 'Resultat: 164 borgere har deltaget i et brancheforløb.', 'Status: Se bilag 4.');
    expect(verdicts(referred.goals)).toEqual([[200, [164], 'unknown', 'none']]);
    expect(referred.goals[0]?.statusText).toBe('Se bilag 4.');
  });

  test('several municipal figures (subgroups) give no single result to compare', () => {
    const { goals } = run(
      '2025-03-04',
      'Opfølgning på Beskæftigelsesplan 2024',
      'Mål 1',
      'Mindst 60 % af de unge skal være i uddannelse eller job.',
      'Resultat: For kvinderne var andelen 63 %, for mændene 55 %.',
    );
    expect(verdicts(goals)).toEqual([[60, [63, 55], 'unknown', 'none']]);
  });

  test('a stated verdict is never overridden by the figures', () => {
    const { goals, warnings } = run(
      '2025-03-04',
      'Opfølgning på Beskæftigelsesplan 2024',
      'Mål 1',
      'Mindst 60 % af de unge skal være i uddannelse eller job.',
      'Resultat: Andelen var 58 % i 2024.',
      'Status: Målet er nået.',
    );
    expect(verdicts(goals)).toEqual([[60, [58], 'met', 'stated']]);
    expect(warnings).toEqual([]);
  });
});
