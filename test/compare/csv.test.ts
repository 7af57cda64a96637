// RFC 4180 quoting.
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from '../../src/compare/csv.js';

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['sagde "nej"', '"sagde ""nej"""'],
    ['to\nlinjer', '"to\nlinjer"'],
    ['cr\rhere', '"cr\rhere"'],
    ['  mellemrum  ', '  mellemrum  '],
    ['Ærø, Køge og Åbenrå', '"Ærø, Køge og Åbenrå"'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers with a decimal point, null as an empty field, objects as JSON', () => {
    expect(csvRecord([67.7, null, undefined, 0, true, [{ value: 1.5 }]])).toBe('67.7,,,0,true,"[{""value"":1.5}]"\r\n');
  });

  it('ends every record with CRLF', () => {
    expect(csvRecord(['a', 'b'])).toBe('a,b\r\n');
  });
});
