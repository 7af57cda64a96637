// What a table's corner cell says it counts: people and cases are no kroner.
import { describe, expect, test } from 'vitest';
import { namesCountUnit } from '../../src/extract/tables/table-count-units.js';

describe('namesCountUnit', () => {
  test.each(['Helårspersoner', 'Antal', 'Antal personer', 'Fuldtidspersoner 2025', 'Borgere i alt', 'Årsværk'])('counts: %s', (text) => {
    expect(namesCountUnit(text)).toBe(true);
  });
  test.each(['Mio. kr.', 'Beløb i 1.000 kr.', 'Område', 'Hovedpost', 'Personalepolitik', 'Sagsbehandling'])('not counts: %s', (text) => {
    expect(namesCountUnit(text)).toBe(false);
  });
});
