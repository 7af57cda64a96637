// The verdict legend a document prints, as data: legends that define keys (colours and
// marks, with "=", ":" or a dash), and text that defines none (one formula, a colour in prose).
import { describe, expect, test } from 'vitest';
import { legendStatus, readVerdictLegend } from '../../src/extract/goals/verdict-legend.js';
import type { NormalisedPage } from '../../src/schema/normalised.js';

const pages = (text: string): NormalisedPage[] => [{ number: 1, width: 595, height: 842, text, lines: [] }];

const LEGENDS: readonly [string, Record<string, string>][] = [
  ['Grøn = målet er nået. Gul = målet er delvist nået. Rød = målet er ikke nået. Blå = arbejdet\nmed målet er i gang. Grå = målet kan ikke opgøres.', { grøn: 'met', gul: 'partly_met', rød: 'not_met', blå: 'in_progress', grå: 'not_assessable' }],
  ['Farvekoder: Grøn: Målet er nået. Rød: Målet er ikke nået. Grå: Der er ikke data til at vurdere målet.', { grøn: 'met', rød: 'not_met', grå: 'not_assessable' }],
  ['Forklaring: ✓ = målet er nået, (✓) = målet er delvist nået, ÷ = målet er ikke nået.', { '✓': 'met', '(✓)': 'partly_met', '÷': 'not_met' }],
  ['Tegnforklaring: + = opfyldt; ÷ = ikke opfyldt', { '+': 'met', '÷': 'not_met' }],
  ['Status: ✔ Målet er nået ◐ Målet er delvist nået ✖ Målet er ikke nået ○ Kan ikke vurderes', { '✔': 'met', '◐': 'partly_met', '✖': 'not_met', '○': 'not_assessable' }],
  ['Vurdering: A = målet er opfyldt · B = målet er delvist opfyldt · C = målet er ikke opfyldt · – = kan ikke vurderes', { a: 'met', b: 'partly_met', c: 'not_met', '–': 'not_assessable' }],
  // A key table: each code in a cell of its own, its meaning in the next.
  ['Kode\tForklaring\nA\tMålsætningen er opfyldt\nB\tMålsætningen er delvist opfyldt\nC\tMålsætningen er ikke opfyldt\nD\tMålsætningen kan ikke vurderes endnu', { a: 'met', b: 'partly_met', c: 'not_met', d: 'not_assessable' }],
  ['Skala: A - Målet er indfriet\nB - Målet er delvist indfriet\nC - Målet er ikke indfriet', { a: 'met', b: 'partly_met', c: 'not_met' }],
  ['X: Målet er opfyldt\nY: Målet er ikke opfyldt', { x: 'met', y: 'not_met' }],
];

describe('verdict legends', () => {
  test.each(LEGENDS)('%s', (text, keys) => {
    expect(Object.fromEntries(readVerdictLegend(pages(text)))).toEqual(keys);
  });

  test.each([
    'Ledighed = antal ledige / arbejdsstyrken.',
    'Den grønne omstilling: flere job i energisektoren. Rød: farven på logoet.',
    'Grøn = målet er nået.',
    // Letter codes of goals in a table, each beside its statement: the verdict cell further on is no meaning of the code.
    'A\tFlere unge skal i uddannelse\t45 %\tMålet er nået\nB\tFærre på kontanthjælp\t1.210\tMålet er ikke nået',
  ])('no legend in "%s"', (text) => {
    expect(readVerdictLegend(pages(text)).size).toBe(0);
  });

  test('a verdict cell holding a key takes its meaning; other words are left to the vocabulary', () => {
    const legend = readVerdictLegend(pages(LEGENDS[2]?.[0] ?? ''));
    expect(legendStatus(legend, '(✓)')).toBe('partly_met');
    expect(legendStatus(legend, ' ÷ ')).toBe('not_met');
    expect(legendStatus(legend, 'Målet er nået')).toBeNull();
  });

  test('a key opening the verdict sentence gives its meaning ("Y. Andelen faldt …")', () => {
    const legend = readVerdictLegend(pages('X: Målet er opfyldt\nY: Målet er ikke opfyldt'));
    expect(legendStatus(legend, 'Y. Andelen faldt til 41 %.')).toBe('not_met');
    expect(legendStatus(legend, 'X: Alle skoler deltog.')).toBe('met');
    expect(legendStatus(legend, 'Yderligere tiltag er sat i gang.')).toBeNull();
  });
});
