// `npm run bench`: pages/s and peak RSS of (a) bare pdf-parse text extraction,
// (b) `minutes ingest` end to end and (c) `pdftotext -layout` (when installed),
// each as its own process over the same PDFs: fixtures/*.pdf and a generated
// 500-page document. Prints one JSON object on stdout; progress goes to stderr.
//
// Peak RSS is that of the whole process tree (bench-measure.ts): the sum of the peaks of
// the child and its descendants (document workers, OCR tools), polled from /proc.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFParse } from 'pdf-parse';
import { measure, repoRoot, round, toResult, type EngineResult } from './bench-measure.js';

// pdfkit is CommonJS with `export =` typings; require keeps the types without esModuleInterop.
const PDFDocument = createRequire(import.meta.url)('pdfkit') as PDFKit.PDFDocument;

const cliMain = join(repoRoot, 'dist', 'cli', 'main.js');
const thisScript = fileURLToPath(import.meta.url);
const SYNTHETIC_PAGES = 500;

// ---- child mode (a): bare pdf-parse text extraction, in one process -------------

async function pdfParseChild(files: string[]): Promise<void> {
  let pages = 0;
  const started = performance.now();
  for (const file of files) {
    const parser = new PDFParse({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false });
    try {
      pages += (await parser.getText()).pages.length;
    } finally {
      await parser.destroy();
    }
  }
  process.stdout.write(JSON.stringify({ pages, seconds: (performance.now() - started) / 1000 }));
}

// ---- the synthetic 500-page document --------------------------------------------

function writeSyntheticPdf(file: string, pages: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', info: { Title: 'Syntetisk referat (benchmark)' }, compress: true });
    const out = createWriteStream(file);
    out.on('finish', () => resolvePromise());
    out.on('error', reject);
    doc.pipe(out);
    const committees = ['Beskæftigelsesudvalget', 'Økonomiudvalget', 'Social- og Sundhedsudvalget', 'Børne- og Ungeudvalget'];
    for (let p = 1; p <= pages; p++) {
      doc.addPage({ margin: 56 });
      const committee = committees[p % committees.length] ?? '';
      doc.font('Helvetica').fontSize(8).text(`${committee} · Referat · Side ${p} af ${pages}`, 56, 30);
      doc.font('Helvetica-Bold').fontSize(14).text(`Punkt ${p}: Opfølgning på mål og økonomi ${2020 + (p % 6)}`, 56, 60);
      doc.font('Helvetica').fontSize(10);
      let y = 90;
      for (let i = 0; i < 14; i++) {
        const share = ((p * 37 + i * 11) % 900) / 10;
        const amount = ((p * 7919 + i * 104729) % 9_000_000) + 100_000;
        doc.text(
          `Andelen af borgere i job eller uddannelse var ${share.toFixed(1).replace('.', ',')} % mod målet på ${(share + 5).toFixed(0)} %. ` +
            `Forbruget udgjorde ${amount.toLocaleString('da-DK')} kr., og målet er ${i % 3 === 0 ? 'nået' : 'ikke nået'}.`,
          56,
          y,
          { width: 480 },
        );
        y += 30;
      }
      const columns = ['Budget', 'Forbrug', 'Afvigelse'];
      columns.forEach((c, i) => doc.font('Helvetica-Bold').text(c, 300 + i * 80, y + 10));
      for (let r = 0; r < 6; r++) {
        doc.font('Helvetica').text(`Område ${r + 1}`, 56, y + 28 + r * 16);
        columns.forEach((_, i) => doc.text(String(((p + r) * (i + 3) * 137) % 5000), 300 + i * 80, y + 28 + r * 16));
      }
    }
    doc.end();
  });
}

// ---- main -----------------------------------------------------------------------

