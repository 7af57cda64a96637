// Limits, status, retry-failed and reprocess, through the real CLI and workers.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMany, renderMinutesPdf } from './support/make-pdfs.js';
import { flushRedis, hasRedis, isBuilt, jobCounts, readStoreRows, redisUrlForDb, runCli, spawnWorker, stopWorker, totalJobs, waitFor, type Spawned } from './support/harness.js';

describe.skipIf(!hasRedis || !isBuilt)('queue mode: limits and maintenance commands', () => {
  let dir: string;
  const workers: Spawned[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-queue-maint-'));
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a PDF over the time limit fails as `timeout` once, is recorded, shown by status and kept by retry-failed', { timeout: 60_000 }, async () => {
    const redisUrl = redisUrlForDb(4);
    await flushRedis(redisUrl);
    const env = { REDIS_URL: redisUrl, DATABASE_URL: '' };
    const pdfDir = join(dir, 'slow');
    // Long documents and a 50 ms limit: parsing 600 pages takes seconds, so every job meets
    // the limit (a 1 ms limit on a small PDF could still finish within the pool's grace time).
    await mkdir(pdfDir, { recursive: true });
    const files = [8100, 8101, 8102].map((serial) => join(pdfDir, `long-${serial}.pdf`));
    for (const [i, file] of files.entries()) await renderMinutesPdf(file, 8100 + i, 600);
    const db = join(dir, 'limits.db');
    expect((await runCli(['enqueue', pdfDir, '--db', db], env)).code).toBe(0);
    const worker = spawnWorker(['--queues', 'parse,extract', '--db', db, '--parse-timeout', '50'], env, join(dir, 'limits.log'));
    workers.push(worker);
    await waitFor(async () => (await jobCounts(redisUrl, 'parse'))['failed'] === 3, 40_000, 'three failed parse jobs', 250, () => worker.log());

    const rows = readStoreRows(db);
    expect(rows.ok).toEqual([]);
    expect(rows.failed.map((f) => [f.path, f.code]).sort()).toEqual(files.map((f) => [f, 'timeout']).sort());

    const status = await runCli(['status', '--json'], env);
    const parsed = JSON.parse(status.stdout) as { queues: { parse: { failed: number } }; failures: { path: string; code: string; attempts: number }[] };
    expect(parsed.queues.parse.failed).toBe(3);
    expect(parsed.failures.map((f) => [f.path, f.code, f.attempts]).sort()).toEqual(files.map((f) => [f, 'timeout', 1]).sort());
    expect((await runCli(['status'], env)).stdout).toMatch(/last failures:[\s\S]*\[timeout\]/);

    const retry = await runCli(['retry-failed'], env);
    expect(retry.stdout).toContain('retried: parse 0, extract 0, sources 0; kept 3 unreadable');
    expect((await jobCounts(redisUrl, 'parse'))['failed']).toBe(3);
    await stopWorker(worker);
  });

  it('reprocess re-extracts from cached pages without parsing (the PDFs are gone)', { timeout: 90_000 }, async () => {
    const redisUrl = redisUrlForDb(5);
    await flushRedis(redisUrl);
    const env = { REDIS_URL: redisUrl, DATABASE_URL: '' };
    const pdfDir = join(dir, 'archive');
    await renderMany(pdfDir, 6, 8200);
    const db = join(dir, 'reprocess.db');
    expect((await runCli(['enqueue', pdfDir, '--db', db], env)).code).toBe(0);
    const worker = spawnWorker(['--queues', 'parse,extract', '--db', db], env, join(dir, 'reprocess.log'));
    workers.push(worker);
    await waitFor(() => readStoreRows(db).ok.length === 6, 40_000, 'six documents stored', 250, () => worker.log());

    // As if stored by an older release; and the PDFs are no longer there to parse.
    const sqlite = new Database(db);
    sqlite.prepare("UPDATE documents SET extractor_version = '0.0.1'").run();
    sqlite.close();
    rmSync(pdfDir, { recursive: true });

    const none = await runCli(['reprocess', '--since', '0.0.2', '--db', db], env);
    expect(none.stdout).toContain('reprocess: 0 documents, 0 extract jobs enqueued');
    const all = await runCli(['reprocess', '--db', db], env);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('reprocess: 6 documents, 6 extract jobs enqueued, 0 without cached pages');

    const version = (): string[] => {
      const check = new Database(db, { readonly: true });
      try {
        return (check.prepare('SELECT DISTINCT extractor_version AS v FROM documents').all() as { v: string }[]).map((r) => r.v);
      } finally {
        check.close();
      }
    };
    await waitFor(() => version().length === 1 && version()[0] !== '0.0.1', 40_000, 'documents re-extracted', 250, () => worker.log());
    expect(readStoreRows(db).ok).toHaveLength(6);
    expect(totalJobs(await jobCounts(redisUrl, 'parse'))).toBe(6); // no parse job was added
    expect((await jobCounts(redisUrl, 'extract'))['completed']).toBe(12);
    await stopWorker(worker);
  });
});
