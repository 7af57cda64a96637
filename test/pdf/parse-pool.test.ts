// The worker-thread pool: same pages as in-process parsing, coded errors across the
// thread boundary, a stuck document's thread is killed (timeout), a document that
// exhausts a thread's heap fails as too_large, and the pool keeps working after both.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parsePdf, ParsePool } from '../../src/pdf/index.js';
import { MinutesError } from '../../src/schema/errors.js';
import { hasSharedCorpus, sharedCorpusPdfs, warnSkipped } from './corpus.js';
import { linesPage, makePdf } from './make-pdf.js';

let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(MinutesError);
    return (err as MinutesError).code;
  }
  return 'resolved';
}

describe('ParsePool', () => {
  let small: Uint8Array[];
  let big: Uint8Array;
  beforeAll(async () => {
    small = await Promise.all(
      ['Beskæftigelsesudvalget', 'Økonomiudvalget', 'Børne- og Ungeudvalget'].map((name, i) =>
        makePdf({ pages: Array.from({ length: i + 1 }, (_, p) => linesPage([`${name}`, `Side ${p + 1}`, `Ledigheden er ${3 + i},${p} %.`])) }),
      ),
    );
    const lines = Array.from({ length: 50 }, (_, i) => `Linje ${i + 1}: Jobcentret rapporterer ${i * 7} helårspersoner og ${i},5 % ledighed.`);
    big = await makePdf({ pages: Array.from({ length: 300 }, () => linesPage(lines, { top: 30, size: 8 })) });
  });

  it('parses several documents at once, exactly as parsePdf does in process', async () => {
    pool = new ParsePool({ size: 2 });
    const inPool = await Promise.all(small.map((b) => (pool as ParsePool).parse(b)));
    const inProcess = await Promise.all(small.map((b) => parsePdf(b)));
    // creationDate differs per render only if the bytes differ; here the bytes are the same
    expect(inPool).toEqual(inProcess);
    expect(inPool.map((p) => p.pages.length)).toEqual([1, 2, 3]);
  });

  it('leaves the caller’s bytes intact (it transfers a copy)', async () => {
    pool = new ParsePool({ size: 1 });
    const bytes = small[0] as Uint8Array;
    const before = bytes.length;
    await pool.parse(bytes);
    expect(bytes.length).toBe(before);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('carries error codes across the thread boundary', async () => {
    pool = new ParsePool({ size: 2 });
    const codes = await Promise.all([
      codeOf(pool.parse(new Uint8Array(0))),
      codeOf(pool.parse(new Uint8Array(Buffer.from('<html><body>Ikke fundet</body></html>')))),
      codeOf(pool.parse((small[0] as Uint8Array).subarray(0, 200))),
    ]);
    expect(codes).toEqual(['empty', 'not_pdf', 'damaged']);
  });

  it('stops a thread that overruns the time limit, then goes on with a fresh one', async () => {
    pool = new ParsePool({ size: 1, terminateGraceMs: 0, parse: { timeoutMs: 40 } });
    const started = Date.now();
    expect(await codeOf(pool.parse(big))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
    const after = await pool.parse(small[1] as Uint8Array, { timeoutMs: 60_000 });
    expect(after.pages).toHaveLength(2);
  });

  it('fails a document that exhausts the parser process memory as too_large, then goes on', async () => {
    // 200 dense pages (720 text items each) need far more than the 44 MB of heap a 300 MB process
    // leaves (the rest is Node and pdf.js); a one-page document needs about 20 MB.
    const words = ['Jobcentret', 'rapporterer', 'helårspersoner', 'ledighed', 'budget', 'mål', 'resultat'];
    const densePage = Array.from({ length: 90 }, (_, row) =>
      Array.from({ length: 8 }, (_, col) => ({ text: `${words[(row + col) % words.length]} ${row * col}`, x: 20 + col * 70, y: 20 + row * 9, size: 6 })),
    ).flat();
    const dense = await makePdf({ pages: Array.from({ length: 200 }, () => densePage) });
    pool = new ParsePool({ size: 1, memoryLimitMb: 300 });
    const err = await pool.parse(dense).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MinutesError);
    expect((err as MinutesError).code).toBe('too_large');
    expect((err as MinutesError).message).toMatch(/memory limit of 300 MB per parser process/);
    const after = await pool.parse(small[0] as Uint8Array);
    expect(after.pages).toHaveLength(1);
  });

  it('rejects queued work when closed, and refuses new work', async () => {
    pool = new ParsePool({ size: 1 });
    const pending = [pool.parse(big), pool.parse(big)].map((p) => codeOf(p));
    await pool.close();
    expect(await Promise.all(pending)).toEqual(['internal', 'internal']);
    expect(await codeOf(pool.parse(small[0] as Uint8Array))).toBe('internal');
  });
});

if (!hasSharedCorpus) warnSkipped('ParsePool on ../shared/corpus', '../shared is not present beside the project');
describe.skipIf(!hasSharedCorpus)('ParsePool on ../shared/corpus', () => {
  // OCR off: the image-only pages are read by the OCR suites.
  it('parses every shared-corpus PDF in two processes', async () => {
    pool = new ParsePool({ size: 2, parse: { ocr: 'never' } });
    const files = sharedCorpusPdfs();
    const parsed = await Promise.all(files.map((f) => (pool as ParsePool).parse(new Uint8Array(readFileSync(f)))));
    expect(parsed).toHaveLength(files.length);
    for (const p of parsed) expect(p.pages.length).toBeGreaterThan(0);
  });
});
