// Cells of figures set closer than a column gap are still two cells; words in prose are not.
import { describe, expect, test } from 'vitest';
import { FIGURE_CELL_GAP_EXAMPLES, figureCellGap } from '../../src/text/layout-lines.js';

describe('figure cells set close', () => {
  test.each(FIGURE_CELL_GAP_EXAMPLES)('"$before" | "$after" at $gapEm em → $border', ({ before, after, gapEm, border }) => {
    expect(figureCellGap(before, after, gapEm)).toBe(border);
  });
});
