// Which table cells read as goal statements: the positive and negative examples as data.
import { describe, expect, test } from 'vitest';
import { columnOfStatements, readsAsStatement } from '../../src/extract/goals/goal-statement-cues.js';

const STATEMENTS = [
  'Mindst 60 % af de unge skal være i uddannelse efter et år.',
  'Antallet af helårspersoner på ledighedsydelse skal reduceres med 110 personer.',
  'Højst 12 % af de ledige må være langtidsledige.',
  'Flere ledige skal hurtigt i job',
  'Sygefraværet falder til under 5 %',
];
const NOT_STATEMENTS = ['A.1', '2.3', '72,5 %', 'Grøn', 'Delvist opfyldt', 'Mentorordninger', 'Andel nyledige dagpengemodtagere i job efter 3 måneder', 'Mindst 70 %'];

describe('goal statement cues', () => {
  test.each(STATEMENTS)('"%s" reads as a statement', (cell) => expect(readsAsStatement(cell)).toBe(true));
  test.each(NOT_STATEMENTS)('"%s" does not', (cell) => expect(readsAsStatement(cell)).toBe(false));
  test('a column reads as statements when most of its filled cells do', () => {
    expect(columnOfStatements([...STATEMENTS.slice(0, 2), '', 'Grøn'])).toBe(true);
    expect(columnOfStatements(['A.1', 'A.2', STATEMENTS[0] ?? ''])).toBe(false);
    expect(columnOfStatements(['', ''])).toBe(false);
  });
});
