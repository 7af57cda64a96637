// Goal tables read by column position: a header row naming the columns (Mål |
// Målsætning | Resultat | Status, in any order), then rows whose cells are matched to
// the header by x. Rows are told apart by the extra space between them; a row with
// text only in its first column (a theme) is not a goal.
import type { Goal } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import { cleanText, TextRun, type Piece } from './goal-text.js';
import { cellPieces, cellWords, tableLines, type Cell, type TableLine } from '../tables/table-layout.js';
import { headerRole, type Role } from './goal-table-headers.js';
import { columnOfStatements, readsAsStatement } from './goal-statement-cues.js';
import { danish } from '../common/danish-regex.js';
import { columnAt, splitAtColumns, withBodyAlignment, type Column } from './goal-table-columns.js';
import { GOAL_REFERENCE, ROW_ID, rowGoal, SHORT_ID, type GoalTableRow, type Row } from './goal-table-row.js';
import { transposedGoalTableAt } from './goal-table-transposed.js';

export { GOAL_TABLE_HEADERS } from './goal-table-headers.js';
export { targetOfCell, type GoalTableRow } from './goal-table-row.js';

/** A theme heading named as one, set like any row ("Tema 2: Unge i uddannelse", "Indsatsområde 3 – …"). */
const THEME_LABEL = /^\s*(?:tema|indsatsområde|fokusområde|politikområde|område|spor)\b/iu;

/** A theme heading across a table's columns is short; a longer line across them is prose. */
const MAX_THEME_WORDS = 12;

export function extractGoalTables(pages: readonly NormalisedPage[]): Goal[] {
  // Read afresh: the goals are completed in place later (ids, agenda items, derived status).
  return readTables(pages).map((r) => r.goal);
}

const readCache = new WeakMap<readonly NormalisedPage[], GoalTableRow[]>();

/** Every goal row of every goal table, read once per page list, for reading the figures in its cells. */
export function readGoalTables(pages: readonly NormalisedPage[]): GoalTableRow[] {
  const cached = readCache.get(pages);
  if (cached) return cached;
  const found = readTables(pages);
  readCache.set(pages, found);
  return found;
}

function readTables(pages: readonly NormalisedPage[]): GoalTableRow[] {
  const goals: GoalTableRow[] = [];
  const lines = documentLines(pages);
  for (let i = 0; i < lines.length; i++) {
    // A table on its side: one goal per column, its roles down the first column.
    const transposed = transposedGoalTableAt(pages, lines, i);
    if (transposed) {
      goals.push(...transposed.goals);
      i = transposed.next - 1;
      continue;
    }
    const header = headerAt(lines, i);
    if (!header) continue;
    let columns = withBodyAlignment(header.columns, lines.slice(header.next, header.next + 12));
    let { rows, next } = readRows(lines, header.next, columns);
    // A "Mål" column that holds only numbers is the id; the goal is then worded under "Målsætning".
    if (idsOnly(pages, rows) && columns.some((c) => c.role === 'target')) {
      columns = columns.map((c) => (c.role === 'goal' ? { ...c, role: 'id' } : c.role === 'target' ? { ...c, role: 'goal' } : c));
      ({ rows, next } = readRows(lines, header.next, columns));
    }
    // A "Mål" column of "mindst 80 %" cells holds targets; the goals are worded in the target-headed one.
    const swapped = targetsUnderGoalHeader(pages, rows, columns);
    if (swapped) {
      columns = swapped;
      ({ rows, next } = readRows(lines, header.next, columns));
    }
    // Of two goal columns, one of codes or goal labels ("U2", "Mål 2") holds the ids.
    const coded = codesAsIds(pages, rows, columns);
    if (coded) {
      columns = coded;
      ({ rows, next } = readRows(lines, header.next, columns));
    }
    // Of several goal-headed columns ("Effektmål | Indikator | Mål"), one of targets holds the targets, one of statements the goals.
    const single = oneGoalColumn(pages, rows, columns);
    if (single) {
      columns = single;
      ({ rows, next } = readRows(lines, header.next, columns));
    }
    // The goals sit in the column whose cells read as statements, whatever its header says.
    const byContent = rows.some((r) => r.statement) ? null : statementColumn(pages, rows, columns);
    if (byContent) {
      columns = byContent;
      ({ rows, next } = readRows(lines, header.next, columns));
    }
    // A table whose goal column was guessed, or that sets the municipality beside others with no
    // target or verdict (key figures, or ministermål), holds goals only when its rows state them.
    const statedAbove = rows.some((r) => r.statement);
    if (header.needsStatements && !statedAbove && !columnOfStatements(columnTexts(pages, rows, columns.findIndex((c) => c.role === 'goal')))) continue;
    for (const row of rows) {
      const goal = rowGoal(pages, row, columns);
      if (goal) goals.push({ goal, cells: row.cells });
    }
    i = next - 1;
  }
  return goals;
}

