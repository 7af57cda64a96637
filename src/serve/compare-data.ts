// The comparison rows (src/compare) kept between requests: reading and linking every fact is
// the slow part, so the rows are rebuilt only when the store changed (documents stored or
// replaced, a correction made), which one cheap query tells.
import type { Kysely } from 'kysely';
import { compareIndicators, type CompareRow } from '../compare/index.js';
import { onePerCell } from '../compare/one-per-cell.js';
import type { Database } from '../store/schema.js';

export interface ChartData {
  years: number[];
  series: { municipality: string; values: (number | null)[]; targets: (number | null)[] }[];
  national: (number | null)[];
  unit: string | null;
}

export class CompareCache {
  #version = '';
  #rows: Promise<CompareRow[]> | undefined;
  #byIndicator = new Map<string, CompareRow[]>();
  #counts: Map<string, number> | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  async #storeVersion(): Promise<string> {
    const d = await this.db.selectFrom('documents').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('t')]).executeTakeFirst();
    const c = await this.db.selectFrom('corrections').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('m')]).executeTakeFirst();
    return JSON.stringify([d?.n, d?.t, c?.n, c?.m]);
  }

  /** The comparison rows as `minutes compare` gives them by default (one value per municipality × year × indicator × unit, corrections applied), of one indicator when given. */
  async rows(indicator?: string): Promise<CompareRow[]> {
    const version = await this.#storeVersion();
    if (!this.#rows || version !== this.#version) {
      this.#version = version;
      this.#byIndicator = new Map();
      this.#counts = undefined;
      this.#rows = compareIndicators(this.db, {}).then(onePerCell);
      this.#rows.catch(() => {
        this.#rows = undefined;
      });
    }
    const rows = await this.#rows;
    if (!indicator) return rows;
    let mine = this.#byIndicator.get(indicator);
    if (!mine) {
      mine = rows.filter((r) => r.indicatorId === indicator);
      this.#byIndicator.set(indicator, mine);
    }
    return mine;
  }

  /** How many rows each indicator has. */
  async counts(): Promise<Map<string, number>> {
    const rows = await this.rows();
    if (this.#counts) return this.#counts;
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.indicatorId, (counts.get(r.indicatorId) ?? 0) + 1);
    this.#counts = counts;
    return counts;
  }
}

const mean = (xs: number[]): number | null => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/** One series per municipality over the years (the mean when a year reports several figures), the national figure, the targets. */
export function chartData(all: readonly CompareRow[]): ChartData {
  // One axis, one unit: figures in another unit than most of the indicator's (a count among rates) stay in the table only.
  const units = new Map<string | null, number>();
  for (const r of all) if (r.value !== null) units.set(r.unit, (units.get(r.unit) ?? 0) + 1);
  const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const rows = all.map((r) => (r.unit === unit ? r : { ...r, value: null, nationalValue: null, targetValue: null }));
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const municipalities = [...new Set(rows.map((r) => r.municipality ?? '(ukendt)'))].sort((a, b) => a.localeCompare(b, 'da'));
  const series = municipalities.map((m) => {
    const own = rows.filter((r) => (r.municipality ?? '(ukendt)') === m);
    return {
      municipality: m,
      values: years.map((y) => mean(own.filter((r) => r.year === y && r.value !== null).map((r) => r.value as number))),
      targets: years.map((y) => mean(own.filter((r) => r.year === y && r.targetValue !== null).map((r) => r.targetValue as number))),
    };
  });
  const national = years.map((y) => mean(rows.filter((r) => r.year === y && r.nationalValue !== null).map((r) => r.nationalValue as number)));
  return { years, series, national, unit };
}
