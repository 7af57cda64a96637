// OCR end to end on real image-only PDFs: the scanned fixtures (a fixture page printed
// to an image, upright and turned 90° and 180°) and the real scanned bilag of
// ../shared/corpus. Parse → normalise → extract, with tesseract and poppler installed.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdf } from '../../../src/pdf/index.js';
import type { ParseOptions } from '../../../src/pdf/parse-options.js';
import { buildDocument } from '../../../src/pipeline/build-document.js';
import type { ExtractedDocument } from '../../../src/schema/contract.js';
import type { ParsedPdf } from '../../../src/schema/parsed.js';
import type { ExpectedScan } from '../../../fixtures/src/lib/scanned.js';
import { SCANNED_FIXTURES } from '../../../fixtures/src/scanned.js';
import { hasSharedCorpus, sharedCorpusDir, warnSkipped } from '../corpus.js';
import { CORPUS_PARSE_OPTIONS, parseOnce } from '../../support/parse-once.js';
import { requireOcrTools, wordRecall } from './ocr-support.js';

const scannedDir = fileURLToPath(new URL('../../../fixtures/scanned/', import.meta.url));
const realScan = `${sharedCorpusDir}/real/ballerup_bilag_ejendomsoversigt_SCANNED_2012-11-15.pdf`;

async function read(file: string, options: ParseOptions = {}): Promise<ExtractedDocument> {
  const bytes = readFileSync(file);
  const parsed = await parsePdf(new Uint8Array(bytes), { timeoutMs: 300_000, ...options });
  return build(file, bytes, parsed);
}

const build = (file: string, bytes: Buffer, parsed: ParsedPdf): Promise<ExtractedDocument> =>
  buildDocument({ path: file, sha256: '0'.repeat(64), bytes: bytes.length, parsed, withText: true });

/** The real scan as the corpus suites read it (parsed once a run, see parse-once.ts). */
async function readRealScan(): Promise<ExtractedDocument> {
  const bytes = readFileSync(realScan);
  return build(realScan, bytes, await parseOnce(new Uint8Array(bytes), CORPUS_PARSE_OPTIONS));
}

/**
 * The scanned documents are all read from the start, side by side (a one-page scan keeps one
 * tesseract busy, so two cores read two); each describe block awaits its own.
 */
const reading = new Map<string, Promise<ExtractedDocument>>();
function readAtOnce(): void {
  const started: [string, Promise<ExtractedDocument>][] = SCANNED_FIXTURES.map((def) => [def.name, read(`${scannedDir}${def.name}.pdf`)]);
  if (hasSharedCorpus) started.push([realScan, readRealScan()]);
  // A failure is reported by the block that awaits it, not as an unhandled rejection before.
  for (const [key, pending] of started) reading.set(key, pending.catch(() => {}).then(() => pending));
}
const readingOf = (key: string): Promise<ExtractedDocument> => reading.get(key) ?? Promise.reject(new Error(`${key} was not read`));

const pageText = (doc: ExtractedDocument): string => (doc.pages ?? []).map((p) => p.text).join('\n');

beforeAll(() => {
  requireOcrTools();
  readAtOnce();
});