/**
 * One list over all pages, so a table that breaks onto the next page reads on there. The same
 * list for every read of the same pages (the goals and the figures rules both read the tables),
 * so the headers found on it (headerCache) are found once; nothing changes the lines.
 */
function documentLines(pages: readonly NormalisedPage[]): readonly TableLine[] {
  let lines = linesCache.get(pages);
  if (!lines) linesCache.set(pages, (lines = pages.flatMap((page) => tableLines(page).filter((l) => l.cells.length > 0))));
  return lines;
}

const linesCache = new WeakMap<readonly NormalisedPage[], readonly TableLine[]>();

/**
 * A header cell wrapped onto a next line holds words, a year, a date or a period ("Ambition" | "2025",
 * "Hele" | "landet", "kvt. 2025", "gennemsnit 2.", "Resultat pr." | "31.08.2025"), never a figure of a
 * row ("51,2 %", "702").
 */
const HEADER_TAIL = /^(?:(?:[\p{L}?/.()-]*\p{L}[\p{L}?/.()-]*|\(?(?:19|20)\d\d(?:\/\d\d)?\)?|\(?\d{1,2}\.\d{1,2}\.(?:(?:19|20)?\d\d)?\)?|\(?\d{1,2}\.(?:-\d{1,2}\.)?)(?:\s+|$)){1,3}$/u;

/** Wrapped header cells, as data. */
export const HEADER_TAIL_EXAMPLES: readonly { cell: string; tail: boolean }[] = [
  { cell: '2025', tail: true },
  { cell: 'landet', tail: true },
  { cell: 'kvt. 2025', tail: true },
  { cell: 'gennemsnit 2.', tail: true },
  { cell: '2023/24', tail: true },
  { cell: '3. kvt.)', tail: true },
  { cell: '(2023)', tail: true },
  { cell: '31.08.2025', tail: true },
  { cell: '30.6.', tail: true },
  { cell: '51,2 %', tail: false },
  { cell: '702', tail: false },
  { cell: 'Flere unge skal i uddannelse', tail: false },
];

/**
 * The goal-table header starting at line i: one line, or two when its cells wrap
 * ("Ambition" over "2025", "Hele" over "landet"); null when the line heads no goal table.
 */
function headerAt(lines: readonly TableLine[], i: number): Header | null {
  // Asked for every line by the table scan and again by every row read: answered once per line.
  let known = headerCache.get(lines);
  if (!known) headerCache.set(lines, (known = new Map()));
  if (known.has(i)) return known.get(i) ?? null;
  const found = readHeaderAt(lines, i);
  known.set(i, found);
  return found;
}

type Header = { columns: Column[]; next: number; needsStatements: boolean };
const headerCache = new WeakMap<readonly TableLine[], Map<number, Header | null>>();

function readHeaderAt(lines: readonly TableLine[], i: number): Header | null {
  const line = lines[i];
  if (!line) return null;
  // A line without layout heads nothing however its cells are split (headerFrom needs layout).
  if (!line.hasLayout) return null;
  const split = splitHeader(line);
  // Every header word known (after splitting names printed too close) first; then a few unknown ones.
  // Among a few unknown words, names split apart ("2024 Vurdering") say more than the cell they were printed as.
  for (const tolerant of [false, true]) {
    const asPrinted = (): Header | null => headerFrom(line, lines, i, tolerant);
    const asSplit = (): Header | null => (split ? headerFrom(split, lines, i, tolerant) : null);
    const header = tolerant ? (asSplit() ?? asPrinted()) : (asPrinted() ?? asSplit());
    if (header) return header;
  }
  return null;
}

/** A word of a period set in brackets and cut by a line end: "(1.-", "(jan.-", "sept.)". */
const PERIOD_FRAGMENT = /^(?=[^\s]*[\d()])\(?[\d.–-]*\p{Ll}{0,5}\.?[–-]?\)?$/u;

/**
 * A header whose names stand too close for a tab ("UdgangspunktMål 2024", "Landsplan Vurdering"):
 * a cell that heads no column is split into the longest runs of its words that do (a word glued
 * to the next at a capital counts as two), each placed by its share of the cell's characters;
 * null when no cell could be split.
 */
function splitHeader(line: TableLine): TableLine | null {
  let changed = false;
  const cells = line.cells.flatMap((c): Cell[] => {
    if (headerRole(cleanText(c.text)) !== null) return [c];
    const words = [...c.text.matchAll(/[^\s]+?(?=\p{Lu}\p{Ll}|\s|$)/gu)].map((m) => ({ text: m[0], at: m.index }));
    const runs: Cell[] = [];
    for (let k = 0; k < words.length; ) {
      let j = words.length;
      while (j > k && headerRole(words.slice(k, j).map((w) => w.text).join(' ')) === null) j--;
      // A fragment of a wrapped period ("Resultat 2026 (1.-" over "3. kvt.)") belongs to the name before it.
      const previousRun = runs.at(-1);
      if (j === k && previousRun && PERIOD_FRAGMENT.test(words[k]?.text ?? '')) {
        const word = words[k] as { text: string; at: number };
        const to = word.at + word.text.length;
        runs[runs.length - 1] = { ...previousRun, text: `${previousRun.text} ${word.text}`, end: c.start + to, right: c.left === null || c.right === null ? null : c.left + ((c.right - c.left) * to) / c.text.length };
        k++;
        continue;
      }
      if (j === k) return [c];
      const first = words[k] as { text: string; at: number };
      const last = words[j - 1] as { text: string; at: number };
      const from = first.at;
      const to = last.at + last.text.length;
      const x = (offset: number): number | null => (c.left === null || c.right === null ? null : c.left + ((c.right - c.left) * offset) / c.text.length);
      runs.push({ text: words.slice(k, j).map((w) => w.text).join(' '), start: c.start + from, end: c.start + to, left: x(from), right: x(to) });
      k = j;
    }
    if (runs.length < 2) return [c];
    changed = true;
    return runs;
  });
  return changed ? { ...line, cells } : null;
}

function headerFrom(line: TableLine, lines: readonly TableLine[], i: number, tolerant: boolean): Header | null {
  if (!line?.hasLayout || line.cells.length < 2) return null;
  // Header cells wrapped over the next line or two ("Resultat 2." / "kvt. 2025", "Lands-" /
  // "gennemsnit 2." / "kvt. 2025"): each tail word joins the header cell it stands under.
  const tails: TableLine[] = [];
  for (let k = i + 1; k <= i + MAX_TAIL_LINES; k++) {
    const tail = lines[k];
    const above = lines[k - 1] as TableLine;
    if (!tail || tail.page !== line.page || !tail.hasLayout || tail.y - above.y > Math.max(line.size, 8) * 1.6 || tail.cells.length > line.cells.length) break;
    if (!tail.cells.every((c) => HEADER_TAIL.test(cleanText(c.text)) && cellUnder(line, c) >= 0)) break;
    tails.push(tail);
  }
  for (let n = tails.length; n >= 1; n--) {
    const cells = tails.slice(0, n).flatMap((t) => t.cells);
    const under = cells.map((c) => cellUnder(line, c));
    const texts = line.cells.map((h, k) => joinHyphenated([h.text, ...cells.filter((_, m) => under[m] === k).map((c) => c.text)].join(' ')));
    // A centred header column starts where its widest line does.
    const lefts = line.cells.map((h, k) => Math.min(h.left ?? 0, ...cells.filter((_, m) => under[m] === k).map((c) => c.left ?? 0)));
    // Its header words stand over the widest of its lines ("gennemsnit 2." under "Lands-").
    const rights = line.cells.map((h, k) => Math.max(h.right ?? 0, ...cells.filter((_, m) => under[m] === k).map((c) => c.right ?? 0)));
    const read = readWithStacked(line, lines, i, texts, tolerant, { lefts, rights });
    if (read) return { ...read, next: i + 1 + n };
  }
  const read = readWithStacked(line, lines, i, line.cells.map((c) => c.text), tolerant);
  return read ? { ...read, next: i + 1 } : null;
}

/** How many lines a header's cells may wrap onto below its first. */
const MAX_TAIL_LINES = 2;

/** The header cell a wrapped word sits under: left-aligned, or centred so that the two overlap ("1." over "kvt."); -1 for none. */
function cellUnder(header: TableLine, c: Cell): number {
  const aligned = header.cells.findIndex((h) => h.left !== null && c.left !== null && Math.abs(h.left - c.left) <= 6);
  return aligned >= 0 ? aligned : header.cells.findIndex((h) => h.left !== null && h.right !== null && c.left !== null && c.right !== null && h.left < c.right && c.left < h.right);
}

/** The header read with the names stacked above it, or, failing that, as printed. */
/** Where a wrapped header's cells stand, over all their lines. */
type HeaderExtents = { lefts: readonly number[]; rights: readonly number[] };

function readWithStacked(line: TableLine, lines: readonly TableLine[], i: number, texts: readonly string[], tolerant: boolean, extents?: HeaderExtents): { columns: Column[]; needsStatements: boolean } | null {
  const above = stackedNames(lines, i, line);
  const stacked = above ? texts.map((t, k) => joinHyphenated(`${above[k] ?? ''} ${t}`.trim())) : null;
  return (stacked && headerColumns(line, stacked, tolerant, extents)) || headerColumns(line, texts, tolerant, extents);
}

/** "Lands- plan", "sammenlignings- kommuner": a word hyphenated over header lines, joined. */
function joinHyphenated(text: string): string {
  // Any hyphen a word processor sets at a break: "-", a soft hyphen, "‐" (U+2010), "‑" (U+2011).
  return text.replace(/(\p{Ll})[\u00AD\u2010\u2011-]+ (\p{Ll})/gu, '$1$2');
}

/** How many lines above a header line may carry the first words of its names. */
const MAX_STACKED_LINES = 2;

/**
 * Names printed over the header line, a word or two per column ("Måltal" over "2024",
 * "Resultat" over each year, "Lands-" / "plan" over the last "2024"): up to two lines straight
 * above, each word placed over the header cell it stands above (by its share of the cell's
 * characters). Null when there are none, or a word stands over no header cell (a caption).
 */
/** Abbreviations that end a header word with a full stop without ending a sentence: "Gns.", "pr.", "sep.", "kvt.", an ordinal ("Resultat 1." over "halvår 2026"). */
const HEADER_ABBREVIATION = /\b(?:gns|pr|kvt|nr|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec|\d{1,2})\./giu;

function stackedNames(lines: readonly TableLine[], i: number, header: TableLine): string[] | null {
  const prefixes = header.cells.map(() => [] as string[]);
  let below = header;
  let found = false;
  for (let k = i - 1; k >= Math.max(0, i - MAX_STACKED_LINES); k--) {
    const above = lines[k];
    if (!above || above.page !== header.page || !above.hasLayout || below.y - above.y > Math.max(header.size, 8) * 1.6) break;
    if (!above.cells.every((c) => c.text.split(/\s+/u).length <= 4 && !/[.:]\s*$/u.test(c.text.replace(HEADER_ABBREVIATION, '')))) break;
    // A word past the name below it ("sep." of "Status sep." over "2026") goes with the word before it in its cell.
    const placed = above.cells.flatMap((c) => {
      let last = -1;
      return wordsOf(c).map((w) => {
        const k = headerCellUnder(header, w);
        last = k >= 0 ? k : last;
        return { w, k: k >= 0 ? k : last };
      });
    });
    if (placed.some((p) => p.k < 0)) break;
    const words = header.cells.map(() => [] as string[]);
    for (const p of placed) words[p.k]?.push(p.w.text);
    words.forEach((w, n) => prefixes[n]?.unshift(...w));
    found = true;
    below = above;
  }
  return found ? prefixes.map((p) => p.join(' ')) : null;
}

/** The words of a cell with their x span: its pieces' own positions, else a share of its width. */
function wordsOf(cell: Cell): Cell[] {
  return (cell.parts && cell.parts.length > 1 ? cell.parts : [cell]).flatMap(cellWords);
}

/** The header cell a word stands over (overlapping it, or within a few points), or -1. */
function headerCellUnder(header: TableLine, word: Cell): number {
  const centre = ((word.left ?? 0) + (word.right ?? word.left ?? 0)) / 2;
  let best = -1;
  let distance = Infinity;
  header.cells.forEach((c, k) => {
    if (c.left === null || c.right === null) return;
    const d = centre < c.left ? c.left - centre : centre > c.right ? centre - c.right : 0;
    if (d < distance) {
      best = k;
      distance = d;
    }
  });
  if (distance <= 12) return best;
  // Left-aligned names wider than the name below them ("Landsgennem-" over "snit"): the word starts where that name starts.
  const left = word.left ?? 0;
  return header.cells.findIndex((c) => c.left !== null && Math.abs(left - c.left) <= 3);
}

/** Columns of a header line (its cells' texts given, joined over a wrapped header), or null when it is no goal-table header. */
function headerColumns(line: TableLine, texts: readonly string[], tolerant: boolean, extents?: HeaderExtents): { columns: Column[]; needsStatements: boolean } | null {
  const found = texts.map((t) => headerRole(cleanText(t)));
  const unknown = found.filter((r) => r === null).length;
  if (unknown > 0 && !tolerant) return null;
  // Header words are a hint: a few unknown ones ("Pkt.", "Beskrivelse af mål") among known ones keep the table.
  if (unknown > 0 && (found.length - unknown < MIN_KNOWN_HEADERS || unknown > found.length - unknown)) return null;
  let needsStatements = false;
  const roles: Role[] = found.map((r) => r?.role ?? 'other');
  // "Målsætning" is the goal itself when no other column is.
  if (!roles.includes('goal')) {
    const k = roles.indexOf('target');
    // Failing both, the first column under unknown words may hold the goals: its cells must say so.
    const guess = found.findIndex((r) => r === null);
    if (k >= 0) roles[k] = 'goal';
    else if (guess >= 0) {
      roles[guess] = 'goal';
      needsStatements = true;
    } else return null;
  }
  // With both "Status" and a verdict-only word, every "Status" column ("Status dec. 2025 | Status mar. 2026 | Vurdering") holds results.
  const verdicts = roles.filter((r) => r === 'verdict').length;
  const statusNamed = texts.flatMap((t, n) => (roles[n] === 'verdict' && /^status\b/iu.test(cleanText(t)) ? [n] : []));
  if (verdicts > 1 && statusNamed.length < verdicts) for (const k of statusNamed) roles[k] = 'result';
  else if (verdicts > 1 && statusNamed[0] !== undefined) roles[statusNamed[0]] = 'result';
  if (!roles.includes('result') && !roles.includes('verdict') && !roles.includes('period')) return null;
  // Figures under a place name ("Horsens | Hele landet") are key figures, goals only beside a target
  // or a verdict, or when the rows state goals (ministermål: "Flere unge skal have en uddannelse").
  if (found.some((r) => r?.byPlace) && !roles.includes('target') && !roles.includes('verdict')) needsStatements = true;
  // Unknown words beside a target and a verdict column ("Tema", "Område") head a goal table's
  // grouping; without both, the table may be key figures, and its rows must state goals.
  if (unknown > 0 && !(roles.includes('target') && roles.includes('verdict'))) needsStatements = true;
  const leftOf = (k: number): number | undefined => extents?.lefts[k] ?? line.cells[k]?.left ?? undefined;
  const columns = line.cells.map((cell, k) => ({
    role: roles[k] as Role,
    left: leftOf(k) ?? 0,
    right: leftOf(k + 1) ?? Number.POSITIVE_INFINITY,
    headLeft: extents?.lefts[k] ?? cell.left,
    headRight: extents?.rights[k] ?? cell.right,
    unknown: found[k] === null,
  }));
  return { columns, needsStatements };
}

/** Known header words a table needs beside unknown ones. */
const MIN_KNOWN_HEADERS = 2;

/** Each row's text in one column (by index), for reading what the column holds. */
function columnTexts(pages: readonly NormalisedPage[], rows: readonly Row[], column: number): string[] {
  if (column < 0) return [];
  return rows.map((r) => cleanText(new TextRun(pages, r.byColumn.get(column) ?? []).text));
}

/**
 * Two goal-headed columns ("Mål" | "Indikator"), one holding only codes or goal labels ("U2",
 * "Mål 2"): that one is the id column. Null when nothing changes.
 */
function codesAsIds(pages: readonly NormalisedPage[], rows: readonly Row[], columns: readonly Column[]): Column[] | null {
  const goalColumns = columns.flatMap((c, k) => (c.role === 'goal' ? [k] : []));
  if (goalColumns.length < 2) return null;
  const coded = goalColumns.find((k) => {
    const texts = columnTexts(pages, rows, k).filter((t) => t !== '');
    return texts.length > 0 && texts.every((t) => SHORT_ID.test(t) || GOAL_REFERENCE.test(t));
  });
  if (coded === undefined) return null;
  return columns.map((c, k) => (k === coded ? { ...c, role: 'id' } : c));
}

/**
 * Three or more goal-headed columns, or two when neither holds codes ("Effektmål | Indikator |
 * Mål"): a column of targets ("≥ 55 %", "Fald", "0 borgere") holds the targets, the first column of
 * statements the goals, the others what is measured. Null when nothing changes.
 */
function oneGoalColumn(pages: readonly NormalisedPage[], rows: readonly Row[], columns: readonly Column[]): Column[] | null {
  const goalColumns = columns.flatMap((c, k) => (c.role === 'goal' ? [k] : []));
  if (goalColumns.length < 2) return null;
  const texts = new Map(goalColumns.map((k) => [k, columnTexts(pages, rows, k).filter((t) => t !== '')]));
  const targets = columns.some((c) => c.role === 'target') ? undefined : goalColumns.find((k) => targetCells(texts.get(k) ?? []));
  const statements = goalColumns.find((k) => k !== targets && columnOfStatements(texts.get(k) ?? []));
  if (statements === undefined) return null;
  return columns.map((c, k) => (k === targets ? { ...c, role: 'target' } : c.role === 'goal' && k !== statements ? { ...c, role: 'other' } : c));
}

/** Cells that state targets: mostly a bound and a figure, a bare level or a direction word. */
function targetCells(cells: readonly string[]): boolean {
  const isTarget = (t: string): boolean => TARGET_CELL.test(t) || /^[-+−]?\d[\d.,]*\s*(?:%|\p{L}+)?$/u.test(t) || TARGET_WORD_CELL.test(t);
  return cells.length > 0 && cells.filter(isTarget).length * 2 > cells.length;
}

/** A target cell in words: "Fald", "Stigning", "Landsgennemsnittet eller lavere". */
const TARGET_WORD_CELL = danish(/^(?:fald|stigning|øgning|reduktion|lavere|højere|landsgennemsnittet(?:\s+eller\s+(?:lavere|højere|bedre))?|på\s+niveau\s+med\s+\p{L}+)\.?$/iu);

/**
 * Columns re-roled by content when the goal column does not hold the statements (it holds
 * codes, "A.1", "3"; or its unknown header was a wrong guess) and another column does: that
 * one becomes the goal, and a goal column of codes the id. Null when nothing changes.
 */
function statementColumn(pages: readonly NormalisedPage[], rows: readonly Row[], columns: readonly Column[]): Column[] | null {
  const goal = columns.findIndex((c) => c.role === 'goal');
  if (goal < 0 || columnOfStatements(columnTexts(pages, rows, goal))) return null;
  const candidates = columns.map((c, k) => k).filter((k) => k !== goal && (columns[k]?.unknown || columns[k]?.role === 'other' || columns[k]?.role === 'id' || columns[k]?.role === 'target'));
  const found = candidates.find((k) => columnOfStatements(columnTexts(pages, rows, k)));
  if (found === undefined) return null;
  const goalCodes = columnTexts(pages, rows, goal).filter((t) => t !== '');
  const codes = goalCodes.length > 0 && goalCodes.every((t) => SHORT_ID.test(t));
  // The goal column that held no statements holds codes (the id) or what is measured (an indicator).
  return columns.map((c, k) => (k === found ? { ...c, role: 'goal' } : k === goal ? { ...c, role: codes ? 'id' : 'other' } : c.role === 'id' && codes ? { ...c, role: 'other' } : c));
}

function readRows(lines: readonly TableLine[], from: number, columns: readonly Column[]): { rows: Row[]; next: number } {
  const rows: Row[] = [];
  const gaps: number[] = [];
  let previous: TableLine | null = null;
  let afterTheme = false;
  let awaitingCells = false;
  /** The page where the table went on below its repeated header. */
  let continuedOnPage = -1;
  // The first line of a page that carries on the last row of the page before.
  let splitRow = false;
  let k = from;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (!line) break;
    // A table that runs to the foot of a page goes on at the top of the next when the lines there fit its columns.
    if (previous && line.page !== previous.page) {
      // The header printed again at the top of the next page: the table goes on below it, and a
      // row cut by the break goes on in the first line there when that starts in lower case.
      // (Its first lines may be names stacked over it: the header line is one of the first three.)
      const again = [k, k + 1, k + 2].filter((n) => lines[n]?.page === line.page).map((n) => headerAt(lines, n)).find((h) => h !== null && sameColumns(h.columns, columns)) ?? null;
      if (again) {
        const first = lines[again.next];
        k = again.next - 1;
        previous = null;
        splitRow = first !== undefined && /^\p{Ll}/u.test(first.cells[0]?.text ?? '');
        continuedOnPage = line.page;
        continue;
      }
      const carried = statementOverRow(lines, k, columns) ? 'table' : continuesOnPage(line, columns);
      if (!carried) break;
      previous = null;
      splitRow = carried === 'row';
    } else if (!previous && line.page !== lines[from - 1]?.page && line.page !== continuedOnPage) break;
    const gap = previous ? line.y - previous.y : 0;
    const pitch = median(gaps) ?? Math.max(line.size, 8) * 1.25;
    if (previous && gap > pitch * 4) break;
    // The header of a next goal table ends this one, even when only a heading lies between them.
    if (headerAt(lines, k)) break;
    // A line running across column borders as one cell is prose after the table.
    const only = line.cells.length === 1 ? line.cells[0] : undefined;
    const spans = only !== undefined && columns.some((c, n) => n > 0 && (only.left ?? 0) < c.left - 6 && (only.right ?? 0) > c.left + 20);
    // A goal statement across the columns with the row's cells right below it opens that row
    // ("Flere ledige skal …" over "B3 | mindst 35 % | 31,8 % | … | ÷").
    // …unless the row above is mid-sentence and close: then the line is that row's wrapped text
    // printed too close to its neighbour cell ("Sundhed og Omsorg skal nedbringes. arbejdstid").
    const openRow = rows.at(-1);
    const goalSoFar = openRow ? cleanText(lineTextsOf(openRow, columns).goal) : '';
    const continuesRow = previous !== null && gap <= pitch * 1.3 && goalSoFar !== '' && !/[.!?]$/u.test(goalSoFar);
    const statement = spans && !continuesRow && statementOverRow(lines, k, columns) ? cellPieces(only) : null;
    // A short heading across the columns is a theme row; a sentence across them is prose after the table.
    if (spans && !statement && (/[.!?:,;]$/u.test(only.text.trim()) || only.text.trim().split(/\s+/u).length > MAX_THEME_WORDS)) break;
    // A theme named as one ("Tema 2: Unge") is a theme however narrow and however it is set.
    const namedTheme = only !== undefined && !statement && THEME_LABEL.test(only.text) && only.text.trim().split(/\s+/u).length <= MAX_THEME_WORDS && (only.left ?? 0) < (columns[1]?.left ?? Infinity) - 6;
    if (namedTheme || (spans && !statement && (!previous || gap > pitch * 1.3 || line.bold))) {
      // A theme row names the goals below it; it is no goal, and its words are not cut into cells.
      // (Inside a row, a line across a border is two cells printed too close: split below.)
      afterTheme = true;
      previous = line;
      continue;
    }
    const firstCell = line.cells[0];
    const inFirstColumn = firstCell !== undefined && (firstCell.left ?? 0) < (columns[1]?.left ?? Infinity) - 6;
    // A number opening a wrapped line is a row's id only before a statement ("2.1 Antallet …"), not a count ("300 besøg").
    const id = inFirstColumn ? ROW_ID.exec(firstCell.text) : null;
    // A short code in a cell of its own in the first column ("1.2" beside its statement) opens a row too.
    const codeStartsRow = inFirstColumn && firstCell !== undefined && line.cells.length >= 2 && SHORT_ID.test(firstCell.text.trim());
    const idStartsRow = codeStartsRow || (id !== null && firstCell !== undefined && /^\p{Lu}/u.test(firstCell.text.slice(id[0].length)));
    // Below a statement, its row goes on (code, wrapped target) until its cells have come.
    const startsRow = splitRow || (awaitingCells && statement === null) ? false : !previous || afterTheme || gap > pitch * 1.3 || idStartsRow || statement !== null;
    splitRow = false;
    afterTheme = false;
    if (previous && gap <= pitch * 1.3) gaps.push(gap);
    if (startsRow) rows.push({ cells: new Map(), byColumn: new Map(), lines: [], placed: [] });
    const row = rows.at(-1);
    if (!row) break;
    row.lines.push(line);
    if (statement) {
      // The goal's statement, printed across the columns above its figures.
      row.statement = statement.map((p) => ({ page: line.page, ...p }));
      awaitingCells = true;
      previous = line;
      continue;
    }
    if (line.cells.length >= 2) awaitingCells = false;
    for (const cell of line.cells.flatMap((c) => splitAtColumns(c, columns))) {
      // A wrapped line's cell starts where the row's cell above it started: the same column,
      // wherever its header's words stand ("forsørgelse" under "Fuldtidspersoner …").
      const left = cell.left;
      const startedAbove: { column: number } | undefined = left === null ? undefined : row.placed?.find((p) => Math.abs(p.left - left) <= 3);
      const at = startedAbove?.column ?? columnAt(cell, columns);
      if (left !== null) row.placed?.push({ left, column: at });
      const role = columns[at]?.role;
      if (!role) continue;
      const pieces = cellPieces(cell).map((p) => ({ page: line.page, ...p }));
      row.cells.set(role, [...(row.cells.get(role) ?? []), ...pieces]);
      row.byColumn.set(at, [...(row.byColumn.get(at) ?? []), ...pieces]);
    }
    previous = line;
  }
  return { rows, next: k };
}

