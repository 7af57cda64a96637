import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../src/pipeline/index.js';
import { MinutesError } from '../../src/schema/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'minutes-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hashFile', () => {
  const content = randomBytes(300_000);
  const file = join(dir, 'referat.pdf');
  writeFileSync(file, content);

  it('returns the sha256, size and bytes of the file', async () => {
    const hashed = await hashFile(file);
    expect(hashed.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(hashed.bytes).toBe(content.length);
    expect(Buffer.from(hashed.data ?? new Uint8Array()).equals(content)).toBe(true);
  });

  it('hashes but does not keep a file over maxBytes', async () => {
    const hashed = await hashFile(file, { maxBytes: 100_000 });
    expect(hashed.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(hashed.bytes).toBe(content.length);
    expect(hashed.data).toBeNull();
  });

  it('hashes an empty file', async () => {
    const empty = join(dir, 'tom.pdf');
    writeFileSync(empty, '');
    const hashed = await hashFile(empty);
    expect(hashed.bytes).toBe(0);
    expect(hashed.sha256).toBe(createHash('sha256').digest('hex'));
  });

  it('fails with io_error for a file that is not there', async () => {
    const err = await hashFile(join(dir, 'findes-ikke.pdf')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MinutesError);
    expect((err as MinutesError).code).toBe('io_error');
    expect((err as MinutesError).message).toMatch(/ENOENT/);
  });
});
