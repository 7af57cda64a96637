// The soak: thousands of documents through queue mode while workers are SIGKILLed and
// Redis is restarted at random, then a check that every document was stored exactly
// once (0 lost, 0 duplicated) and that no process outlived its worker. Prints JSON.
//   npm run soak -- [--documents 2000] [--kills 20] [--redis-restarts 6] [--workers 2] [--seed 1]
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { plainPdf } from '../fixtures/faults/hostile-pdfs.js';
import { startPrivateRedis } from './lib/private-redis.js';
import { isAlive, processTree } from './lib/process-tree.js';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const workerJs = join(repoRoot, 'dist/tools/workers/worker.js');
const cliJs = join(repoRoot, 'dist/cli/main.js');

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '2000' },
    kills: { type: 'string', default: '20' },
    'redis-restarts': { type: 'string', default: '6' },
    workers: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'max-minutes': { type: 'string', default: '40' },
  },
});
const DOCUMENTS = Number(values.documents);
const KILLS = Number(values.kills);
const RESTARTS = Number(values['redis-restarts']);
const WORKERS = Number(values.workers);
const deadline = Date.now() + Number(values['max-minutes']) * 60_000;

/** A small deterministic generator, so a soak can be repeated with its seed. */
let state = Number(values.seed) >>> 0 || 1;
const random = (): number => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The documents: mostly one-page minutes, each with its own numbers; every 20th a copy of
 * a project fixture with a comment appended (other bytes, same content); every 100th not a PDF.
 */
function writeDocuments(dir: string): { good: Set<string>; bad: Set<string> } {
  const fixtures = readdirSync(join(repoRoot, 'fixtures')).filter((f) => f.endsWith('.pdf')).map((f) => readFileSync(join(repoRoot, 'fixtures', f)));
  const good = new Set<string>();
  const bad = new Set<string>();
  for (let i = 1; i <= DOCUMENTS; i++) {
    let bytes: Uint8Array;
    if (i % 100 === 0) {
      bytes = Buffer.from(`<html><body>Siden ${i} findes ikke</body></html>`);
      bad.add(sha256(bytes));
    } else if (i % 20 === 0) {
      bytes = Buffer.concat([fixtures[i % fixtures.length] as Buffer, Buffer.from(`\n% soak ${i}\n`)]);
      good.add(sha256(bytes));
    } else {
      bytes = plainPdf([
        { text: `Referat - Beskaeftigelsesudvalget, sag ${i}`, x: 56, y: 780 },
        { text: `Modedato: ${1 + (i % 28)}. marts 2025, kl. 16.00.`, x: 56, y: 760 },
        { text: `Andelen af borgere i job steg til ${40 + (i % 50)},${i % 10} %, udgiften faldt med ${i} mio. kr.`, x: 56, y: 740 },
      ]);
      good.add(sha256(bytes));
    }
    writeFileSync(join(dir, `soak-${String(i).padStart(5, '0')}.pdf`), bytes);
  }
  return { good, bad };
}

interface Rows {
  ok: Set<string>;
  failed: Map<string, string | null>;
  duplicateShas: number;
  duplicatePages: number;
}

function readRows(db: string): Rows {
  const rows: Rows = { ok: new Set(), failed: new Map(), duplicateShas: 0, duplicatePages: 0 };
  try {
    const d = new Database(db, { readonly: true, timeout: 10_000 });
    try {
      for (const r of d.prepare('SELECT sha256, status, error_code AS code FROM documents').all() as { sha256: string; status: string; code: string | null }[]) {
        if (r.status === 'ok') rows.ok.add(r.sha256);
        else rows.failed.set(r.sha256, r.code);
      }
      rows.duplicateShas = (d.prepare('SELECT COUNT(*) AS n FROM (SELECT sha256 FROM documents GROUP BY sha256 HAVING COUNT(*) > 1)').get() as { n: number }).n;
      rows.duplicatePages = (d.prepare('SELECT COUNT(*) AS n FROM (SELECT document_id, number FROM pages GROUP BY document_id, number HAVING COUNT(*) > 1)').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    // not created yet
  }
  return rows;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cliJs, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'minutes-soak-'));
const pdfDir = join(dir, 'pdfs');
mkdirSync(pdfDir);
const db = join(dir, 'minutes.db');
const redis = await startPrivateRedis({ appendonly: true });
const env = { REDIS_URL: redis.url, DATABASE_URL: '' };
const workerArgs = ['--queues', 'parse,extract', '--db', db, '--ocr', 'never', '--parse-timeout', '20000', '--lock-duration', '5000', '--stalled-interval', '2000'];
const workers = new Set<ChildProcess>();
/** Every pid that ever belonged to a worker's tree: all must be gone at the end. */
const seenPids = new Set<number>();
let workerSerial = 0;

function startWorker(): ChildProcess {
  const log = openSync(join(dir, `worker-${++workerSerial}.log`), 'a');
  const child = spawn(process.execPath, [workerJs, ...workerArgs], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  closeSync(log);
  workers.add(child);
  child.once('exit', () => workers.delete(child));
  return child;
}

// Interrupted, the soak takes its workers along (they are not bound to it otherwise).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const w of workers) w.kill('SIGKILL');
    process.exit(1);
  });
}
const startedAt = Date.now();
const { good, bad } = writeDocuments(pdfDir);
const enqueue = await run(['enqueue', pdfDir, '--db', db, '--json'], env);
if (enqueue.code !== 0) throw new Error(`enqueue failed: ${enqueue.stderr}`);
const enqueued = (JSON.parse(enqueue.stdout) as { enqueued: number }).enqueued;
for (let i = 0; i < WORKERS; i++) startWorker();

