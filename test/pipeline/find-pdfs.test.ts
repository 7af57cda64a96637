import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPdfs } from '../../src/pipeline/index.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-find-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findPdfs', () => {
  const touch = (...parts: string[]): string => {
    const path = join(dir, ...parts);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '%PDF-1.4');
    return path;
  };
  touch('arkiv', 'odder', '2020-03-19.pdf');
  touch('arkiv', 'odder', '2020-04-16.PDF');
  touch('arkiv', 'aarhus', 'referat.Pdf');
  touch('arkiv', 'aarhus', 'bilag.docx');
  touch('arkiv', 'noter.txt');
  symlinkSync(join(dir, 'arkiv'), join(dir, 'arkiv', 'aarhus', 'loop'));

  it('walks folders recursively, takes *.pdf in any case, follows no loop, in a stable order', async () => {
    const found = await findPdfs([join(dir, 'arkiv')]);
    expect(found.missing).toEqual([]);
    expect(found.files).toEqual([
      join(dir, 'arkiv', 'aarhus', 'referat.Pdf'),
      join(dir, 'arkiv', 'odder', '2020-03-19.pdf'),
      join(dir, 'arkiv', 'odder', '2020-04-16.PDF'),
    ]);
  });

  it('lists each file once even when given twice, and takes a file named explicitly whatever its extension', async () => {
    const found = await findPdfs([join(dir, 'arkiv', 'odder'), join(dir, 'arkiv', 'odder', '2020-03-19.pdf'), join(dir, 'arkiv', 'noter.txt')]);
    expect(found.files).toEqual([
      join(dir, 'arkiv', 'odder', '2020-03-19.pdf'),
      join(dir, 'arkiv', 'odder', '2020-04-16.PDF'),
      join(dir, 'arkiv', 'noter.txt'),
    ]);
  });

  it('reports a link to nowhere named *.pdf inside a folder', async () => {
    mkdirSync(join(dir, 'links'), { recursive: true });
    symlinkSync(join(dir, 'slettet.pdf'), join(dir, 'links', 'forsvundet.pdf'));
    const found = await findPdfs([join(dir, 'links')]);
    expect(found.files).toEqual([]);
    expect(found.missing).toEqual([{ path: join(dir, 'links', 'forsvundet.pdf'), message: expect.stringMatching(/points nowhere/), code: 'io_error' }]);
  });

  it('reports paths that do not exist instead of throwing', async () => {
    const found = await findPdfs([join(dir, 'mangler'), join(dir, 'arkiv', 'odder', '2020-03-19.pdf')]);
    expect(found.files).toEqual([join(dir, 'arkiv', 'odder', '2020-03-19.pdf')]);
    expect(found.missing).toHaveLength(1);
    expect(found.missing[0]?.message).toMatch(/ENOENT/);
  });
});

describe('findPdfs and what is not a regular file', () => {
  it('reports a FIFO named on the command line or lying in a folder as not_a_file, without opening it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minutes-fifo-'));
    try {
      const fifo = join(dir, 'referat.pdf');
      execFileSync('mkfifo', [fifo]);
      // Opening a FIFO for reading blocks until a writer comes: a hang here is the failure.
      const named = await findPdfs([fifo, '/dev/zero']);
      expect(named.files).toEqual([]);
      expect(named.missing.map((m) => [m.path, m.code])).toEqual([
        [fifo, 'not_a_file'],
        ['/dev/zero', 'not_a_file'],
      ]);
      expect(named.missing[0]?.message).toBe(`${fifo} is a FIFO (named pipe), not a file: not read`);
      const walked = await findPdfs([dir]);
      expect(walked.missing.map((m) => [m.path, m.code])).toEqual([[fifo, 'not_a_file']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
