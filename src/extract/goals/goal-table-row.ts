// One goal-table row made a goal: its cells by column role give the statement, the id, the
// target, the results in period order, the verdict and the comparison figures. Every table
// reader (row per goal, or goal per column) ends here.
import type { Goal, GoalStatus, Target } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import type { TableLine } from '../tables/table-layout.js';
import { buildGoal, spanOf } from './goal-build.js';
import { cleanText, TextRun, type Piece } from './goal-text.js';
import { parseTarget, unitFromWording } from './goal-target.js';
import { findActuals } from './goal-actuals.js';
import type { Role } from './goal-table-headers.js';
import { colourStatus, readVerdictLegend } from './verdict-legend.js';
import { cellFillAt, isVivid } from '../common/mark-colours.js';
import { LEGEND_COLOURS } from './verdict-legend-keys.js';
import { MARK_GLYPH } from '../../schema/parsed.js';
import { findVerdict } from './status-vocabulary.js';
import type { Column } from './goal-table-columns.js';

/** One goal row of a table: the goal built from it and its cells' pieces by column role. */
export interface GoalTableRow {
  goal: Goal;
  cells: ReadonlyMap<Role, readonly Piece[]>;
}

export type Row = {
  cells: Map<Role, Piece[]>;
  byColumn: Map<number, Piece[]>;
  lines: TableLine[];
  /** The goal's statement when printed across the columns above the row's cells. */
  statement?: Piece[];
  /** Where the row's cells started and the column each went to (for its wrapped lines). */
  placed?: { left: number; column: number }[];
};

/** A row's id printed before its statement in the goal cell ("2.1 Antallet …", "B Den gennemsnitlige …"; "I" is a word). */
export const ROW_ID = /^(\d+(?:\.\d+)*|[A-HJ-ZÆØ](?=[.)]?\s+\p{Lu}\p{Ll}))[.)]?\s+(?![%\d])/u;

/** A goal named by its label in a table's id column: "Mål 2", "Delmål 1.3", "Mål nr. 4". */
export const GOAL_REFERENCE = /^(?:Del)?[Mm]ål\s+(?:nr\.\s*)?(\d{1,2}(?:\.\d{1,2})*[a-z]?)$/u;

/** Table rows that follow up a goal worded elsewhere ("Mål 2" beside its indicator and figures). */
const referencedGoals = new WeakSet<Goal>();

/** Whether the goal is a table row naming a goal worded elsewhere in the document by its label. */
export function followsUpGoalElsewhere(goal: Goal): boolean {
  return referencedGoals.has(goal);
}

/** Short ids of a goal-table id column: "3", "2.1", "3.1.2.", "A4", "M3", "B". */
export const SHORT_ID = /^(?:(?:[A-ZÆØÅ]{1,2}[-.]?)?\d{1,3}(?:\.\d{1,3})*|[A-ZÆØÅ])[.)]?$/u;

/** Words in a goal cell of a status tally at most: "Kan ikke" (vurderes), "Delvist" (nået). */
const MAX_TALLY_WORDS = 3;

/** Tally rows, as data: a goal cell and its verdict cell, read together as a verdict. */
export const VERDICT_TALLY_EXAMPLES: readonly { goal: string; verdict: string; tally: boolean }[] = [
  { goal: 'Delvist', verdict: 'nået', tally: true },
  { goal: 'Kan ikke', verdict: 'vurderes 2', tally: true },
  { goal: 'Ventetiden må højst være 4 uger.', verdict: 'Ikke nået', tally: false },
  { goal: 'Færre på kontanthjælp', verdict: 'Ikke nået', tally: false },
];

export function isVerdictTally(goalText: string, verdictText: string): boolean {
  if (goalText.split(/\s+/u).length > MAX_TALLY_WORDS) return false;
  if (findVerdict(goalText) !== null) return true;
  // The verdict phrase must begin in the goal cell: "Færre på kontanthjælp" + "Ikke nået" is a goal and its verdict.
  const joined = `${goalText} ${verdictText}`.replace(/\s+\d+\s*$/u, '').trim();
  const found = verdictText === '' ? null : findVerdict(joined);
  return found !== null && found.start < goalText.length && findVerdict(verdictText.replace(/\s+\d+\s*$/u, '')) === null;
}

