// The store suite on SQLite (a temporary file), plus what only SQLite has: the file itself,
// its pragmas, and a writer in another process holding the lock.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { PAGE_TEXTS, buildDocument } from './documents.js';
import { storeSuite } from './store.suite.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const suiteFile = join(dir, 'nested', 'folder', 'suite.db');
storeSuite('sqlite', () => ({ open: (options) => openStore({ sqliteFile: suiteFile, ...options }) }));

describe('sqlite specifics', () => {
  it('creates parent folders and a WAL database with the full schema', async () => {
    const file = join(dir, 'a', 'b', 'fresh.db');
    const store = await openStore({ sqliteFile: file });
    await store.close();
    expect(existsSync(file)).toBe(true);
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = (raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['documents', 'goals', 'budget_rows', 'parsed_cache', 'kysely_migration']));
    } finally {
      raw.close();
    }
  });

  it('migrates a new file once when several connections open it at the same moment', async () => {
    const file = join(dir, 'race', 'fresh.db');
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore({ sqliteFile: file })));
    await Promise.all(stores.map((s) => s.close()));
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      expect(raw.prepare('select name from kysely_migration').all()).toEqual([{ name: '0001_initial_schema' }, { name: '0002_goal_status_basis' }, { name: '0003_page_ocr' }, { name: '0004_corrections' }, { name: '0005_page_layout' }, { name: '0006_compare_rows' }]);
    } finally {
      raw.close();
    }
  });

  it('enforces foreign keys on its connections', async () => {
    const store = await openStore({ sqliteFile: join(dir, 'fk.db') });
    try {
      await expect(store.db.transaction().execute((trx) => trx.insertInto('pages').values({ document_id: 424242, number: 1, text: 'forældreløs side' }).execute())).rejects.toMatchObject({
        code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
      });
    } finally {
      await store.close();
    }
  });

  it('waits for a writer in another process instead of failing (BEGIN IMMEDIATE + busy timeout)', async () => {
    const file = join(dir, 'locked.db');
    await (await openStore({ sqliteFile: file })).close();
    const betterSqlite3Path = createRequire(import.meta.url).resolve('better-sqlite3');
    // The other process takes the write lock, reports it, and holds it for 1500 ms.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require(${JSON.stringify(betterSqlite3Path)}); const db = new D(${JSON.stringify(file)});
         db.exec('begin immediate'); db.prepare("insert into document_paths values ('x', 'fra en anden proces', 'nu')").run();
         process.stdout.write('locked\\n'); const until = Date.now() + 1500; while (Date.now() < until) {}
         db.exec('commit'); db.close();`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => holder.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      holder.on('exit', () => reject(new Error('lock holder exited before locking')));
    });
    const store = await openStore({ sqliteFile: file, migrate: false });
    try {
      const started = Date.now();
      const doc = buildDocument({ seed: 'lås-i-anden-proces' });
      const result = await store.saveDocument(doc, PAGE_TEXTS);
      expect(result.action).toBe('inserted');
      // It really waited for the other process's commit.
      expect(Date.now() - started).toBeGreaterThan(200);
      const paths = await store.db.selectFrom('document_paths').select('path').orderBy('path').execute();
      expect(paths.map((p) => p.path)).toEqual([doc.source.path, 'fra en anden proces']);
    } finally {
      await store.close();
    }
    expect(await exited).toBe(0);
  });
});
