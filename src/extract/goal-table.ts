// Goal tables read by column position: a header row naming the columns (Mål |
// Målsætning | Resultat | Status, in any order), then rows whose cells are matched to
// the header by x. Rows are told apart by the extra space between them; a row with
// text only in its first column (a theme) is not a goal.
import type { Goal } from '../schema/contract.js';
import type { NormalisedPage } from '../schema/normalised.js';
import { danish } from './danish-regex.js';
import { buildGoal } from './goal-build.js';
import { cleanText, TextRun, type Piece } from './goal-text.js';
import { tableLines, type Cell, type TableLine } from './table-layout.js';
import type { Target } from '../schema/contract.js';
import { parseTarget, unitFromWording } from './goal-target.js';

type Role = 'id' | 'goal' | 'target' | 'result' | 'verdict' | 'other';

/** Header words per column role; a header cell is matched whole. */
export const GOAL_TABLE_HEADERS: readonly (readonly [Role, RegExp])[] = [
  ['id', /^(?:nr\.?|id|#|mål\s*nr\.?)$/iu],
  ['goal', danish(/^(?:mål|målet|delmål|effektmål|resultatmål|indsatsmål|politisk\s+mål|målbeskrivelse|mål\s+og\s+indikator(?:er)?|indikator(?:er)?|nøgletal|målepunkt(?:er)?|kpi|succeskriterie(?:r)?|pejlemærke)$/iu)],
  ['target', danish(/^(?:målsætning|måltal|målværdi|målniveau|ambition(?:sniveau)?|forventet(?:\s+niveau)?|mål\s*(?:for\s+)?(?:19|20)\d\d|niveau|target)$/iu)],
  ['result', danish(/^(?:resultat(?:er)?(?:\s+(?:19|20)\d\d)?|opnået(?:\s+resultat)?|realiseret|faktisk(?:\s+niveau)?|aktuelt(?:\s+niveau)?|måling|nuværende\s+niveau|status\s+(?:19|20)\d\d|opfølgning)$/iu)],
  ['other', danish(/^(?:baseline|udgangspunkt|udgangsniveau|indsats(?:er)?|handling(?:er)?|ansvarlig|kilde|datakilde|bemærkning(?:er)?|kommentar(?:er)?|tidsplan|frist)$/iu)],
  ['verdict', danish(/^(?:status|målopfyldelse|målopnåelse|vurdering|opfyldt\??|nået\??|status\s+på\s+målopfyldelse|samlet\s+vurdering)$/iu)],
];

/** "Mål 2025", "Mål for 2025", "Måltal 2025": the target level of a year. */
const TARGET_FOR_YEAR = danish(/^(?:mål|måltal|målværdi|målniveau)\s+(?:for\s+|i\s+)?(?:19|20)\d\d$/iu);

interface Column {
  role: Role;
  left: number;
  right: number;
}

/** A theme heading across a table's columns is short; a longer line across them is prose. */
const MAX_THEME_WORDS = 8;

const ROW_ID = /^(\d+(?:\.\d+)*)[.)]?\s+(?![%\d])/u;

export function extractGoalTables(pages: readonly NormalisedPage[]): Goal[] {
  const goals: Goal[] = [];
  for (const page of pages) {
    const lines = tableLines(page).filter((l) => l.cells.length > 0);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line?.hasLayout) continue;
      let columns = headerColumns(line);
      if (!columns) continue;
      let { rows, next } = readRows(lines, i + 1, columns);
      // A "Mål" column that holds only numbers is the id; the goal is then worded under "Målsætning".
      if (idsOnly(pages, rows) && columns.some((c) => c.role === 'target')) {
        columns = columns.map((c) => (c.role === 'goal' ? { ...c, role: 'id' } : c.role === 'target' ? { ...c, role: 'goal' } : c));
        ({ rows, next } = readRows(lines, i + 1, columns));
      }
      for (const row of rows) {
        const goal = rowGoal(pages, row, columns);
        if (goal) goals.push(goal);
      }
      i = next - 1;
    }
  }
  return goals;
}