/** The text of an open row's goal column so far, from the cells already placed there. */
function lineTextsOf(row: Row, columns: readonly Column[]): { goal: string } {
  const goal = columns.findIndex((c) => c.role === 'goal');
  const line = row.lines[0];
  if (goal < 0 || !line) return { goal: '' };
  const texts = row.lines.flatMap((l) => l.cells.filter((c) => columnAt(c, columns) === goal || (c.left !== null && Math.abs(c.left - (columns[goal]?.left ?? -99)) <= 6)).map((c) => c.text));
  return { goal: texts.join(' ') };
}

/**
 * A line across the columns that states a goal, followed within a line or two by the row it
 * heads: cells in two or more columns, or a short code alone in the first column.
 */
function statementOverRow(lines: readonly TableLine[], k: number, columns: readonly Column[]): boolean {
  const line = lines[k];
  const only = line?.cells.length === 1 ? line.cells[0] : undefined;
  if (!line || !only || !readsAsStatement(only.text)) return false;
  for (const next of lines.slice(k + 1, k + 3)) {
    if (next.page !== line.page || next.y - line.y > Math.max(line.size, 8) * 3.5) return false;
    if (next.cells.length >= 2) return true;
    const cell = next.cells[0];
    if (cell && SHORT_ID.test(cleanText(cell.text)) && columnAt(cell, columns) === 0) continue;
    return false;
  }
  return false;
}

