// `minutes compare` shows one value per municipality × year × indicator (and unit, so
// percent and percentage points never share a cell): the figure of the latest meeting
// that reports one; a goal's result before a loose percentage of the same document; then
// the fact nearest the end of the document. `--all` keeps every fact.
import type { CompareRow } from './compare-rows.js';

const cellKey = (r: CompareRow): string => JSON.stringify([r.municipalityCode ?? r.municipality, r.year, r.indicatorId]);

/** Negative when `a` is the better figure for its cell. */
function preference(a: CompareRow, b: CompareRow): number {
  const hasValue = Number(b.value !== null) - Number(a.value !== null);
  if (hasValue) return hasValue;
  const date = (b.meetingDate ?? '').localeCompare(a.meetingDate ?? '');
  if (date) return date;
  if (a.sha256 !== b.sha256) return a.sha256 < b.sha256 ? -1 : 1;
  const goalFirst = Number(b.kind === 'goal') - Number(a.kind === 'goal');
  if (goalFirst) return goalFirst;
  return b.page - a.page || b.start - a.start;
}

/** The chosen rows, in the order of the input (which is the comparison's own order). */
export function onePerCell(rows: readonly CompareRow[]): CompareRow[] {
  const cells = new Map<string, CompareRow[]>();
  for (const r of rows) {
    const list = cells.get(cellKey(r));
    if (list) list.push(r);
    else cells.set(cellKey(r), [r]);
  }
  const chosen = new Set<CompareRow>();
  for (const list of cells.values()) {
    const withValue = list.filter((r) => r.value !== null);
    if (withValue.length === 0) {
      chosen.add([...list].sort(preference)[0] as CompareRow);
      continue;
    }
    // One per unit: a change in percentage points is another measure than a level in percent.
    for (const unit of new Set(withValue.map((r) => r.unit))) {
      chosen.add(withValue.filter((r) => r.unit === unit).sort(preference)[0] as CompareRow);
    }
  }
  return rows.filter((r) => chosen.has(r));
}
