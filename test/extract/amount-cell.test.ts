// Amount cells in every sign form a budget table prints, as data beside the rule.
import { describe, expect, test } from 'vitest';
import { AMOUNT_CELL_EXAMPLES, isAmountCell, isPercentCell, parseAmountCell, PERCENT_CELL_EXAMPLES } from '../../src/extract/tables/amount-cell.js';
import { FUNCTION_CODE_EXAMPLES, isFunctionCode, withoutFunctionCode } from '../../src/extract/tables/function-code.js';

describe('amount cells', () => {
  test.each(AMOUNT_CELL_EXAMPLES)('$cell → $value', ({ cell, value }) => {
    expect(parseAmountCell(cell)).toBe(value);
    expect(isAmountCell(cell)).toBe(value !== null);
  });
});

describe('percentage cells beside the amounts', () => {
  test.each(PERCENT_CELL_EXAMPLES)('$cell → percentage: $percent', ({ cell, percent }) => {
    expect(isPercentCell(cell)).toBe(percent);
    // A percentage is never also an amount in kroner.
    if (percent) expect(isAmountCell(cell)).toBe(false);
  });
});

describe('function codes before the row labels', () => {
  test.each(FUNCTION_CODE_EXAMPLES)('$cell → code: $code', ({ cell, code }) => {
    expect(isFunctionCode(cell)).toBe(code);
    expect(withoutFunctionCode(`${cell} Botilbud`)).toBe(code ? 'Botilbud' : `${cell} Botilbud`);
  });
});