describe.each(SCANNED_FIXTURES.map((def) => [def.name, def] as const))('OCR of the scanned fixture %s', (name, def) => {
  const expected = JSON.parse(readFileSync(`${scannedDir}${name}.expected.json`, 'utf8')) as ExpectedScan;
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await readingOf(name);
  }, 180_000);

  it('reads at least 95 % of the words the fixture prints', () => {
    const { share, missing } = wordRecall(expected.words, pageText(doc));
    expect(share, `missing: ${missing.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('finds every percentage and kroner amount of the fixture', () => {
    const percentages = doc.percentages.map((p) => `${p.value} ${p.unit}`);
    for (const p of expected.percentages) expect(percentages, p.raw).toContain(`${p.value} ${p.unit}`);
    const amounts = doc.moneyAmounts.map((m) => m.value);
    for (const m of expected.moneyAmounts) expect(amounts, m.raw).toContain(m.value);
  });

  it('marks every page and every value as read by OCR, with the turn that made the page upright', () => {
    const undo = (360 - def.turn) % 360;
    for (const page of doc.pages ?? []) {
      expect(page.ocr?.engine).toBe('tesseract');
      expect(page.ocr?.rotation).toBe(undo);
      expect(page.ocr?.confidence).toBeGreaterThan(80);
    }
    const provenances = [...doc.percentages, ...doc.moneyAmounts, ...doc.budgetTables].map((v) => v.provenance);
    expect(provenances.length).toBeGreaterThan(0);
    for (const p of provenances) expect(p.ocr?.confidence).toBe(doc.pages?.[p.page - 1]?.ocr?.confidence);
  });

  it('says which pages had no text layer', () => {
    const summary = doc.warnings.find((w) => w.code === 'no_text_layer' && w.page === null);
    const pages = doc.pages?.length ?? 0;
    expect(summary?.message).toBe(`${pages} of ${pages} pages have no text layer: ${pages} read by OCR, 0 not read`);
    expect(doc.warnings.filter((w) => w.code === 'no_text_layer' && w.page !== null)).toHaveLength(pages);
  });
});

describe('pages without a text layer when OCR does not read them', () => {
  const file = `${scannedDir}scanned-syddjurs.pdf`;

  it('--ocr never: a warning per page and for the document saying why, and no invented facts', async () => {
    const doc = await read(file, { ocr: 'never' });
    const pageWarnings = doc.warnings.filter((w) => w.code === 'no_text_layer' && w.page !== null);
    expect(pageWarnings.map((w) => w.page)).toEqual([1]);
    expect(pageWarnings[0]?.message).toContain('OCR is off (--ocr never)');
    expect(doc.warnings).toContainEqual({ code: 'no_text_layer', page: null, message: '1 of 1 pages have no text layer: 0 read by OCR, 1 not read' });
    expect([doc.percentages, doc.moneyAmounts, doc.goals, doc.agendaItems]).toEqual([[], [], [], []]);
  });

  it('a page OCR cannot finish within the time limit is reported unread, not a failed document', async () => {
    const parsed = await parsePdf(new Uint8Array(readFileSync(file)), { timeoutMs: 1500 });
    expect(parsed.pages[0]?.ocr).toBeUndefined();
    expect(parsed.pages[0]?.unread).toMatch(/time limit|took longer/);
  });
});

describe('--ocr always on a PDF with a good text layer', () => {
  it('reads every page by OCR and finds the same figures as the text layer', async () => {
    const file = fileURLToPath(new URL('../../../fixtures/vesthimmerlands-clean-words.pdf', import.meta.url));
    const [fromText, fromOcr] = [await read(file, { ocr: 'never' }), await read(file, { ocr: 'always' })];
    expect(fromOcr.pages?.every((p) => p.ocr !== undefined)).toBe(true);
    expect(fromOcr.percentages.map((p) => p.value)).toEqual(fromText.percentages.map((p) => p.value));
    // Asked for, not missing: no no_text_layer warning.
    expect(fromOcr.warnings.filter((w) => w.code === 'no_text_layer')).toEqual([]);
  });
});

if (!hasSharedCorpus) warnSkipped('OCR of the real scanned bilag', '../shared is not present beside the project');
describe.skipIf(!hasSharedCorpus)(`OCR of the real scanned bilag ${basename(realScan)}`, () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await readingOf(realScan);
  }, 300_000);

  it('reads all 8 pages, turning the seven sideways table pages upright', () => {
    expect(doc.pages?.map((p) => p.ocr?.rotation)).toEqual([90, 90, 90, 90, 90, 90, 90, 0]);
    for (const page of doc.pages ?? []) expect(page.ocr?.confidence).toBeGreaterThan(80);
  });

  it('yields the issuing municipality and the rows of its property table', () => {
    expect(doc.municipality).toBe('Ballerup Kommune');
    // Each table row starts with a property number such as 031.001.01; a page holds dozens.
    const firstPage = doc.pages?.[0]?.text ?? '';
    const rows = firstPage.split('\n').filter((line) => /^\d{3}\.\d{3}(?:\.\d{2})?\s/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(firstPage).toContain('Ejendomsoversigt');
  });
});
