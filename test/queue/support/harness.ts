// Spawns the real compiled CLI and worker processes against the private Redis of
// scripts/with-redis.mjs, and reads the SQLite store they write.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

export { isAlive } from '../../../scripts/lib/process-tree.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const cliJs = join(repoRoot, 'dist/cli/main.js');
export const workerJs = join(repoRoot, 'dist/tools/workers/worker.js');
export const builtFiles = [cliJs, workerJs, join(repoRoot, 'dist/queue/parse-processor.js')];
export const isBuilt = builtFiles.every((f) => existsSync(f));

export const baseRedisUrl = process.env['REDIS_URL'];
export const hasRedis = baseRedisUrl !== undefined && baseRedisUrl !== '';

if (!hasRedis) console.warn('test/queue: REDIS_URL is not set, queue tests skipped; run them with `node scripts/with-redis.mjs npx vitest run test/queue`');
if (!isBuilt) console.warn(`test/queue: the build is missing (${builtFiles.filter((f) => !existsSync(f)).join(', ')}); run \`npm run build\` first`);

/** Test files share one Redis; each uses its own logical database. */
export function redisUrlForDb(db: number, base = baseRedisUrl ?? ''): string {
  return `${base.replace(/\/\d*$/, '')}/${db}`;
}

export async function flushRedis(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

export interface Spawned {
  child: ChildProcess;
  logFile: string;
  log(): string;
  exited: Promise<number | null>;
}

/** A worker process logging to a file: `node dist/tools/workers/worker.js …`, or `node dist/cli/main.js worker …` with via 'cli'. */
export function spawnWorker(args: string[], env: NodeJS.ProcessEnv, logFile: string, via: 'worker-entry' | 'cli' = 'worker-entry'): Spawned {
  const fd = openSync(logFile, 'a');
  const entry = via === 'cli' ? [cliJs, 'worker'] : [workerJs];
  const child = spawn(process.execPath, [...entry, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, logFile, log: () => readFileSync(logFile, 'utf8'), exited };
}

export async function stopWorker(worker: Spawned, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill(signal);
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), 20_000);
  await worker.exited;
  clearTimeout(timer);
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliJs, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Polls `check`; on timeout the error names `what` and adds `detail()` (e.g. worker logs). */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string, everyMs = 250, detail?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `\n${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface StoreRows {
  ok: { sha256: string; path: string; pages: number }[];
  failed: { sha256: string; path: string; code: string | null }[];
  /** sha256s with more than one documents row (must stay empty). */
  duplicateShas: string[];
  /** (document, page number) pairs stored more than once (must stay empty). */
  duplicatePages: number;
  pageRows: number;
}

/** Reads the store's tables directly (read-only), as a second opinion next to the Store API. */
export function readStoreRows(dbFile: string): StoreRows {
  if (!existsSync(dbFile)) return { ok: [], failed: [], duplicateShas: [], duplicatePages: 0, pageRows: 0 };
  const db = new Database(dbFile, { readonly: true, timeout: 10_000 });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='documents'").get();
    if (!hasTable) return { ok: [], failed: [], duplicateShas: [], duplicatePages: 0, pageRows: 0 };
    const ok = db.prepare("SELECT sha256, path, pages FROM documents WHERE status = 'ok'").all() as StoreRows['ok'];
    const failed = db.prepare("SELECT sha256, path, error_code AS code FROM documents WHERE status = 'failed'").all() as StoreRows['failed'];
    const duplicateShas = (db.prepare('SELECT sha256 FROM documents GROUP BY sha256 HAVING COUNT(*) > 1').all() as { sha256: string }[]).map((r) => r.sha256);
    const duplicatePages = (db.prepare('SELECT COUNT(*) AS n FROM (SELECT document_id, number FROM pages GROUP BY document_id, number HAVING COUNT(*) > 1)').get() as { n: number }).n;
    const pageRows = (db.prepare('SELECT COUNT(*) AS n FROM pages').get() as { n: number }).n;
    return { ok, failed, duplicateShas, duplicatePages, pageRows };
  } finally {
    db.close();
  }
}

/** Job counts of one queue (prefix `minutes`), read with a Queue handle closed afterwards. */
export async function jobCounts(redisUrl: string, queue: 'parse' | 'extract' | 'sources'): Promise<Record<string, number>> {
  const q = new Queue(queue, { connection: { url: redisUrl }, prefix: 'minutes' });
  try {
    return await q.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed', 'waiting-children');
  } finally {
    await q.close();
  }
}

export function totalJobs(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Child processes of `pid` (Linux /proc); empty where /proc is not available. */
export function childPids(pid: number): number[] {
  if (!existsSync('/proc/self/stat')) return [];
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command: state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

