// Which pages lack a text layer: decided from the text pdf.js found and what the page
// draws, on real PDFs (a text PDF made here, the scanned fixtures) and on the limits.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  lacksTextLayer,
  MIN_IMAGE_COVERAGE,
  MIN_OUTLINE_PATHS,
  MIN_TEXT_CHARACTERS,
  pageDrawing,
} from '../../../src/pdf/ocr/text-layer.js';
import { linesPage, makePdf } from '../make-pdf.js';

const scanned = fileURLToPath(new URL('../../../fixtures/scanned/scanned-syddjurs.pdf', import.meta.url));

async function drawingOf(bytes: Uint8Array, page = 1): Promise<Awaited<ReturnType<typeof pageDrawing>>> {
  const doc = await getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    return await pageDrawing(doc, page);
  } finally {
    await doc.destroy();
  }
}

describe('pageDrawing', () => {
  it('finds a full-page image on a scanned page', async () => {
    const drawing = await drawingOf(new Uint8Array(readFileSync(scanned)));
    expect(drawing.imageCoverage).toBeGreaterThan(0.95);
  });

  it('finds no image on a page of text', async () => {
    const drawing = await drawingOf(await makePdf({ pages: [linesPage(['Referat', 'Ledigheden er 4,2 %.'])] }));
    expect(drawing.imageCoverage).toBe(0);
  });
});

describe('lacksTextLayer', () => {
  const scan = { imageCoverage: 1, paths: 0 };
  it('a near-empty page that is mostly image, or a mass of paths, lacks its text layer', () => {
    expect(lacksTextLayer('', scan)).toBe(true);
    expect(lacksTextLayer('Side 1 af 8', scan)).toBe(true);
    expect(lacksTextLayer('', { imageCoverage: 0, paths: MIN_OUTLINE_PATHS })).toBe(true);
  });

  it('a page with text, or a near-empty page with only a logo or nothing drawn, does not', () => {
    expect(lacksTextLayer('x'.repeat(MIN_TEXT_CHARACTERS), scan)).toBe(false);
    expect(lacksTextLayer('Bilag 3', { imageCoverage: MIN_IMAGE_COVERAGE / 2, paths: 0 })).toBe(false);
    expect(lacksTextLayer('', { imageCoverage: 0, paths: 3 })).toBe(false);
  });
});
