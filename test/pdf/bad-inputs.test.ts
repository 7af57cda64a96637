// Files that are not readable PDFs fail with their own stable code and a reason
// a person can act on; none of them throws anything but a MinutesError.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdf, type ParseOptions } from '../../src/pdf/index.js';
import { MinutesError, PDF_ERROR_CODES } from '../../src/schema/errors.js';
import { repoRoot, warnSkipped } from './corpus.js';
import { linesPage, makePdf } from './make-pdf.js';

async function failure(bytes: Uint8Array, options?: ParseOptions): Promise<MinutesError> {
  try {
    await parsePdf(bytes, options);
  } catch (err) {
    expect(err).toBeInstanceOf(MinutesError);
    return err as MinutesError;
  }
  throw new Error('parsePdf accepted a file it should refuse');
}

const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

describe('parsePdf refuses what it cannot read', () => {
  let good: Uint8Array;
  let big: Uint8Array;
  beforeAll(async () => {
    good = await makePdf({ pages: [linesPage(['Dagsorden', 'Punkt 1: Godkendelse af dagsorden']), linesPage(['Punkt 2: Orientering'])] });
    const lines = Array.from({ length: 45 }, (_, i) => `Linje ${i + 1}: Udvalget drøftede beskæftigelsesindsatsen og budgettet for ${2000 + i}.`);
    big = await makePdf({ pages: Array.from({ length: 150 }, () => linesPage(lines, { top: 40, size: 9 })) });
  });

  it('a zero-byte file is empty', async () => {
    const err = await failure(new Uint8Array(0));
    expect(err.code).toBe('empty');
    expect(err.message).toMatch(/0 bytes/);
  });

  it('random bytes are not a PDF', async () => {
    const err = await failure(new Uint8Array(randomBytes(4096)).map((b) => (b === 0x25 ? 0 : b)));
    expect(err.code).toBe('not_pdf');
    expect(err.message).toMatch(/no %PDF header/);
  });

  it('an HTML page saved as .pdf is not a PDF, and says it is HTML', async () => {
    const err = await failure(ascii('<!DOCTYPE html>\n<html lang="da"><head><title>Siden findes ikke</title></head><body>404</body></html>'));
    expect(err.code).toBe('not_pdf');
    expect(err.message).toMatch(/HTML/);
  });

  it('a truncated PDF is damaged', async () => {
    const err = await failure(good.subarray(0, Math.floor(good.length / 3)));
    expect(err.code).toBe('damaged');
  });

  it('a PDF header followed by garbage is damaged', async () => {
    const err = await failure(new Uint8Array([...ascii('%PDF-1.7\n'), ...randomBytes(2048)]));
    expect(err.code).toBe('damaged');
  });

  it('a password-protected PDF is encrypted', async () => {
    const locked = await makePdf({ pages: [linesPage(['Fortroligt referat'])], userPassword: 'hemmelig' });
    const err = await failure(locked);
    expect(err.code).toBe('encrypted');
    expect(err.message).toMatch(/password/i);
  });

  it('a PDF with no pages is empty', async () => {
    const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
    let body = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(body.length);
      body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const err = await failure(ascii(body));
    expect(err.code).toBe('empty');
  });

  it('too many bytes or pages is too_large, before any page is read', async () => {
    const bytesErr = await failure(good, { maxBytes: 1000 });
    expect(bytesErr.code).toBe('too_large');
    expect(bytesErr.message).toMatch(/limit of 1000/);
    const pagesErr = await failure(good, { maxPages: 1 });
    expect(pagesErr.code).toBe('too_large');
    expect(pagesErr.message).toMatch(/2 pages/);
  });

  it('a document that takes longer than the limit times out', async () => {
    const err = await failure(big, { timeoutMs: 30 });
    expect(err.code).toBe('timeout');
    // and the same bytes parse with a sane limit: the limit, not the file, failed
    const parsed = await parsePdf(big);
    expect(parsed.pages).toHaveLength(150);
  });

  it('rejects nonsense limits', async () => {
    await expect(parsePdf(good, { maxPages: 0 })).rejects.toThrow(RangeError);
  });
});

const badDir = join(repoRoot, 'fixtures', 'bad');
const expectedFile = join(badDir, 'expected-errors.json');
const expected: Record<string, { code: string }> = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : {};
const badFiles = existsSync(badDir) ? readdirSync(badDir).filter((f) => /\.pdf$/i.test(f)).sort() : [];
if (badFiles.length === 0) warnSkipped('parsePdf on fixtures/bad/*', 'fixtures/bad/ has no files yet (npm run fixtures writes them)');
describe.skipIf(badFiles.length === 0)('parsePdf on fixtures/bad', () => {
  it.each(badFiles)('%s fails with the code fixtures/bad/expected-errors.json names', async (name) => {
    const err = await failure(new Uint8Array(readFileSync(join(badDir, name))));
    expect(PDF_ERROR_CODES).toContain(err.code);
    expect(err.code).toBe(expected[name]?.code);
    expect(err.message.length).toBeGreaterThan(10);
  });
});