/** Columns of a header line, or null when it is no goal-table header. */
function headerColumns(line: TableLine): Column[] | null {
  if (line.cells.length < 2) return null;
  const roles: (Role | null)[] = line.cells.map((cell) => {
    // "Målsætning 2025", "Status 2024": the year names the period, not the column's role.
    // "Mål 2025" is the level aimed at for that year, not the goal's wording: tried before the year is cut.
    const whole = cleanText(cell.text).replace(/[:.]$/u, '');
    if (TARGET_FOR_YEAR.test(whole)) return 'target';
    const text = whole.replace(/\s+(?:for\s+|i\s+)?(?:19|20)\d\d$/u, '');
    return GOAL_TABLE_HEADERS.find(([, re]) => re.test(text))?.[0] ?? null;
  });
  if (roles.some((r) => r === null)) return null;
  // "Målsætning" is the goal itself when no other column is.
  if (!roles.includes('goal')) {
    const k = roles.indexOf('target');
    if (k < 0) return null;
    roles[k] = 'goal';
  }
  // With both "Status" and a verdict-only word, "Status" holds results.
  const verdicts = roles.filter((r) => r === 'verdict').length;
  if (verdicts > 1) {
    const k = line.cells.findIndex((c, n) => roles[n] === 'verdict' && /^status\b/iu.test(cleanText(c.text)));
    if (k >= 0) roles[k] = 'result';
  }
  if (!roles.includes('result') && !roles.includes('verdict')) return null;
  return line.cells.map((cell, k) => ({
    role: roles[k] as Role,
    left: cell.left ?? 0,
    right: line.cells[k + 1]?.left ?? Number.POSITIVE_INFINITY,
  }));
}

type Row = { cells: Map<Role, Piece[]>; lines: TableLine[] };

function roleOf(cell: Cell, columns: readonly Column[]): Role | null {
  const x = cell.left ?? 0;
  const hit = columns.find((c) => x >= c.left - 6 && x < c.right - 6);
  return hit?.role ?? null;
}

function readRows(lines: readonly TableLine[], from: number, columns: readonly Column[]): { rows: Row[]; next: number } {
  const rows: Row[] = [];
  const gaps: number[] = [];
  let previous: TableLine | null = null;
  let afterTheme = false;
  let k = from;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (!line || line.page !== lines[from - 1]?.page) break;
    const gap = previous ? line.y - previous.y : 0;
    const pitch = median(gaps) ?? Math.max(line.size, 8) * 1.25;
    if (previous && gap > pitch * 4) break;
    // The header of a next goal table ends this one, even when only a heading lies between them.
    if (line.hasLayout && headerColumns(line)) break;
    // A line running across column borders as one cell is prose after the table.
    const only = line.cells.length === 1 ? line.cells[0] : undefined;
    const spans = only !== undefined && columns.some((c, n) => n > 0 && (only.left ?? 0) < c.left - 6 && (only.right ?? 0) > c.left + 20);
    // A short heading across the columns is a theme row; a sentence across them is prose after the table.
    if (spans && (/[.!?:,;]$/u.test(only.text.trim()) || only.text.trim().split(/\s+/u).length > MAX_THEME_WORDS)) break;
    if (spans && (!previous || gap > pitch * 1.3 || line.bold)) {
      // A theme row names the goals below it; it is no goal, and its words are not cut into cells.
      // (Inside a row, a line across a border is two cells printed too close: split below.)
      afterTheme = true;
      previous = line;
      continue;
    }
    const firstCell = line.cells[0];
    const inFirstColumn = firstCell !== undefined && (firstCell.left ?? 0) < (columns[1]?.left ?? Infinity) - 6;
    const startsRow = !previous || afterTheme || gap > pitch * 1.3 || (inFirstColumn && ROW_ID.test(firstCell.text));
    afterTheme = false;
    if (previous && gap <= pitch * 1.3) gaps.push(gap);
    if (startsRow) rows.push({ cells: new Map(), lines: [] });
    const row = rows.at(-1);
    if (!row) break;
    row.lines.push(line);
    for (const cell of line.cells.flatMap((c) => splitAtColumns(c, columns))) {
      const role = roleOf(cell, columns);
      if (!role) continue;
      const list = row.cells.get(role) ?? [];
      list.push({ page: line.page, start: cell.start, end: cell.end });
      row.cells.set(role, list);
    }
    previous = line;
  }
  return { rows, next: k };
}

