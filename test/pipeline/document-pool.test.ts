// The document pool: bytes in, { parsedCache, document } out of one worker process. The result
// equals parsePdf + buildDocument run in this thread (the parsed pages as the cache entry
// encodeParsed makes of them); parse failures and build failures come back as outcomes with
// their stage, and a build failure keeps the parsed pages.
// The threads run the build in dist/, so the comparison runs dist/'s functions too: while
// src/ is being edited, src/ and dist/ may differ, and that is not what is tested here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DocumentPool, type DocumentOutcome } from '../../src/pipeline/index.js';
import type * as BuildModule from '../../src/pipeline/build-document.js';
import type * as PdfModule from '../../src/pdf/index.js';
import type { ExtractedDocument } from '../../src/schema/contract.js';
import { decodeParsed, PARSED_CACHE_FORMAT } from '../../src/store/parsed-cache-codec.js';
import { fixturePdfs, hasSharedCorpus, sharedCorpusPdfs, warnSkipped } from '../pdf/corpus.js';
import { linesPage, makePdf } from '../pdf/make-pdf.js';

let pool: DocumentPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const { buildDocument, buildDocumentWithLayout } = (await import(new URL('../../dist/pipeline/build-document.js', import.meta.url).href)) as typeof BuildModule;
const { parsePdf } = (await import(new URL('../../dist/pdf/index.js', import.meta.url).href)) as typeof PdfModule;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function failed(outcome: DocumentOutcome): { stage: string; code: string; hasParsed: boolean } {
  if (outcome.ok) throw new Error('expected a failed outcome');
  return { stage: outcome.stage, code: outcome.error.code, hasParsed: outcome.parsedCache !== null };
}

describe('DocumentPool', () => {
  let referat: Uint8Array;
  let big: Uint8Array;
  beforeAll(async () => {
    referat = await makePdf({
      info: { Title: 'Referat Beskæftigelsesudvalget' },
      pages: [
        linesPage(['Struer Kommune', 'Referat', 'Beskæftigelsesudvalget', 'Mødedato: 4. februar 2025']),
        linesPage(['Punkt 2: Opfølgning på mål', 'Ledigheden faldt til 3,1 % i 2024.', 'Der er brugt 1,2 mio. kr. af puljen.']),
      ],
    });
    const lines = Array.from({ length: 50 }, (_, i) => `Linje ${i + 1}: Jobcentret rapporterer ${i * 7} helårspersoner og ${i},5 % ledighed.`);
    big = await makePdf({ pages: Array.from({ length: 300 }, () => linesPage(lines, { top: 30, size: 8 })) });
  });

  it('gives the same parsed pages, document and page layouts as parsePdf + buildDocumentWithLayout in this thread', async () => {
    pool = new DocumentPool({ size: 2 });
    const input = { path: 'arkiv/struer/referat.pdf', sha256: sha256(referat), byteCount: referat.length, bytes: referat };
    const outcome = await pool.process(input);
    const parsed = await parsePdf(referat);
    const { document, layouts } = await buildDocumentWithLayout({ path: input.path, sha256: input.sha256, bytes: input.byteCount, parsed, withText: true });
    expect(layouts.length).toBe(parsed.pages.length);
    expect(outcome.ok && outcome.document).toEqual(document);
    expect(outcome.ok && outcome.layouts).toEqual(layouts);
    expect(decodeParsed(PARSED_CACHE_FORMAT, outcome.ok ? outcome.parsedCache.data : new Uint8Array())).toEqual(parsed);
    expect(outcome.ok && outcome.parsedCache.jsonBytes).toBe(Buffer.byteLength(JSON.stringify(parsed)));
    expect(referat.byteLength).toBeGreaterThan(0); // the caller's bytes stay usable
  });

  it('leaves the caller its bytes when the work runs in a process', async () => {
    pool = new DocumentPool({ size: 1 });
    const own = new Uint8Array(referat);
    const outcome = await pool.process({ path: 'a.pdf', sha256: sha256(referat), byteCount: referat.length, bytes: own, handOver: true });
    expect(outcome.ok).toBe(true);
    expect(own).toEqual(referat);
  });

  it('moves the bytes to a thread with handOver (no copy), but copies a view into a larger buffer', async () => {
    pool = new DocumentPool({ size: 1, isolation: 'thread' });
    const own = new Uint8Array(referat);
    const moved = await pool.process({ path: 'a.pdf', sha256: sha256(referat), byteCount: referat.length, bytes: own, handOver: true });
    expect(moved.ok).toBe(true);
    expect(own.byteLength).toBe(0);
    const padded = new Uint8Array(referat.length + 10);
    padded.set(referat, 10);
    const view = padded.subarray(10);
    const copied = await pool.process({ path: 'b.pdf', sha256: sha256(referat), byteCount: referat.length, bytes: view, handOver: true });
    expect(copied.ok).toBe(true);
    expect(view.byteLength).toBe(referat.length);
  });

  it('reports an unreadable file as a parse failure with its code', async () => {
    pool = new DocumentPool({ size: 2 });
    const html = new Uint8Array(Buffer.from('<!doctype html><html><body>Siden findes ikke</body></html>'));
    const outcomes = await Promise.all([
      pool.process({ path: 'tom.pdf', sha256: sha256(new Uint8Array(0)), byteCount: 0, bytes: new Uint8Array(0) }),
      pool.process({ path: 'fejl.pdf', sha256: sha256(html), byteCount: html.length, bytes: html }),
      pool.process({ path: 'halv.pdf', sha256: sha256(referat), byteCount: 200, bytes: referat.subarray(0, 200) }),
    ]);
    expect(outcomes.map(failed)).toEqual([
      { stage: 'parse', code: 'empty', hasParsed: false },
      { stage: 'parse', code: 'not_pdf', hasParsed: false },
      { stage: 'parse', code: 'damaged', hasParsed: false },
    ]);
  });

  it('reports a document that breaks the contract as a build failure and keeps its parsed pages', async () => {
    pool = new DocumentPool({ size: 1 });
    const outcome = await pool.process({ path: 'x.pdf', sha256: 'not-a-sha', byteCount: referat.length, bytes: referat });
    expect(failed(outcome)).toEqual({ stage: 'build', code: 'invalid_output', hasParsed: true });
    const cache = outcome.ok ? null : outcome.parsedCache;
    expect(cache && decodeParsed(PARSED_CACHE_FORMAT, cache.data)?.pages).toHaveLength(2);
  });

  it('stops a thread that overruns the time limit, then goes on with a fresh one', async () => {
    pool = new DocumentPool({ size: 1, terminateGraceMs: 0, parse: { timeoutMs: 40 } });
    const started = Date.now();
    const outcome = await pool.process({ path: 'stor.pdf', sha256: sha256(big), byteCount: big.length, bytes: big });
    expect(failed(outcome)).toMatchObject({ code: 'timeout', hasParsed: false });
    expect(Date.now() - started).toBeLessThan(5000);
    const after = await pool.process({ path: 'r.pdf', sha256: sha256(referat), byteCount: referat.length, bytes: referat }, { timeoutMs: 60_000 });
    expect(after.ok).toBe(true);
  });

  it('ends queued documents as failed (internal) when closed', async () => {
    pool = new DocumentPool({ size: 1 });
    const pending = [pool.process({ path: 'a.pdf', sha256: sha256(big), byteCount: big.length, bytes: big }), pool.process({ path: 'b.pdf', sha256: sha256(big), byteCount: big.length, bytes: big })];
    await pool.close();
    expect((await Promise.all(pending)).map((o) => failed(o).code)).toEqual(['internal', 'internal']);
  });
});

