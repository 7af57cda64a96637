// Does a page lack a text layer? A page with almost no extracted characters whose
// drawing is mostly image (a scan, a photo of a page) or a mass of vector paths
// (text converted to outlines) has words nobody can read without OCR.
import { OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IDENTITY, isMatrix, multiply, type Matrix } from '../matrix.js';

/** Fewer non-blank characters than this is "no text layer" (a stamp or page number on a scan). */
export const MIN_TEXT_CHARACTERS = 32;
/** Share of the page that images must cover for a textless page to be a scan. */
export const MIN_IMAGE_COVERAGE = 0.25;
/** Path-building operations above which a textless page is outlined text. */
export const MIN_OUTLINE_PATHS = 400;

export interface PageDrawing {
  /** Share of the page area covered by images (0–1, overlaps counted twice, capped at 1). */
  imageCoverage: number;
  paths: number;
}

export function textCharacterCount(text: string): number {
  return text.replace(/\s+/g, '').length;
}

export function lacksTextLayer(text: string, drawing: PageDrawing): boolean {
  if (textCharacterCount(text) >= MIN_TEXT_CHARACTERS) return false;
  return drawing.imageCoverage >= MIN_IMAGE_COVERAGE || drawing.paths >= MIN_OUTLINE_PATHS;
}

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintSolidColorImageMask,
]);

/** What a page draws, from its operator list: images map the unit square through the current matrix. */
export async function pageDrawing(doc: PDFDocumentProxy, pageNumber: number): Promise<PageDrawing> {
  const page = await doc.getPage(pageNumber);
  try {
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const pageArea = Math.abs((x1 - x0) * (y1 - y0)) || 1;
    const ops = await page.getOperatorList();
    const stack: Matrix[] = [];
    let ctm: Matrix = IDENTITY;
    let imageArea = 0;
    let paths = 0;
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[] | null;
      if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push(ctm);
      if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
      if (fn === OPS.transform && args && isMatrix(args)) ctm = multiply(ctm, args);
      if (fn === OPS.paintFormXObjectBegin && args && isMatrix(args[0])) ctm = multiply(ctm, args[0]);
      if (fn === OPS.constructPath) paths++;
      if (IMAGE_OPS.has(fn)) imageArea += Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
    });
    return { imageCoverage: Math.min(1, imageArea / pageArea), paths };
  } finally {
    page.cleanup();
  }
}
