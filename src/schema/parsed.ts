// What the PDF stage yields: raw page text from pdf-parse and the positioned
// pdf.js text items it is built on. Cached by sha256 so reprocessing never re-parses.
import { z } from 'zod';

/** One pdf.js text item (a fragment, not a word), in PDF user space with y flipped to top-down. */
export const TextItem = z.object({
  str: z.string(),
  x: z.number(),
  /** Distance of the baseline from the top of the page. */
  y: z.number(),
  width: z.number(),
  height: z.number(),
  fontName: z.string().optional(),
  hasEOL: z.boolean().optional(),
});
export type TextItem = z.infer<typeof TextItem>;

/**
 * Glyphs that may carry a verdict by their colour: geometric shapes (●, ■, ▲, ◆, ⬤), medium circles,
 * stars, ticks and crosses, and the Wingdings filled circle/square/diamond as Word maps them to the
 * private use area (U+F06C "l", U+F06E "n", U+F075 "u"). Not list bullets ("•", U+F0B7).
 */
export const MARK_GLYPH = /[\u25A0-\u25FF\u2B1B-\u2B24\u26AA\u26AB\u2605\u2713-\u2718\uF06C\uF06E\uF075\u{1F534}-\u{1F7E2}]/u;

/** Mark glyphs, as data: whether each may carry a colour verdict. */
export const MARK_GLYPH_EXAMPLES: readonly { text: string; mark: boolean }[] = [
  { text: '●', mark: true },
  { text: '⬤', mark: true },
  { text: '■', mark: true },
  { text: '▲', mark: true },
  { text: '✔', mark: true },
  { text: '\uF06C', mark: true },
  { text: '•', mark: false },
  { text: '\uF0B7', mark: false },
  { text: '-', mark: false },
];

/** A mark glyph ("●", "■") and the colour it is filled with: a verdict the text layer alone loses. */
export const ColouredMark = z.object({
  glyph: z.string(),
  /** Fill colour as #rrggbb. */
  colour: z.string().regex(/^#[0-9a-f]{6}$/u),
  x: z.number(),
  /** Baseline distance from the top of the page, as for text items. */
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
export type ColouredMark = z.infer<typeof ColouredMark>;

/** A box filled with a colour (a table cell painted as a traffic light, a legend's key), top-down like the text. */
export const ColouredFill = z.object({
  colour: z.string().regex(/^#[0-9a-f]{6}$/u),
  x: z.number(),
  /** Top edge, from the top of the page. */
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
export type ColouredFill = z.infer<typeof ColouredFill>;

/** How a page was read by OCR: its text and items come from the page image, not the text layer. */
export const PageOcr = z.object({
  engine: z.string(),
  language: z.string(),
  /** Mean word confidence, 0–100. */
  confidence: z.number(),
  /** Clockwise quarter turn applied to make the page upright (a scan fed in sideways). */
  rotation: z.number().int(),
  dpi: z.number(),
  /** Why the page was OCR'd: it had no usable text layer, or OCR was asked for every page. */
  reason: z.enum(['no_text_layer', 'always']),
  words: z.number().int().min(0),
});
export type PageOcr = z.infer<typeof PageOcr>;

export const ParsedPage = z.object({
  number: z.number().int().min(1),
  width: z.number(),
  height: z.number(),
  /** pdf-parse's text of the page (or the OCR text, when `ocr` is set). */
  text: z.string(),
  items: z.array(TextItem),
  /** The page's mark glyphs with their fill colours, when it has any (traffic-light verdicts). */
  marks: z.array(ColouredMark).optional(),
  /** Boxes filled with a colour, on pages that speak of verdicts (cells and legend keys painted as traffic lights). */
  fills: z.array(ColouredFill).optional(),
  /** Set when the page was read by OCR. */
  ocr: PageOcr.optional(),
  /** Set when the page has no usable text layer and was not read: why (OCR off, not installed, failed, found no text). */
  unread: z.string().optional(),
});
export type ParsedPage = z.infer<typeof ParsedPage>;

export const PdfInfo = z.object({
  title: z.string().nullable(),
  producer: z.string().nullable(),
  author: z.string().nullable(),
  creator: z.string().nullable(),
  creationDate: z.string().nullable(),
  /** Outline entries (bookmarks) with the page they point to, when present. */
  outline: z.array(z.object({ title: z.string(), page: z.number().int().nullable() })),
});
export type PdfInfo = z.infer<typeof PdfInfo>;

export const ParsedPdf = z.object({
  info: PdfInfo,
  pages: z.array(ParsedPage),
});
export type ParsedPdf = z.infer<typeof ParsedPdf>;
