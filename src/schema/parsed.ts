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