/** Words a goal's wording never opens with: a verdict within its first few words ("Målet er nået …"). */
const VERDICT_OPENING_WORDS = 4;
function opensWithVerdict(text: string): boolean {
  return findVerdict(text.split(/\s+/u).slice(0, VERDICT_OPENING_WORDS).join(' ')) !== null;
}

const STARTS_WITH_MARK = new RegExp(String.raw`^\s*(?:${MARK_GLYPH.source})`, 'u');

export function rowGoal(pages: readonly NormalisedPage[], row: Row, columns: readonly Column[]): Goal | null {
  // A statement above the row is the goal; the column read as the goal ("Målsætning") then holds its target.
  const goalPieces = row.statement ?? row.cells.get('goal');
  if (!goalPieces || goalPieces.length === 0) return null;
  // A goal cell of figures alone ("3" beside "Ikke | nået") is a count, not a goal's wording.
  const goalText = new TextRun(pages, goalPieces).text;
  if (!/\p{L}{3}/u.test(goalText)) return null;
  const others = [...row.cells.keys()].filter((r) => (row.statement ? r !== 'id' : r !== 'goal' && r !== 'id'));
  if (others.length === 0) return null; // a theme row
  const idPieces = row.cells.get('id') ?? [];
  const idCell = idPieces.length > 0 ? cleanText(new TextRun(pages, idPieces).text).replace(/[.)]$/u, '') : '';
  // "Mål 2" in the id column names a goal worded elsewhere in the document; its id is "2".
  const reference = GOAL_REFERENCE.exec(idCell);
  const idText = reference?.[1] ?? idCell;
  // An id column holds only short ids ("3", "2.1", "A4"); words under it belong to the goal cell.
  const idIsId = idText === '' || SHORT_ID.test(idText);
  let goalRun = new TextRun(pages, idIsId ? goalPieces : inReadingOrder([...idPieces, ...goalPieces]));
  let id = idIsId ? idText : '';
  const leading = ROW_ID.exec(goalRun.text);
  if (!id && leading?.[1]) {
    id = leading[1];
    const first = goalPieces[0] as Piece;
    goalRun = new TextRun(pages, [{ ...first, start: first.start + leading[0].length }, ...goalPieces.slice(1)]);
  }
  // A goal is never worded after a verdict mark, nor as a verdict: "● Målet er nået ● Målet er delvist
  // nået" below a table is its legend (its keys drawn as marks or as coloured boxes).
  if (STARTS_WITH_MARK.test(goalRun.text) || opensWithVerdict(cleanText(goalRun.text))) return null;
  // A tally of verdicts ("Delvist | nået | 2" under "Status | Antal mål") names statuses, not goals.
  if (isVerdictTally(cleanText(goalRun.text), row.cells.get('verdict') ? cleanText(new TextRun(pages, row.cells.get('verdict') ?? []).text) : '')) return null;
  const targetPieces = row.statement ? [...(row.cells.get('target') ?? []), ...(row.cells.get('goal') ?? [])] : row.cells.get('target');
  const targetText = targetPieces ? cleanText(new TextRun(pages, targetPieces).text) : undefined;
  const resultPieces = resultsInPeriodOrder(row, columns);
  const verdictPieces = row.cells.get('verdict');
  const hasVerdictColumn = columns.some((c) => c.role === 'verdict');
  const targetFromCell = targetText ? targetOfCell(targetText, cleanText(goalRun.text)) : null;
  const goal = buildGoal(
    {
      id,
      goal: goalRun,
      // Each cell read on its own: a bare figure in a cell ("451") is a result in the target's unit.
      result: resultPieces ? resultPieces.map((cell) => spanOf(new TextRun(pages, cell))) : null,
      verdict: verdictPieces ? new TextRun(pages, verdictPieces) : null,
      verdictFromResult: !hasVerdictColumn,
      resultsOnly: true,
      expectsVerdict: true,
      legend: readVerdictLegend(pages),
      ...(targetFromCell && targetFromCell.value !== null ? { target: targetFromCell } : {}),
    });
  // A verdict cell with no words, painted in a colour the legend names: the colour is the verdict.
  if (!verdictPieces && goal.status === 'unknown') {
    const painted = paintedVerdict(pages, row, columns);
    if (painted) {
      goal.status = painted;
      goal.statusBasis = 'stated';
    }
  }
  // A column of the whole country's figures ("Hele landet") holds national results, whatever the cell's words.
  // A target without a figure only guesses its unit: the comparisons are in the unit of the municipality's result.
  const comparisonUnit = (goal.target?.value ?? null) === null ? (goal.actual[0]?.unit ?? null) : (goal.target?.unit ?? null);
  const nationalPieces = row.cells.get('national');
  if (nationalPieces) {
    const run = new TextRun(pages, nationalPieces);
    const national = findActuals(run, { start: 0, end: run.text.length }, { targetUnit: comparisonUnit });
    goal.actual.push(...national.map((a) => ({ ...a, scope: 'national' as const })));
  }
  // A cluster's or a region's column ("Klyngen", "Region Syddanmark") holds comparison figures of neither.
  const areaPieces = row.cells.get('area');
  if (areaPieces) {
    const run = new TextRun(pages, areaPieces);
    const area = findActuals(run, { start: 0, end: run.text.length }, { targetUnit: comparisonUnit });
    goal.actual.push(...area.map((a) => ({ ...a, scope: 'other' as const })));
  }
  if (reference) referencedGoals.add(goal);
  return goal;
}