/**
 * A fragment that runs over a column start (two cells printed too close to be told apart,
 * "Dataudfordringer 2.8") is cut at the space nearest that start, reading glyphs as evenly wide.
 */
function splitAtColumns(cell: Cell, columns: readonly Column[]): Cell[] {
  const left = cell.left;
  const right = cell.right;
  if (left === null || right === null || cell.text.length < 2) return [cell];
  const border = columns.find((c) => c.left > left + 6 && c.left < right - 6);
  if (!border) return [cell];
  const perChar = (right - left) / cell.text.length;
  let best = -1;
  for (let i = 0; i < cell.text.length; i++) {
    if (cell.text[i] !== ' ') continue;
    if (best < 0 || Math.abs(left + i * perChar - border.left) < Math.abs(left + best * perChar - border.left)) best = i;
  }
  if (best <= 0) return [cell];
  const head: Cell = { text: cell.text.slice(0, best), start: cell.start, end: cell.start + best, left, right: left + best * perChar };
  const tailText = cell.text.slice(best + 1);
  const tail: Cell = { text: tailText, start: cell.start + best + 1, end: cell.end, left: left + (best + 1) * perChar, right };
  return [head, ...splitAtColumns(tail, columns)];
}

function idsOnly(pages: readonly NormalisedPage[], rows: readonly Row[]): boolean {
  const texts = rows.map((r) => r.cells.get('goal')).filter((p): p is Piece[] => p !== undefined).map((p) => cleanText(new TextRun(pages, p).text));
  return texts.length > 0 && texts.every((t) => /^\d+(?:\.\d+)*[.)]?$/u.test(t));
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

function rowGoal(pages: readonly NormalisedPage[], row: Row, columns: readonly Column[]): Goal | null {
  const goalPieces = row.cells.get('goal');
  if (!goalPieces || goalPieces.length === 0) return null;
  const others = [...row.cells.keys()].filter((r) => r !== 'goal' && r !== 'id');
  if (others.length === 0) return null; // a theme row
  const idPieces = row.cells.get('id') ?? [];
  const idText = idPieces.length > 0 ? cleanText(new TextRun(pages, idPieces).text).replace(/[.)]$/u, '') : '';
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
  const targetPieces = row.cells.get('target');
  const targetText = targetPieces ? cleanText(new TextRun(pages, targetPieces).text) : undefined;
  const resultPieces = row.cells.get('result');
  const verdictPieces = row.cells.get('verdict');
  const hasVerdictColumn = columns.some((c) => c.role === 'verdict');
  const targetFromCell = targetText ? targetOfCell(targetText, cleanText(goalRun.text)) : null;
  const goal = buildGoal(
    {
      id,
      goal: goalRun,
      result: resultPieces ? new TextRun(pages, resultPieces) : null,
      verdict: verdictPieces ? new TextRun(pages, verdictPieces) : null,
      verdictFromResult: !hasVerdictColumn,
      expectsVerdict: true,
      ...(targetFromCell && targetFromCell.value !== null ? { target: targetFromCell } : {}),
    });
  return goal;
}

/** Short ids of a goal-table id column: "3", "2.1", "3.1.2.", "A4", "M3". */
const SHORT_ID = /^(?:[A-ZÆØÅ]{1,2}[-.]?)?\d{1,3}(?:\.\d{1,3})*[.)]?$/u;

function inReadingOrder(pieces: readonly Piece[]): Piece[] {
  return [...pieces].sort((a, b) => a.page - b.page || a.start - b.start);
}

/**
 * The target from a target cell of its own ("mindst 30 %", "under 20 uger", "40"): every
 * comparator word counts there, as the cell says nothing but the target; a bare figure
 * takes its unit from what the goal cell counts.
 */
export function targetOfCell(cell: string, goalText: string): Target {
  const own = parseTarget(cell, { targetCell: true });
  if (own.value === null) return parseTarget(`${cell} ${goalText}`);
  if (own.unit === null) {
    const worded = unitFromWording(goalText);
    own.unit = worded === 'persons' || worded === 'percent' || worded === 'dkk' ? worded : 'count';
  }
  return own;
}
