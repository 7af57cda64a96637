// Enqueuing the same folder twice adds no job the second time; once the documents
// are stored, enqueuing again adds neither jobs nor rows.
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMany } from './support/make-pdfs.js';
import { flushRedis, hasRedis, isBuilt, jobCounts, readStoreRows, redisUrlForDb, runCli, spawnWorker, stopWorker, totalJobs, waitFor, type Spawned } from './support/harness.js';

const COUNT = 20;

describe.skipIf(!hasRedis || !isBuilt)('queue mode: enqueue is idempotent', () => {
  const redisUrl = redisUrlForDb(2);
  const env = { REDIS_URL: redisUrl, DATABASE_URL: '' };
  let dir: string;
  let worker: Spawned | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-queue-idem-'));
    await flushRedis(redisUrl);
  });
  afterAll(async () => {
    if (worker) await stopWorker(worker, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates no new jobs and no new rows the second and third time', { timeout: 90_000 }, async () => {
    const pdfDir = join(dir, 'pdfs');
    const files = await renderMany(pdfDir, COUNT, 9000);
    // A byte-identical copy under another name is the same document: one job.
    copyFileSync(files[0] as string, join(pdfDir, 'copy-of-first.PDF'));
    const db = join(dir, 'minutes.db');
    const enqueue = async (): Promise<Record<string, unknown>> => {
      const run = await runCli(['enqueue', pdfDir, '--db', db, '--json'], env);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as Record<string, unknown>;
    };

    expect(await enqueue()).toMatchObject({ files: COUNT + 1, enqueued: COUNT, alreadyQueued: 1, alreadyStored: 0 });
    const afterFirst = await jobCounts(redisUrl, 'parse');
    expect(totalJobs(afterFirst)).toBe(COUNT);

    expect(await enqueue()).toMatchObject({ files: COUNT + 1, enqueued: 0, alreadyQueued: COUNT + 1, alreadyStored: 0 });
    expect(await jobCounts(redisUrl, 'parse')).toEqual(afterFirst);

    worker = spawnWorker(['--queues', 'parse,extract', '--db', db], env, join(dir, 'worker.log'));
    await waitFor(async () => (await jobCounts(redisUrl, 'extract'))['completed'] === COUNT, 60_000, 'all documents extracted');
    const stored = readStoreRows(db);
    expect(stored.ok).toHaveLength(COUNT);

    expect(await enqueue()).toMatchObject({ files: COUNT + 1, enqueued: 0, alreadyStored: COUNT + 1 });
    await new Promise((r) => setTimeout(r, 1000)); // give a wrongly added job time to run
    expect(totalJobs(await jobCounts(redisUrl, 'parse'))).toBe(COUNT);
    expect(totalJobs(await jobCounts(redisUrl, 'extract'))).toBe(COUNT);
    const again = readStoreRows(db);
    expect(again.ok).toEqual(stored.ok);
    expect(again.pageRows).toBe(stored.pageRows);
  });
});
