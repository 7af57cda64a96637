// A FIFO or a device named on the command line is reported, never opened: the batch
// goes on with the real files (reading a FIFO would block the run forever).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../pdf/corpus.js';
import { assertBuilt, runCli, summaryOf } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-not-a-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => assertBuilt());

describe('minutes ingest with a FIFO and a device among the inputs', () => {
  it('fails those two as not_a_file, one line each, and stores the PDF', () => {
    const fifo = join(dir, 'ventende.pdf');
    execFileSync('mkfifo', [fifo]);
    const pdf = join(dir, 'referat.pdf');
    copyFileSync(join(repoRoot, 'fixtures', 'viborg-referat.pdf'), pdf);
    const run = runCli(['ingest', fifo, '/dev/zero', pdf, '--out', join(dir, 'json'), '--db', join(dir, 'm.db'), '--ocr', 'never']);
    expect(run.status, run.stderr).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ ok: 1, failed: 2 });
    const failures = run.stdout.split('\n').filter((line) => line.startsWith('failed'));
    expect(failures).toHaveLength(2);
    for (const line of failures) expect(line).toMatch(/not_a_file/);
  });
});
