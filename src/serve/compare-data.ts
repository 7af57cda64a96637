// The comparison rows the compare page shows, read from the rows the store keeps per document
// (src/compare/stored-rows.ts): before each read, the documents stored or corrected since are
// rebuilt, one refresh at a time, so a change costs the rebuild of what changed, not of the store.
import type { Kysely } from 'kysely';
import type { CompareRow } from '../compare/index.js';
import { refreshCompareRows, storedCompareCounts, storedCompareRows } from '../compare/stored-rows.js';
import type { Database } from '../store/schema.js';

export interface ChartData {
  years: number[];
  series: { municipality: string; values: (number | null)[]; targets: (number | null)[] }[];
  national: (number | null)[];
  unit: string | null;
}

export class CompareRows {
  #refreshing: Promise<unknown> | undefined;
  /** The store's change marks when it was last found fresh: while they hold, nothing needs a rebuild. */
  #freshAt = '';
  /** The counts per indicator at those marks (they change only with the store). */
  #counts: { at: string; counts: Map<string, number> } | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  /** Every store or replace of a document moves its updated_at, every correction adds a row: two index lookups tell. */
  async #changeMarks(): Promise<string> {
    const d = await this.db.selectFrom('documents').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('t')]).where('status', '=', 'ok').executeTakeFirst();
    const c = await this.db.selectFrom('corrections').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('m')]).executeTakeFirst();
    return JSON.stringify([d?.n, d?.t, c?.n, c?.m].map((x) => (x === null || x === undefined ? null : String(x))));
  }

  /** Rebuilds what changed since the last call; returns the marks the rows are now fresh at. */
  async #fresh(): Promise<string> {
    while (this.#refreshing) await this.#refreshing.catch(() => undefined);
    const marks = await this.#changeMarks();
    if (marks === this.#freshAt) return marks;
    const run = refreshCompareRows(this.db)
      .then(() => {
        this.#freshAt = marks;
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    this.#refreshing = run;
    await run;
    return marks;
  }

  /** One indicator's rows as `minutes compare --indicator ID` gives them (one value per municipality × year × unit, corrections applied). */
  async rows(indicator: string): Promise<CompareRow[]> {
    await this.#fresh();
    return storedCompareRows(this.db, indicator);
  }

  /** How many rows each indicator has. */
  async counts(): Promise<Map<string, number>> {
    const at = await this.#fresh();
    if (this.#counts?.at !== at) this.#counts = { at, counts: await storedCompareCounts(this.db) };
    return this.#counts.counts;
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
