// Goal tables printed on their side: one column per goal, one row per role. The first column's
// labels (Mål | Måltal 2025 | 1. halvår 2024 | 1. halvår 2025 | Landsgennemsnit | Status) are the
// header vocabulary a goal table's header row uses; each goal's column is then read as the row
// of a table the usual way round, by the same row assembler.
import type { NormalisedPage } from '../../schema/normalised.js';
import { cellPieces, cellWords, clusterEdges, type Cell, type TableLine } from '../tables/table-layout.js';
import type { Piece } from './goal-text.js';
import { headerRole, type Role } from './goal-table-headers.js';
import { columnAt, splitAtColumns, type Column } from './goal-table-columns.js';
import { ROW_ID, rowGoal, SHORT_ID, type GoalTableRow, type Row } from './goal-table-row.js';


/** A goal table on its side has goals in two or more columns (one is a labelled block). */
const MIN_GOAL_COLUMNS = 2;
/** Besides the goal's row: its target, results, comparisons or verdict, in two rows at least. */
const MIN_FIGURE_ROWS = 2;
/** Column edges closer than this are one column. */
const EDGE_TOLERANCE = 6;
/** Lines further apart than this many line heights are no longer one table. */
const MAX_GAP_LINES = 3.5;
/** Title lines over the goal columns ("1. Passagertal | 2. Rettidighed") are at most this many. */
const MAX_TITLE_LINES = 2;

/** A label's wrapped second line is a few words ("klyngen", "sammenlignelige kommuner"). */
const MAX_LABEL_WORDS = 4;

const FIGURE_ROLES: ReadonlySet<Role> = new Set<Role>(['target', 'result', 'period', 'national', 'area', 'verdict']);

/** A label row of the table: its role and the lines holding its goals' cells. */
interface LabelRow {
  role: Role;
  lines: { line: TableLine; cells: Cell[] }[];
}

export interface TransposedTable {
  goals: GoalTableRow[];
  /** The line after the table. */
  next: number;
}

/**
 * The goal table on its side whose goal row ("Mål" and the goals' statements beside it) is line
 * i, or null when line i opens none.
 */
export function transposedGoalTableAt(pages: readonly NormalisedPage[], lines: readonly TableLine[], i: number): TransposedTable | null {
  const opening = lines[i];
  if (!opening?.hasLayout) return null;
  // The goal row's label is a cell of its own ("Mål"): a title "Mål A" over a column is no label.
  const first = labelOf(opening, Infinity, false);
  if (!first || first.role !== 'goal' || first.rest.length < MIN_GOAL_COLUMNS) return null;
  // The goals' statements are no header words: a header row starting "Mål" heads a table the usual way round.
  if (first.rest.some((c) => headerRole(c.text) !== null)) return null;
  const dataLeft = Math.min(...first.rest.map((c) => c.left ?? Infinity));
  const rows: LabelRow[] = [{ role: 'goal', lines: [{ line: opening, cells: first.rest }] }];
  let k = i + 1;
  for (; k < lines.length; k++) {
    const line = lines[k] as TableLine;
    const before = lines[k - 1] as TableLine;
    if (line.page !== opening.page || !line.hasLayout) break;
    if (line.y - before.y > Math.max(before.size, 8) * MAX_GAP_LINES) break;
    const startsInLabels = (line.cells[0]?.left ?? Infinity) < dataLeft - EDGE_TOLERANCE;
    if (!startsInLabels) {
      // No label: the wrapped rest of the row above.
      rows.at(-1)?.lines.push({ line, cells: line.cells });
      continue;
    }
    const label = labelOf(line, dataLeft) ?? labelWrappedBelow(line, lines[k + 1]);
    // A label wrapped over two lines ("Landsgennemsnit" / "1. halvår 2025", "Gns. for" /
    // "klyngen") names one row: its second line has nothing beside it.
    if (label?.rest.length === 0 || (!label && wrappedLabel(line, dataLeft))) continue;
    // A line in the label column that names no role is prose after the table.
    if (!label) break;
    // A second goal-worded row ("Indikator" under "Mål") says what is measured: no goal of its own.
    const role = label.role === 'goal' && rows.some((r) => r.role === 'goal') ? 'other' : label.role;
    rows.push({ role, lines: [{ line, cells: label.rest }] });
  }
  if (rows.filter((r) => FIGURE_ROLES.has(r.role)).length < MIN_FIGURE_ROWS) return null;
  const goalColumns = columnsOf(rows);
  if (goalColumns.length < MIN_GOAL_COLUMNS) return null;

  // Each goal's column becomes a row; the label rows become its columns, in the order printed.
  const asColumns: Column[] = rows.map((r, n) => ({ role: r.role, left: n, right: n + 1, headLeft: null, headRight: null, unknown: false }));
  const goalRows: Row[] = goalColumns.map(() => ({ cells: new Map(), byColumn: new Map(), lines: [] }));
  const add = (row: Row | undefined, role: Role, column: number, pieces: Piece[]): void => {
    if (!row || pieces.length === 0) return;
    row.cells.set(role, [...(row.cells.get(role) ?? []), ...pieces]);
    row.byColumn.set(column, [...(row.byColumn.get(column) ?? []), ...pieces]);
  };
  rows.forEach((labelRow, n) => {
    for (const { line, cells } of labelRow.lines) {
      for (const cell of cells.flatMap((c) => splitAtColumns(c, goalColumns))) {
        const row = goalRows[columnAt(cell, goalColumns)];
        if (row && !row.lines.includes(line)) row.lines.push(line);
        add(row, labelRow.role, n, cellPieces(cell).map((p) => ({ page: line.page, ...p })));
      }
    }
  });
  // Ids from the titles over the goal columns ("1. Passagertal", "A.2").
  const idColumn = asColumns.length;
  asColumns.push({ role: 'id', left: idColumn, right: idColumn + 1, headLeft: null, headRight: null, unknown: false });
  for (const line of titleLines(lines, i, dataLeft)) {
    for (const cell of line.cells.flatMap((c) => splitAtColumns(c, goalColumns))) {
      const id = idOfTitle(cell.text);
      const at = id ? cell.text.indexOf(id) : -1;
      if (id && at >= 0) add(goalRows[columnAt(cell, goalColumns)], 'id', idColumn, [{ page: line.page, start: cell.start + at, end: cell.start + at + id.length }]);
    }
  }
  // A column beside the table with nothing in its figure rows (a sidebar) holds no goal.
  const goals = goalRows.filter((row) => [...row.cells.keys()].some((r) => FIGURE_ROLES.has(r))).flatMap((row) => {
    const goal = rowGoal(pages, row, asColumns);
    return goal ? [{ goal, cells: row.cells }] : [];
  });
  return goals.length >= MIN_GOAL_COLUMNS ? { goals, next: k } : null;
}

