// Verdict wordings beyond "Målet er (ikke) nået": first person, the verb before its subject,
// a goal given up, and words that look alike but judge no goal. Own Danish examples.
import { describe, expect, test } from 'vitest';
import { findStatus } from '../../src/extract/goals/status-vocabulary.js';
import type { GoalStatus } from '../../src/schema/contract.js';

const cases: readonly (readonly [string, GoalStatus | null])[] = [
  ['Vi nåede målet i 2024.', 'met'],
  ['Vi nåede ikke målet.', 'not_met'],
  ['I år nåede jobcentret ikke måltallet.', 'not_met'],
  ['Det lykkedes at nå målsætningen allerede i oktober.', 'met'],
  ['Det lykkedes desværre ikke at nå målet.', 'not_met'],
  ['Dermed er måltallet nået.', 'met'],
  ['Derfor blev målsætningen indfriet.', 'met'],
  ['Derfor er målet ikke nået.', 'not_met'],
  ['Målet anses for opfyldt.', 'met'],
  ['Målet er opgivet, fordi projektet ikke fik støtte.', 'withdrawn'],
  ['Delmålet blev skrinlagt i foråret.', 'withdrawn'],
  ['Der blev oprettet 12 pladser, og målet er ikke realiseret.', 'not_met'],
  // No verdict on a goal.
  ['Vi nåede målgruppen gennem opsøgende arbejde.', null],
  ['Projektet er opgivet.', null],
];

describe('verdict wordings', () => {
  test.each(cases)('%s → %s', (text, expected) => {
    expect(findStatus(text)?.status ?? null).toBe(expected);
  });
});
