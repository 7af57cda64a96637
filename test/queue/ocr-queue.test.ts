// Queue mode reads scanned pages too: the parse job OCRs the page (in the sandboxed
// parse process, inside its limits), the cached pages keep their OCR marks, and the
// stored document has them; a worker started with --ocr never warns instead.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireOcrTools } from '../pdf/ocr/ocr-support.js';
import { flushRedis, hasRedis, isBuilt, jobCounts, redisUrlForDb, repoRoot, runCli, spawnWorker, stopWorker, waitFor, type Spawned } from './support/harness.js';

interface StoredPage {
  ocr_confidence: number | null;
  ocr_rotation: number | null;
  warnings: string;
}

function storedPages(db: string): StoredPage[] {
  const sqlite = new Database(db, { readonly: true, timeout: 10_000 });
  try {
    return sqlite
      .prepare(
        `select p.ocr_confidence, p.ocr_rotation,
                (select group_concat(message, ' | ') from warnings w where w.document_id = p.document_id and w.code = 'no_text_layer') as warnings
           from pages p`,
      )
      .all() as StoredPage[];
  } finally {
    sqlite.close();
  }
}

describe.skipIf(!hasRedis || !isBuilt)('queue mode: scanned pages', () => {
  const workers: Spawned[] = [];
  let dir: string;
  beforeAll(() => {
    requireOcrTools();
    dir = mkdtempSync(join(tmpdir(), 'minutes-queue-ocr-'));
  });
  afterAll(async () => {
    for (const w of workers) await stopWorker(w, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const runOnce = async (redisDb: number, name: string, workerFlags: string[]): Promise<StoredPage[]> => {
    const redisUrl = redisUrlForDb(redisDb);
    await flushRedis(redisUrl);
    const env = { REDIS_URL: redisUrl, DATABASE_URL: '' };
    const pdfs = join(dir, name);
    mkdirSync(pdfs);
    copyFileSync(join(repoRoot, 'fixtures', 'scanned', 'scanned-syddjurs-turned-180.pdf'), join(pdfs, 'scan.pdf'));
    const db = join(dir, `${name}.db`);
    const enqueue = await runCli(['enqueue', pdfs, '--db', db], env);
    expect(enqueue.code, enqueue.stderr).toBe(0);
    const worker = spawnWorker(['--queues', 'parse,extract', '--db', db, ...workerFlags], env, join(dir, `${name}.log`));
    workers.push(worker);
    await waitFor(async () => (await jobCounts(redisUrl, 'extract'))['completed'] === 1, 120_000, 'the scan stored');
    return storedPages(db);
  };

  it('a worker OCRs the page and stores it with its confidence and turn', { timeout: 180_000 }, async () => {
    const [page] = await runOnce(6, 'auto', []);
    expect(page?.ocr_rotation).toBe(180);
    expect(page?.ocr_confidence).toBeGreaterThan(80);
    expect(page?.warnings).toContain('read by OCR');
  });

  it('a worker with --ocr never stores the page unread, with the warning', { timeout: 180_000 }, async () => {
    const [page] = await runOnce(7, 'never', ['--ocr', 'never']);
    expect(page?.ocr_confidence).toBeNull();
    expect(page?.warnings).toContain('not read: OCR is off (--ocr never)');
  });
});
