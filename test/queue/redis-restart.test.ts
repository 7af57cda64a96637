// Redis goes away mid-run and comes back on the same port; the workers must reconnect
// by themselves. With persistence (appendonly, as the README advises) the queued jobs
// survive and the run finishes on its own. Without it (SHUTDOWN NOSAVE: the queues are
// lost) enqueuing the folder again restores what the store lacks. Either way every
// document ends up stored exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMany } from './support/make-pdfs.js';
import { sha256Of } from './support/files.js';
import { isBuilt, jobCounts, readStoreRows, runCli, spawnWorker, stopWorker, waitFor, type Spawned } from './support/harness.js';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis.js';

const COUNT = 80;
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedisServer) console.warn('test/queue/redis-restart: redis-server is not on PATH; the Redis restart test is skipped');

describe.skipIf(!hasRedisServer || !isBuilt)('queue mode: Redis restarts mid-run', () => {
  let dir: string;
  let redis: PrivateRedis;
  const workers: Spawned[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-queue-restart-'));
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL')));
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('workers reconnect and the run finishes with every document stored once', { timeout: 150_000 }, async () => {
    const { env, pdfDir, files, db } = await startRun(dir, redis, workers, 5000);

    await redis.shutdownNoSave();
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    expect(totalOf(await jobCounts(redis.url, 'parse'))).toBe(0); // the queue really was lost

    // The workers survived the outage …
    await new Promise((r) => setTimeout(r, 1500));
    for (const w of workers) expect(w.child.exitCode, w.log()).toBeNull();
    // … and take the jobs of a fresh enqueue: stored documents are not enqueued again.
    const again = await runCli(['enqueue', pdfDir, '--db', db, '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as { enqueued: number; alreadyStored: number };
    expect(summary.alreadyStored).toBeGreaterThanOrEqual(15);
    expect(summary.enqueued + summary.alreadyStored).toBe(COUNT);

    await expectAllStoredOnce(db, files, workers);
  });
});

describe.skipIf(!hasRedisServer || !isBuilt)('queue mode: a persistent Redis restarts mid-run', () => {
  let dir: string;
  let redis: PrivateRedis;
  const workers: Spawned[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-queue-restart-aof-'));
    redis = await startPrivateRedis({ appendonly: true });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL')));
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('workers reconnect and finish the queued jobs without a second enqueue', { timeout: 150_000 }, async () => {
    const { files, db } = await startRun(dir, redis, workers, 7000);

    await redis.shutdown();
    const storedDuringOutage = readStoreRows(db).ok.length;
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    expect(storedDuringOutage).toBeLessThan(COUNT); // the restart really happened mid-run
    expect(totalOf(await jobCounts(redis.url, 'parse'))).toBeGreaterThan(0); // the jobs survived

    await expectAllStoredOnce(db, files, workers);
  });
});

/** Renders COUNT PDFs, enqueues them, starts two workers and waits until 15 are stored. */
async function startRun(dir: string, redis: PrivateRedis, workers: Spawned[], firstSerial: number) {
  const env = { REDIS_URL: redis.url, DATABASE_URL: '' };
  const pdfDir = join(dir, 'pdfs');
  const files = await renderMany(pdfDir, COUNT, firstSerial);
  const db = join(dir, 'minutes.db');
  const args = ['--queues', 'parse,extract', '--db', db, '--lock-duration', '8000', '--stalled-interval', '3000'];
  const first = await runCli(['enqueue', pdfDir, '--db', db, '--json'], env);
  expect(first.code, first.stderr).toBe(0);
  workers.push(spawnWorker(args, env, join(dir, 'worker-1.log')), spawnWorker(args, env, join(dir, 'worker-2.log')));
  await waitFor(() => readStoreRows(db).ok.length >= 15, 60_000, '15 documents stored');
  return { env, pdfDir, files, db };
}

/** Every document stored exactly once, no failures, and the workers alive until SIGTERM ends them cleanly. */
async function expectAllStoredOnce(db: string, files: string[], workers: Spawned[]): Promise<void> {
  await waitFor(() => readStoreRows(db).ok.length === COUNT, 90_000, `all ${COUNT} documents stored`, 500);
  const rows = readStoreRows(db);
  expect(new Set(rows.ok.map((r) => r.sha256))).toEqual(new Set(files.map(sha256Of)));
  expect(rows.duplicateShas).toEqual([]);
  expect(rows.duplicatePages).toBe(0);
  expect(rows.failed).toEqual([]);
  for (const w of workers) expect(w.child.exitCode, w.log()).toBeNull();
  for (const w of workers) await stopWorker(w, 'SIGTERM');
  expect(workers.map((w) => w.child.exitCode)).toEqual([0, 0]);
}

const totalOf = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
