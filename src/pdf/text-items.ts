// pdf.js text content → our TextItem: positions in page units with y measured
// from the top of the page (the viewport does the flip, rotation and crop box).
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from '../schema/parsed.js';

/** Three decimals keep sub-point layout detail and make cached pages smaller. */
type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Keeps the items that carry text; an empty item that only marks a line end
 * (pdf.js emits these) moves its hasEOL onto the item before it.
 */
export function toTextItems(content: TextContent, viewport: PageViewport): TextItem[] {
  const items: TextItem[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    if (raw.str.length === 0) {
      const previous = items.at(-1);
      if (raw.hasEOL && previous) previous.hasEOL = true;
      continue;
    }
    const transform = raw.transform as number[];
    const [x, y] = viewport.convertToViewportPoint(transform[4] ?? 0, transform[5] ?? 0) as [number, number];
    items.push({
      str: raw.str,
      x: round(x),
      y: round(y),
      width: round(raw.width),
      height: round(raw.height),
      fontName: stableFontName(raw.fontName),
      hasEOL: raw.hasEOL,
    });
  }
  return items;
}

/** pdf.js names fonts "g_d<document counter>_f<n>"; the counter depends on what was parsed before. */
function stableFontName(name: string): string {
  return name.replace(/^g_d\d+_/, '');
}
