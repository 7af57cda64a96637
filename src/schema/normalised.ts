// What the normalise stage yields and every extractor reads. Offsets are UTF-16
// indices into `text`, the normalised page text that provenance points into.
import { z } from 'zod';
import { ColouredFill, ColouredMark } from './parsed.js';

/** A run of text on one line, with its position; text.slice(start, end) is its text. */
export const LayoutFragment = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  x: z.number(),
  width: z.number(),
  /** Font size (item height) in points; headings and table headers differ from body text. */
  size: z.number(),
  bold: z.boolean(),
});
export type LayoutFragment = z.infer<typeof LayoutFragment>;

/** One visual line: text.slice(start, end) holds no '\n'; fragments in x order. */
export const LayoutLine = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** Baseline distance from the top of the page. */
  y: z.number(),
  /** Column index for multi-column pages (0 for single-column). */
  column: z.number().int().min(0),
  fragments: z.array(LayoutFragment),
});
export type LayoutLine = z.infer<typeof LayoutLine>;

export const NormalisedPage = z.object({
  number: z.number().int().min(1),
  width: z.number(),
  height: z.number(),
  /** Normalised text in reading order, running headers/footers removed; lines joined by '\n'. */
  text: z.string(),
  lines: z.array(LayoutLine),
  /** Mark glyphs with their fill colours, as the PDF stage found them (positions as the lines'). */
  marks: z.array(ColouredMark).optional(),
  /** Boxes filled with a colour, as the PDF stage found them (positions as the lines'). */
  fills: z.array(ColouredFill).optional(),
});
export type NormalisedPage = z.infer<typeof NormalisedPage>;

/** A page's layout without its text: where each run of the text sits (the store keeps it to draw the page when the PDF is gone). */
export type PageLayout = Omit<NormalisedPage, 'text'>;
