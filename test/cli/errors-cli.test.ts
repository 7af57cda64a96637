// Every command called wrongly, or with its database, Redis, PostgreSQL or output out of
// reach, answers in one line `minutes: <what> (<code>)` with the documented exit status
// (README "Exit status"), never a stack trace, and within a few seconds.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, warnSkipped } from '../pdf/corpus.js';
import { assertBuilt, mainJs, runCli, runCliAsync, summaryOf, type CliRun } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = join(dir, 'pdfs');
const db = join(dir, 'minutes.db');
const notADatabase = join(dir, 'not-a-database.db');
const aFile = join(dir, 'a-file');
/** Nothing listens on port 1 of the loopback: connections are refused at once. */
const DEAD_REDIS = 'redis://:hemmeligt@127.0.0.1:1';
const DEAD_POSTGRES = 'postgres://postgres:hemmeligt@127.0.0.1:1/minutes';

/** One line on stderr in the documented form, the documented status, and no stack frame anywhere. */
function expectOneLine(run: CliRun, code: string, status: number): void {
  expect(run.stderr, run.stderr).toMatch(new RegExp(`^minutes: [^\\n]+ \\(${code}\\)\\n$`));
  expect(run.stderr + run.stdout).not.toMatch(/\n\s+at \S/);
  expect(run.status, run.stderr).toBe(status);
}

