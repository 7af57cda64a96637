// The end of an ingest run in words: one summary line, then one line per failed
// file (path, code, reason) and per file skipped because it failed before.
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
    else if (r.status === 'skipped' && r.reason === 'failed_before') lines.push(`skipped ${path}  (failed before: ${r.previousCode})`);
    else if (r.status === 'skipped' && r.reason === 'duplicate') lines.push(`skipped ${path}  (same bytes as ${printable(r.duplicateOf ?? '')})`);
  }
  return lines;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
