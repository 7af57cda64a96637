// Queue-mode benchmark (issue 5): documents/s and pages/s through BullMQ with 1 and
// 2 worker processes over the same PDFs, and the queue's overhead per document
// compared with in-process ingest. Starts its own redis-server (free port, no
// persistence); never touches a Redis named by REDIS_URL.
//
//   node dist/tools/scripts/bench-queue.js [--copies N]     (prints JSON on stdout)
//   import { benchQueue } from './bench-queue.js'           (for scripts/bench.ts)
//
// Inputs: fixtures/*.pdf, each copied N times (default 40) with a comment appended
// after %%EOF so that every copy has its own sha256 (readers ignore the trailer).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { ingestPaths } from 'minutes/pipeline/index';
import { openStore } from 'minutes/store/index';
import { enqueueFiles, openQueues } from 'minutes/queue/index';
import { EXTRACTOR } from 'minutes/version';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const workerJs = join(repoRoot, 'dist/tools/workers/worker.js');
/** The worker's start-up line ("worker HOST-PID (VERSION): queues…"), as a pino JSON message or plain text. */
const WORKER_STARTED = /(?:^|[\s"])worker \S+ \(\d/m;

export interface QueueBenchRun {
  label: string;
  workers: number | null;
  documents: number;
  pages: number;
  seconds: number;
  documentsPerSecond: number;
  pagesPerSecond: number;
}

export interface QueueBenchResult {
  measuredAt: string;
  machine: { node: string; cpu: string | null; availableParallelism: number };
  inputs: { fixtures: number; copiesEach: number; documents: number; pages: number };
  runs: QueueBenchRun[];
  /** (queue seconds − in-process seconds) / documents, same parallelism, in ms. */
  overheadMsPerDocument: { oneWorkerVsIngestConcurrency1: number; twoWorkersVsIngestConcurrency2: number };
  notes: string[];
}

export async function benchQueue(options: { copies?: number; log?: (m: string) => void } = {}): Promise<QueueBenchResult | { skipped: string }> {
  const log = options.log ?? ((m: string) => process.stderr.write(`bench-queue: ${m}\n`));
  if (spawnSync('redis-server', ['--version']).status !== 0) return { skipped: 'redis-server is not on PATH' };
  if (!existsSync(workerJs)) return { skipped: `${workerJs} is missing; run npm run build` };
  const fixturesDir = join(repoRoot, 'fixtures');
  const fixtures = existsSync(fixturesDir) ? readdirSync(fixturesDir).filter((f) => /\.pdf$/i.test(f)).sort().map((f) => join(fixturesDir, f)) : [];
  if (fixtures.length === 0) return { skipped: 'no fixtures/*.pdf (npm run fixtures)' };
  const copies = options.copies ?? 40;
  const work = mkdtempSync(join(tmpdir(), 'minutes-bench-queue-'));
  const redis = await startRedis(join(work, 'redis'));
  try {
    const pdfDir = join(work, 'pdfs');
    mkdirSync(pdfDir);
    for (const fixture of fixtures) {
      for (let i = 1; i <= copies; i++) {
        const file = join(pdfDir, `${basename(fixture, '.pdf')}-${String(i).padStart(3, '0')}.pdf`);
        copyFileSync(fixture, file);
        appendFileSync(file, `\n% minutes bench copy ${i}\n`);
      }
    }
    const files = readdirSync(pdfDir).map((f) => join(pdfDir, f)).sort();
    // Warm-up documents of their own (other sha256s): the workers' first jobs load pdf.js,
    // fork the parse processes and fill lazy word lists; that start-up is not throughput.
    const warmDir = join(work, 'warm-up-pdfs');
    mkdirSync(warmDir);
    for (const fixture of fixtures) {
      for (let i = 1; i <= 3; i++) {
        const file = join(warmDir, `${basename(fixture, '.pdf')}-warm-${i}.pdf`);
        copyFileSync(fixture, file);
        appendFileSync(file, `\n% minutes bench warm-up ${i}\n`);
      }
    }
    const warmFiles = readdirSync(warmDir).map((f) => join(warmDir, f)).sort();
    log(`${files.length} documents (${fixtures.length} fixtures × ${copies})`);

    // Warm-up (module loading, word lists), then each pair back to back so load drift hits both alike.
    await benchIngest(warmFiles, join(work, 'warm-up'), 1);
    const runs: QueueBenchRun[] = [];
    for (const n of [1, 2]) {
      log(`in-process ingest, concurrency ${n}`);
      runs.push(await benchIngest(files, join(work, `ingest-${n}`), n));
      log(`queue, ${n} worker process(es)`);
      runs.push(await benchWorkers(files, warmFiles, join(work, `queue-${n}`), `${redis.url}/${n}`, n));
    }
    const by = (label: string): QueueBenchRun => runs.find((r) => r.label === label) as QueueBenchRun;
    const overhead = (queue: QueueBenchRun, ingest: QueueBenchRun): number => round(((queue.seconds - ingest.seconds) / queue.documents) * 1000);
    return {
      measuredAt: new Date().toISOString(),
      machine: { node: process.version, cpu: cpus()[0]?.model ?? null, availableParallelism: availableParallelism() },
      inputs: { fixtures: fixtures.length, copiesEach: copies, documents: files.length, pages: by('ingest-1').pages },
      runs,
      overheadMsPerDocument: {
        oneWorkerVsIngestConcurrency1: overhead(by('queue-1-worker'), by('ingest-1')),
        twoWorkersVsIngestConcurrency2: overhead(by('queue-2-workers'), by('ingest-2')),
      },
      notes: [
        'ingest-N: ingestPaths() in this process (the code behind `minutes ingest`) with N parser threads, fresh SQLite file, JSON written.',
        'queue-N: N `node dist/tools/workers/worker.js` processes (parse concurrency 1 each, so N parses at once), warmed up on 3 copies of each fixture; the clock runs from the enqueue call until every document is in the SQLite store.',
        'Both include hashing, parsing, normalising, extracting, validating and storing; the queue adds Redis round trips, a child process per parse slot, the parsed-page cache write/read, and cross-process SQLite locking.',
        'The machine is shared and noisy: compare ratios, not absolute numbers.',
      ],
    };
  } finally {
    await redis.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function benchIngest(files: string[], dir: string, concurrency: number): Promise<QueueBenchRun> {
  mkdirSync(dir, { recursive: true });
  const store = await openStore({ sqliteFile: join(dir, 'minutes.db') });
  try {
    const started = performance.now();
    const report = await ingestPaths(files, store, { outDir: join(dir, 'json'), concurrency });
    const seconds = (performance.now() - started) / 1000;
    if (report.ok !== files.length) throw new Error(`ingest stored ${report.ok} of ${files.length} documents`);
    return run(`ingest-${concurrency}`, null, files.length, report.pages, seconds);
  } finally {
    await store.close();
  }
}

async function benchWorkers(files: string[], warmFiles: string[], dir: string, redisUrl: string, count: number): Promise<QueueBenchRun> {
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'minutes.db');
  const store = await openStore({ sqliteFile: db }); // migrated before the workers start
  const env = { ...process.env, REDIS_URL: redisUrl, DATABASE_URL: '' };
  const workers: ChildProcess[] = [];
  const queues = openQueues(redisUrl);
  try {
    for (let i = 0; i < count; i++) {
      const logFile = join(dir, `worker-${i}.log`);
      const fd = openSync(logFile, 'a');
      workers.push(spawn(process.execPath, [workerJs, '--queues', 'parse,extract', '--db', db], { env, stdio: ['ignore', fd, fd] }));
      closeSync(fd);
      await until(() => WORKER_STARTED.test(readFileSync(logFile, 'utf8')), 30_000, `worker ${i} to start`);
    }
    const deps = { parseQueue: queues.parse, store, extractorVersion: EXTRACTOR.version };
    const reader = new Database(db, { readonly: true });
    let stored = { n: 0, pages: 0 };
    const countStored = reader.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(pages), 0) AS pages FROM documents WHERE status = 'ok'");
    const storedAtLeast = async (n: number, what: string): Promise<void> =>
      until(() => {
        stored = countStored.get() as { n: number; pages: number };
        return stored.n >= n;
      }, 600_000, what, 50);
    try {
      await enqueueFiles(warmFiles, deps);
      await storedAtLeast(warmFiles.length, 'the warm-up documents');
      const before = { ...stored };
      const started = performance.now();
      const summary = await enqueueFiles(files, deps);
      if (summary.enqueued !== files.length) throw new Error(`enqueued ${summary.enqueued} of ${files.length}`);
      await storedAtLeast(before.n + files.length, 'all documents stored');
      const seconds = (performance.now() - started) / 1000;
      return run(count === 1 ? 'queue-1-worker' : `queue-${count}-workers`, count, stored.n - before.n, stored.pages - before.pages, seconds);
    } finally {
      reader.close();
    }
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => (w.exitCode !== null ? undefined : new Promise((r) => w.once('exit', r)))));
    await queues.close();
    await store.close();
  }
}

function run(label: string, workers: number | null, documents: number, pages: number, seconds: number): QueueBenchRun {
  return { label, workers, documents, pages, seconds: round(seconds), documentsPerSecond: round(documents / seconds), pagesPerSecond: round(pages / seconds) };
}

const round = (n: number): number => Math.round(n * 100) / 100;

async function until(check: () => boolean, timeoutMs: number, what: string, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function startRedis(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  const port = await new Promise<number>((resolvePort, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  await until(() => spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().includes('PONG') ?? false, 10_000, 'redis-server');
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const copiesFlag = process.argv.indexOf('--copies');
  const copies = copiesFlag > 0 ? Number(process.argv[copiesFlag + 1]) : undefined;
  const result = await benchQueue(copies !== undefined ? { copies } : {});
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
