// A table that runs over a page break arrives as two parts: the first ends its page, the
// second opens the next one, often under a repeated header and without the unit line or
// caption printed above the first. The parts are one table: the second's rows follow the
// first's, in the first's unit when the second states none of its own.
import type { BudgetTable, MoneyAmount } from '../../schema/contract.js';
import { joinWrapped } from '../../text/dehyphenate.js';

/** One table as read from one page, with where it stands on the page and its unit. */
export interface TablePart {
  table: BudgetTable;
  cells: MoneyAmount[];
  page: number;
  /** Nothing but the table (and its header) above it on its page. */
  opensPage: boolean;
  /** Nothing after its last row on its page. */
  endsPage: boolean;
  /** The kroner multiplier its own header states; null when it states none. */
  statedUnit: number | null;
  /** The size of its last printed digit in kroner, for the total check. */
  resolution: number;
  /** Its header, labels or caption say it holds kroner; a part without it counts only as a continuation. */
  moneyEvidence: boolean;
  /** The end of the page before's last row label, printed under the repeated header. */
  labelCarried?: string;
}

/** Joins each part that opens a page onto the part that ended the page before, when their columns agree. */
export function joinContinuedTables(parts: readonly TablePart[]): TablePart[] {
  const joined: TablePart[] = [];
  for (const part of parts) {
    const previous = joined.at(-1);
    if (previous && continues(previous, part)) {
      joined[joined.length - 1] = join(previous, part);
      continue;
    }
    joined.push(part);
  }
  return joined;
}

function continues(first: TablePart, next: TablePart): boolean {
  return (
    first.endsPage &&
    next.opensPage &&
    next.page === first.page + 1 &&
    first.table.total === null &&
    first.table.columns.length === next.table.columns.length &&
    (next.statedUnit === null || next.statedUnit === first.statedUnit)
  );
}

function join(first: TablePart, next: TablePart): TablePart {
  // The second part's cells were read as printed; the first part's unit scales them.
  const scale = next.statedUnit === null ? (first.statedUnit ?? 1) : 1;
  const scaled = (v: number | null): number | null => (v === null ? null : Math.round(v * scale * 1e6) / 1e6);
  const carried = carryLabel(first, next.labelCarried);
  const rows = [...carried.rows, ...next.table.rows.map((r) => ({ ...r, values: r.values.map(scaled) }))];
  const total = next.table.total ? { ...next.table.total, values: next.table.total.values.map(scaled) } : null;
  const columns = first.table.columns.map((name, k) => (name !== '' ? name : (next.table.columns[k] ?? '')));
  const cells = [...carried.cells, ...next.cells.map((c) => ({ ...c, value: scaled(c.value) ?? c.value }))];
  return {
    table: { ...first.table, columns, rows, total },
    cells,
    page: next.page,
    opensPage: first.opensPage,
    endsPage: next.endsPage,
    statedUnit: first.statedUnit,
    resolution: Math.min(first.resolution, next.resolution * scale),
    moneyEvidence: first.moneyEvidence || next.moneyEvidence,
  };
}

/** The first part's last row label completed by the words the page break carried over, in its rows and its cells' contexts. */
function carryLabel(first: TablePart, rest: string | undefined): { rows: BudgetTable['rows']; cells: MoneyAmount[] } {
  const last = first.table.rows.at(-1);
  if (rest === undefined || !last) return { rows: first.table.rows, cells: first.cells };
  const label = joinWrapped(last.label, rest);
  const rows = [...first.table.rows.slice(0, -1), { ...last, label }];
  const cells = first.cells.map((c) => (c.context === last.label || c.context.startsWith(`${last.label} – `) ? { ...c, context: `${label}${c.context.slice(last.label.length)}` } : c));
  return { rows, cells };
}
