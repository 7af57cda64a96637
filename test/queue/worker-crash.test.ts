// ≥ 200 PDFs through two worker processes; one is SIGKILLed mid-run and a third
// takes over. Every document must end up stored exactly once, and the only
// failures must be the deliberately bad files, each with its own code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBadFixtures, renderMany } from './support/make-pdfs.js';
import { sha256Of } from './support/files.js';
import { childPids, flushRedis, hasRedis, isAlive, isBuilt, jobCounts, readStoreRows, redisUrlForDb, runCli, spawnWorker, stopWorker, waitFor, type Spawned } from './support/harness.js';

const GOOD = 204;
const WORKER_ARGS = ['--queues', 'parse,extract', '--lock-duration', '8000', '--stalled-interval', '3000'];

describe.skipIf(!hasRedis || !isBuilt)('queue mode: a worker killed mid-run loses and duplicates nothing', () => {
  const redisUrl = redisUrlForDb(1);
  const env = { REDIS_URL: redisUrl, DATABASE_URL: '' };
  let dir: string;
  const workers: Spawned[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-queue-crash-'));
    await flushRedis(redisUrl);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every document exactly once after a SIGKILL', { timeout: 200_000 }, async () => {
    const pdfDir = join(dir, 'pdfs');
    const good = await renderMany(pdfDir, GOOD);
    const bad = await copyBadFixtures(pdfDir);
    const expectedShas = new Set(good.map(sha256Of));
    expect(expectedShas.size).toBe(GOOD);
    const db = join(dir, 'minutes.db');
    const args = [...WORKER_ARGS, '--db', db];

    const enqueue = await runCli(['enqueue', pdfDir, '--db', db, '--json'], env);
    expect(enqueue.code, enqueue.stderr).toBe(0);
    expect(JSON.parse(enqueue.stdout)).toMatchObject({ files: GOOD + bad.length, enqueued: GOOD + bad.length, failed: [] });

    const a = spawnWorker(args, env, join(dir, 'worker-a.log'));
    const b = spawnWorker(args, env, join(dir, 'worker-b.log'));
    workers.push(a, b);
    await waitFor(() => readStoreRows(db).ok.length >= 40, 90_000, '40 documents stored');
    // Its sandboxed parse processes and the parser processes under them.
    const sandboxes = childPids(a.child.pid as number);
    const orphans = [...sandboxes, ...sandboxes.flatMap(childPids)];
    expect(orphans.length).toBeGreaterThan(0);
    a.child.kill('SIGKILL');
    await a.exited;
    const storedAtKill = readStoreRows(db).ok.length;
    expect(storedAtKill).toBeLessThan(GOOD); // the kill really happened mid-run
    const c = spawnWorker(args, env, join(dir, 'worker-c.log'));
    workers.push(c);
    // The dead worker's processes do not linger as orphans: a guard outside their event loop
    // kills them within a fraction of a second, even inside a synchronous SQLite busy wait.
    await waitFor(() => !orphans.some(isAlive), 2_000, `the killed worker's child processes ${orphans.join(', ')} to exit`);

    await waitFor(
      async () => {
        const parse = await jobCounts(redisUrl, 'parse');
        const extract = await jobCounts(redisUrl, 'extract');
        return parse['completed'] === GOOD && parse['failed'] === bad.length && extract['completed'] === GOOD;
      },
      150_000,
      'all jobs finished',
      500,
    );

    const rows = readStoreRows(db);
    expect(rows.duplicateShas).toEqual([]);
    expect(rows.duplicatePages).toBe(0);
    expect(new Set(rows.ok.map((r) => r.sha256))).toEqual(expectedShas);
    expect(rows.ok).toHaveLength(GOOD);
    expect(rows.pageRows).toBe(rows.ok.reduce((sum, r) => sum + r.pages, 0));
    // The recorded failures are exactly the bad files, each with its own code.
    expect(rows.failed.map((f) => [f.path, f.code]).sort()).toEqual(bad.map((x) => [x.file, x.code]).sort());

    const parseQueue = new Queue('parse', { connection: { url: redisUrl }, prefix: 'minutes' });
    const extractQueue = new Queue('extract', { connection: { url: redisUrl }, prefix: 'minutes' });
    try {
      const failed = await parseQueue.getFailed(0, -1);
      expect(failed.map((j) => (j.data as { path: string }).path).sort()).toEqual(bad.map((x) => x.file).sort());
      // Unreadable files are not retried: one attempt each.
      expect(failed.map((j) => j.attemptsMade)).toEqual(bad.map(() => 1));
      expect(await extractQueue.getFailedCount()).toBe(0);
      // The killed worker's active jobs were taken over (found stalled), not lost.
      const completed = [...(await parseQueue.getCompleted(0, -1)), ...(await extractQueue.getCompleted(0, -1))];
      expect(completed.filter((j) => j.stalledCounter > 0).length).toBeGreaterThan(0);
      // All three worker processes did part of the work (names are host-pid).
      const processedBy = new Set(completed.map((j) => j.processedBy));
      for (const w of [a, b, c]) expect([...processedBy].some((name) => name?.endsWith(`-${w.child.pid}`))).toBe(true);
    } finally {
      await Promise.all([parseQueue.close(), extractQueue.close()]);
    }

    // The surviving workers close gracefully on SIGTERM.
    await stopWorker(b, 'SIGTERM');
    await stopWorker(c, 'SIGTERM');
    expect(b.child.exitCode).toBe(0);
    expect(c.child.exitCode).toBe(0);
    expect(c.log()).toContain('worker closed');
  });
});
