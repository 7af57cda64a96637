// The Danish word list costs ~1.7 s to load: a clean document must not load it, a
// document with broken letters must. (Its own file, so no other test has loaded it.)
import { expect, test } from 'vitest';
import { isWordListLoaded } from '../../src/text/danish-words.js';
import { normalisePages } from '../../src/text/normalise.js';
import { page, wordsLine } from './helpers.js';

test('the word list loads only when a page has broken letters', () => {
  const clean = normalisePages([
    page(1, [...wordsLine('Udvalget godkendte referatet på mødet.', 60, 100), ...wordsLine('Side 1 af 1', 480, 810)]),
  ]);
  expect(clean.warnings).toEqual([]);
  expect(isWordListLoaded()).toBe(false);
  const broken = normalisePages([page(1, wordsLine('Udvalget godkendte referatet pÅ~ mÅ~,det.', 60, 100))]);
  expect(broken.pages[0]?.text).toBe('Udvalget godkendte referatet på mødet.');
  expect(isWordListLoaded()).toBe(true);
});
