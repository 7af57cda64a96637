// Inputs that are no PDF file and targets that cannot be written, through the real CLI:
// a FIFO and a device are never opened, names with control characters cannot forge or
// wipe output lines, a name that is not UTF-8 is read, an unwritable --out or --db ends
// the run before any PDF is parsed, and a disk that fills up stops the batch once.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPdf } from '../../fixtures/faults/hostile-pdfs.js';
import { repoRoot } from '../queue/support/harness.js';
import { reportLines } from '../cli/run-cli.js';
import { isAlive } from './support/process-tree.js';
import { runWatched } from './support/run-watched.js';
import { storeSnapshot } from './support/store-snapshot.js';
import { mountTmpfs, type Tmpfs } from './support/tmpfs.js';

const env = { DATABASE_URL: '' };
let dir: string;
const mounts: Tmpfs[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'minutes-faults-inputs-'));
});
afterAll(() => {
  for (const m of mounts) m.unmount();
  rmSync(dir, { recursive: true, force: true });
});
const ingest = (input: string[], out: string, db: string, extra: string[] = []): string[] => ['ingest', ...input, '--out', out, '--db', db, '--ocr', 'never', '--concurrency', '2', ...extra];
/** Error lines on stderr must be exactly one, in the documented form. */
const oneErrorLine = (stderr: string, code: string): void => {
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).toMatch(new RegExp(`^minutes: .* \\(${code}\\)\\n$`));
};

describe('inputs that are no PDF file, and hostile file names', () => {
  it('FIFO and device: not_a_file; control characters escaped; a non-UTF-8 name is read; one line each', { timeout: 60_000 }, async () => {
    const input = join(dir, 'names');
    mkdirSync(input);
    copyFileSync(join(repoRoot, 'fixtures/viborg-referat.pdf'), join(input, 'viborg-referat.pdf'));
    execFileSync('mkfifo', [join(input, 'fifo.pdf')]);
    writeFileSync(join(input, 'evil\nok  forged.pdf'), 'ikke en pdf');
    writeFileSync(join(input, 'wipe\x1b[2J.pdf'), 'heller ikke en pdf');
    writeFileSync(Buffer.concat([Buffer.from(`${input}/lat`), Buffer.from([0xe6]), Buffer.from('in1.pdf')]), plainPdf());
    const db = join(dir, 'names.db');
    const run = await runWatched(ingest([input, '/dev/zero'], join(dir, 'names-json'), db), env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/\x1b/);
    const lines = reportLines(run.stdout);
    expect(lines[0]).toMatch(/^ok 2 · failed 4 · skipped 0 /);
    expect(lines.slice(1).sort()).toEqual([
      'failed  /dev/zero  not_a_file  /dev/zero is a device, not a file: not read',
      `failed  ${input}/evil ok  forged.pdf  not_pdf  not a PDF: the file is plain text (no %PDF header)`,
      `failed  ${input}/fifo.pdf  not_a_file  ${input}/fifo.pdf is a FIFO (named pipe), not a file: not read`,
      `failed  ${input}/wipe\\x1b[2J.pdf  not_pdf  not a PDF: the file is plain text (no %PDF header)`,
    ]);
    const rows = (await storeSnapshot({ sqliteFile: db })).rows;
    expect(rows.filter((r) => r.status === 'ok').map((r) => r.file).sort()).toEqual(['lat\\xe6in1.pdf', 'viborg-referat.pdf']);
    expect(run.pids.filter(isAlive)).toEqual([]);
  });

  it('--concurrency far above the cores is capped, with one line saying so', { timeout: 60_000 }, async () => {
    const input = join(dir, 'one');
    mkdirSync(input);
    writeFileSync(join(input, 'plain.pdf'), plainPdf());
    const run = await runWatched(ingest([input], join(dir, 'one-json'), join(dir, 'one.db'), ['--concurrency', '1000']), env);
    expect(run.code, run.stderr).toBe(0);
    const cap = 4 * availableParallelism();
    expect(run.stderr).toBe(`minutes: --concurrency 1000 is more than 4 per core (${availableParallelism()} cores): using ${cap}\n`);
    // The main process and at most one document process per file: never a thousand.
    expect(run.pids.length).toBeLessThan(cap);
  });
});