/**
 * The label at the start of a line and the cells after it: the longest run of the first cell's
 * words that names a role ("Landsgennemsnit +2,9 %" printed as one cell: the label and a figure).
 */
function labelOf(line: TableLine, dataLeft: number, glued = true): { role: Role; rest: Cell[] } | null {
  const [first, ...others] = line.cells;
  if (!first) return null;
  // A footnote mark glued to the label's last word ("Klyngegennemsnit1") is no part of it.
  const whole = headerRole(first.text) ?? headerRole(first.text.replace(FOOTNOTE_MARK, ''));
  if (whole && (first.right ?? 0) <= dataLeft) return { role: whole.role, rest: others };
  if (!glued) return null;
  const words = cellWords(first);
  for (let n = words.length - 1; n >= 1; n--) {
    const head = words.slice(0, n);
    const role = headerRole(head.map((w) => w.text).join(' '));
    if (!role) continue;
    const tail = words.slice(n);
    const start = tail[0] as Cell;
    const end = tail.at(-1) as Cell;
    const glued: Cell = { text: first.text.slice(start.start - first.start), start: start.start, end: end.end, left: start.left, right: first.right };
    return { role: role.role, rest: [glued, ...others] };
  }
  return null;
}

/**
 * A label whose words name a role only with their second line ("Gns. for" / "klyngen"): the
 * row's cells stand beside its first line.
 */
function labelWrappedBelow(line: TableLine, below: TableLine | undefined): { role: Role; rest: Cell[] } | null {
  const [first, ...others] = line.cells;
  const rest = below?.cells.length === 1 ? below.cells[0] : undefined;
  if (!first || !rest || below?.page !== line.page || Math.abs((rest.left ?? 0) - (first.left ?? 0)) > EDGE_TOLERANCE) return null;
  const role = headerRole(`${first.text} ${rest.text}`);
  return role ? { role: role.role, rest: others } : null;
}

/** A few words in the label column alone on their line. */
function wrappedLabel(line: TableLine, dataLeft: number): boolean {
  return line.cells.every((c) => (c.right ?? Infinity) <= dataLeft) && line.cells.reduce((n, c) => n + c.text.split(/\s+/u).length, 0) <= MAX_LABEL_WORDS;
}

/** The goal columns' left edges, from every label row's cells (a goal's column starts where its cells do). */
function columnsOf(rows: readonly LabelRow[]): Column[] {
  const lefts = rows.flatMap((r) => r.lines.flatMap((l) => l.cells.map((c) => c.left).filter((x): x is number => x !== null)));
  const edges = clusterEdges(lefts, EDGE_TOLERANCE);
  return edges.map((left, n) => ({ role: 'goal', left, right: edges[n + 1] ?? Infinity, headLeft: null, headRight: null, unknown: false }));
}

/** The lines right above the goal row with cells only over the goal columns: the goals' titles. */
function titleLines(lines: readonly TableLine[], i: number, dataLeft: number): TableLine[] {
  const titles: TableLine[] = [];
  for (let k = i - 1; k >= 0 && titles.length < MAX_TITLE_LINES; k--) {
    const line = lines[k] as TableLine;
    const below = lines[k + 1] as TableLine;
    if (line.page !== below.page || below.y - line.y > Math.max(line.size, 8) * 2.5) break;
    if (line.cells.some((c) => (c.left ?? 0) < dataLeft - EDGE_TOLERANCE)) break;
    titles.push(line);
  }
  return titles;
}

/** A letter numbering the goals: "A. Ventetid", "B) Selvbetjening", or a label: "Mål D", "Mål 2". */
const LETTER_ID = /^(?:([A-ZÆØÅ])[.)]\s|(?:Del)?[Mm]ål\s+([A-ZÆØÅ]|\d{1,2}(?:\.\d{1,2})*)$)/u;

/** A footnote number glued to a word's end: "Klyngegennemsnit1", "landet2". */
const FOOTNOTE_MARK = /(?<=\p{Ll})\d$/u;

/** The id a goal column's title opens with ("1. Passagertal" → "1", "A.2 Ledighed" → "A.2"). */
function idOfTitle(title: string): string | null {
  const text = title.trim();
  const lettered = LETTER_ID.exec(text);
  const leading = ROW_ID.exec(`${text} `)?.[1] ?? lettered?.[1] ?? lettered?.[2];
  if (leading && SHORT_ID.test(leading)) return leading;
  const first = text.split(/\s+/u)[0] ?? '';
  return SHORT_ID.test(first) ? first.replace(/[.)]$/u, '') : null;
}
