// onePerCell: one value per municipality × year × indicator (× unit), the latest meeting's.
import { describe, expect, it } from 'vitest';
import type { CompareRow } from '../../src/compare/compare-rows.js';
import { onePerCell } from '../../src/compare/one-per-cell.js';
import { wideTable } from '../../src/compare/wide-table.js';

const row = (over: Partial<CompareRow>): CompareRow => ({
  municipality: 'Skive Kommune', municipalityCode: 779, year: 2023, yearSource: 'fact', indicatorId: 'ledighedsprocent',
  indicatorLabel: 'Ledighed', confidence: 0.9, kind: 'percentage', goalId: null, text: 'ledigheden', value: 3, unit: 'percent',
  actuals: [], nationalValue: null, targetValue: null, targetUpper: null, targetUnit: null, comparator: null, status: null,
  statusText: null, statusBasis: null, committee: null, meetingDate: '2023-05-01', documentKind: 'minutes', file: 'a.pdf',
  sha256: 'a'.repeat(64), page: 1, start: 0, end: 3, snippet: '3 %', repeatedIn: [], ...over,
});

describe('onePerCell', () => {
  it('keeps the latest meeting\'s figure, and a percentage-point change apart from a percent level', () => {
    const early = row({ value: 3.1 });
    const late = row({ value: 2.9, meetingDate: '2024-02-01', sha256: 'b'.repeat(64), file: 'b.pdf' });
    const change = row({ value: -0.4, unit: 'percentage_points', start: 10 });
    const otherYear = row({ year: 2022, value: 3.5 });
    expect(onePerCell([early, late, change, otherYear])).toEqual([late, change, otherYear]);
  });

  it('prefers a goal\'s result to a loose percentage of the same document, and any value to none', () => {
    const pct = row({ value: 31, page: 3 });
    const goal = row({ kind: 'goal', goalId: '1', value: 38.5, page: 1 });
    const targetOnly = row({ kind: 'goal', goalId: '2', value: null, meetingDate: '2025-01-01', sha256: 'c'.repeat(64) });
    expect(onePerCell([pct, goal, targetOnly])).toEqual([goal]);
    expect(onePerCell([targetOnly])).toEqual([targetOnly]);
  });

  it('spreads the chosen values over years for --wide, one row per unit', () => {
    const wide = wideTable([row({ year: 2022, value: 3.5 }), row({ value: 3 }), row({ value: -0.4, unit: 'percentage_points' })]);
    expect(wide.columns).toEqual(['municipality', 'municipality_code', 'indicator_id', 'unit', '2022', '2023']);
    expect(wide.rows).toEqual([
      { municipality: 'Skive Kommune', municipality_code: 779, indicator_id: 'ledighedsprocent', unit: 'percent', 2022: 3.5, 2023: 3 },
      { municipality: 'Skive Kommune', municipality_code: 779, indicator_id: 'ledighedsprocent', unit: 'percentage_points', 2022: null, 2023: -0.4 },
    ]);
  });
});