async function timed(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun & { ms: number }> {
  const started = Date.now();
  const run = await runCliAsync(args, { env });
  return { ...run, ms: Date.now() - started };
}

beforeAll(() => {
  assertBuilt();
  mkdirSync(input);
  copyFileSync(join(repoRoot, 'fixtures', 'viborg-referat.pdf'), join(input, 'viborg-referat.pdf'));
  copyFileSync(join(repoRoot, 'fixtures', 'skanderborg-goal-table.pdf'), join(input, 'skanderborg-goal-table.pdf'));
  writeFileSync(join(input, 'tom.pdf'), '');
  writeFileSync(notADatabase, 'this is text, not SQLite');
  writeFileSync(aFile, 'a file where a folder should be');
  const run = runCli(['ingest', input, '--out', join(dir, 'json'), '--db', db]);
  expect(run.status, run.stderr).toBe(0);
});

// Each run is a cold start of the command (about a CPU-second): the blocks whose commands only
// read the database run their tests side by side; the block that ingests into it runs alone.
describe.concurrent('usage errors: exit status 2', () => {
  it.each([
    [['--bogus']],
    [['frobnicate']],
    [['ingest']],
    [['ingest', 'x.pdf', '--concurrency', '0']],
    [['compare', '--fomat', 'csv']],
    [['compare', '--year', '23']],
    [['compare', '--threshold', '2']],
    [['goals', '--format', 'xml']],
    [['export', '--what', 'everything']],
    [['export', '--what', 'money', '--year', '2023', '--db', db]],
    [['export', '--status', 'done', '--db', db]],
    [['export', '--warning-code', 'oops', '--db', db]],
    [['export', '--what', 'documents', '--status', 'met', '--db', db]],
    [['indicators', '--format', 'yaml']],
    [['status', '--watch', 'abc']],
    [['worker', '--concurrency', 'many']],
    [['worker', '--queues', 'parse,lunch']],
    [['schedule', 'add', 'nightly']],
  ])('minutes %j', async (args) => {
    expectOneLine(await runCliAsync(args), 'usage', 2);
  });

  it('an unknown indicator names the known ones; a missing database says how to make one', async () => {
    const unknown = await runCliAsync(['compare', '--indicator', 'lykke', '--db', db]);
    expectOneLine(unknown, 'usage', 2);
    expect(unknown.stderr).toContain('aktiveringsgrad');
    const missing = await runCliAsync(['compare', '--db', join(dir, 'nowhere.db')]);
    expectOneLine(missing, 'usage', 2);
    expect(missing.stderr).toContain('minutes ingest');
    expect(existsSync(join(dir, 'nowhere.db'))).toBe(false);
  });

  it.each([['compare'], ['goals'], ['export'], ['db', 'migrate'], ['ingest', 'x.pdf'], ['enqueue', 'x.pdf'], ['reprocess']])(
    'DATABASE_URL=mysql://… is refused by %s in one line, password masked',
    async (...args) => {
      const run = await runCliAsync([...args, '--db', db], { env: { DATABASE_URL: 'mysql://root:hemmeligt@db.example/minutes' } });
      expectOneLine(run, 'usage', 2);
      expect(run.stderr).toContain('mysql://root:***@db.example/minutes');
      expect(run.stderr).not.toContain('hemmeligt');
    },
  );

  it.each([
    ['a bad cron pattern', ['--cron', '61 2 * * *'], /bad cron pattern "61 2 \* \* \*"/],
    ['an unknown time zone', ['--cron', '0 2 * * *', '--tz', 'Europe/Aarhus'], /unknown time zone "Europe\/Aarhus"/],
    ['both --cron and --every', ['--cron', '0 2 * * *', '--every', '60000'], /exactly one of --cron and --every/],
    ['neither --cron nor --every', [], /exactly one of --cron and --every/],
  ])('schedule add with %s is refused before Redis is asked', async (_what, flags, message) => {
    // A dead Redis: had the command got as far as Redis, it would exit 3.
    const run = await runCliAsync(['schedule', 'add', 'nightly', '--source', 'inbox', '--config', join(dir, 'none.json'), ...flags], { env: { REDIS_URL: DEAD_REDIS } });
    expectOneLine(run, 'usage', 2);
    expect(run.stderr).toMatch(message);
  });

  it.each([['compare'], ['goals'], ['export'], ['indicators']])('%s --municipality with an unknown name suggests the nearest official names', async (command) => {
    const run = await runCliAsync([command, '--municipality', 'Silkebjerg', '--db', db]);
    expectOneLine(run, 'usage', 2);
    expect(run.stderr).toContain('unknown municipality "Silkebjerg"; nearest: Silkeborg Kommune');
  });

  it('an ASCII spelling of a municipality is accepted', async () => {
    const ascii = await runCliAsync(['export', '--what', 'agenda', '--municipality', 'Viborg,Skanderborg', '--db', db]);
    expect(ascii.stderr).toBe('');
    expect(ascii.status).toBe(0);
    expect((await runCliAsync(['goals', '--municipality', 'Tonder,Hoje-Taastrup,Aero', '--db', db])).status).toBe(0);
  });

  it('schedule add with a source the config does not define names the ones it does', async () => {
    const config = join(dir, 'minutes.config.json');
    writeFileSync(config, JSON.stringify({ sources: { inbox: { kind: 'directory', path: input } } }));
    const run = await runCliAsync(['schedule', 'add', 'nightly', '--source', 'outbox', '--cron', '0 2 * * *', '--config', config], { env: { REDIS_URL: DEAD_REDIS } });
    expectOneLine(run, 'usage', 2);
    expect(run.stderr).toContain('no source "outbox"');
    expect(run.stderr).toContain('inbox');
  });
});

describe.concurrent('a service out of reach: exit status 3 within seconds, URL shown with the password masked', () => {
  it.each([[['status']], [['retry-failed']], [['schedule', 'list']], [['schedule', 'remove', 'nightly']], [['enqueue', input, '--db', db]], [['reprocess', '--db', db]]])(
    'minutes %j with Redis down',
    async (args) => {
      const run = await timed(args, { REDIS_URL: DEAD_REDIS });
      expectOneLine(run, 'redis_unreachable', 3);
      expect(run.stderr).toContain('redis://:***@127.0.0.1:1');
      expect(run.stderr).toContain('ECONNREFUSED');
      expect(run.stderr).not.toContain('hemmeligt');
      // A hang is the failure (these commands never ended before); the bound allows a loaded machine's slow start.
      expect(run.ms).toBeLessThan(15_000);
    },
  );

  it.each([[['compare']], [['export']], [['db', 'migrate']], [['ingest', input, '--out', join(dir, 'pg-json')]]])('minutes %j with PostgreSQL down', async (args) => {
    const run = await timed(args, { DATABASE_URL: DEAD_POSTGRES });
    expectOneLine(run, 'postgres_unreachable', 3);
    expect(run.stderr).toContain('postgres://postgres:***@127.0.0.1:1/minutes');
    expect(run.stderr).not.toContain('hemmeligt');
    expect(run.ms).toBeLessThan(15_000);
  });
});

describe.concurrent('files and databases out of reach: exit status 4', () => {
  it('export --out into a folder that does not exist', async () => {
    const run = await runCliAsync(['export', '--db', db, '--out', join(dir, 'missing', 'dir', 'goals.csv')]);
    expectOneLine(run, 'io_error', 4);
    expect(run.stderr).toContain(`cannot write ${join(dir, 'missing', 'dir', 'goals.csv')}: no such file or folder`);
  });

  it('ingest --out under a file fails once, before any PDF is read, not once per PDF', async () => {
    const fresh = join(dir, 'out-under-file.db');
    const run = await runCliAsync(['ingest', input, '--out', join(aFile, 'json'), '--db', fresh]);
    expectOneLine(run, 'io_error', 4);
    expect(run.stderr).toContain('--out');
    expect(run.stdout).toBe('');
  });

  it('ingest --db under /proc ends at once instead of looping in mkdir', async () => {
    const run = await timed(['ingest', input, '--out', join(dir, 'proc-json'), '--db', '/proc/minutes-test/m.db']);
    expectOneLine(run, 'io_error', 4);
    expect(run.stderr).toContain('/proc/minutes-test');
    expect(run.ms).toBeLessThan(15_000);
  });

  it.each([[['compare']], [['goals']], [['export']], [['indicators']], [['db', 'migrate']], [['ingest', input, '--out', join(dir, 'nodb-json')]]])(
    'minutes %j on a file that is not a database',
    async (args) => {
      const run = await runCliAsync([...args, '--db', notADatabase]);
      expectOneLine(run, 'not_a_database', 4);
      expect(run.stderr).toContain(notADatabase);
    },
  );
});

describe('inputs that fail: exit status 1 only with --strict, the same in ingest and enqueue', () => {
  it('ingest: a missing path is a failed input (io_error)', () => {
    const missing = join(dir, 'no-such-folder');
    const lax = runCli(['ingest', missing, '--out', join(dir, 'json'), '--db', db]);
    expect(lax.status).toBe(0);
    expect(lax.stdout).toMatch(new RegExp(`^failed  ${missing}  io_error`, 'm'));
    expect(runCli(['ingest', missing, '--out', join(dir, 'json'), '--db', db, '--strict']).status).toBe(1);
  });

  it('ingest --strict exits 1 on a re-run over a file that failed before', () => {
    const run = runCli(['ingest', input, '--out', join(dir, 'json'), '--db', db, '--strict']);
    expect(summaryOf(run.stdout)).toMatchObject({ ok: 0, failed: 0, skipped: 3 });
    expect(run.stdout).toContain('skipped 1 file that failed before (empty 1)');
    expect(run.status).toBe(1);
    const good = runCli(['ingest', join(input, 'viborg-referat.pdf'), '--out', join(dir, 'json'), '--db', db, '--strict']);
    expect(good.status).toBe(0);
  });

  const redisUrl = process.env['REDIS_URL'];
  if (!redisUrl) warnSkipped('enqueue of a missing path', 'REDIS_URL is not set: run through scripts/with-redis.mjs (npm test does)');
  it.skipIf(!redisUrl)('enqueue: a missing path is a failed input (io_error), exit 1 only with --strict', () => {
    const missing = join(dir, 'no-such-folder');
    const env = { REDIS_URL: redisUrl };
    const lax = runCli(['enqueue', missing, '--db', db], { env });
    expect(lax.stderr).toBe('');
    expect(lax.stdout).toContain(`failed ${missing}: [io_error]`);
    expect(lax.status).toBe(0);
    expect(runCli(['enqueue', missing, '--db', db, '--strict'], { env }).status).toBe(1);
  });
});

describe.concurrent('normal ends that used to be errors', () => {
  it('export into a pipe whose reader has gone away (`| head`) exits 0 with nothing on stderr', async () => {
    const child = spawn(process.execPath, [mainJs, 'export', '--what', 'budget', '--db', db], {
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it.each([['sqlite:'], ['file:'], ['sqlite://']])('DATABASE_URL=%sFILE reads the SQLite file like --db', async (prefix) => {
    const viaFlag = await runCliAsync(['export', '--what', 'percentages', '--db', db]);
    const viaUrl = await runCliAsync(['export', '--what', 'percentages', '--db', join(dir, 'ignored.db')], { env: { DATABASE_URL: `${prefix}${db}` } });
    expect(viaUrl.stderr).toBe('');
    expect(viaUrl.status).toBe(0);
    expect(viaUrl.stdout).toBe(viaFlag.stdout);
    expect(viaFlag.stdout.split('\n').length).toBeGreaterThan(2);
  });

  it('the worker script answers --help and refuses an unknown flag in one line', async () => {
    const worker = join(repoRoot, 'dist', 'tools', 'workers', 'worker.js');
    const help = await runCliAsync(['--help'], { script: worker });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: .*worker\.js/);
    expect(help.stdout).toContain('REDIS_URL (default redis://127.0.0.1:6379)');
    expectOneLine(await runCliAsync(['--bogus'], { script: worker }), 'usage', 2);
    expectOneLine(await runCliAsync(['--queues', 'parse,lunch'], { script: worker }), 'usage', 2);
    const badUrl = await runCliAsync([], { script: worker, env: { DATABASE_URL: 'mysql://root:hemmeligt@db.example/minutes' } });
    expectOneLine(badUrl, 'usage', 2);
    expect(badUrl.stderr).not.toContain('hemmeligt');
    expect(help.stdout).toContain('LOG_LEVEL (the worker logs one JSON object per line');
    expectOneLine(await runCliAsync([], { script: worker, env: { LOG_LEVEL: 'loud' } }), 'usage', 2);
    expectOneLine(await runCliAsync(['worker'], { env: { LOG_LEVEL: 'loud' } }), 'usage', 2);
  });

  it('--help documents REDIS_URL with its default and the exit status', async () => {
    const help = await runCliAsync(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('REDIS_URL     Redis of the queue commands (default redis://127.0.0.1:6379)');
    for (const status of ['0  done', '1  some inputs failed', '2  usage', '3  Redis or PostgreSQL unreachable', '4  a file, folder or database']) {
      expect(help.stdout).toContain(status);
    }
    for (const command of ['enqueue', 'status', 'schedule']) {
      const sub = await runCliAsync([command, '--help']);
      expect(sub.status).toBe(0);
      expect(sub.stdout).toContain('REDIS_URL     Redis of the queue commands (default redis://127.0.0.1:6379)');
      expect(sub.stdout).toContain('3  Redis or PostgreSQL unreachable');
    }
    // The README's table says the same.
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    for (const code of ['usage', 'redis_unreachable', 'postgres_unreachable', 'io_error', 'not_a_database']) expect(readme).toContain(`\`${code}\``);
  });
});