describe('targets that cannot be written (a tmpfs: read-only, then full)', () => {
  const twoPdfs = (name: string): string => {
    const input = join(dir, name);
    mkdirSync(input);
    copyFileSync(join(repoRoot, 'fixtures/viborg-referat.pdf'), join(input, 'a.pdf'));
    copyFileSync(join(repoRoot, 'fixtures/lolland-two-columns.pdf'), join(input, 'b.pdf'));
    return input;
  };

  it('a read-only --out ends the run before any PDF is parsed: one line, exit 4, nothing stored', { timeout: 60_000 }, async () => {
    const ro = mountTmpfs(join(dir, 'ro-out'), 1024);
    mounts.push(ro);
    ro.readOnly();
    const db = join(dir, 'ro-out.db');
    const run = await runWatched(ingest([twoPdfs('in-ro-out')], join(ro.path, 'json'), db), env);
    expect(run.code).toBe(4);
    oneErrorLine(run.stderr, 'io_error');
    expect(run.stderr).toMatch(/--out .*read-only file system/);
    expect(run.stdout).toBe('');
    expect(run.pids).toHaveLength(1); // no document process was started
    expect((await storeSnapshot({ sqliteFile: db })).rows).toEqual([]);
  });

  it('a database on a read-only file system ends the run before any PDF is parsed: read_only, exit 4', { timeout: 60_000 }, async () => {
    const fs = mountTmpfs(join(dir, 'ro-db'), 4096);
    mounts.push(fs);
    const db = join(fs.path, 'minutes.db');
    const input = twoPdfs('in-ro-db');
    const first = await runWatched(ingest([join(input, 'a.pdf')], join(dir, 'ro-db-json'), db), env);
    expect(first.code, first.stderr).toBe(0);
    fs.readOnly();
    const run = await runWatched(ingest([input], join(dir, 'ro-db-json'), db), env);
    expect(run.code).toBe(4);
    oneErrorLine(run.stderr, 'read_only');
    expect(run.pids).toHaveLength(1);
  });

  it('a full disk under --db stops the batch once (disk_full, exit 4); nothing reported failed is stored', { timeout: 120_000 }, async () => {
    const full = mountTmpfs(join(dir, 'full'), 600);
    mounts.push(full);
    const input = join(dir, 'many');
    mkdirSync(input);
    const fixtures = readdirSync(join(repoRoot, 'fixtures')).filter((f) => f.endsWith('.pdf'));
    for (const f of fixtures) copyFileSync(join(repoRoot, 'fixtures', f), join(input, f));
    const out = join(dir, 'full-json');
    const db = join(full.path, 'minutes.db');
    const run = await runWatched(ingest([input], out, db), env);
    expect(run.code).toBe(4);
    oneErrorLine(run.stderr, 'disk_full');
    expect(run.stderr).toMatch(/^minutes: stopped: the results could not be written \(no space left on the device \(SQLITE_FULL.*\); \d+ files not started \(disk_full\)\n$/);
    const notStarted = Number(/; (\d+) files not started/.exec(run.stderr)?.[1]);
    expect(notStarted).toBeGreaterThan(0); // it stopped instead of failing every file
    const lines = reportLines(run.stdout);
    const failed = lines.slice(1);
    expect(failed.length).toBeGreaterThan(0);
    for (const line of failed) expect(line).toMatch(/^failed  \S+  disk_full  no space left on the device/);
    // Stored ⇔ reported ok ⇔ JSON written: a document is never stored while reported failed.
    const [, ok] = /^ok (\d+) · failed (\d+)/.exec(lines[0] ?? '') ?? [];
    const rows = (await storeSnapshot({ sqliteFile: db })).rows;
    expect(rows.every((r) => r.status === 'ok')).toBe(true);
    expect(rows).toHaveLength(Number(ok));
    expect(existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.json')).sort() : []).toEqual(rows.map((r) => r.file.replace(/\.pdf$/, '.json')).sort());
    expect(Number(ok) + failed.length + notStarted).toBe(fixtures.length);
    expect(run.pids.filter(isAlive)).toEqual([]);
  });
});
