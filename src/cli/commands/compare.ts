// `minutes compare`, `goals`, `export` and `indicators`: municipalities side by side,
// goal attainment, flat exports for R/pandas/spreadsheets, and the indicator taxonomy.
// PostgreSQL when DATABASE_URL is set, else the SQLite file of --db.
import { existsSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  COMPARE_COLUMNS,
  compareIndicators,
  compareRecord,
  csvRecord,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  exportText,
  GOALS_COLUMNS,
  goalAttainmentReport,
  goalsRecord,
  INDICATOR_COLUMNS,
  indicatorCounts,
  indicatorRecord,
  INDICATORS,
  type ExportFormat,
  type ExportKind,
} from '../../compare/index.js';
import type { CompareRow } from '../../compare/compare-rows.js';
import type { GoalAttainmentRow } from '../../compare/goal-attainment.js';
import type { IndicatorCountRow } from '../../compare/queries.js';
import { onePerCell } from '../../compare/one-per-cell.js';
import { exportParquet } from '../../compare/parquet-export.js';
import { formatNumber, textTable } from '../../compare/text-table.js';
import { wideTable } from '../../compare/wide-table.js';
import { MinutesError } from '../../schema/errors.js';
import { databaseLocation, DEFAULT_SQLITE_FILE, type KyselyStore } from '../../store/index.js';
import { addExportFilterOptions, exportFilter, type ExportFilterFlags } from '../export-filter-options.js';
import { checkIndicators } from '../indicator-option.js';
import { collect, collectYears } from '../list-options.js';
import { officialMunicipalities } from '../municipality-option.js';
import { openCliStore } from '../open-store.js';
import { reportStaleCorrections } from '../stale-corrections.js';
import { writeOutput } from '../write-output.js';

type TableFormat = 'table' | 'csv' | 'json';

interface StoreCliOptions {
  db: string;
}

const dbOption = (): Option =>
  new Option('--db <file>', 'SQLite database file, used when DATABASE_URL is not set').default(DEFAULT_SQLITE_FILE);
const formatOption = (choices: readonly string[], fallback: string): Option =>
  new Option('--format <format>', 'output format').choices(choices).default(fallback);
/** --corrected (default) / --as-extracted: whether reviewers' corrections (minutes serve --allow-edits) apply. */
const correctedOption = (): Option => new Option('--corrected', "apply reviewers' corrections (default)").default(true);
const asExtractedOption = (): Option => new Option('--as-extracted', 'ignore corrections: the values as extracted');
const isCorrected = (o: { asExtracted?: boolean }): boolean => !o.asExtracted;
const municipalityOption = (): Option =>
  new Option('--municipality <names>', 'only these municipalities (any spelling; repeat or separate by commas)').argParser(collect);

