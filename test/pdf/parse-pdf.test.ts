// The PDF stage on real PDF bytes: PDFs generated here with known text and
// positions, the project's fixtures, and ../shared/corpus when it is present.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdf } from '../../src/pdf/index.js';
import { ParsedPdf } from '../../src/schema/parsed.js';
import { fixturePdfs, hasSharedCorpus, sharedCorpusDir, sharedCorpusPdfs, warnSkipped } from './corpus.js';
import { linesPage, makePdf } from './make-pdf.js';

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Checks that hold for any readable PDF: schema, page numbers, items on the page and in the text. */
function expectWellFormed(parsed: ParsedPdf): void {
  expect(ParsedPdf.safeParse(parsed).success).toBe(true);
  expect(parsed.pages.length).toBeGreaterThan(0);
  parsed.pages.forEach((page, i) => {
    expect(page.number).toBe(i + 1);
    expect(page.width).toBeGreaterThan(0);
    expect(page.height).toBeGreaterThan(0);
    const text = collapse(page.text);
    for (const item of page.items) {
      expect(item.str.length).toBeGreaterThan(0);
      expect(item.x).toBeGreaterThan(-1);
      expect(item.x).toBeLessThan(page.width + 1);
      expect(item.y).toBeGreaterThan(-1);
      expect(item.y).toBeLessThan(page.height + 1);
      // pdf-parse's text is built from these very items.
      const piece = collapse(item.str);
      if (piece) expect(text).toContain(piece);
    }
  });
  for (const entry of parsed.info.outline) {
    if (entry.page !== null) {
      expect(entry.page).toBeGreaterThanOrEqual(1);
      expect(entry.page).toBeLessThanOrEqual(parsed.pages.length);
    }
  }
}