const total = good.size + bad.size;
const done = (): number => {
  const rows = readRows(db);
  return rows.ok.size + rows.failed.size;
};
let kills = 0;
let restarts = 0;
/** Those that happened while documents were still without a row (the ones that test anything). */
let killsMidRun = 0;
let restartsMidRun = 0;
const events: string[] = [];
const sampler = setInterval(() => {
  for (const w of workers) for (const pid of processTree(w.pid as number)) seenPids.add(pid);
}, 200);

// Chaos until both quotas are met and every document has its row (or the time is up).
while (Date.now() < deadline && (kills < KILLS || restarts < RESTARTS || done() < total)) {
  await sleep(1500 + random() * 3000);
  if (done() === 0) continue; // the workers are still starting
  const wantKill = kills < KILLS && (restarts >= RESTARTS || random() < KILLS / (KILLS + RESTARTS));
  if (wantKill) {
    // Preferably one in the middle of a parse (its tree holds a parser process).
    const list = [...workers].map((w) => ({ w, tree: processTree(w.pid as number) }));
    const busy = list.filter((c) => c.tree.length >= 3);
    const pool = busy.length > 0 ? busy : list;
    const pick = pool[Math.floor(random() * pool.length)];
    if (!pick) continue;
    const { w: victim, tree } = pick;
    victim.kill('SIGKILL');
    kills++;
    if (done() < total) killsMidRun++;
    events.push(`${((Date.now() - startedAt) / 1000).toFixed(1)}s SIGKILL worker (${tree.length} processes), ${done()}/${total} rows`);
    startWorker();
  } else if (restarts < RESTARTS) {
    const midRun = done() < total;
    await redis.shutdown();
    await sleep(500 + random() * 1500);
    await redis.start();
    restarts++;
    if (midRun) restartsMidRun++;
    events.push(`${((Date.now() - startedAt) / 1000).toFixed(1)}s Redis restarted, ${done()}/${total} rows`);
  } else await sleep(2000);
}

// One SIGTERM each; the workers must leave by themselves.
await Promise.all([...workers].map((w) => new Promise((r) => (w.once('exit', r), w.kill('SIGTERM')))));
clearInterval(sampler);
await sleep(2500); // the orphan guards poll every 0.2 s; give them ten times that
const rows = readRows(db);
const orphans = [...seenPids].filter(isAlive);
const result = {
  documents: total,
  enqueued,
  stored_ok: rows.ok.size,
  stored_failed: rows.failed.size,
  lost: [...good].filter((s) => !rows.ok.has(s)).length + [...bad].filter((s) => !rows.failed.has(s)).length,
  duplicated: rows.duplicateShas + rows.duplicatePages,
  unexpected_failures: [...rows.failed].filter(([s]) => !bad.has(s)).map(([s, code]) => `${s.slice(0, 12)} ${code}`),
  bad_not_pdf: [...bad].filter((s) => rows.failed.get(s) === 'not_pdf').length,
  worker_sigkills: kills,
  worker_sigkills_mid_run: killsMidRun,
  redis_restarts: restarts,
  redis_restarts_mid_run: restartsMidRun,
  orphaned_processes: orphans.length,
  processes_watched: seenPids.size,
  seconds: Math.round((Date.now() - startedAt) / 1000),
  events,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await redis.stop();
if (result.lost === 0 && result.duplicated === 0 && result.orphaned_processes === 0 && result.unexpected_failures.length === 0) rmSync(dir, { recursive: true, force: true });
else process.stderr.write(`soak: kept ${dir} for inspection\n`);
process.exit(result.lost === 0 && result.duplicated === 0 && result.orphaned_processes === 0 ? 0 : 1);
