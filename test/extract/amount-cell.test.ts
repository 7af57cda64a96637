// Amount cells in every sign form a budget table prints, as data beside the rule.
import { describe, expect, test } from 'vitest';
import { AMOUNT_CELL_EXAMPLES, isAmountCell, parseAmountCell } from '../../src/extract/tables/amount-cell.js';

describe('amount cells', () => {
  test.each(AMOUNT_CELL_EXAMPLES)('$cell → $value', ({ cell, value }) => {
    expect(parseAmountCell(cell)).toBe(value);
    expect(isAmountCell(cell)).toBe(value !== null);
  });
});
