// `minutes ingest <paths...>`: PDFs → contract JSON in --out and rows in the store,
// in this process (a pool of worker threads parses and extracts; no Redis).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { availableParallelism } from 'node:os';
// The harness's own module, not the pipeline index: this thread needs neither pdf.js nor the extractors.
import { ingestPaths } from '../../pipeline/ingest.js';
import { OCR_MODES, type OcrMode } from '../../pdf/parse-options.js';
import { openStore, type Store } from '../../store/index.js';
import { fileProgress } from '../progress-bar.js';
import { detailLines, summaryLine } from '../ingest-summary.js';

interface IngestCliOptions {
  out: string;
  db: string;
  withText: boolean;
  concurrency: number;
  strict: boolean;
  ocr: OcrMode;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read PDFs (files or folders, recursively) into contract JSON and the database')
    .argument('<paths...>', 'PDF files or folders (*.pdf, any case, recursively)')
    .option('--out <dir>', 'folder for the JSON documents', 'output/json')
    .option('--db <file>', 'SQLite database file (DATABASE_URL, when set, selects PostgreSQL instead)', 'output/minutes.db')
    .option('--with-text', 'include the normalised page texts in the JSON as "pages"', false)
    .option('--concurrency <n>', 'worker threads, each parsing and extracting one document at a time', positiveInt, availableParallelism())
    .option('--strict', 'exit with status 1 when any file failed', false)
    .addOption(
      new Option('--ocr <mode>', 'OCR (tesseract, Danish) of pages without a text layer: auto = when installed, always = every page, never = only warn')
        .choices(OCR_MODES)
        .default('auto'),
    )
    .action(async (paths: string[], options: IngestCliOptions) => {
      process.exitCode = await runIngest(paths, options);
    });
}

/** Exit status when the run could not start at all (no store); per-file failures never give this. */
const EXIT_CANNOT_START = 2;

async function runIngest(paths: string[], options: IngestCliOptions): Promise<number> {
  const databaseUrl = process.env['DATABASE_URL']?.trim();
  let store: Store;
  try {
    store = await openStore(databaseUrl ? { databaseUrl } : { sqliteFile: options.db });
  } catch (err) {
    const where = databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : options.db;
    process.stderr.write(`minutes ingest: cannot open ${where}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_CANNOT_START;
  }
  const progress = fileProgress();
  try {
    const report = await ingestPaths(paths, store, {
      outDir: options.out,
      withText: options.withText,
      concurrency: options.concurrency,
      parse: { ocr: options.ocr },
      onStart: (total) => progress.start(total),
      onResult: (result) => progress.update(result),
    });
    progress.stop();
    const lines = [summaryLine(report), ...detailLines(report.results)];
    process.stdout.write(`${lines.join('\n')}\n`);
    return options.strict && report.failed > 0 ? 1 : 0;
  } finally {
    progress.stop();
    await store.close();
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}
