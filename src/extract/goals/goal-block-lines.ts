// The lines inside a goal block that are neither labels of the block's own table nor running text:
// labelled figure lines ("Klyngen 1. kvt. 2025: 63,5 %"), a second label in the label column
// ("Sammenligning⇥…"), and the rows of a small figure table by place under a header of periods.
import type { DocLine } from './goal-text.js';
import { NATIONAL_SCOPE, OTHER_SCOPE } from './goal-actuals.js';
import { headerRole } from './goal-table-headers.js';

/**
 * A labelled line of figures after a goal's statement or result, before its verdict ("Andel af alle
 * ledige: 16,3 % i Roskilde mod 18,9 % i hele landet", "1. kvt. 2025: 66,8 %", "Klyngen 1. kvt. 2025:
 * 63,5 %"): a result of the goal, its label naming the period or the place; a clock time is none.
 */
const FIGURE_FIELD = /^[ \t]*[\p{Lu}\d](?=[^:\n]*\p{L})[\p{L}\d ./–-]{1,50}?:[ \t]+(?=[^\n]*\d)(?!\d{1,2}[:.]\d\d(?!\d))/u;

/** Labelled figure lines, as data: the role the label gives (a period's result, the country's, a cluster's or region's). */
export const FIGURE_FIELD_EXAMPLES: readonly { line: string; role: 'result' | 'national' | 'area' | null }[] = [
  { line: 'Andel af alle ledige: 16,3 % i Roskilde', role: 'result' },
  { line: '1. kvt. 2024: 61,2 %', role: 'result' },
  { line: 'Klyngen 1. kvt. 2025: 63,5 %', role: 'area' },
  { line: 'Region Syddanmark 1. kvt. 2025: 64,1 %', role: 'area' },
  { line: 'Hele landet marts 2025: 2,8 %', role: 'national' },
  { line: 'Mødetid: 16:30', role: null },
];

/** A short label in the block's label column, one value after a column gap: "Sammenligning⇥…" (a row of more cells is a table's header). */
const COLUMN_LABEL = /^[ \t]*(\p{Lu}[\p{L}-]*(?:[ ]+[\p{L}-]+){0,3})[ ]*\t[ \t]*(?=[^\t\n]*\S[^\t\n]*$)/u;

export function columnLabelOf(line: DocLine, labelX: number): { role: 'note' | 'national' | 'area'; length: number } | null {
  const m = COLUMN_LABEL.exec(line.text);
  if (!m || (line.hasLayout && Math.abs(line.x - labelX) > 4)) return null;
  const rest = line.text.slice(m[0].length);
  const role: 'note' | 'national' | 'area' = !/\d/u.test(rest) ? 'note' : NATIONAL_SCOPE.test(rest) ? 'national' : OTHER_SCOPE.test(rest) ? 'area' : 'note';
  // "Gennemsnit for alle kommuner 2025: 140": the words name the place; the figure alone is the cell.
  const placeLabel = role === 'note' ? null : /^[^:\n]*:[ \t]*(?=[-+]?\d[\d.,]*[ \t]*$)/u.exec(rest);
  return { role, length: m[0].length + (placeLabel?.[0].length ?? 0) };
}

/** The role of a labelled figure line by the place its label names; null when the line is no such field. */
export function figureFieldRole(line: string): { role: 'result' | 'national' | 'area'; length: number } | null {
  const m = FIGURE_FIELD.exec(line);
  if (!m) return null;
  const label = m[0];
  return { role: NATIONAL_SCOPE.test(label) ? 'national' : OTHER_SCOPE.test(label) ? 'area' : 'result', length: label.length };
}

/** A cell of a goal's figure table: a figure, a share, or a dash for none. */
const FIGURE_CELL = /^(?:[-+−]?\d[\d.,]*\s*(?:%|pct\.?|\p{L}{1,12}\.?)?|[–-])$/u;

/**
 * A row of a small figure table inside a goal block, labelled by the place its figures are for:
 * the municipality (by name), a cluster or region, or the whole country; the figures as cells.
 */
export function placeRowOf(text: string): { role: 'result' | 'national' | 'area'; length: number } | null {
  const cells = text.split('\t').map((c) => c.trim()).filter((c) => c !== '');
  if (cells.length < 2 || !cells.slice(1).every((c) => FIGURE_CELL.test(c)) || !cells.slice(1).some((c) => /\d/u.test(c))) return null;
  const place = (cells[0] ?? '').replace(/,.*$/u, '');
  const role = headerRole(place);
  if (!role) return null;
  const scoped = role.role === 'national' ? 'national' : role.role === 'area' ? 'area' : role.byPlace ? 'result' : null;
  return scoped ? { role: scoped, length: text.indexOf('\t') } : null;
}

/** A header row of periods over such a table: every cell names a period ("4. kvt. 2024", "Marts 2025", "December 2024 (udgangspunkt)"). */
export function isPeriodRow(text: string): boolean {
  const cells = text.split('\t').map((c) => c.trim()).filter((c) => c !== '');
  return cells.length >= 2 && cells.every((c) => /\b(?:19|20)\d\d\b/u.test(c) && !/\d\s*%/u.test(c) && c.split(/\s+/u).length <= 5);
}
