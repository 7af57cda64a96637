// The clause around a figure, on sentences written for this test.
import { describe, expect, it } from 'vitest';
import { percentageWindow } from '../../src/compare/percentage-window.js';

/** Windows of every "N %" figure in the text, in order. */
function windows(text: string): string[] {
  const spans = [...text.matchAll(/\d+(?:,\d+)? ?%/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return spans.map((s) => percentageWindow(text, s, spans));
}

describe('percentageWindow', () => {
  it('gives each of two figures in one sentence its own words', () => {
    expect(windows('Af de 180 unge på uddannelseshjælp er 41,5 % jobparate og 58,5 % aktivitetsparate.')).toEqual([
      'Af de 180 unge på uddannelseshjælp er 41,5 % jobparate',
      '58,5 % aktivitetsparate.',
    ]);
  });

  it('stops at the sentence before and after, and at a parenthesis', () => {
    expect(windows('Mødet blev holdt i Ry. Aktiveringsgraden var 37 % i maj. Næste punkt handler om budget.')).toEqual([
      'Aktiveringsgraden var 37 % i maj.',
    ]);
    expect(windows('I Lejre svarede 81 % ja. (Kun for sygemeldte med en arbejdsgiver).')).toEqual(['I Lejre svarede 81 % ja.']);
  });

  it('starts after the last clause break before the figure, keeps commas after it', () => {
    expect(windows('Flere er i job end sidste år, men kun 12 % har lønnede timer.')).toEqual(['kun 12 % har lønnede timer.']);
    expect(windows('I Fanø har 77 % svaret, at de er tilfredse med jobcentret.')).toEqual(['I Fanø har 77 % svaret, at de er tilfredse med jobcentret.']);
  });

  it('reaches no further than 200 characters either side', () => {
    const long = `${'ord '.repeat(100)}22 %${' ord'.repeat(100)}`;
    const w = windows(long)[0] ?? '';
    expect(w.length).toBeLessThanOrEqual(200 + 4 + 200);
    expect(w).toContain('22 %');
  });
});

describe('percentageWindow in lists', () => {
  it('starts a window at a bullet, not in the item before', () => {
    const text = ['Svarene fordeler sig således:', '- 61 % i Greve (kun for ledige over 50 år).', '- 44 % fik et jobtilbud inden for en måned.'].join('\n');
    expect(windows(text)).toEqual(['61 % i Greve', '44 % fik et jobtilbud inden for en måned.']);
  });
});
