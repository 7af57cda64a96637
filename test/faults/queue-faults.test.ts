// Queue mode under faults, with real processes and a Redis of the test's own: Redis
// unreachable for commands (one line, exit 3) and for a starting worker (it waits,
// one line per attempt); hostile PDFs and a 1.2 GB file through enqueue and a worker;
// a worker SIGKILLed mid-parse (its processes gone within 2 s); Redis stopped and
// restarted mid-run; SIGTERM while Redis is gone. The store must end as a clean
// ingest of the good files, with one failed row per hostile one and no retried too_large.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { openQueues } from '../../src/queue/queues.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoreRows, runCli, spawnWorker, stopWorker, waitFor, type Spawned } from '../queue/support/harness.js';
import { startPrivateRedis, type PrivateRedis } from '../queue/support/private-redis.js';
import { EXPECTED_FAILURES, GOOD_COUNT, LATIN1_SHOWN, TEST_MEMORY_LIMIT_MB, writeHostileFolders } from './support/hostile-folder.js';
import { isAlive, processTree } from './support/process-tree.js';
import { runWatched } from './support/run-watched.js';
import { storeSnapshot, type StoreSnapshot } from './support/store-snapshot.js';

/** Sparse: 1.2 GB by stat, almost nothing on disk. */
const HUGE_FILE = 'huge-sparse.pdf';
const ALL_FAILURES = { ...EXPECTED_FAILURES, [HUGE_FILE]: 'too_large' };
const TOTAL = GOOD_COUNT + Object.keys(ALL_FAILURES).length;
const STACK_LINE = /^\s+at /m;