/** The status of a row's verdict cell painted in a colour (no words in it), by the legend or as a traffic light. */
function paintedVerdict(pages: readonly NormalisedPage[], row: Row, columns: readonly Column[]): Exclude<GoalStatus, 'unknown'> | null {
  const column = columns.find((c) => c.role === 'verdict');
  const line = row.lines[0];
  const page = line ? pages.find((p) => p.number === line.page) : undefined;
  if (!column || !line || !page?.fills) return null;
  const right = Number.isFinite(column.right) ? column.right : page.width;
  const fill = cellFillAt(page, column.left, right, line.y);
  if (!fill) return null;
  // Without a legend naming colours, only a vivid traffic light is read (pastel shading is layout).
  const legend = readVerdictLegend(pages);
  if (!LEGEND_COLOURS.some((c) => legend.has(c)) && !isVivid(fill.colour)) return null;
  return colourStatus(legend, fill.colour);
}

/**
 * The row's results: every result and period column ("2022 | 2023 | 2024", "Resultat 2023 |
 * Resultat 1.-3. kvt. 2024"), in the order printed (time order); each figure is an actual, the
 * latest the result of the period.
 */
export function resultsInPeriodOrder(row: Row, columns: readonly Column[]): Piece[][] | undefined {
  const cells = columns.flatMap((c, k) => (c.role === 'result' || c.role === 'period' ? [row.byColumn.get(k) ?? []] : [])).filter((p) => p.length > 0);
  return cells.length > 0 ? cells : undefined;
}

function inReadingOrder(pieces: readonly Piece[]): Piece[] {
  return [...pieces].sort((a, b) => a.page - b.page || a.start - b.start);
}

/**
 * The target from a target cell of its own ("mindst 30 %", "under 20 uger", "40"): every
 * comparator word counts there, as the cell says nothing but the target; a bare figure
 * takes its unit from what the goal cell counts.
 */
/** A target cell that states its own bound: "mindst 80 %", "≤ 6 %", "Fald", "maks. 14 dage". */
const HAS_BOUND = /mindst|minimum|min\.|højst|maksimalt|maks\.|max\.|under|over|≥|≤|>|<|fald|stig|reduc|øg/iu;

export function targetOfCell(cell: string, goalText: string): Target {
  const own = parseTarget(cell, { targetCell: true });
  if (own.value === null) return parseTarget(`${cell} ${goalText}`);
  // A bare level in the cell ("9,5 %") takes its bound from the goal's wording when that states the same
  // figure with one ("må højst være 9,5 %", "reduceres til højst 8 %").
  const worded = parseTarget(goalText);
  if (!HAS_BOUND.test(cell) && worded.value === own.value && worded.comparator !== null) own.comparator = worded.comparator;
  if (own.unit === null) {
    const worded = unitFromWording(goalText);
    own.unit = worded === 'persons' || worded === 'percent' || worded === 'dkk' || worded === 'score' ? worded : 'count';
  }
  return own;
}
