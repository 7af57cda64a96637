// The status vocabulary on verdict wordings written for this test (one row per phrase
// family), including negations, partial verdicts, marks and sentences that only speak
// of a verdict without giving one.
import { describe, expect, test } from 'vitest';
import { findStatus, isVerdictClause, STATUS_PHRASES } from '../../src/extract/goals/status-vocabulary.js';
import type { GoalStatus } from '../../src/schema/contract.js';

const cases: readonly (readonly [string, GoalStatus | null])[] = [
  ['Målet er nået.', 'met'],
  ['Delmålet blev nået i 2024.', 'met'],
  ['Målsætningen er dermed opfyldt.', 'met'],
  ['Måltallet er således indfriet', 'met'],
  ['Opfyldt', 'met'],
  ['✔', 'met'],
  ['✓ Nået', 'met'],
  ['Ja', 'met'],
  ['Målet er ikke nået.', 'not_met'],
  ['Indikatoren er derfor ikke opfyldt.', 'not_met'],
  ['Målet er dermed ikke indfriet.', 'not_met'],
  ['Ikke nået', 'not_met'],
  ['✘', 'not_met'],
  ['✗ Ikke opfyldt', 'not_met'],
  ['Målet er delvist opfyldt.', 'partly_met'],
  ['Målet er ikke helt nået.', 'partly_met'],
  ['Delvis indfriet', 'partly_met'],
  ['Målet er på vej.', 'in_progress'],
  ['Indsatsen er i gang, men der foreligger endnu ikke tal.', 'in_progress'],
  ['Målet er udgået.', 'withdrawn'],
  ['Delmålet er taget ud af planen.', 'withdrawn'],
  ['Udgået', 'withdrawn'],
  ['Det er ikke muligt at følge op på målet.', 'not_assessable'],
  ['Det har ikke været muligt at opgøre resultatet.', 'not_assessable'],
  ['Resultatet kan ikke opgøres.', 'not_assessable'],
  ['Ikke muligt at vurdere pga. dataudfordringer.', 'not_assessable'],
  ['Kan ikke opgøres', 'not_assessable'],
  // No verdict: figures alone, hopes and conditions.
  ['Andelen var 54 % i 2023.', null],
  ['Hvis målet bliver nået, udløses en bonus.', null],
  ['Jobcentret arbejder for, at målene bliver opfyldt.', null],
  ['Der er opnået en gennemsnitlig score på 3,9.', null],
];

describe('findStatus', () => {
  test.each(cases)('%s → %s', (text, expected) => {
    expect(findStatus(text)?.status ?? null).toBe(expected);
  });

  test('the match points at the verdict phrase inside longer text', () => {
    const text = 'Andelen steg til 61 %. Målet er derfor ikke nået.';
    const found = findStatus(text);
    expect(found?.status).toBe('not_met');
    expect(text.slice(found?.start, found?.end)).toMatch(/ikke nået/u);
  });

  test('every vocabulary entry recognises its own example', () => {
    for (const phrase of STATUS_PHRASES) expect(findStatus(phrase.example)?.status, phrase.example).toBe(phrase.status);
  });
});

describe('isVerdictClause: status words inside a goal statement are no verdict', () => {
  const cases: readonly (readonly [string, boolean])[] = [
    ['Målet er, at mindst 60 procent af eleverne er i gang med en uddannelse efter et år.', false],
    ['Der er sat et mål om, at alle nyankomne er i gang med danskundervisning inden for en måned.', false],
    ['Målet var, at 70 % skulle være i job, og målet er ikke nået.', true],
    ['Målet om, at ventetiden skal under 4 uger, kan ikke opgøres i år.', true],
    ['Indsatsen er i gang.', true],
  ];
  test.each(cases)('%s → %s', (sentence, expected) => {
    const found = findStatus(sentence);
    expect(found).not.toBeNull();
    expect(isVerdictClause(sentence, found?.start ?? -1)).toBe(expected);
  });
});
