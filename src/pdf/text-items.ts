// pdf.js text content → our TextItem: positions in page units with y measured
// from the top of the page (the viewport does the flip, rotation and crop box).
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from '../schema/parsed.js';

/** Three decimals keep sub-point layout detail and make cached pages smaller. */
type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Text further outside the page than this share of its size is never shown: hidden, not laid out. */
const OFF_PAGE_TOLERANCE = 0.5;

/**
 * Keeps the items that carry text; an empty item that only marks a line end
 * (pdf.js emits these) moves its hasEOL onto the item before it. Coordinates are
 * sanitised here, at the parser's edge: items with non-finite numbers or far off the
 * page are dropped, the rest clamped to the page box, so no layout rule sizes
 * anything by a hostile coordinate.
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
    if (![x, y, raw.width, raw.height].every(Number.isFinite)) continue;
    if (farOffPage(x, viewport.width) || farOffPage(y, viewport.height)) continue;
    const left = clamp(x, 0, viewport.width);
    items.push({
      str: raw.str,
      x: round(left),
      y: round(clamp(y, 0, viewport.height)),
      width: round(clamp(raw.width, 0, viewport.width - left)),
      height: round(clamp(raw.height, 0, viewport.height)),
      fontName: stableFontName(raw.fontName),
      hasEOL: raw.hasEOL,
    });
  }
  return items;
}

const clamp = (n: number, low: number, high: number): number => Math.min(high, Math.max(low, n));

function farOffPage(position: number, size: number): boolean {
  return position < -size * OFF_PAGE_TOLERANCE || position > size * (1 + OFF_PAGE_TOLERANCE);
}

/** pdf.js names fonts "g_d<document counter>_f<n>"; the counter depends on what was parsed before. */
function stableFontName(name: string): string {
  return name.replace(/^g_d\d+_/, '');
}
