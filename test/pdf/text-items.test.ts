// The parser's edge: pdf.js text content → our items, with hostile coordinates
// sanitised (non-finite or far off the page dropped, the rest clamped to the page).
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument, type PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { toTextItems } from '../../src/pdf/text-items.js';
import { linesPage, makePdf } from './make-pdf.js';

// The viewport of a real A4 page (595 × 842 pt), as the parser has it.
let viewport: PageViewport;
beforeAll(async () => {
  const doc = await getDocument({ data: await makePdf({ pages: [linesPage(['Side'])], size: [595, 842] }), isEvalSupported: false, verbosity: 0 }).promise;
  viewport = (await doc.getPage(1)).getViewport({ scale: 1 });
  await doc.destroy();
});
const item = (str: string, x: number, y: number, width = 50, height = 10) => ({
  str,
  dir: 'ltr',
  transform: [height, 0, 0, height, x, y],
  width,
  height,
  fontName: 'g_d0_f1',
  hasEOL: false,
});
const content = (items: ReturnType<typeof item>[]) => ({ items, styles: {}, lang: null }) as unknown as Parameters<typeof toTextItems>[0];

describe('toTextItems', () => {
  it('keeps text on the page, y measured from the top, font names without the document counter', () => {
    const [first] = toTextItems(content([item('Ledigheden er 4,2 %', 72, 742)]), viewport);
    expect(first).toEqual({ str: 'Ledigheden er 4,2 %', x: 72, y: 100, width: 50, height: 10, fontName: 'f1', hasEOL: false });
  });

  it('drops text with non-finite numbers or placed far off the page, and clamps text just over its edge', () => {
    const items = toTextItems(
      content([
        item('uendelig', Number.POSITIVE_INFINITY, 100),
        item('ikke et tal', 100, Number.NaN),
        item('langt væk', 1e9, 5e8),
        item('langt under', -1e6, -1e6),
        item('lidt ude', 600, 300, 80),
        item('bred', 500, 300, 1e12),
      ]),
      viewport,
    );
    expect(items.map((i) => i.str)).toEqual(['lidt ude', 'bred']);
    for (const i of items) {
      expect(i.x).toBeGreaterThanOrEqual(0);
      expect(i.x + i.width).toBeLessThanOrEqual(595);
    }
  });
});