let dir: string;
let redis: PrivateRedis;
const workers: Spawned[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'minutes-faults-queue-'));
  redis = await startPrivateRedis({ appendonly: true });
});
afterAll(async () => {
  await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL')));
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('commands with Redis unreachable', () => {
  it('enqueue, status, retry-failed, schedule list: one line naming the URL (password masked), exit 3', { timeout: 60_000 }, async () => {
    const url = `redis://:hemmelig@127.0.0.1:${await closedPort()}/0`;
    for (const args of [['enqueue', dir, '--db', join(dir, 'none.db')], ['status'], ['retry-failed'], ['schedule', 'list']]) {
      const run = await runWatched(args, { REDIS_URL: url, DATABASE_URL: '' }, 20_000);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(3);
      expect(run.stderr).toBe(`minutes: Redis at redis://:***@127.0.0.1:${new URL(url).port}/0 is unreachable (REDIS_URL): connect ECONNREFUSED 127.0.0.1:${new URL(url).port} (redis_unreachable)\n`);
      expect(run.pids.filter(isAlive)).toEqual([]);
    }
  });
});

describe('hostile PDFs through queue mode, with a worker SIGKILLed and Redis restarted', () => {
  let clean: StoreSnapshot;
  let folders: { hostile: string; clean: string };

  beforeAll(async () => {
    folders = await writeHostileFolders(dir);
    execFileSync('truncate', ['-s', '1200M', join(folders.hostile, HUGE_FILE)]);
    const run = await runWatched(['ingest', folders.clean, '--out', join(dir, 'clean-json'), '--db', join(dir, 'clean.db'), '--ocr', 'never'], { DATABASE_URL: '' });
    expect(run.code, run.stderr).toBe(0);
    clean = await storeSnapshot({ sqliteFile: join(dir, 'clean.db') });
    expect(clean.rows.map((r) => r.file)).toContain(LATIN1_SHOWN); // read in queue mode too: compared below
  });

  it('every document gets its row once, as a clean run; too_large never retried; no orphans; SIGTERM ends it with Redis gone', { timeout: 170_000 }, async () => {
    const db = join(dir, 'queue.db');
    const env = { REDIS_URL: redis.url, DATABASE_URL: '' };
    const args = ['--queues', 'parse,extract', '--db', db, '--memory-limit', String(TEST_MEMORY_LIMIT_MB), '--ocr', 'never', '--lock-duration', '4000', '--stalled-interval', '2000'];
    const enqueue = await runCli(['enqueue', folders.hostile, '--db', db, '--json'], env);
    expect(enqueue.code, enqueue.stderr).toBe(0);
    expect(JSON.parse(enqueue.stdout)).toMatchObject({ files: TOTAL, enqueued: TOTAL, failed: [] });

    // A worker killed while a parser process works under it takes every process of its tree along.
    const a = spawnWorker(args, env, join(dir, 'worker-a.log'));
    workers.push(a);
    await waitFor(() => processTree(a.child.pid as number).length >= 3, 60_000, 'worker A to be parsing', 20, () => a.log());
    const treeOfA = processTree(a.child.pid as number);
    a.child.kill('SIGKILL');
    await a.exited;
    await waitFor(() => !treeOfA.some(isAlive), 2_000, `the killed worker's processes ${treeOfA.join(', ')} to exit`, 50);

    // Redis goes away; a worker started now waits for it, one line per attempt, no stack.
    await redis.shutdown();
    const b = spawnWorker(args, env, join(dir, 'worker-b.log'));
    workers.push(b);
    await waitFor(() => /unreachable \(attempt 2: /.test(b.log()), 20_000, 'worker B to retry', 100, () => b.log());
    await redis.start();
    await waitFor(() => readStoreRows(db).ok.length + readStoreRows(db).failed.length >= 3, 90_000, 'three rows', 250, () => b.log());
    // And once more mid-run.
    await redis.shutdown();
    await new Promise((r) => setTimeout(r, 1000));
    await redis.start();
    await waitFor(() => readStoreRows(db).ok.length + readStoreRows(db).failed.length === TOTAL, 120_000, `all ${TOTAL} rows`, 500, () => b.log());

    const snapshot = await storeSnapshot({ sqliteFile: db });
    expect(snapshot.rows.filter((r) => r.status === 'ok')).toEqual(clean.rows);
    expect(snapshot.documents).toEqual(clean.documents);
    expect(Object.fromEntries(snapshot.rows.filter((r) => r.status === 'failed').map((r) => [r.file, r.code]))).toEqual(ALL_FAILURES);
    const rows = readStoreRows(db);
    expect(rows.duplicateShas).toEqual([]);
    expect(rows.duplicatePages).toBe(0);

    // too_large is unrecoverable: one attempt, no retries; the size came from stat, not a read.
    const parse = new Queue('parse', { connection: { url: redis.url }, prefix: 'minutes' });
    try {
      const failed = await parse.getFailed();
      const tooLarge = failed.filter((j) => /^\[too_large\]/.test(j.failedReason));
      expect(tooLarge.map((j) => j.attemptsMade)).toEqual([1, 1, 1]);
      expect(tooLarge.map((j) => j.failedReason).join('\n')).toMatch(/the file has 1258291200 bytes, more than the limit of 268435456/);
    } finally {
      await parse.close();
    }

    // SIGTERM with Redis gone: the worker hands back and leaves; one line per event, no stack.
    const treeOfB = processTree(b.child.pid as number);
    await redis.shutdown();
    b.child.kill('SIGTERM');
    const guard = setTimeout(() => b.child.kill('SIGKILL'), 20_000);
    const code = await b.exited;
    clearTimeout(guard);
    expect(code, b.log()).toBe(0);
    expect(b.log()).not.toMatch(STACK_LINE);
    expect(b.log()).toMatch(/SIGTERM: finishing active jobs/);
    // The log is pino's JSON lines; the last one says the worker closed.
    const last = JSON.parse(b.log().trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(last).toMatchObject({ level: 30, msg: 'worker closed' });
    await waitFor(() => !treeOfB.some(isAlive), 2_000, `worker B's processes ${treeOfB.join(', ')} to exit`, 50);
    await redis.start();
  });
});

describe('a source run with a broken config', () => {
  it('fails once, without retries, naming the problem: a missing file, a linkPattern that is no pattern', { timeout: 90_000 }, async () => {
    const url = `${redis.url}/2`;
    const badPattern = join(dir, 'bad-pattern.config.json');
    writeFileSync(badPattern, JSON.stringify({ sources: { web: { kind: 'http-index', url: 'http://127.0.0.1:9/', downloadDir: 'x', linkPattern: '(' } } }));
    const runs = [
      { config: join(dir, 'missing.config.json'), reason: /^\[io_error\] config: cannot read the config file .*missing\.config\.json: ENOENT$/ },
      { config: badPattern, reason: /^\[invalid_output\] config: .*sources\.web\.linkPattern: not a valid regular expression$/ },
    ];
    for (const [i, run] of runs.entries()) {
      const sources = openQueues(url);
      try {
        await sources.sources.add('run', { source: 'web' }, { jobId: `broken-config-${i}` });
        const worker = spawnWorker(['--queues', 'sources', '--db', join(dir, 'sources.db'), '--config', run.config], { REDIS_URL: url, DATABASE_URL: '' }, join(dir, `sources-${i}.log`));
        workers.push(worker);
        await waitFor(async () => (await sources.sources.getFailedCount()) === 1, 30_000, 'the source run to fail', 250, () => worker.log());
        const [failed] = await sources.sources.getFailed();
        expect(failed?.failedReason).toMatch(run.reason);
        expect(failed?.attemptsMade).toBe(1);
        await stopWorker(worker, 'SIGTERM');
        expect(worker.log()).not.toMatch(STACK_LINE);
        await sources.sources.obliterate({ force: true });
      } finally {
        await sources.close();
      }
    }
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