/** Opens the store the way every reading command does; a missing SQLite file is an error, not a new empty database. */
async function withStore<T>(options: StoreCliOptions, run: (store: KyselyStore) => Promise<T>): Promise<T> {
  const store = await openCliStore(databaseLocation(options.db), { mustExist: true });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

const hasDatabase = (options: StoreCliOptions): boolean => {
  const location = databaseLocation(options.db);
  return Boolean(location.databaseUrl) || existsSync(location.sqliteFile ?? options.db);
};

function render<R, C extends string>(
  format: TableFormat,
  rows: readonly R[],
  columns: readonly C[],
  record: (row: R) => Record<C, unknown>,
  table: (rows: readonly R[]) => string,
): string {
  if (format === 'json') return `${JSON.stringify(rows.map(record), null, 2)}\n`;
  if (format === 'csv') return [csvRecord(columns), ...rows.map((r) => csvRecord(columns.map((c) => record(r)[c] as never)))].join('');
  return table(rows);
}

const target = (r: CompareRow): string => {
  if (r.comparator === null && r.targetValue === null) return '';
  const value = r.targetValue === null ? '' : formatNumber(r.targetValue) + (r.targetUpper !== null ? `–${formatNumber(r.targetUpper)}` : '');
  return [r.comparator ?? '', value].filter(Boolean).join(' ');
};

/** Percentage points are marked, so they are not read as percentages. */
const withUnit = (n: number | null, unit: string | null): string => (n === null ? '' : formatNumber(n) + (unit === 'percentage_points' ? ' pp' : ''));

function compareTable(rows: readonly CompareRow[]): string {
  if (rows.length === 0) return 'no linked facts match (see `minutes indicators` and `minutes export --what goals`)\n';
  return textTable(rows, [
    { header: 'municipality', value: (r) => r.municipality },
    { header: 'year', value: (r) => r.year },
    { header: 'indicator', value: (r) => r.indicatorId },
    { header: 'kind', value: (r) => (r.kind === 'goal' ? `goal ${r.goalId ?? ''}` : 'pct') },
    { header: 'value', value: (r) => withUnit(r.value, r.unit), align: 'right' },
    { header: 'national', value: (r) => withUnit(r.nationalValue, r.unit), align: 'right' },
    { header: 'target', value: target },
    { header: 'status', value: (r) => r.status },
    { header: 'conf', value: (r) => r.confidence.toFixed(2), align: 'right' },
    { header: 'source', value: (r) => `${r.file} p.${r.page}`, max: 40, cut: 'start' },
    { header: 'snippet', value: (r) => r.snippet, max: 60 },
  ]);
}

function wideText(columns: readonly string[], rows: readonly Record<string, string | number | null>[]): string {
  if (rows.length === 0) return 'no linked facts with a value match\n';
  return textTable(
    rows,
    columns.map((c) => ({ header: c, value: (r: Record<string, string | number | null>) => (typeof r[c] === 'number' ? formatNumber(r[c]) : (r[c] ?? null)), ...(/^\d{4}$/.test(c) ? { align: 'right' as const } : {}) })),
  );
}

function goalsTable(rows: readonly GoalAttainmentRow[]): string {
  if (rows.length === 0) return 'no goals stored for this selection\n';
  const pct = (x: number | null): string => (x === null ? '' : `${(x * 100).toFixed(1)} %`);
  return textTable(rows, [
    { header: 'municipality', value: (r) => r.municipality },
    { header: 'year', value: (r) => r.year },
    { header: 'goals', value: (r) => r.goals, align: 'right' },
    { header: 'met', value: (r) => r.met, align: 'right' },
    { header: 'partly', value: (r) => r.partly_met, align: 'right' },
    { header: 'not met', value: (r) => r.not_met, align: 'right' },
    { header: 'in progress', value: (r) => r.in_progress, align: 'right' },
    { header: 'not assessable', value: (r) => r.not_assessable, align: 'right' },
    { header: 'withdrawn', value: (r) => r.withdrawn, align: 'right' },
    { header: 'unknown', value: (r) => r.unknown, align: 'right' },
    { header: 'share met', value: (r) => pct(r.shareMet), align: 'right' },
    { header: 'of assessed', value: (r) => pct(r.shareMetOfAssessed), align: 'right' },
    { header: 'docs', value: (r) => r.documents, align: 'right' },
  ]);
}

function indicatorsTable(rows: readonly IndicatorCountRow[]): string {
  return textTable(rows, [
    { header: 'id', value: (r) => r.id },
    { header: 'label', value: (r) => r.label, max: 60 },
    { header: 'unit', value: (r) => r.unit },
    { header: 'goals', value: (r) => r.goals, align: 'right' },
    { header: 'pcts', value: (r) => r.percentages, align: 'right' },
    { header: 'total', value: (r) => r.total, align: 'right' },
  ]);
}

export function registerCompareCommands(program: Command): void {
  program
    .command('compare')
    .description('one value per municipality × year × indicator (the latest meeting\'s figure; every fact with --all): value, national value, target, status, source')
    .addOption(new Option('--indicator <ids>', 'only these indicator ids (repeat or separate by commas; see `minutes indicators`)').argParser(collect))
    .addOption(municipalityOption())
    .addOption(new Option('--year <years>', 'only these years: plan year, else meeting year (repeat or commas)').argParser(collectYears))
    .addOption(formatOption(['table', 'csv', 'json'], 'table'))
    .option('--out <file>', 'write here instead of standard output')
    .addOption(new Option('--all', 'every reported fact, not one value per municipality × year × indicator').conflicts('wide'))
    .option('--wide', 'municipalities down, years across: one row per municipality × indicator × unit', false)
    .addOption(new Option('--threshold <n>', 'minimum link confidence, 0..1').default(0.6).argParser(unitInterval))
    .addOption(dbOption())
    .addOption(correctedOption())
    .addOption(asExtractedOption())
    .action(async (options: StoreCliOptions & { indicator?: string[]; municipality?: string[]; year?: number[]; format: TableFormat; threshold: number; out?: string; all?: boolean; wide: boolean; asExtracted?: boolean }) => {
      const municipalities = await officialMunicipalities(options.municipality);
      checkIndicators(options.indicator);
      const facts = await withStore(options, async (store) => {
        const rows = await compareIndicators(store.db, {
          indicators: options.indicator ?? [],
          municipalities,
          years: options.year ?? [],
          threshold: options.threshold,
          corrected: isCorrected(options),
        });
        if (isCorrected(options)) await reportStaleCorrections(store.db, municipalities);
        return rows;
      });
      const rows = options.all ? facts : onePerCell(facts);
      if (options.wide) {
        const wide = wideTable(rows);
        await writeOutput(options.out, [render(options.format, wide.rows, wide.columns, (r) => r, (r) => wideText(wide.columns, r))]);
        return;
      }
      await writeOutput(options.out, [render(options.format, rows, COMPARE_COLUMNS, compareRecord, compareTable)]);
    });

  program
    .command('goals')
    .description('goal attainment per municipality and plan year: counts per status and share met')
    .addOption(municipalityOption())
    .addOption(new Option('--year <years>', 'only these plan years (repeat or commas)').argParser(collectYears))
    .addOption(formatOption(['table', 'csv', 'json'], 'table'))
    .option('--out <file>', 'write here instead of standard output')
    .addOption(dbOption())
    .addOption(correctedOption())
    .addOption(asExtractedOption())
    .action(async (options: StoreCliOptions & { municipality?: string[]; year?: number[]; format: TableFormat; out?: string; asExtracted?: boolean }) => {
      const municipalities = await officialMunicipalities(options.municipality);
      const rows = await withStore(options, async (store) => {
        const report = await goalAttainmentReport(store.db, { municipalities, years: options.year ?? [], corrected: isCorrected(options) });
        if (isCorrected(options)) await reportStaleCorrections(store.db, municipalities);
        return report;
      });
      await writeOutput(options.out, [render(options.format, rows, GOALS_COLUMNS, goalsRecord, goalsTable)]);
    });

  const exportCommand = program
    .command('export')
    .description('flat records with provenance for R, pandas and spreadsheets (columns: see README)')
    .addOption(new Option('--format <format>', 'csv (RFC 4180, UTF-8), jsonl, or parquet (typed columns; with --out or into a pipe)').choices([...EXPORT_FORMATS, 'parquet']).default('csv'))
    .addOption(new Option('--what <kind>', 'which facts').choices(EXPORT_KINDS).default('goals'))
    .option('--out <file>', 'write here instead of standard output')
    .option('--bom', 'start a CSV with a UTF-8 byte order mark (for Excel)', false)
    .addOption(municipalityOption())
    .addOption(dbOption())
    .addOption(correctedOption())
    .addOption(asExtractedOption());
  addExportFilterOptions(exportCommand)
    .action(async (options: StoreCliOptions & ExportFilterFlags & { format: ExportFormat | 'parquet'; what: ExportKind; out?: string; bom: boolean; municipality?: string[]; asExtracted?: boolean }) => {
      const municipalities = await officialMunicipalities(options.municipality);
      const filter = exportFilter(options.what, options);
      if (options.format === 'parquet' && options.out === undefined && process.stdout.isTTY) {
        throw new MinutesError('usage', '--format parquet is binary: give --out FILE or redirect the output (> FILE.parquet)');
      }
      const counted = { records: 0 };
      await withStore(options, async (store) => {
        const selection = { what: options.what, municipalities, corrected: isCorrected(options), ...filter };
        const chunks =
          options.format === 'parquet'
            ? exportParquet(store.db, selection, counted)
            : withBom(options.bom && options.format === 'csv', exportText(store.db, { ...selection, format: options.format }, counted));
        await writeOutput(options.out, chunks);
        if (isCorrected(options)) await reportStaleCorrections(store.db, municipalities);
      });
      const count = counted.records;
      if (options.out) process.stderr.write(`${count} ${options.what} records written to ${options.out}\n`);
    });

  program
    .command('indicators')
    .description('the indicator taxonomy, with how many stored goals and percentages link to each')
    .addOption(municipalityOption())
    .addOption(formatOption(['table', 'csv', 'json'], 'table'))
    .addOption(dbOption())
    .action(async (options: StoreCliOptions & { municipality?: string[]; format: TableFormat }) => {
      const municipalities = await officialMunicipalities(options.municipality);
      let rows: IndicatorCountRow[];
      if (hasDatabase(options)) rows = await withStore(options, (store) => indicatorCounts(store.db, { municipalities: municipalities }));
      else {
        process.stderr.write(`no database at ${options.db}: showing the taxonomy with no counts\n`);
        rows = INDICATORS.map((i) => ({ id: i.id, label: i.label, unit: i.unit, goals: 0, percentages: 0, total: 0, phrases: [...i.phrases] }));
      }
      await writeOutput(undefined, [render(options.format, rows, INDICATOR_COLUMNS, indicatorRecord, indicatorsTable)]);
    });
}

function unitInterval(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('a number from 0 to 1');
  return n;
}

async function* withBom(bom: boolean, text: AsyncIterable<string>): AsyncGenerator<string> {
  if (bom) yield '\uFEFF';
  yield* text;
}