/**
 * How the first line of a page goes on with a table from the page before: 'table' when it
 * has cells in two or more columns, each starting at a column's left edge; 'row' when it is
 * one cell inside a later column (the wrapped rest of a row cut by the page break); else null.
 */
function continuesOnPage(line: TableLine, columns: readonly Column[]): 'table' | 'row' | null {
  if (!line.hasLayout) return null;
  const aligned = (c: Cell): Column | undefined => (c.left === null ? undefined : columns.find((col) => Math.abs(col.left - (c.left ?? 0)) <= 6));
  if (line.cells.length >= 2) {
    if (line.cells.every((c) => aligned(c) !== undefined)) return 'table';
    // Under centred headers the figures start at no column's edge: the row still starts at the
    // first column and puts each of its cells in a column of its own.
    const at = line.cells.map((c) => columnAt(c, columns));
    const first = line.cells[0];
    const distinct = new Set(at).size === at.length && at.every((k) => k >= 0);
    return first && aligned(first) === columns[0] && distinct && line.cells.length >= Math.min(3, columns.length) ? 'table' : null;
  }
  const only = line.cells[0];
  const column = only ? aligned(only) : undefined;
  if (!only || !column || column === columns[0] || (only.right ?? Infinity) > column.right + 6) return null;
  return /^\p{Ll}/u.test(only.text) ? 'row' : null;
}

