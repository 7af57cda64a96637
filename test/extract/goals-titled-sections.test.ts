// Numbered goal sections without labels: a title line over plain sentences stating the goal,
// its result and its verdict; a summary that sets one named goal apart; wrapped header words.
// Danish written for these tests.
import { describe, expect, test } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';
import { joinWrapped } from '../../src/text/dehyphenate.js';
import { findStatus } from '../../src/extract/goals/status-vocabulary.js';
import { contextFrom, pagesFrom } from './pages.js';
import { goalShape, runGoals } from './goal-run.js';

const sections = [
  'Opfølgning på Beskæftigelsesplan 2024',
  'Mål 1: Hurtigere tilbage i job',
  'Målsætningen var, at mindst 48 % af de sygemeldte skulle være raskmeldt efter 12 uger.',
  'Ved årets udgang lå andelen på 45,5 % mod 47,0 % i hele landet.',
  'Målet blev ikke indfriet.',
  'Mål 2: Flere virksomhedssamarbejder',
  'Målet var, at jobcentret skulle indgå mindst 120 partnerskabsaftaler i løbet af 2024.',
  'Resultatet for 2024 er 131 aftaler.',
  'Målet er mere end indfriet.',
  'Mål 3: Kortere ventetid',
  'Der blev holdt et temamøde om ventetider i oktober.',
];

describe('titled goal sections', () => {
  test('the statement under the title is the goal; result and verdict come from the sentences after it', () => {
    const { goals } = runGoals(contextFrom('plan.pdf', sections.join('\n')));
    expect(goals.map(goalShape)).toEqual([
      {
        id: '1',
        text: 'Målsætningen var, at mindst 48 % af de sygemeldte skulle være raskmeldt efter 12 uger.',
        target: { value: 48, unit: 'percent', comparator: '>=' },
        actual: [[45.5, 'percent', 'municipality'], [47, 'percent', 'national']],
        status: 'not_met',
        statusText: 'Målet blev ikke indfriet.',
      },
      {
        id: '2',
        text: 'Målet var, at jobcentret skulle indgå mindst 120 partnerskabsaftaler i løbet af 2024.',
        target: { value: 120, unit: 'count', comparator: '>=' },
        actual: [[131, 'count', 'municipality']],
        status: 'met',
        statusText: 'Målet er mere end indfriet.',
      },
    ]);
  });

  test('"mere end indfriet" and "overopfyldt" are met', () => {
    expect(findStatus('Målet er mere end indfriet.')?.status).toBe('met');
    expect(findStatus('Måltallet blev overopfyldt.')?.status).toBe('met');
  });
});

describe('a summary that sets one named goal apart', () => {
  test('counts it as withdrawn and does not call its sentence an orphan verdict', () => {
    const text = [
      ...sections.slice(0, 9),
      'Samlet er ét af to mål indfriet, og ét er ikke indfriet. Målet om seniorjob er bortfaldet og indgår ikke i opgørelsen.',
    ].join('\n');
    const facts = extractFacts({ path: 'plan.pdf', info: { title: null, producer: null, author: null, creator: null, creationDate: null, outline: [] }, pages: pagesFrom(text) });
    expect(facts.statusSummary).toMatchObject({ met: 1, not_met: 1, withdrawn: 1, total: 2 });
    expect(facts.warnings.filter((w) => w.code === 'status_without_goal')).toEqual([]);
  });
});

describe('header words wrapped onto two lines', () => {
  test('a word split with a hyphen is joined; a shared compound ending and an abbreviation keep theirs', () => {
    expect(joinWrapped('Tillægs-', 'bevillinger')).toBe('Tillægsbevillinger');
    expect(joinWrapped('Børne-', 'og Ungeudvalget')).toBe('Børne- og Ungeudvalget');
    expect(joinWrapped('IGU-', 'forløb')).toBe('IGU-forløb');
    expect(joinWrapped('Forventet', 'regnskab')).toBe('Forventet regnskab');
  });
});
