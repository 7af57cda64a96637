// `minutes ingest <paths...>`: PDFs → contract JSON in --out and rows in the store,
// in this process (a pool of worker threads parses and extracts; no Redis).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
// The harness's own module, not the pipeline index: this thread needs neither pdf.js nor the extractors.
import { ingestPaths, type FileResult } from '../../pipeline/ingest.js';
import { capConcurrency } from '../../pipeline/concurrency-cap.js';
import { OCR_MODES, type OcrMode } from '../../pdf/parse-options.js';
import { MinutesError } from '../../schema/errors.js';
import { databaseLocation, makeFolders, maskPassword, type KyselyStore } from '../../store/index.js';
import { refreshCompareRows } from '../../compare/stored-rows.js';
import { EXIT } from '../../schema/exit-codes.js';
import { openCliStore } from '../open-store.js';
import { ioReason } from '../report-error.js';
import { fileProgress } from '../progress-bar.js';
import { detailLines, outputLines, shellWord, summaryLine } from '../ingest-summary.js';

interface IngestCliOptions {
  out: string;
  db: string;
  withText: boolean;
  force: boolean;
  retryFailed: boolean;
  concurrency: number;
  strict: boolean;
  ocr: OcrMode;
  memoryLimit?: number;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read PDFs (files or folders, recursively) into contract JSON and the database')
    .argument('<paths...>', 'PDF files or folders (*.pdf, any case, recursively)')
    .option('--out <dir>', 'folder for the JSON documents', 'output/json')
    .option('--db <file>', 'SQLite database file (DATABASE_URL, when set, selects PostgreSQL instead)', 'output/minutes.db')
    .option('--with-text', 'include the normalised page texts in the JSON as "pages" (a stored document\'s JSON without them is written again)', false)
    .option('--force', 'read every file again, also those stored with this extractor version (each replaces its row and JSON)', false)
    .option('--retry-failed', 'read the files that failed in an earlier run again (skipped otherwise); files stored ok stay skipped', false)
    .option('--concurrency <n>', 'worker threads, each parsing and extracting one document at a time', positiveInt, availableParallelism())
    .option('--memory-limit <mb>', 'resident memory limit of each document process, in MB (default 1536)', positiveInt)
    .option('--strict', 'exit with status 1 when any file failed (in this run, or before and skipped now)', false)
    .addOption(
      new Option('--ocr <mode>', 'OCR (tesseract, Danish) of pages without a text layer: auto = when installed, always = every page, never = only warn')
        .choices(OCR_MODES)
        .default('auto'),
    )
    .action(async (paths: string[], options: IngestCliOptions) => {
      process.exitCode = await runIngest(paths, options);
    });
}

async function runIngest(paths: string[], options: IngestCliOptions): Promise<number> {
  const location = databaseLocation(options.db);
  if (location.sqliteFile) assertWritableDatabase(location.sqliteFile);
  const store = await openCliStore(location);
  const progress = fileProgress();
  const comparisons = new StoredComparisons(store);
  try {
    assertWritableFolder(options.out);
    const report = await ingestPaths(paths, store, {
      outDir: options.out,
      withText: options.withText,
      reread: options.force ? 'all' : options.retryFailed ? 'failed' : 'none',
      concurrency: capConcurrency(options.concurrency, '--concurrency', (line) => process.stderr.write(`minutes: ${line}\n`)),
      parse: { ocr: options.ocr },
      ...(options.memoryLimit !== undefined ? { memoryLimitMb: options.memoryLimit } : {}),
      onStart: (total) => progress.start(total),
      onResult: (result) => {
        progress.update(result);
        if (result.status === 'ok') comparisons.documentStored(result.sha256);
      },
    });
    progress.stop();
    if (!report.stopped) await comparisons.refreshAll();
    const targets = {
      outDir: options.out,
      ...(location.sqliteFile ? { sqliteFile: location.sqliteFile } : {}),
      ...(location.databaseUrl ? { postgresUrl: maskPassword(location.databaseUrl) } : {}),
      dbFlag: !process.env['DATABASE_URL']?.trim(),
      command: invokedAs(),
    };
    // A blank line parts the files from where the output went and what to run next.
    const lines = [summaryLine(report), ...detailLines(report.results), '', ...outputLines(report.results, targets)];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (report.stopped) {
      const { code, message, notStarted } = report.stopped;
      throw new MinutesError(code, `stopped: the results could not be written (${message}); ${notStarted} files not started`);
    }
    return options.strict && failedInputs(report.results) > 0 ? EXIT.someFailed : EXIT.ok;
  } finally {
    progress.stop();
    await comparisons.settled();
    await store.close();
  }
}

/**
 * The workbench's comparison rows (compare/stored-rows.ts), kept up to date so its compare page
 * needs no rebuild: each document's as soon as it is stored, one at a time while the next ones
 * are parsed (off the critical path), then whatever is still out of date once the batch is done.
 * A failure loses nothing (a rebuild is one transaction; the workbench rebuilds what is missing):
 * during the batch it only ends the per-document rebuilds, at the end it is told in one line.
 */
class StoredComparisons {
  private chain: Promise<void> = Promise.resolve();
  private failedEarly = false;

  constructor(private readonly store: KyselyStore) {}

  documentStored(sha256: string): void {
    this.chain = this.chain.then(async () => {
      if (this.failedEarly) return;
      await refreshCompareRows(this.store.db, [sha256]).catch(() => {
        this.failedEarly = true;
      });
    });
  }

  /** Resolves when the per-document rebuilds are done; never rejects. */
  settled(): Promise<void> {
    return this.chain;
  }

  async refreshAll(): Promise<void> {
    await this.chain;
    try {
      await refreshCompareRows(this.store.db);
    } catch (err) {
      process.stderr.write(`minutes: the stored comparison rows were not rebuilt (${(err as Error).message}); \`minutes serve\` rebuilds them\n`);
    }
  }
}

/** Failed in this run, or skipped because they failed before: either way the input gave no document. */
const failedInputs = (results: readonly FileResult[]): number =>
  results.filter((r) => r.status === 'failed' || (r.status === 'skipped' && r.reason === 'failed_before')).length;

/** --out is made and checked before any PDF is read, so an unwritable folder is one error, not one per file. */
function assertWritableFolder(folder: string): void {
  try {
    makeFolders(resolve(folder));
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR', path: folder });
    accessSync(folder, constants.W_OK);
  } catch (err) {
    throw new MinutesError('io_error', `cannot write JSON to --out ${folder}: ${ioReason(err) ?? String(err)}`, { cause: err });
  }
}

/** A SQLite file (and its folder, for the WAL) that cannot be written ends the run before any PDF is read. */
function assertWritableDatabase(file: string): void {
  try {
    makeFolders(dirname(resolve(file)));
    accessSync(dirname(resolve(file)), constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
  } catch (err) {
    const code = (err as { code?: unknown }).code === 'EROFS' ? 'read_only' : 'io_error';
    throw new MinutesError(code, `cannot open the database ${file} for writing (--db): ${ioReason(err) ?? String(err)}`, { cause: err });
  }
}

/** `minutes` when run through the installed bin, else `node <the script as reachable from here>`. */
function invokedAs(): string {
  const script = process.argv[1] ?? '';
  if (basename(script) === 'minutes') return 'minutes';
  const fromHere = relative(process.cwd(), script);
  return `node ${shellWord(fromHere.startsWith('..') || isAbsolute(fromHere) ? script : fromHere)}`;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}