/**
 * Two headers with the same columns at the same places (a header repeated after a page break);
 * compared by place, as the table's roles may since have been read from its cells.
 */
function sameColumns(a: readonly Column[], b: readonly Column[]): boolean {
  return a.length === b.length && a.every((c, k) => Math.abs(c.left - (b[k]?.left ?? Infinity)) <= 8);
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

/** A target cell: a comparator and a figure ("mindst 80 %", "højst 6,0 %", "≥ 45 %", "min. 7,0"). */
const TARGET_CELL = /^(?:mindst|minimum|min\.|højst|maksimalt|maks\.|max\.|under|over|over\s+eller\s+lig|≥|≤|>=|<=|>|<)\s*[\d.,]+/iu;

/**
 * The goal and target roles swapped when the goal-headed column holds targets ("Mål": "mindst
 * 80 %") and the target-headed one holds the wording ("Målsætning": "Andel elever, der er gode
 * til at læse"): what the cells hold decides, not the header. Null when nothing changes.
 */
function targetsUnderGoalHeader(pages: readonly NormalisedPage[], rows: readonly Row[], columns: readonly Column[]): Column[] | null {
  const goal = columns.findIndex((c) => c.role === 'goal');
  const target = columns.findIndex((c) => c.role === 'target');
  if (goal < 0 || target < 0) return null;
  const goalCells = columnTexts(pages, rows, goal).filter((t) => t !== '');
  const targetCells = columnTexts(pages, rows, target).filter((t) => t !== '');
  const targets = (cells: string[]): boolean => cells.length > 0 && cells.filter((t) => TARGET_CELL.test(t)).length * 2 > cells.length;
  const worded = (cells: string[]): boolean => cells.length > 0 && cells.filter((t) => (t.match(/\p{L}{3,}/gu) ?? []).length >= 3).length * 2 > cells.length;
  if (!targets(goalCells) || targets(targetCells) || !worded(targetCells)) return null;
  return columns.map((c, k) => (k === goal ? { ...c, role: 'target' } : k === target ? { ...c, role: 'goal' } : c));
}

