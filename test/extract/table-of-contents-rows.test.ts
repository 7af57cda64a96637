// A contents list laid out like a one-column table ("1. Sammenfatning … 2") is pages, not kroner.
import { describe, expect, test } from 'vitest';
import { isTableOfContents } from '../../src/extract/tables/budget-tables.js';

const rows = (pairs: [string, string][]) => pairs.map(([label, amount]) => ({ label, amounts: [{ text: amount }] }));

describe('table of contents rows', () => {
  test('numbered sections with rising page numbers within the document', () => {
    expect(isTableOfContents(rows([['1. Sammenfatning', '2'], ['2. Resultatopgørelse', '2'], ['3. Drift', '3'], ['4. Pejlemærker', '5']]), 8)).toBe(true);
  });
  test('amounts are not pages: above the page count, falling, or beside plain labels', () => {
    expect(isTableOfContents(rows([['1. Drift', '412'], ['2. Anlæg', '96']]), 8)).toBe(false);
    expect(isTableOfContents(rows([['1. Drift', '5'], ['2. Anlæg', '3']]), 8)).toBe(false);
    expect(isTableOfContents(rows([['Drift', '2'], ['Anlæg', '3'], ['Finansiering', '4']]), 8)).toBe(false);
  });
});
