// An extract job never leaves a document without a row: cached pages that no longer load
// are recorded as failed at once; a crash that retries cannot cure is recorded on the
// last try. The processor runs against a real SQLite store; the job is the data BullMQ hands it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractProcessor } from '../../src/queue/extract-processor.js';
import { openStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-extract-fail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHA = 'a'.repeat(64);
const job = (attemptsMade: number, attempts: number): Job =>
  ({ data: { sha256: SHA, path: 'arkiv/referat.pdf', bytes: 1234, reason: 'ingest' }, attemptsMade, opts: { attempts } }) as unknown as Job;

function failedRow(db: string): { status: string; error_code: string; error_message: string } | undefined {
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite.prepare('select status, error_code, error_message from documents where sha256 = ?').get(SHA) as never;
  } finally {
    sqlite.close();
  }
}

describe('the extract processor and documents that cannot be built', () => {
  it('records cached pages that no longer load as a failed document, with no retry', async () => {
    const db = join(dir, 'broken-cache.db');
    const store = await openStore({ sqliteFile: db });
    try {
      // Pages cached by an earlier run, then damaged: they no longer decode.
      const sqlite = new Database(db);
      sqlite.prepare("insert into parsed_cache (sha256, format, data, json_bytes, created_at) values (?, 'json+gzip', ?, 10, '2026-01-01')").run(SHA, Buffer.from('not gzip at all'));
      sqlite.close();
      const err = await createExtractProcessor({ store, withText: false })(job(0, 5)).catch((e: unknown) => e as Error);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name, (err as Error).message).toBe('UnrecoverableError');
      expect(failedRow(db)).toMatchObject({ status: 'failed', error_code: 'invalid_output' });
      expect(failedRow(db)?.error_message).toMatch(/^the cached pages of arkiv\/referat\.pdf are missing or no longer load/);
    } finally {
      await store.close();
    }
  });
});
