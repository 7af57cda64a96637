// Contexts of figures in numbered goal paragraphs and their follow-up: a "Status:" line names its
// measure through the paragraph's goal (a short compound part like "Frekvensen" points back to it),
// a gap to the national figure says so, and an amount "svarende til" restates the figure before it.
// Own Danish examples.
import { describe, expect, test } from 'vitest';
import { extractMoneyAmounts } from '../../src/extract/figures/money.js';
import { extractPercentages } from '../../src/extract/figures/percentages.js';
import { contextFrom, noWarnings } from './pages.js';

describe('figures in a numbered goal paragraph', () => {
  const text = [
    'Følgende mål gjaldt for 2024:',
    'b) Selvforsørgelsesgraden for nyankomne flygtninge skal ligge på niveau med landstallet.',
    'Status: Graden var 41,3 pct. i kommunen og 45,0 pct. på landsplan. Målet er ikke nået, da graden',
    'ligger 3,7 procentpoint under landsgennemsnittet.',
  ].join('\n');

  test('the status line and the gap take the goal as their measure', () => {
    const found = extractPercentages(contextFrom('maal.pdf', text), noWarnings).map((p) => [p.value, p.context]);
    expect(found).toEqual([
      [41.3, 'selvforsørgelsesgraden for nyankomne flygtninge'],
      [45, 'selvforsørgelsesgraden for nyankomne flygtninge på landsplan'],
      // The gap follows the national figure, whose context it carries on.
      [3.7, 'selvforsørgelsesgraden for nyankomne flygtninge på landsplan under landsgennemsnittet'],
    ]);
  });
});

describe('an amount restating the figure before it', () => {
  test('"svarende til" takes the measure of the figure it restates', () => {
    const text = 'Ordningen kræver en egenbetaling på 30 %, svarende til 240.000 kr., som dækkes af driftsrammen.';
    const found = extractMoneyAmounts(contextFrom('pulje.pdf', text), noWarnings).map((m) => [m.value, m.context]);
    expect(found).toEqual([[240000, 'egenbetaling']]);
  });
});

describe('a second clause opening on its verb', () => {
  test('shares the sentence subject when its own words only say when', () => {
    const text = 'Ledigheden i Odsherred Kommune steg i 2023 med 0,4 procentpoint og var ved årets udgang 4,2 pct.';
    const found = extractPercentages(contextFrom('ledighed.pdf', text), noWarnings).map((p) => [p.value, p.context]);
    expect(found[1]).toEqual([4.2, 'Ledigheden i Odsherred Kommune ved årets udgang']);
  });
});
