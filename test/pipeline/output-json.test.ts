import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputNames, safeBaseName, writeJsonAtomic } from '../../src/pipeline/index.js';
import { noFacts, type ExtractedDocument } from '../../src/schema/contract.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shaA = 'a'.repeat(8) + '0'.repeat(56);
const shaB = 'b'.repeat(8) + '1'.repeat(56);

function doc(sha256: string, path: string): ExtractedDocument {
  return {
    schemaVersion: 1,
    source: { path, sha256, bytes: 10, pages: 1, title: null, producer: null },
    extractor: { name: 'minutes', version: '0.0.0' },
    ...noFacts(),
  };
}

describe('safeBaseName', () => {
  it.each([
    ['arkiv/odder/2020-03-19.pdf', '2020-03-19'],
    ['Referat Økonomiudvalget.PDF', 'Referat Økonomiudvalget'],
    ['../../etc/passwd.pdf', 'passwd'],
    ['..\\..\\windows\\evil.pdf', 'evil'],
    ['.hidden.pdf', 'hidden'],
    ['a:b*c?"<>|.pdf', 'a_b_c_'],
    ['.pdf', 'document'],
  ])('%s → %s', (input, expected) => {
    expect(safeBaseName(input)).toBe(expected);
  });

  it('caps very long names', () => {
    expect(safeBaseName(`${'x'.repeat(400)}.pdf`).length).toBeLessThanOrEqual(180);
  });
});

describe('OutputNames', () => {
  it('gives <basename>.json, and <basename>-<sha8>.json to the later of two inputs with one name', async () => {
    const out = join(dir, 'clash');
    const names = new OutputNames(out, ['b/referat.pdf', 'a/referat.pdf', 'c/dagsorden.pdf']);
    expect(await names.fileFor('a/referat.pdf', shaA)).toBe(join(out, 'referat.json'));
    expect(await names.fileFor('b/referat.pdf', shaB)).toBe(join(out, 'referat-bbbbbbbb.json'));
    expect(await names.fileFor('c/dagsorden.pdf', shaA)).toBe(join(out, 'dagsorden.json'));
  });

  it('never overwrites a JSON of another PDF already in the folder, but replaces its own', async () => {
    const out = join(dir, 'existing');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'referat.json'), JSON.stringify(doc(shaA, 'old/referat.pdf')));
    writeFileSync(join(out, 'noter.json'), 'not json at all');
    const names = new OutputNames(out, ['new/referat.pdf', 'noter.pdf']);
    expect(await names.fileFor('new/referat.pdf', shaB)).toBe(join(out, 'referat-bbbbbbbb.json'));
    expect(await names.fileFor('new/referat.pdf', shaA)).toBe(join(out, 'referat.json'));
    expect(await names.fileFor('noter.pdf', shaA)).toBe(join(out, 'noter-aaaaaaaa.json'));
  });

  it('keeps every name inside the output folder', async () => {
    const out = join(dir, 'inside');
    const names = new OutputNames(out, ['../../x/../../../etc/cron.d/evil.pdf']);
    expect(await names.fileFor('../../x/../../../etc/cron.d/evil.pdf', shaA)).toBe(join(out, 'evil.json'));
  });
});

describe('writeJsonAtomic', () => {
  it('writes the document as JSON and leaves no temporary files', async () => {
    const out = join(dir, 'atomic', 'nested');
    const file = join(out, 'referat.json');
    await writeJsonAtomic(file, doc(shaA, 'referat.pdf'));
    await writeJsonAtomic(file, doc(shaB, 'referat.pdf'));
    expect(JSON.parse(readFileSync(file, 'utf8')).source.sha256).toBe(shaB);
    expect(readdirSync(out)).toEqual(['referat.json']);
  });

  it('fails with io_error when the folder cannot be made, leaving nothing behind', async () => {
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'a file where a folder should be');
    const err = await writeJsonAtomic(join(blocker, 'x.json'), doc(shaA, 'x.pdf')).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBeDefined();
    expect(existsSync(join(blocker, 'x.json'))).toBe(false);
  });
});
