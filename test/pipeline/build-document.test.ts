// parsed pages → one contract document: valid against the schema, traceable
// (every snippet is the slice of its page text), page texts only when asked.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, findProvenanceMismatches, withoutPages } from '../../src/pipeline/index.js';
import { parsePdf } from '../../src/pdf/index.js';
import { ExtractedDocument } from '../../src/schema/contract.js';
import { MinutesError } from '../../src/schema/errors.js';
import type { ParsedPdf } from '../../src/schema/parsed.js';
import { EXTRACTOR } from '../../src/version.js';
import { fixturePdfs, hasSharedCorpus, sharedCorpusPdfs, warnSkipped } from '../pdf/corpus.js';
import { linesPage, makePdf } from '../pdf/make-pdf.js';

const sha = 'c'.repeat(64);

describe('buildDocument', () => {
  let parsed: ParsedPdf;
  beforeAll(async () => {
    const bytes = await makePdf({
      info: { Title: 'Referat Arbejdsmarkedsudvalget' },
      pages: [
        linesPage(['Holbæk Kommune', 'Referat', 'Arbejdsmarkedsudvalget', 'Mødedato: 12. marts 2024']),
        linesPage(['Punkt 1: Opfølgning på mål', 'Andelen af ledige i job steg til 54,3 %.', 'Der er brugt 2,5 mio. kr. af puljen.']),
      ],
    });
    parsed = await parsePdf(bytes);
  });

  it('assembles a valid document with source and extractor', async () => {
    const doc = await buildDocument({ path: 'arkiv/holbaek.pdf', sha256: sha, bytes: 1234, parsed, withText: false });
    expect(ExtractedDocument.safeParse(doc).success).toBe(true);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.source).toEqual({ path: 'arkiv/holbaek.pdf', sha256: sha, bytes: 1234, pages: 2, title: 'Referat Arbejdsmarkedsudvalget', producer: parsed.info.producer });
    expect(doc.extractor).toEqual({ name: EXTRACTOR.name, version: EXTRACTOR.version });
    expect(doc.pages).toBeUndefined();
  });

  it('adds the normalised page texts with withText, and withoutPages takes them off again', async () => {
    const doc = await buildDocument({ path: 'holbaek.pdf', sha256: sha, bytes: 1, parsed, withText: true });
    expect(doc.pages?.map((p) => p.number)).toEqual([1, 2]);
    expect(doc.pages?.[1]?.text).toContain('54,3 %');
    expect(findProvenanceMismatches(doc, doc.pages ?? [])).toEqual([]);
    expect(withoutPages(doc).pages).toBeUndefined();
    expect(withoutPages(doc).source).toEqual(doc.source);
  });

  it('refuses output that breaks the contract (invalid_output)', async () => {
    const broken: ParsedPdf = { ...parsed, pages: parsed.pages.map((p) => ({ ...p, number: 0 })) };
    const err = await buildDocument({ path: 'x.pdf', sha256: sha, bytes: 1, parsed: broken, withText: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MinutesError);
    expect((err as MinutesError).code).toBe('invalid_output');
    expect((err as MinutesError).message).toMatch(/pages\.0\.number/);
    const badSha = await buildDocument({ path: 'x.pdf', sha256: 'not-a-sha', bytes: 1, parsed, withText: false }).catch((e: unknown) => e);
    expect((badSha as MinutesError).code).toBe('invalid_output');
  });
});

describe('findProvenanceMismatches', () => {
  const pages = [{ number: 1, text: 'Ledigheden er 4,2 % i Odder.' }];
  const at = (start: number, end: number, snippet: string, page = 1) => ({ provenance: { page, start, end, snippet } });

  it('accepts snippets that are the slice of their page', () => {
    expect(findProvenanceMismatches({ percentages: [at(14, 19, '4,2 %')], goals: [{ actual: [at(22, 27, 'Odder')] }] }, pages)).toEqual([]);
  });

  it('finds a snippet that differs, one on a page that does not exist, and names where', () => {
    const found = findProvenanceMismatches({ percentages: [at(14, 19, '4,2 %'), at(13, 18, '4,2 %')], moneyAmounts: [at(0, 3, 'Led', 7)] }, pages);
    expect(found).toEqual([
      { at: 'percentages[1].provenance', page: 1, expected: '4,2 %', found: ' 4,2 ' },
      { at: 'moneyAmounts[0].provenance', page: 7, expected: 'Led', found: null },
    ]);
  });
});

const realPdfs = [...fixturePdfs(), ...sharedCorpusPdfs()];
if (!hasSharedCorpus) warnSkipped('buildDocument on ../shared/corpus', '../shared is not present beside the project');
if (fixturePdfs().length === 0) warnSkipped('buildDocument on fixtures/*.pdf', 'no fixture PDFs yet');
// OCR off: the OCR suites read the image-only pages (and check their provenance too).
describe.skipIf(realPdfs.length === 0)('buildDocument on real PDFs', () => {
  it.each(realPdfs.map((f) => [basename(f), f]))('%s: valid, and every value traceable to its page text', async (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const doc = await buildDocument({ path: file, sha256: sha, bytes: bytes.length, parsed: await parsePdf(bytes, { ocr: 'never' }), withText: true });
    expect(ExtractedDocument.safeParse(doc).success).toBe(true);
    expect(doc.pages?.length).toBe(doc.source.pages);
    expect(findProvenanceMismatches(doc, doc.pages ?? [])).toEqual([]);
  });
});
