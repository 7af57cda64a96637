// `minutes compare --wide`: municipalities down, years across, one value per cell (as
// chosen by onePerCell), one row per municipality × indicator × unit.
import type { CompareRow } from './compare-rows.js';

export interface WideTable {
  /** municipality, municipality_code, indicator_id, unit, then one column per year, ascending. */
  columns: string[];
  rows: Record<string, string | number | null>[];
}

export function wideTable(rows: readonly CompareRow[]): WideTable {
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const byKey = new Map<string, Record<string, string | number | null>>();
  for (const r of rows) {
    if (r.year === null || r.value === null) continue;
    const key = JSON.stringify([r.municipalityCode ?? r.municipality, r.indicatorId, r.unit]);
    let row = byKey.get(key);
    if (!row) {
      row = { municipality: r.municipality, municipality_code: r.municipalityCode, indicator_id: r.indicatorId, unit: r.unit };
      for (const y of years) row[String(y)] = null;
      byKey.set(key, row);
    }
    row[String(r.year)] = r.value;
  }
  return { columns: ['municipality', 'municipality_code', 'indicator_id', 'unit', ...years.map(String)], rows: [...byKey.values()] };
}