describe('parsePdf on PDFs generated in the test', () => {
  const page1 = [
    { text: 'Referat af Beskæftigelsesudvalgets møde', x: 72, y: 80, size: 18, font: 'Helvetica-Bold' as const },
    { text: 'Ledigheden faldt til 4,2 % i første kvartal.', x: 72, y: 140, size: 11 },
    { text: 'Budget 2025', x: 72, y: 200, size: 11 },
    { text: '1.250.000 kr.', x: 400, y: 200, size: 11 },
  ];
  const page2 = linesPage(['Punkt 2: Økonomiopfølgning', 'Målet er nået.', 'Fraværende: Åse Ørum']);
  const page3 = linesPage(['Punkt 3: Eventuelt', 'Intet.']);
  let parsed: ParsedPdf;

  beforeAll(async () => {
    const bytes = await makePdf({
      pages: [page1, page2, page3],
      info: { Title: 'Referat Beskæftigelsesudvalget', Author: 'Sekretariatet' },
      bookmarks: { 2: 'Punkt 2: Økonomiopfølgning', 3: 'Punkt 3: Eventuelt' },
    });
    parsed = await parsePdf(bytes);
  });

  it('reads every page with its Danish text', () => {
    expectWellFormed(parsed);
    expect(parsed.pages).toHaveLength(3);
    expect(parsed.pages[0]?.text).toContain('Referat af Beskæftigelsesudvalgets møde');
    expect(parsed.pages[0]?.text).toContain('4,2 %');
    expect(parsed.pages[1]?.text).toContain('Fraværende: Åse Ørum');
    expect(parsed.pages[2]?.text).toContain('Punkt 3: Eventuelt');
  });

  it('places items where they were drawn, y measured from the top', () => {
    const page = parsed.pages[0];
    expect(page?.width).toBeCloseTo(595.28, 1);
    expect(page?.height).toBeCloseTo(841.89, 1);
    for (const run of page1) {
      const item = page?.items.find((i) => i.str.includes(run.text.split(' ')[0] as string) && Math.abs(i.x - run.x) < 1);
      expect(item, run.text).toBeDefined();
      // pdfkit's y is the top of the line; the baseline lies within one line height below it.
      expect(item?.y).toBeGreaterThan(run.y);
      expect(item?.y).toBeLessThan(run.y + run.size * 1.3);
      expect(item?.height).toBeCloseTo(run.size, 0);
    }
    const amount = page?.items.find((i) => i.str.includes('1.250.000'));
    const label = page?.items.find((i) => i.str.includes('Budget 2025'));
    expect(amount?.y).toBeCloseTo(label?.y ?? -1, 1);
    expect(amount?.x).toBeGreaterThan((label?.x ?? 0) + (label?.width ?? 0));
  });

  it('tells fonts apart', () => {
    const heading = parsed.pages[0]?.items.find((i) => i.str.startsWith('Referat'));
    const body = parsed.pages[0]?.items.find((i) => i.str.startsWith('Ledigheden'));
    expect(heading?.fontName).toBeTruthy();
    expect(heading?.fontName).not.toBe(body?.fontName);
  });

  it('reads the info dictionary and resolves bookmarks to pages', () => {
    expect(parsed.info.title).toBe('Referat Beskæftigelsesudvalget');
    expect(parsed.info.author).toBe('Sekretariatet');
    expect(parsed.info.producer).toMatch(/pdfkit/i);
    expect(parsed.info.creationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(parsed.info.outline).toEqual([
      { title: 'Punkt 2: Økonomiopfølgning', page: 2 },
      { title: 'Punkt 3: Eventuelt', page: 3 },
    ]);
  });
});

const fixtures = fixturePdfs();
if (fixtures.length === 0) warnSkipped('parsePdf on fixtures/*.pdf', 'no fixture PDFs yet (npm run fixtures writes them)');
describe.skipIf(fixtures.length === 0)('parsePdf on the project fixtures', () => {
  it.each(fixtures.map((f) => [basename(f), f]))('%s', async (_name, file) => {
    const parsed = await parsePdf(new Uint8Array(readFileSync(file)));
    expectWellFormed(parsed);
    expect(parsed.pages.some((p) => p.items.length > 0)).toBe(true);
  });
});

if (!hasSharedCorpus) warnSkipped('parsePdf on ../shared/corpus', '../shared is not present beside the project');
describe.skipIf(!hasSharedCorpus)('parsePdf on ../shared/corpus', () => {
  // OCR off here (its own suite reads the image-only pages): a page said to be unread has (almost) no text.
  it.each(sharedCorpusPdfs().map((f) => [basename(f), f]))('%s', async (_name, file) => {
    const parsed = await parsePdf(new Uint8Array(readFileSync(file)), { ocr: 'never' });
    expectWellFormed(parsed);
    for (const page of parsed.pages.filter((p) => p.unread !== undefined)) {
      expect(page.unread).toBe('OCR is off (--ocr never)');
      expect(page.text.replace(/\s+/g, '').length).toBeLessThan(32);
    }
  });

  it('flags the image-only pages of the scanned bilag and of the KL publication, and only those', async () => {
    const unread = async (name: string): Promise<number[]> => {
      const parsed = await parsePdf(new Uint8Array(readFileSync(`${sharedCorpusDir}/real/${name}`)), { ocr: 'never' });
      return parsed.pages.filter((p) => p.unread !== undefined).map((p) => p.number);
    };
    expect(await unread('ballerup_bilag_ejendomsoversigt_SCANNED_2012-11-15.pdf')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // A cover photograph with a few words of title, full-page photographs between the chapters; not the
    // last page, which is a plain colour with nothing to read.
    expect(await unread('ballerup_bilag_KL_det_naere_sundhedsvaesen_2012.pdf')).toEqual([1, 14, 17, 28, 39, 47, 58, 67, 75, 82, 87, 93, 100]);
  });

  it('gives the start page of each agenda item from the bookmarks of a FirstAgenda referat', async () => {
    const withOutline = [];
    for (const file of sharedCorpusPdfs()) {
      const parsed = await parsePdf(new Uint8Array(readFileSync(file)), { ocr: 'never' });
      if (parsed.info.outline.length > 0) withOutline.push(parsed);
    }
    expect(withOutline.length).toBeGreaterThan(0);
    for (const parsed of withOutline) {
      for (const entry of parsed.info.outline.filter((e) => /^Punkt \d+/.test(e.title))) {
        const page = parsed.pages[(entry.page ?? 0) - 1];
        // The bookmarked page carries the heading the bookmark names.
        expect(collapse(page?.text ?? '')).toContain(collapse(entry.title).slice(0, 20));
      }
    }
  });
});
