// `minutes compare`, `goals`, `export` and `indicators`: municipalities side by side,
// goal attainment, flat exports for R/pandas/spreadsheets, and the indicator taxonomy.
// PostgreSQL when DATABASE_URL is set, else the SQLite file of --db.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  COMPARE_COLUMNS,
  compareIndicators,
  compareRecord,
  csvRecord,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  exportFacts,
  findIndicator,
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
import { formatNumber, textTable } from '../../compare/text-table.js';
import { DEFAULT_SQLITE_FILE, openStore, type KyselyStore } from '../../store/index.js';

type TableFormat = 'table' | 'csv' | 'json';

interface StoreCliOptions {
  db: string;
}

const collect = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value.split(',').map((v) => v.trim()).filter(Boolean),
];
const collectYears = (value: string, previous: number[] = []): number[] => {
  const years = value.split(',').map((v) => Number(v.trim()));
  if (years.some((y) => !Number.isInteger(y) || y < 1900 || y > 2100)) throw new InvalidArgumentError('years are four-digit numbers, e.g. 2023');
  return [...previous, ...years];
};

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

/** A mistake in how the command was called: reported in one line, exit status 2. */
class UsageError extends Error {}

/** Runs an action; usage errors print one line instead of a stack trace. */
function guarded<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await action(...args);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`minutes: ${err.message}\n`);
      process.exitCode = 2;
    }
  };
}

const hasDatabase = (options: StoreCliOptions): boolean => Boolean(process.env['DATABASE_URL']?.trim()) || existsSync(options.db);

/** Opens the store the way every reading command does; a missing SQLite file is an error, not a new empty database. */
async function withStore<T>(options: StoreCliOptions, run: (store: KyselyStore) => Promise<T>): Promise<T> {
  const databaseUrl = process.env['DATABASE_URL']?.trim();
  if (!hasDatabase(options)) {
    throw new UsageError(`no database at ${options.db} (run \`minutes ingest\` first, pass --db FILE, or set DATABASE_URL)`);
  }
  const store = await openStore(databaseUrl ? { databaseUrl } : { sqliteFile: options.db });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** Writes to stdout or a file, waiting when the stream asks for it. */
async function withOutput(out: string | undefined, run: (write: (chunk: string) => Promise<void>) => Promise<void>): Promise<void> {
  const stream: Writable = out ? createWriteStream(out, { encoding: 'utf8' }) : process.stdout;
  const write = async (chunk: string): Promise<void> => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  try {
    await run(write);
  } finally {
    if (out) {
      stream.end();
      await once(stream, 'finish');
    }
  }
}

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

function checkIndicators(ids: readonly string[]): void {
  const unknown = ids.filter((id) => !findIndicator(id));
  if (unknown.length) {
    throw new UsageError(`unknown indicator ${unknown.join(', ')}; known: ${INDICATORS.map((i) => i.id).join(', ')}`);
  }
}

export function registerCompareCommands(program: Command): void {
  program
    .command('compare')
    .description('one row per municipality × year × indicator × reported fact: value, national value, target, status, source')
    .addOption(new Option('--indicator <ids>', 'only these indicator ids (repeat or separate by commas; see `minutes indicators`)').argParser(collect))
    .addOption(municipalityOption())
    .addOption(new Option('--year <years>', 'only these years: plan year, else meeting year (repeat or commas)').argParser(collectYears))
    .addOption(formatOption(['table', 'csv', 'json'], 'table'))
    .addOption(new Option('--threshold <n>', 'minimum link confidence, 0..1').default(0.6).argParser(unitInterval))
    .addOption(dbOption())
    .addOption(correctedOption())
    .addOption(asExtractedOption())
    .action(guarded(async (options: StoreCliOptions & { indicator?: string[]; municipality?: string[]; year?: number[]; format: TableFormat; threshold: number; asExtracted?: boolean }) => {
      checkIndicators(options.indicator ?? []);
      const rows = await withStore(options, (store) =>
        compareIndicators(store.db, {
          indicators: options.indicator ?? [],
          municipalities: options.municipality ?? [],
          years: options.year ?? [],
          threshold: options.threshold,
          corrected: isCorrected(options),
        }),
      );
      await withOutput(undefined, (write) => write(render(options.format, rows, COMPARE_COLUMNS, compareRecord, compareTable)));
    }));

  program
    .command('goals')
    .description('goal attainment per municipality and plan year: counts per status and share met')
    .addOption(municipalityOption())
    .addOption(new Option('--year <years>', 'only these plan years (repeat or commas)').argParser(collectYears))
    .addOption(formatOption(['table', 'csv', 'json'], 'table'))
    .addOption(dbOption())
    .addOption(correctedOption())
    .addOption(asExtractedOption())
    .action(guarded(async (options: StoreCliOptions & { municipality?: string[]; year?: number[]; format: TableFormat; asExtracted?: boolean }) => {
      const rows = await withStore(options, (store) =>
        goalAttainmentReport(store.db, { municipalities: options.municipality ?? [], years: options.year ?? [], corrected: isCorrected(options) }),
      );
      await withOutput(undefined, (write) => write(render(options.format, rows, GOALS_COLUMNS, goalsRecord, goalsTable)));
    }));

  program
    .command('export')
    .description('flat records with provenance for R, pandas and spreadsheets (columns: see README)')
    .addOption(new Option('--format <format>', 'csv (RFC 4180, UTF-8) or jsonl').choices(EXPORT_FORMATS).default('csv'))
    .addOption(new Option('--what <kind>', 'which facts').choices(EXPORT_KINDS).default('goals'))
    .option('--out <file>', 'write here instead of standard output')
    .option('--bom', 'start a CSV with a UTF-8 byte order mark (for Excel)', false)
    .addOption(municipalityOption())
    .addOption(dbOption())
    .addOption(correctedOption())
    .addOption(asExtractedOption())
    .action(guarded(async (options: StoreCliOptions & { format: ExportFormat; what: ExportKind; out?: string; bom: boolean; municipality?: string[]; asExtracted?: boolean }) => {
      const count = await withStore(options, async (store) => {
        let n = 0;
        await withOutput(options.out, async (write) => {
          if (options.bom && options.format === 'csv') await write('\uFEFF');
          n = await exportFacts(store.db, { format: options.format, what: options.what, municipalities: options.municipality ?? [], corrected: isCorrected(options) }, write);
        });
        return n;
      });
      if (options.out) process.stderr.write(`${count} ${options.what} records written to ${options.out}\n`);
    }));

  program
    .command('indicators')
    .description('the indicator taxonomy, with how many stored goals and percentages link to each')
    .addOption(municipalityOption())
    .addOption(formatOption(['table', 'csv', 'json'], 'table'))
    .addOption(dbOption())
    .action(guarded(async (options: StoreCliOptions & { municipality?: string[]; format: TableFormat }) => {
      let rows: IndicatorCountRow[];
      if (hasDatabase(options)) rows = await withStore(options, (store) => indicatorCounts(store.db, { municipalities: options.municipality ?? [] }));
      else {
        process.stderr.write(`no database at ${options.db}: showing the taxonomy with no counts\n`);
        rows = INDICATORS.map((i) => ({ id: i.id, label: i.label, unit: i.unit, goals: 0, percentages: 0, total: 0, phrases: [...i.phrases] }));
      }
      await withOutput(undefined, (write) => write(render(options.format, rows, INDICATOR_COLUMNS, indicatorRecord, indicatorsTable)));
    }));
}

function unitInterval(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('a number from 0 to 1');
  return n;
}