const realPdfs = [...fixturePdfs(), ...sharedCorpusPdfs()];
if (!hasSharedCorpus) warnSkipped('DocumentPool on ../shared/corpus', '../shared is not present beside the project');
if (fixturePdfs().length === 0) warnSkipped('DocumentPool on fixtures/*.pdf', 'no fixture PDFs yet (npm run fixtures writes them)');
describe.skipIf(realPdfs.length === 0)('DocumentPool on real PDFs', () => {
  // OCR off: the scanned pages are read by their own suites; here the build itself is compared.
  it('builds every fixture and corpus PDF in two processes exactly as in this thread', { timeout: 120_000 }, async () => {
    pool = new DocumentPool({ size: 2, parse: { ocr: 'never' } });
    const inputs = realPdfs.map((file) => {
      const bytes = new Uint8Array(readFileSync(file));
      return { path: basename(file), sha256: sha256(bytes), byteCount: bytes.length, bytes };
    });
    const processing = Promise.all(inputs.map((input) => (pool as DocumentPool).process(input)));
    processing.catch(() => {}); // awaited below; not an unhandled rejection while this thread builds
    // This thread builds its own documents meanwhile, one after another, while the two processes work.
    const inThread: ExtractedDocument[] = [];
    for (const input of inputs) {
      const parsed = await parsePdf(input.bytes, { ocr: 'never' });
      inThread.push(await buildDocument({ path: input.path, sha256: input.sha256, bytes: input.byteCount, parsed, withText: true }));
    }
    const outcomes = await processing;
    for (const [i, input] of inputs.entries()) {
      const outcome = outcomes[i] as DocumentOutcome;
      expect(outcome.ok, input.path).toBe(true);
      expect(outcome.ok && outcome.document, input.path).toEqual(inThread[i]);
    }
  });
});