async function benchSet(name: string, files: string[], work: string, hasPdftotext: boolean) {
  console.error(`bench: ${name}: ${files.length} file(s)`);
  const a = await measure(process.execPath, [thisScript, '--engine', 'pdf-parse', ...files]);
  if (a.exitCode !== 0) throw new Error(`pdf-parse run failed: ${a.stderr}`);
  const { pages, seconds: inProcessSeconds } = JSON.parse(a.stdout) as { pages: number; seconds: number };

  const out = join(work, `${name}-out`);
  const b = await measure(process.execPath, [cliMain, 'ingest', ...files, '--out', join(out, 'json'), '--db', join(out, 'minutes.db')]);
  const summary = b.stdout.split('\n')[0] ?? '';
  if (b.exitCode !== 0 || !summary.startsWith(`ok ${files.length} · failed 0`)) throw new Error(`minutes ingest did not ingest every file: ${b.stdout}${b.stderr}`);

  let c: EngineResult | null = null;
  if (hasPdftotext) {
    const loop = 'for f in "$@"; do pdftotext -layout "$f" /dev/null || exit 1; done';
    const m = await measure('sh', ['-c', loop, 'sh', ...files]);
    if (m.exitCode !== 0) throw new Error(`pdftotext failed: ${m.stderr}`);
    c = toResult(m, pages);
  }
  const ra = toResult(a, pages);
  const rb = toResult(b, pages);
  return {
    name,
    files: files.map((f) => f.replace(`${repoRoot}/`, '')),
    pages,
    a_pdfParse: { ...ra, inProcessSeconds: round(inProcessSeconds, 3), inProcessPagesPerSecond: round(pages / inProcessSeconds, 1) },
    b_minutesIngest: { ...rb, summary },
    c_pdftotextLayout: c,
    ratios: {
      b_over_a_pagesPerSecond: round(rb.pagesPerSecond / ra.pagesPerSecond, 3),
      b_over_a_cpuSeconds: rb.cpuSeconds !== null && ra.cpuSeconds ? round(rb.cpuSeconds / ra.cpuSeconds, 3) : null,
      b_over_c_pagesPerSecond: c ? round(rb.pagesPerSecond / c.pagesPerSecond, 3) : null,
      b_over_a_peakRss: rb.peakRssMb !== null && ra.peakRssMb !== null ? round(rb.peakRssMb / ra.peakRssMb, 3) : null,
      b_over_c_peakRss: c && rb.peakRssMb !== null && c.peakRssMb !== null ? round(rb.peakRssMb / c.peakRssMb, 3) : null,
    },
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--engine' && args[1] === 'pdf-parse') return pdfParseChild(args.slice(2));
  if (!existsSync(cliMain)) throw new Error(`${cliMain} is missing; run \`npm run build\``);

  const fixturesDir = join(repoRoot, 'fixtures');
  const fixtures = existsSync(fixturesDir)
    ? readdirSync(fixturesDir).filter((f) => /\.pdf$/i.test(f)).sort().map((f) => join(fixturesDir, f))
    : [];
  const loadAtStart = loadavg().map((l) => round(l, 2));
  const work = mkdtempSync(join(tmpdir(), 'minutes-bench-'));
  try {
    const synthetic = join(work, `synthetic-${SYNTHETIC_PAGES}.pdf`);
    console.error(`bench: generating a ${SYNTHETIC_PAGES}-page PDF`);
    await writeSyntheticPdf(synthetic, SYNTHETIC_PAGES);
    const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
    const sets = [];
    if (fixtures.length > 0) sets.push(await benchSet('fixtures', fixtures, work, hasPdftotext));
    else console.error('bench: fixtures/*.pdf not found (npm run fixtures); measuring the synthetic document only');
    sets.push(await benchSet(`synthetic-${SYNTHETIC_PAGES}`, [synthetic], work, hasPdftotext));
    sets.push(await benchSet('all', [...fixtures, synthetic], work, hasPdftotext));
    // Queue mode (issue 5): the same fixtures through BullMQ with 1 and 2 worker processes,
    // against in-process ingest; MINUTES_BENCH_QUEUE=0 leaves it out.
    const queue =
      process.env['MINUTES_BENCH_QUEUE'] === '0'
        ? { skipped: 'MINUTES_BENCH_QUEUE=0' }
        : await (await import('./bench-queue.js')).benchQueue({ log: (m) => console.error(`bench: ${m}`) });
    // OCR (issue 11): the scanned fixtures read by tesseract, and text PDFs with OCR on and off;
    // MINUTES_BENCH_OCR=0 leaves it out.
    const ocr =
      process.env['MINUTES_BENCH_OCR'] === '0'
        ? { skipped: 'MINUTES_BENCH_OCR=0' }
        : await (await import('./bench-ocr.js')).benchOcr({ work, log: (m) => console.error(`bench: ${m}`) });
    // Per stage (issue 12): where a page's time goes, in one thread; MINUTES_BENCH_STAGES=0 leaves it out.
    const stages =
      process.env['MINUTES_BENCH_STAGES'] === '0'
        ? { skipped: 'MINUTES_BENCH_STAGES=0' }
        : await (await import('./bench-stages.js')).benchStages({ log: (m) => console.error(`bench: ${m}`) });
    const result = {
      measuredAt: new Date().toISOString(),
      machine: { node: process.version, cpu: cpus()[0]?.model ?? null, availableParallelism: availableParallelism(), loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((l) => round(l, 2)) } },
      notes: [
        'Each engine runs as its own process; seconds are wall-clock from spawn to exit, so they include Node start-up and imports.',
        'a: pdf-parse getText() only, one document after another, in one process (inProcess* excludes start-up).',
        'b: node dist/cli/main.js ingest over the same files into a fresh SQLite file: hash; parse, normalise, extract and validate in the worker-process pool (one process per document at a time); store and write JSON in the main process.',
        'peakRssMb: the sum of the peaks of every process in the tree (an upper bound: the peaks need not coincide).',
        'c: pdftotext -layout per file (one process per file, run by sh); null when pdftotext is not installed.',
        'Ratios are b divided by a (or c): < 1 means minutes ingest is slower per page / uses less memory (cpuSeconds: < 1 means it uses less CPU).',
        'cpuSeconds (user + system, from GNU time) counts all threads: b can use several cores at once, so its wall time can be below its CPU time.',
      ],
      pdftotextInstalled: hasPdftotext,
      sets,
      stages,
      ocr,
      queue,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
