// The end of an ingest run in words: one summary line, one line per failed file (path,
// code, reason) and per duplicate input, one line for all the files that failed in an
// earlier run (listed when they failed, counted since), then where the output went and
// what to run next.
import type { FileResult, IngestReport } from '../pipeline/index.js';
import { printable } from './report-error.js';

export function summaryLine(report: Pick<IngestReport, 'ok' | 'failed' | 'skipped' | 'pages' | 'seconds'>): string {
  const rate = report.seconds > 0 ? report.pages / report.seconds : 0;
  return [
    `ok ${report.ok}`,
    `failed ${report.failed}`,
    `skipped ${report.skipped}`,
    `pages ${report.pages}`,
    `${report.seconds.toFixed(1)} s`,
    `${rate.toFixed(1)} pages/s`,
  ].join(' · ');
}

/** Lines for the files a reader must look at; ok files and plain skips are left out. */
export function detailLines(results: readonly FileResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    // A newline or an escape sequence in a file name must not forge or wipe lines.
    const path = printable(r.path);
    if (r.status === 'failed') lines.push(`failed  ${path}  ${r.code}  ${printable(oneLine(r.message))}`);
    else if (r.status === 'skipped' && r.reason === 'duplicate') lines.push(`skipped ${path}  (same bytes as ${printable(r.duplicateOf ?? '')})`);
  }
  const before = failedBeforeLine(results);
  if (before) lines.push(before);
  return lines;
}

/**
 * The files skipped because they failed in an earlier run, in one line with their codes:
 * each was listed by name in the run it failed in, and every later run would repeat the list.
 */
function failedBeforeLine(results: readonly FileResult[]): string | undefined {
  const codes = new Map<string, number>();
  for (const r of results) {
    if (r.status === 'skipped' && r.reason === 'failed_before') codes.set(r.previousCode ?? 'internal', (codes.get(r.previousCode ?? 'internal') ?? 0) + 1);
  }
  const count = [...codes.values()].reduce((a, b) => a + b, 0);
  if (count === 0) return undefined;
  const byCode = [...codes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => `${code} ${n}`);
  return `skipped ${count} ${count === 1 ? 'file' : 'files'} that failed before (${byCode.join(', ')}): --retry-failed reads them again`;
}

export interface RunTargets {
  /** --out as given. */
  outDir: string;
  /** The SQLite file, when the store is one. */
  sqliteFile?: string;
  /** The PostgreSQL URL with its password masked, when DATABASE_URL selects one. */
  postgresUrl?: string;
  /** --db is given to the next commands (not when DATABASE_URL chooses the store: they read it too). */
  dbFlag: boolean;
  /** How this program was started (`minutes`, `node dist/cli/main.js`), so the next commands run as printed. */
  command: string;
}

/**
 * Where this run's JSON and rows went, and the commands that read them: each `next` line
 * is a command to paste as it is, with what it shows after a `#`.
 */
export function outputLines(results: readonly FileResult[], targets: RunTargets): string[] {
  const written = results.filter((r) => (r.status === 'ok' || r.status === 'skipped') && r.jsonFile !== null).length;
  const documents = results.filter((r) => r.status === 'ok' || (r.status === 'skipped' && r.reason !== 'failed_before')).length;
  const failed = results.filter((r) => r.status === 'failed' || (r.status === 'skipped' && r.reason === 'failed_before')).length;
  const database = targets.postgresUrl ? `${targets.postgresUrl} (PostgreSQL, DATABASE_URL)` : `${shellWord(targets.sqliteFile ?? '')} (SQLite)`;
  const db = targets.dbFlag && targets.sqliteFile ? ` --db ${shellWord(targets.sqliteFile)}` : '';
  const next = (args: string, what: string): string => `next      ${targets.command} ${args}${db}   # ${what}`;
  const lines = [`json      ${shellWord(targets.outDir)}  (${written} ${written === 1 ? 'file' : 'files'} written in this run)`, `database  ${database}`];
  if (documents > 0) {
    lines.push(next('goals', 'goal attainment per municipality and plan year'));
    lines.push(next('indicators', 'what can be compared; then: compare --indicator ID'));
    lines.push(next('export --what percentages --format csv --out percentages.csv', 'every figure with its source, for R and pandas'));
  }
  if (failed > 0) lines.push(next('export --what documents --status failed', 'the files that failed, with code and reason'));
  return lines;
}

/** A path as one shell word: bare when it is safe, else in single quotes. */
export function shellWord(text: string): string {
  const shown = printable(text);
  return /^[\w@%+=:,./-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
