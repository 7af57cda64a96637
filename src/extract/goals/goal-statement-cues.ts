// What makes a table cell read as a goal statement rather than a code, a figure or a
// verdict: a modal or a direction of change ("skal", "må højst", "øges med", "flere …").
// The column whose cells read so holds the goals, whatever its header says.
import { danish } from '../common/danish-regex.js';

/** Words of a Danish goal statement: modals, comparators and directions of change. */
export const STATEMENT_CUES: readonly string[] = [
  'skal', 'må', 'bør', 'mindst', 'minimum', 'højst', 'maksimalt', 'under', 'over',
  'øges', 'øge', 'reduceres', 'reducere', 'nedbringes', 'nedbringe', 'stiger', 'stige', 'falder', 'falde',
  'fastholdes', 'fastholde', 'flere', 'færre', 'større', 'mindre', 'hurtigere', 'forbedres',
];

const CUE = danish(new RegExp(String.raw`\b(?:${STATEMENT_CUES.join('|')})\b`, 'iu'));

/** A statement has a few words and a cue; "A.1", "72,5 %", "Grøn" and "Mentorordninger" do not. */
const MIN_WORDS = 4;

export function readsAsStatement(cell: string): boolean {
  const words = cell.match(/\p{L}{2,}/gu) ?? [];
  return words.length >= MIN_WORDS && CUE.test(cell);
}

/** Whether most of a column's cells (empty ones left out) read as statements. */
export function columnOfStatements(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.filter(readsAsStatement).length * 2 > filled.length;
}
