// The fill colour of each mark glyph on a page ("●" in green, "■" in red): a traffic-light
// verdict whose meaning is its colour, which the text layer drops. The operator list draws the
// same glyphs in the same order as the text content lists them, so the n-th mark drawn is the
// n-th mark in the items; where the two counts differ, no colour is trusted.
import { AnnotationMode, OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MARK_GLYPH, type ColouredMark, type TextItem } from '../schema/parsed.js';

export function hasMarkGlyph(items: readonly TextItem[]): boolean {
  return items.some((item) => new RegExp(MARK_GLYPH.source, 'u').test(item.str));
}

/** Every mark glyph of the page's items with its fill colour (#rrggbb); empty when they cannot be paired. */
export async function readMarkColours(page: PDFPageProxy, items: readonly TextItem[]): Promise<ColouredMark[]> {
  if (!hasMarkGlyph(items)) return [];
  const drawn = await drawnMarkColours(page);
  const marks: ColouredMark[] = [];
  for (const item of items) {
    const glyphs = [...item.str];
    let offset = 0;
    glyphs.forEach((glyph) => {
      const at = offset;
      offset += glyph.length;
      if (!new RegExp(MARK_GLYPH.source, 'u').test(glyph)) return;
      const colour = drawn[marks.length];
      // Each glyph placed by its share of the item's width (pdf.js gives the item's box, not its glyphs').
      const share = item.width / Math.max(1, item.str.length);
      if (colour !== undefined) marks.push({ glyph, colour, x: round(item.x + share * at), y: item.y, width: round(share * glyph.length), height: item.height });
      else marks.push({ glyph, colour: '', x: 0, y: 0, width: 0, height: 0 });
    });
  }
  return marks.length === drawn.length && marks.every((m) => m.colour !== '') ? marks : [];
}

/** The fill colour in force at each mark glyph the page draws, in drawing order. */
async function drawnMarkColours(page: PDFPageProxy): Promise<string[]> {
  // Annotations are drawn but not listed as text: leave them out, so the two lists pair up.
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const colours: string[] = [];
  const saved: string[] = [];
  let fill = '#000000';
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) saved.push(fill);
    else if (fn === OPS.restore) fill = saved.pop() ?? fill;
    else if (fn === OPS.setFillRGBColor && typeof args?.[0] === 'string') fill = args[0];
    else if (fn === OPS.showText && Array.isArray(args?.[0])) {
      for (const glyph of args[0] as unknown[]) {
        const unicode = typeof glyph === 'object' && glyph !== null && 'unicode' in glyph ? String((glyph as { unicode: unknown }).unicode) : '';
        for (const ch of unicode) if (new RegExp(MARK_GLYPH.source, 'u').test(ch)) colours.push(fill);
      }
    }
  });
  return colours;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
