// One PDF page → an 8-bit grayscale image, by poppler's pdftoppm as a bounded child
// (the PDF on stdin, the PGM on stdout: no file of the document touches the disk).
import { parsePgm, type GrayImage } from './gray-image.js';
import { runBounded, type BoundedChildOptions } from './bounded-child.js';

/** Tesseract reads best at about 300 dpi. */
export const OCR_DPI = 300;
/** Pixels at most per page image (an A3 page at 300 dpi is ~17.4 M); huge pages are rendered coarser. */
export const MAX_PAGE_PIXELS = 40_000_000;

/** The resolution for a page of this size in points: OCR_DPI, or less for a page too large for MAX_PAGE_PIXELS. */
export function renderDpi(widthPt: number, heightPt: number): number {
  const squareInches = Math.max(1e-6, (widthPt / 72) * (heightPt / 72));
  return Math.max(50, Math.min(OCR_DPI, Math.floor(Math.sqrt(MAX_PAGE_PIXELS / squareInches))));
}

export async function renderPageGray(
  pdf: Uint8Array,
  pageNumber: number,
  dpi: number,
  limits: Pick<BoundedChildOptions, 'timeoutMs' | 'memoryBytes'>,
): Promise<GrayImage> {
  const page = String(pageNumber);
  const { stdout } = await runBounded('pdftoppm', ['-r', String(dpi), '-gray', '-f', page, '-l', page, '-singlefile', '-'], {
    ...limits,
    // A gray image is one byte a pixel; the header adds a few bytes.
    maxOutputBytes: MAX_PAGE_PIXELS * 1.2 + 1024,
    input: pdf,
  });
  return parsePgm(stdout);
}
