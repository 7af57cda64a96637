// The colours a page draws that can carry a verdict the text layer drops: the fill colour of
// each mark glyph ("●" in green) and the filled boxes of table cells or legend keys (a cell
// painted red, no words in it). One pass over the operator list, only on pages that need it.
// The operator list draws the glyphs in the order the text content lists them, so the n-th mark
// drawn is the n-th mark in the items; where the two counts differ, no mark colour is trusted.
import { AnnotationMode, OPS, type PageViewport, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MARK_GLYPH, type ColouredFill, type ColouredMark, type TextItem } from '../schema/parsed.js';
import { IDENTITY, isMatrix, multiply, type Matrix } from './matrix.js';

export interface PageColours {
  marks: ColouredMark[];
  fills: ColouredFill[];
}

const isMark = (text: string): boolean => MARK_GLYPH.test(text);

/**
 * A page whose colours may say a verdict: it names colours ("Grøn", "farve"), or it prints a legend
 * of meanings side by side ("Målet er nået  Målet er delvist nået  Målet er ikke nået" beside painted
 * keys). Other pages are not read twice (the operator list costs about what the text did).
 */
const COLOUR_WORDS = /(?<!\p{L})(?:grøn|grønt|gul|gult|rød|rødt|grå|gråt|farve\p{L}*)(?!\p{L})/giu;
const MEANING = /(?<!\p{L})(?:nået|opfyldt|indfriet|opgøres|vurderes)(?!\p{L})/giu;
/** Meanings this close together (in characters) are a legend's, not the verdicts of separate goals. */
const LEGEND_SPAN = 160;

export function speaksOfColours(text: string): boolean {
  const colours = text.match(COLOUR_WORDS) ?? [];
  if (colours.some((w) => /^farve/iu.test(w)) || new Set(colours.map((w) => w.toLowerCase().replace(/t$/u, ''))).size >= 2) return true;
  const at = [...text.matchAll(MEANING)].map((m) => m.index);
  return at.some((start, k) => (at[k + 2] ?? Infinity) - start <= LEGEND_SPAN);
}

/** Pages and whether their colours are read, as data. */
export const COLOUR_PAGE_EXAMPLES: readonly { text: string; read: boolean }[] = [
  { text: 'Grøn: målet er nået. Rød: målet er ikke nået.', read: true },
  { text: 'Status er vist med farver, se forklaringen.', read: true },
  { text: 'Målet er nået   Målet er delvist nået   Målet er ikke nået   Kan ikke opgøres', read: true },
  // Verdicts of separate goals, each after its own report: no legend.
  { text: `Målet er nået.${' Andelen steg igen.'.repeat(10)} Målet er ikke opfyldt.${' Andelen faldt.'.repeat(10)} Målet er nået.`, read: false },
  { text: 'Den grønne omstilling fortsætter i 2026.', read: false },
  { text: 'Gul: på vej. Grå: kan ikke vurderes.', read: true },
];

/** A filled box this small or thin is a rule or a border, not a cell or a key. */
const MIN_FILL_SIDE = 4;
/** A filled box over this share of the page is a background or a band, not a cell. */
const MAX_FILL_SHARE = 0.1;

export async function readPageColours(page: PDFPageProxy, items: readonly TextItem[], viewport: PageViewport): Promise<PageColours> {
  const wantMarks = items.some((item) => isMark(item.str));
  const wantFills = speaksOfColours(items.map((i) => i.str).join(' '));
  if (!wantMarks && !wantFills) return { marks: [], fills: [] };
  const drawn = await drawnColours(page, viewport, wantFills);
  return { marks: wantMarks ? pairMarks(items, drawn.markColours) : [], fills: drawn.fills };
}

function pairMarks(items: readonly TextItem[], drawn: readonly string[]): ColouredMark[] {
  const marks: ColouredMark[] = [];
  for (const item of items) {
    let offset = 0;
    for (const glyph of item.str) {
      const at = offset;
      offset += glyph.length;
      if (!isMark(glyph)) continue;
      const colour = drawn[marks.length];
      if (colour === undefined) return [];
      // Each glyph placed by its share of the item's width (pdf.js gives the item's box, not its glyphs').
      const share = item.width / Math.max(1, item.str.length);
      marks.push({ glyph, colour, x: round(item.x + share * at), y: item.y, width: round(share * glyph.length), height: item.height });
    }
  }
  return marks.length === drawn.length ? marks : [];
}

const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/** The fill colour at each mark glyph drawn, in order, and (when asked) the boxes filled with a colour. */
async function drawnColours(page: PDFPageProxy, viewport: PageViewport, wantFills: boolean): Promise<{ markColours: string[]; fills: ColouredFill[] }> {
  // Annotations are drawn but not listed as text: leave them out, so the two lists pair up.
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const markColours: string[] = [];
  const fills: ColouredFill[] = [];
  const saved: { fill: string; ctm: Matrix }[] = [];
  let fill = '#000000';
  let ctm: Matrix = IDENTITY;
  const pageArea = viewport.width * viewport.height;
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) saved.push({ fill, ctm });
    if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ({ fill, ctm } = saved.pop() ?? { fill, ctm });
    if (fn === OPS.transform && args && isMatrix(args)) ctm = multiply(ctm, args);
    if (fn === OPS.paintFormXObjectBegin && args && isMatrix(args[0])) ctm = multiply(ctm, args[0]);
    if (fn === OPS.setFillRGBColor && typeof args?.[0] === 'string') fill = args[0];
    if (fn === OPS.showText && Array.isArray(args?.[0])) {
      for (const glyph of args[0] as unknown[]) {
        const unicode = typeof glyph === 'object' && glyph !== null && 'unicode' in glyph ? String((glyph as { unicode: unknown }).unicode) : '';
        for (const ch of unicode) if (isMark(ch)) markColours.push(fill);
      }
    }
    if (wantFills && fn === OPS.constructPath && FILL_OPS.has(Number(args?.[0])) && fill !== '#ffffff') {
      const box = args?.[2] as ArrayLike<number> | null | undefined;
      if (!box || box.length < 4) return;
      const corners = [
        [box[0], box[1]], [box[2], box[1]], [box[0], box[3]], [box[2], box[3]],
      ].map(([x, y]) => viewport.convertToViewportPoint((x ?? 0) * ctm[0] + (y ?? 0) * ctm[2] + ctm[4], (x ?? 0) * ctm[1] + (y ?? 0) * ctm[3] + ctm[5]) as [number, number]);
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      const width = Math.max(...xs) - x;
      const height = Math.max(...ys) - y;
      if (![x, y, width, height].every(Number.isFinite) || width < MIN_FILL_SIDE || height < MIN_FILL_SIDE || width * height > pageArea * MAX_FILL_SHARE) return;
      fills.push({ colour: fill, x: round(x), y: round(y), width: round(width), height: round(height) });
    }
  });
  return { markColours, fills };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
