// The OCR part of `npm run bench`: pages/s, CPU and peak RSS of `minutes ingest` over
// the scanned fixtures (every page read by tesseract), and over the text fixtures with
// OCR on (auto) and off (never): OCR must cost a text PDF nothing.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measure, repoRoot, round, toResult } from './bench-measure.js';

const cliMain = join(repoRoot, 'dist', 'cli', 'main.js');

const pdfsIn = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => /\.pdf$/i.test(f)).sort().map((f) => join(dir, f)) : [];

async function ingest(name: string, files: string[], work: string, ocr: string, concurrency: number) {
  const out = join(work, `ocr-${name}-${ocr}-${concurrency}`);
  const run = await measure(process.execPath, [cliMain, 'ingest', ...files, '--out', join(out, 'json'), '--db', join(out, 'm.db'), '--ocr', ocr, '--concurrency', String(concurrency)]);
  const summary = run.stdout.split('\n')[0] ?? '';
  const pages = Number(/· pages (\d+) ·/.exec(summary)?.[1] ?? Number.NaN);
  if (run.exitCode !== 0 || !summary.startsWith(`ok ${files.length} · failed 0`)) throw new Error(`ingest --ocr ${ocr} failed: ${run.stdout}${run.stderr}`);
  return { ocr, concurrency, pages, ...toResult(run, pages), summary };
}

export async function benchOcr(options: { work: string; log: (message: string) => void }) {
  const scanned = pdfsIn(join(repoRoot, 'fixtures', 'scanned'));
  const text = pdfsIn(join(repoRoot, 'fixtures'));
  if (scanned.length === 0) return { skipped: 'fixtures/scanned has no PDFs (npm run fixtures)' };
  options.log(`ocr: ${scanned.length} scanned fixture(s), one process, then two`);
  const one = await ingest('scanned', scanned, options.work, 'auto', 1);
  const two = await ingest('scanned', scanned, options.work, 'auto', 2);
  options.log(`ocr: ${text.length} text fixture(s) with --ocr auto and --ocr never`);
  const auto = await ingest('text', text, options.work, 'auto', 2);
  const never = await ingest('text', text, options.work, 'never', 2);
  return {
    notes: [
      'scanned: fixtures/scanned (image-only PDFs, 200–300 dpi, upright and turned); every page is rendered (pdftoppm), its orientation found and read (tesseract, dan), one page at a time per document process.',
      'text: fixtures/*.pdf with OCR on (auto) and off (never): auto must cost nothing, as no page lacks its text layer.',
    ],
    scanned: { oneProcess: one, twoProcesses: two },
    text: { auto, never, auto_over_never_seconds: round(auto.seconds / never.seconds, 3) },
  };
}
