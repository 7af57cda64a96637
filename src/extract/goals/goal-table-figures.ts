// Figures in the cells of a goal table: a figure under a national column ("Hele landet")
// is the country's, and a cell that holds only a figure ("72,5 %", "Mindst 70 %") measures
// what its row's goal cell names, in the role of its column.
import type { NormalisedPage } from '../../schema/normalised.js';
import { findQuantities } from '../../text/numbers.js';
import { clip, words } from '../context/context-words.js';
import { readGoalTables } from './goal-table.js';
import type { Role } from './goal-table-headers.js';

export interface GoalTableFigureCell {
  role: Role;
  /** The cell says nothing but the figure (and a comparator word). */
  bare: boolean;
  /** What the figure measures: the row's goal, in the role of the column. */
  context: string;
}

/** Words a figure-only cell may hold besides the figure: comparators and approximations. */
export const FIGURE_CELL_WORDS: readonly string[] = ['mindst', 'højst', 'minimum', 'maksimalt', 'maks', 'min', 'under', 'over', 'ca', 'cirka', 'op', 'til', 'omkring', 'ned'];

/** The goal-table cell holding a position, or null outside goal tables and in the goal cell itself. */
export function goalTableFigureCell(pages: readonly NormalisedPage[], page: number, offset: number): GoalTableFigureCell | null {
  const text = pages.find((p) => p.number === page)?.text ?? '';
  for (const row of readGoalTables(pages)) {
    for (const [role, pieces] of row.cells) {
      if (role === 'goal' || role === 'id') continue;
      if (!pieces.some((p) => p.page === page && p.start <= offset && offset < p.end)) continue;
      const cell = pieces.filter((p) => p.page === page).map((p) => text.slice(p.start, p.end)).join(' ');
      return { role, bare: figureOnly(cell), context: roleContext(role, row.goal.text) };
    }
  }
  return null;
}

function figureOnly(cell: string): boolean {
  let rest = cell;
  for (const q of [...findQuantities(cell)].sort((a, b) => b.start - a.start)) rest = rest.slice(0, q.start) + rest.slice(q.end);
  const left = (rest.toLowerCase().match(/\p{L}{2,}/gu) ?? []).filter((w) => !FIGURE_CELL_WORDS.includes(w));
  return left.length === 0;
}

function roleContext(role: Role, goal: string): string {
  const measure = goal.replace(/[.!?]+$/u, '').trim();
  if (role === 'target') return clip(words(`målsætning for ${measure}`), 'start');
  if (role === 'national') return `${clip(words(measure), 'start')}, hele landet`;
  return clip(words(measure), 'start');
}
